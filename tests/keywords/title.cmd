tokenize --jsonl title.jsonl | keywords --no-df -n 5 --param title=1 --param leadwords=0.5 --param headline=0
