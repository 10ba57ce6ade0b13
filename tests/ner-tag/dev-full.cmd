ner-tag < gold.in > /dev/full
