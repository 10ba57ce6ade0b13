tokenize ../../examples/article.txt | summarize --model model.tsv --words 60
