entities -f jsonl article.in
