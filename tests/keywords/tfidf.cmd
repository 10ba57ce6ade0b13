tokenize ../../examples/article.txt | keywords -n 5 --rank tfidf
