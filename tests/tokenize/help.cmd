tokenize --help | head -n 1
