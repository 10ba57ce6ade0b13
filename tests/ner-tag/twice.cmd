ner-tag < gold.in | ner-tag
