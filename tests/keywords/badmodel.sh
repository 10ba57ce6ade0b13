#!/bin/sh
# A damaged or missing tagger model: keywords says which file and why and
# exits 1; --param tagger=0 runs without it (the word-class lexicon alone).
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/data/keywords"
cp "$LEDE_TOP"/data/keywords/*.tsv "$LEDE_TOP"/data/keywords/*.txt "$tmp/data/keywords/"
m=$tmp/data/keywords/postag-en.model
tokenize "$LEDE_TOP/examples/article.txt" > "$tmp/s" || exit 1
LEDE_DATA=$tmp keywords "$tmp/s" > "$tmp/out" 2> "$tmp/err"
[ $? -eq 1 ] || { echo "missing model: want exit 1"; exit 1; }
grep -q 'cannot find data/keywords/postag-en.model' "$tmp/err" || { cat "$tmp/err"; exit 1; }
head -c 1000 "$LEDE_TOP/data/keywords/postag-en.model" > "$m"
LEDE_DATA=$tmp keywords "$tmp/s" > "$tmp/out" 2> "$tmp/err"
[ $? -eq 1 ] || { echo "truncated model: want exit 1"; exit 1; }
grep -q "^keywords: $m: bad checksum\$" "$tmp/err" || { cat "$tmp/err"; exit 1; }
printf 'LEDEPOS2' | dd of="$m" conv=notrunc 2>/dev/null
LEDE_DATA=$tmp keywords "$tmp/s" > "$tmp/out" 2> "$tmp/err"
grep -q "^keywords: $m: bad magic\$" "$tmp/err" || { cat "$tmp/err"; exit 1; }
LEDE_DATA=$tmp keywords --param tagger=0 "$tmp/s" > "$tmp/out" 2> "$tmp/err" || exit 1
[ -s "$tmp/out" ] && [ ! -s "$tmp/err" ] || { echo "tagger=0 failed"; exit 1; }
echo "damaged and missing models are reported; tagger=0 runs without one"
