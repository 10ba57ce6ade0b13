tokenize ../../examples/article.txt | stem | keywords
