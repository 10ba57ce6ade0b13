tokenize --jsonl docs.jsonl | summarize -n 1 -f jsonl --stats
