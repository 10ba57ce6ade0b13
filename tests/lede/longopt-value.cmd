lede --corpus=1 dump.jsonl
