# standard input is read once: - given twice is a usage error (the second - read
# an empty input: with --name, an empty second document of the same id)
printf 'Hi there.\n' | tokenize - - 2>&1; echo "status $?"
printf 'Hi there.\n' | tokenize --name a.txt - - 2>&1; echo "status $?"
printf '{"text": "Hi."}\n' | tokenize --jsonl - - 2>&1; echo "status $?"
# --name without - among the files names nothing
tokenize --name a.txt /dev/null 2>&1; echo "status $?"
# options of text and JSON Lines do nothing to CoNLL-U
for o in '--hyphens keep' '--paragraphs line' '--abbr-period keep' --replace --cp1252 '--max-size 10'; do
	tokenize --conllu $o < /dev/null 2>&1; echo "status $?"
done
# what does go together
printf 'Hi there.\n' | tokenize --name a.txt /dev/null - | grep -c '^# newdoc'; echo "status $?"
