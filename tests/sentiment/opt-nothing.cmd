# --check-lexicon reads no token stream: a file, --context or --stats with it
# is a usage error ('--check-lexicon extra.lex' checked the shipped lexicon alone)
sentiment --check-lexicon extra.lex 2>&1; echo "status $?"
sentiment --check-lexicon --context 2>&1; echo "status $?"
sentiment --check-lexicon --stats 2>&1; echo "status $?"
sentiment --check-lexicon --no-default-lexicon --lexicon extra.lex; echo "status $?"
