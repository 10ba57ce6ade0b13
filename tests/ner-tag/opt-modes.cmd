# exclusive modes, and options that would do nothing, are usage errors
ner-tag --eval --score small.bio 2>&1; echo "status $?"
ner-tag --score --eval small.bio 2>&1; echo "status $?"
ner-tag --list --eval small.bio 2>&1; echo "status $?"
ner-tag --score --list 2>&1; echo "status $?"
ner-tag --score -m /nonexistent < score.in 2>&1; echo "status $?"
ner-tag --list small.bio 2>&1; echo "status $?"
ner-tag --stats --eval small.bio 2>&1; echo "status $?"
ner-tag --stats --score < score.in 2>&1; echo "status $?"
ner-tag --stats --list 2>&1; echo "status $?"
# --list with --types: the types it selects
ner-tag --types PER,DATE --list; echo "status $?"
ner-tag --types model,MONEY --list; echo "status $?"
# a mode given twice is that mode
ner-tag --eval --eval small.bio | head -1; echo "status $?"
