entities --version | grep '^entities (lede) [0-9][0-9.]*$'
