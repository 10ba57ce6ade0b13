#!/bin/sh
# FIFOs and character devices are inputs, read once as one part (never
# cut into slices): process substitution, a named FIFO (also through
# gzip), a text FIFO named as the document; /dev/null is an empty input.
set -u
top=${LEDE_TOP:?}
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
mkfifo "$t/f.jsonl" "$t/g.jsonl.gz" "$t/a.txt" || exit 77
lede -q -j 1 -o "$t/plain" dump.jsonl || exit 1
for j in 1 3; do
	# as process substitution: /dev/fd/N, a pipe lede's stages do not inherit
	cat dump.jsonl | lede -q -j $j --input jsonl -o "$t/sub$j" /dev/fd/3 3<&0 </dev/null 2>"$t/err" ||
	    { echo "-j $j <(...): exit status $?"; cat "$t/err"; exit 1; }
	[ ! -s "$t/err" ] || { echo "-j $j <(...): messages:"; cat "$t/err"; exit 1; }
	diff -r "$t/plain" "$t/sub$j" || { echo "-j $j <(...) differs"; exit 1; }
	cat dump.jsonl >"$t/f.jsonl" &
	gzip -c dump.jsonl >"$t/g.jsonl.gz" &
	lede -q -j $j -o "$t/fifo$j" "$t/f.jsonl" "$t/g.jsonl.gz" 2>"$t/err" ||
	    { echo "-j $j FIFOs: exit status $?"; cat "$t/err"; exit 1; }
	wait
	[ ! -s "$t/err" ] || { echo "-j $j FIFOs: messages:"; cat "$t/err"; exit 1; }
	rows=$(($(wc -l <"$t/fifo$j/tone.tsv") - 1))
	[ "$rows" -eq 12 ] || { echo "-j $j FIFOs: $rows tone rows, not 12"; exit 1; }
	cat "$top/examples/article.txt" >"$t/a.txt" &
	lede -q -j $j -f tsv --no-summaries "$t/a.txt" >"$t/out" 2>"$t/err" ||
	    { echo "-j $j text FIFO: exit status $?"; cat "$t/err"; exit 1; }
	wait
	ids=$(awk '/^== tone/ { on = 1; next } on && NF' "$t/out" | cut -f1 | sed 1d)
	[ "$ids" = "$t/a.txt" ] || { echo "-j $j text FIFO: ids '$ids'"; cat "$t/err"; exit 1; }
done
# a device: /dev/null is an empty input, every report with its header only
lede -q -f tsv /dev/null >"$t/null" 2>"$t/err" || { echo "/dev/null: exit status $?"; cat "$t/err"; exit 1; }
[ ! -s "$t/err" ] || { echo "/dev/null: messages:"; cat "$t/err"; exit 1; }
lede -q -f tsv --input jsonl - </dev/null >"$t/empty" || exit 1
cmp "$t/empty" "$t/null" || { echo "/dev/null differs from an empty standard input"; exit 1; }
echo "FIFOs and devices are read once, in one part"
