tokenize rules.txt | summarize -n 2
