tokenize --jsonl docs.jsonl | keywords -n 2
