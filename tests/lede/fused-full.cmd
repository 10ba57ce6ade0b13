lede --fused -q dump.jsonl > /dev/full
