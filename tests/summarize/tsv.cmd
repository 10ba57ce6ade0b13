tokenize ../../examples/article.txt | summarize -n 2 -f tsv
