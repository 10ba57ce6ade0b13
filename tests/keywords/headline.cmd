# The "# title" of a record is its first sentence (--param headline): a
# phrase only the title holds (h1) is shown as the title writes it, one
# the text holds too (h2) as the text writes it.  A title that the text
# repeats, in any case and over one or more sentences (h3, h4), is not
# added again: those documents rank as they do without a title.  A word
# the lexicon knows only as a verb, which the tagger reads as a plural
# noun after a subject, is the headline's verb (h5: "begins"), not after
# a preposition (h6: "of random walks").
t=${TMPDIR:-/tmp}/lede-kw-headline.$$
mkdir -p "$t"
tokenize --jsonl headline.jsonl > "$t/s"
keywords --no-df -n 3 "$t/s" > "$t/kw"
cat "$t/kw"
for d in h3 h4; do
	grep "^$d	" "$t/kw" > "$t/a"
	grep "^$d-untitled	" "$t/kw" | sed "s/^$d-untitled/$d/" > "$t/b"
	test -s "$t/a" && cmp -s "$t/a" "$t/b" && echo "$d ranks as without its title"
done
echo "with --param headline=0:"
keywords --no-df -n 3 --param headline=0 "$t/s" | grep '^h[12]	'
rm -rf "$t"
