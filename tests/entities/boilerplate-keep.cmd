entities --keep-boilerplate boil.stream
