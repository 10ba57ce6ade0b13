#!/bin/sh
# lede gives the same reports, byte for byte, whatever -j is: the parts'
# per-document reports are put together in input order and the corpus
# reports are merged from partials.
set -u
top=${LEDE_TOP:?}
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
mkdir "$t/in" "$t/in/sub"
cp "$top/examples/article.txt" "$t/in/a.txt"
cp dump.jsonl "$t/in/sub/b.jsonl"
awk 'NR <= 3' dump.jsonl > "$t/in/c.jsonl"
for fmt in tsv jsonl; do
	for j in 1 2 5; do
		lede -q --corpus -f "$fmt" -j "$j" -o "$t/out$j" "$t/in" || exit 1
	done
	for j in 2 5; do
		diff -r "$t/out1" "$t/out$j" >"$t/diff" || { echo "$fmt: -j $j differs from -j 1"; head -n 20 "$t/diff"; exit 1; }
	done
	n=$(ls "$t/out1" | wc -l)
	[ "$n" -eq 7 ] || { echo "$fmt: $n report files, not 7"; ls "$t/out1"; exit 1; }
	rm -rf "$t"/out*
done
# every document of the input has its tone row: 1 + 6 + 3
lede -q -j 3 -f tsv -o "$t/o" "$t/in" || exit 1
rows=$(($(wc -l < "$t/o/tone.tsv") - 1))
[ "$rows" -eq 10 ] || { echo "tone.tsv has $rows rows, not 10"; exit 1; }
echo "same reports for -j 1, 2 and 5"
