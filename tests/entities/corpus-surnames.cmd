entities --corpus corpus-surnames.in && echo && entities --partial corpus-surnames.in | entities --merge
