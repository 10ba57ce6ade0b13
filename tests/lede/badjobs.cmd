lede -j 0 dump.jsonl
