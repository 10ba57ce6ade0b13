tokenize wordends.txt | summarize --boilerplate
