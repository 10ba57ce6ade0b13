tokenize ../../examples/article.txt | keywords -n 5 -f text
