tokenize --stats conventions.in > /dev/null
