tokenize ../../examples/article.txt | summarize
