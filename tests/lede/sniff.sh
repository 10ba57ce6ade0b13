#!/bin/sh
# The kind of a file that --input does not force is read from its first
# bytes too: a JSON Lines dump named .json (first byte not white space a
# '{') is a dump, also inside a directory and cut into slices; a .json
# file of plain text stays one article; --input text forces text; a
# token stream (first line '# global.columns') is named and skipped,
# with the other inputs read.
set -u
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
mkdir -p "$t/tree/sub"
{ echo; cat dump.jsonl; } >"$t/tree/sub/dump.json"
printf 'Harbour officials in Rotterdam said on Friday that the new terminal was busy.\n' >"$t/tree/note.json"
lede -q -j 1 --no-summaries -o "$t/plain" dump.jsonl || exit 1
for j in 1 3; do
	lede -q -j $j --no-summaries -o "$t/tree$j" "$t/tree" 2>"$t/err" ||
	    { echo "-j $j: exit status $?"; cat "$t/err"; exit 1; }
	[ ! -s "$t/err" ] || { echo "-j $j: messages:"; cat "$t/err"; exit 1; }
	ids=$(cut -f1 "$t/tree$j/tone.tsv" | sed 1d | tr '\n' ' ')
	[ "$ids" = "$t/tree/note.json port-1 bank-2 storm-3 tech-4 sport-5 farm-6 " ] ||
	    { echo "-j $j: ids '$ids'"; exit 1; }
	grep -v "note.json" "$t/tree$j/keywords.tsv" | cmp - "$t/plain/keywords.tsv" ||
	    { echo "-j $j: the .json dump gives other keywords"; exit 1; }
done
lede -q --input text -f tsv --no-summaries "$t/tree/sub/dump.json" >"$t/out" || exit 1
ids=$(awk '/^== tone/ { on = 1; next } on && NF' "$t/out" | cut -f1 | sed 1d)
[ "$ids" = "$t/tree/sub/dump.json" ] || { echo "--input text: ids '$ids'"; exit 1; }
# a token stream, by name or in a directory
tokenize --jsonl dump.jsonl | stem >"$t/tree/stream.txt" || exit 1
lede -q -j 2 --no-summaries -o "$t/stream" "$t/tree" 2>"$t/err"
st=$?
[ $st -eq 1 ] || { echo "token stream: exit status $st, not 1"; cat "$t/err"; exit 1; }
grep -q "^lede: $t/tree/stream.txt: a token stream already ('# global.columns'), skipped: pipe it to keywords" "$t/err" ||
    { echo "token stream: messages:"; cat "$t/err"; exit 1; }
cmp "$t/stream/keywords.tsv" "$t/tree1/keywords.tsv" || { echo "token stream: the other inputs differ"; exit 1; }
echo "a .json dump is a dump, a token stream is refused"
