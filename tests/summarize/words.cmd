tokenize ../../examples/article.txt | summarize --words 60
