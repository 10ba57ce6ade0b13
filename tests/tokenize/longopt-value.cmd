tokenize --jsonl=yes </dev/null
