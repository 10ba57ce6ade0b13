tokenize ../../examples/article.txt | keywords -n 3 -f jsonl
