tokenize ../../examples/article.txt | summarize --keep-boilerplate --rank lead -n 2
