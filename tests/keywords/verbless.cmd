tokenize --jsonl verbless.jsonl | keywords -n 3 && tokenize --jsonl verbless.jsonl | keywords -n 3 --param verbgap=0
