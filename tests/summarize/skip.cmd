tokenize skip.txt | summarize --boilerplate --skip '(?i)^listen to this' --skip 'Gazette desk\.$'
