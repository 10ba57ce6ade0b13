tokenize ../../examples/article.txt | summarize --boilerplate
