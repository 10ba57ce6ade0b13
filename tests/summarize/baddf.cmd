tokenize ../../examples/article.txt | summarize --df ../keywords/baddf-order.tsv
