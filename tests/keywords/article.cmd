tokenize ../../examples/article.txt | keywords
