entities -f jsonl rule-near-miss.in
