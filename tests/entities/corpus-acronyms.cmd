entities --corpus corpus-acronyms.in && echo && entities --partial corpus-acronyms.in | entities --merge
