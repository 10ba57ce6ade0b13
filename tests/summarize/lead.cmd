tokenize ../../examples/article.txt | summarize --rank lead -n 2
