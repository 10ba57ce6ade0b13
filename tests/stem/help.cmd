stem --help | head -n 1
