tokenize ../../examples/article.txt | summarize -n 3 --param mmr=0.5 --no-df
