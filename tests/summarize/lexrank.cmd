tokenize ../../examples/article.txt | summarize --rank lexrank -n 2
