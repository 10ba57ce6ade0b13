tokenize --jsonl docs.jsonl | keywords --corpus -n 6
