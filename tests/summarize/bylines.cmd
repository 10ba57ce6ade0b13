tokenize bylines.txt | summarize --boilerplate
