tokenize --jsonl datelines.jsonl | keywords --no-df -n 10
