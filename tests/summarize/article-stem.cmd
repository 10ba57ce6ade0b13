tokenize ../../examples/article.txt | stem | summarize
