entities boil.stream
