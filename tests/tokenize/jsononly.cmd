echo text | tokenize --title-field headline
