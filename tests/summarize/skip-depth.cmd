awk 'BEGIN { for (i = 0; i < 3000; i++) printf "word "; print "end." }' | tokenize | summarize --keep-boilerplate --skip '^(?:(\w)|\s)*z'
