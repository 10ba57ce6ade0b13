: | tokenize | summarize --features -f tsv
