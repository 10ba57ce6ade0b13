tokenize --jsonl docs.jsonl | keywords --build-df --min-df 1
