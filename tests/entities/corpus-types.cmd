entities --corpus corpus-types.in && echo && entities --partial corpus-types.in | entities --merge
