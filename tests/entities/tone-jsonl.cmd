entities -f jsonl tone.in
