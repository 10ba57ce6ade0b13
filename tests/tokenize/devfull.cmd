tokenize ../../examples/article.txt > /dev/full
