tokenize ../../examples/article.txt | summarize --ratio 0.2
