tokenize skip.txt | summarize -n 2 --skip '^(a|aa)+$' --skip '^(?:(\w)|\s)*z'
