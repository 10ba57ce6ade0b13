entities --help | head -n 1
