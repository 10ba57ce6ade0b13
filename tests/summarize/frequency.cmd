tokenize ../../examples/article.txt | summarize --rank frequency -n 2
