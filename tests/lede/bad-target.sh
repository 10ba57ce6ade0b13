#!/bin/sh
# A report file that cannot be written (here a directory in its place)
# is named and the exit status is 1, but the other reports are written,
# the same as in a run without the obstacle.
set -u
top=${LEDE_TOP:?}
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
a=$top/examples/article.txt
for mode in "" "--fused"; do
	# shellcheck disable=SC2086
	lede -q $mode --corpus -o "$t/good" "$a" dump.jsonl || exit 1
	mkdir -p "$t/od/tone.tsv" "$t/od/keywords-corpus.tsv"
	# shellcheck disable=SC2086
	lede -q $mode --corpus -o "$t/od" "$a" dump.jsonl 2>"$t/err"
	st=$?
	[ $st -eq 1 ] || { echo "$mode: exit status $st, not 1"; exit 1; }
	for f in tone.tsv keywords-corpus.tsv; do
		grep -q "^lede: $t/od/$f: Is a directory$" "$t/err" || { echo "$mode: $f not named:"; cat "$t/err"; exit 1; }
	done
	for f in keywords.tsv entities.tsv summaries.tsv entities-corpus.tsv tone-corpus.tsv; do
		cmp "$t/good/$f" "$t/od/$f" || { echo "$mode: $f not written"; exit 1; }
	done
	rm -rf "$t/good" "$t/od"
done
echo "one report that cannot be written; the others are"
