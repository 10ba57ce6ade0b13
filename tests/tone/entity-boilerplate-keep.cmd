tokenize ../../examples/article.txt | ner-tag | sentiment | tone --by-entity --keep-boilerplate
