#!/bin/sh
# data/keywords/nophrase-en.txt decides which words, besides the stop
# words, never belong to a phrase: a word added to it leaves the phrases,
# and a missing or disordered list is reported with its file and line.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/data/keywords"
cp "$LEDE_TOP"/data/keywords/* "$tmp/data/keywords/"
l=$tmp/data/keywords/nophrase-en.txt
tokenize --jsonl "$LEDE_TOP/tests/keywords/amounts.jsonl" > "$tmp/s" || exit 1
LEDE_DATA=$tmp keywords --no-df -n 5 "$tmp/s" > "$tmp/out" 2> "$tmp/err" || { cat "$tmp/err"; exit 1; }
grep -q '	new container terminal	' "$tmp/out" || { echo "shipped list: want 'new container terminal'"; cat "$tmp/out"; exit 1; }
grep -q '	cts	\|	mln\|million' "$tmp/out" && { echo "shipped list: an amount in a phrase"; cat "$tmp/out"; exit 1; }
# "container" added: the phrase loses it
{ echo 'lede-stop 1'; echo "words $(($(tail -n +3 "$l" | wc -l) + 1))"; { tail -n +3 "$l"; echo container; } | LC_ALL=C sort; } > "$tmp/l2"
cp "$tmp/l2" "$l"
LEDE_DATA=$tmp keywords --no-df -n 5 "$tmp/s" > "$tmp/out" 2> "$tmp/err" || { cat "$tmp/err"; exit 1; }
grep -q 'container' "$tmp/out" && { echo "edited list: 'container' still in a phrase"; cat "$tmp/out"; exit 1; }
grep -q '	terminal' "$tmp/out" || { echo "edited list: want 'terminal'"; cat "$tmp/out"; exit 1; }
# summarize does not read it
LEDE_DATA=$tmp summarize -n 1 "$tmp/s" > "$tmp/sum" 2> "$tmp/err" || { cat "$tmp/err"; exit 1; }
summarize -n 1 "$tmp/s" | cmp -s - "$tmp/sum" || { echo "summarize changed with the list"; exit 1; }
# out of order
printf 'lede-stop 1\nwords 2\nmln\ncts\n' > "$l"
LEDE_DATA=$tmp keywords "$tmp/s" > "$tmp/out" 2> "$tmp/err"
[ $? -eq 1 ] || { echo "disordered list: want exit 1"; exit 1; }
grep -q "^keywords: $l:4: " "$tmp/err" || { cat "$tmp/err"; exit 1; }
rm "$l"
LEDE_DATA=$tmp keywords "$tmp/s" > "$tmp/out" 2> "$tmp/err"
[ $? -eq 1 ] || { echo "missing list: want exit 1"; exit 1; }
grep -q 'cannot find data/keywords/nophrase-en.txt' "$tmp/err" || { cat "$tmp/err"; exit 1; }
echo "nophrase-en.txt governs the phrases of keywords only; bad lists are reported"
