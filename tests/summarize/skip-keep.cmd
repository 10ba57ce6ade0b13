tokenize skip.txt | summarize --boilerplate --keep-boilerplate --skip '(?i)^listen to this'
