printf '# global.columns = ID FORM\n1\tterrible\n2\tmeeting\n\n' | sentiment --no-default-lexicon --lexicon extra.lex
