tokenize --jsonl docs.jsonl | keywords --corpus --partial
