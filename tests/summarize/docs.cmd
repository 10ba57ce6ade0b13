tokenize --jsonl docs.jsonl | summarize -n 1
