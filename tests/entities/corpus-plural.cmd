entities --corpus corpus-plural.in && echo && entities --partial corpus-plural.in | entities --merge
