entities --corpus corpus-designators.in && echo && entities --partial corpus-designators.in | entities --merge
