tokenize --jsonl designators.jsonl | ner-tag | keywords --no-df -n 6
