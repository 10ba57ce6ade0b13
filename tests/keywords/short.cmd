tokenize --jsonl short.jsonl | keywords -n 5 && tokenize --jsonl short.jsonl | keywords -n 5 --param short=0
