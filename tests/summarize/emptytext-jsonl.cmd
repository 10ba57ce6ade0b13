summarize -f jsonl < emptytext.in
