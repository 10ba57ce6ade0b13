tokenize --jsonl --lines 2-3 lines.jsonl; echo "status $?"
tokenize --jsonl --lines 4- lines.jsonl | grep newdoc
tokenize --jsonl --lines 3-2 lines.jsonl
