#!/bin/sh
# - (standard input) is read in its place when it shares a part with
# other files of its kind, and the reports are the same for every -j:
# a text article on standard input beside a text file, and a dump on
# standard input beside a dump.
set -u
top=${LEDE_TOP:?}
a=$top/examples/article.txt
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
cp "$a" "$t/b.txt"
for mode in "" "--fused"; do
	for j in 1 2; do
		# shellcheck disable=SC2086
		lede -q $mode -j "$j" -f tsv --no-summaries -o "$t/t$j" - "$t/b.txt" <"$a" ||
		    { echo "$mode -j $j: text run failed"; exit 1; }
		# shellcheck disable=SC2086
		lede -q $mode -j "$j" --input jsonl -f tsv --no-summaries -o "$t/d$j" - dump.jsonl <dump.jsonl ||
		    { echo "$mode -j $j: jsonl run failed"; exit 1; }
	done
	ids=$(cut -f1 "$t/t1/tone.tsv" | sed 1d | tr '\n' ' ')
	[ "$ids" = "stdin $t/b.txt " ] || { echo "$mode: text tone ids '$ids', not stdin and b.txt"; exit 1; }
	rows=$(($(wc -l <"$t/d1/tone.tsv") - 1))
	[ "$rows" -eq 12 ] || { echo "$mode: $rows tone rows for two dumps, not 12"; exit 1; }
	for x in t d; do
		diff -r "$t/${x}1" "$t/${x}2" || { echo "$mode: -j 2 differs from -j 1 ($x)"; exit 1; }
	done
	rm -rf "$t"/t? "$t"/d?
done
echo "standard input beside files: read in its place, the same for -j 1 and 2"
