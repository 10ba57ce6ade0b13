tokenize --jsonl amounts.jsonl | keywords --no-df -n 5
