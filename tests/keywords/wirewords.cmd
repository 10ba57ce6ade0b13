# Words of the wire that name no topic: "QTR" and "qtly" (with months
# and amounts in nophrase-en.txt), "spokesman" and its kin; and no
# phrase ends in an ordinal ("GENCORP 1ST QTR" gives "GENCORP").
tokenize --jsonl wirewords.jsonl | keywords --no-df
