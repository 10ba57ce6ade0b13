tokenize ../../examples/article.txt | summarize --features --words 60
