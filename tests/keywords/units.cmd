tokenize --jsonl units.jsonl | keywords --no-df -n 6
