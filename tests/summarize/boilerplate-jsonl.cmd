tokenize ../../examples/article.txt | summarize --boilerplate -f jsonl
