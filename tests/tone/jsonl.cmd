tone -f jsonl basic.in
