tokenize rules.txt | summarize --boilerplate
