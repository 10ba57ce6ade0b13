lede -q dump.jsonl > /dev/full
