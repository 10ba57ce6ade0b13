lede --fused -j 0 dump.jsonl
