tokenize --jsonl docs.jsonl | keywords --df /nonexistent/df.tsv
