printf '# global.columns = ID FORM\n1\tgood\n2\tmeeting\n3\tis\n4\tgreat\n\n1\ta\n2\tgreat\n3\tdeal\n\n' | sentiment --lexicon extra.lex
