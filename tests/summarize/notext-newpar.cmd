tokenize rules.txt | grep -v '^# text = ' | summarize --boilerplate
