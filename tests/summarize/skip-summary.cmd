tokenize skip.txt | summarize -n 2 --skip '(?i)^listen to this' --skip 'Gazette desk\.$'
