# --features -f jsonl: one object a sentence, the TSV's columns by name (it wrote the TSV)
tokenize ../../examples/article.txt | summarize --features --words 60 -f jsonl
: | tokenize | summarize --features -f jsonl; echo "empty: status $?"
