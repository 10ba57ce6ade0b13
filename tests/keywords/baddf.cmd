tokenize --jsonl docs.jsonl | keywords --df baddf-order.tsv
