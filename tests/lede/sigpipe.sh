#!/bin/sh
# A reader that goes away (lede | head) stops lede as it stops the other
# tools: lede dies of SIGPIPE, quietly (status 141), and removes its
# temporary directory, with -j 1 and -j 2, in the pipe chain and fused.
set -u
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
mkdir "$t/tmp"
export TMPDIR="$t/tmp"
# reports larger than lede's output buffer: 20 copies of the dump
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
	sed "s/\"id\": \"\([^\"]*\)\"/\"id\": \"\1-$i\"/" dump.jsonl
done >"$t/d.jsonl"
for mode in "" "--fused"; do
	for j in 1 2; do
		# the reader is gone before lede writes its first byte
		# shellcheck disable=SC2086
		{ lede -q $mode -j $j --corpus -f tsv "$t/d.jsonl" 2>"$t/err"; echo $? >"$t/st"; } | :
		st=$(cat "$t/st")
		[ "$st" -eq 141 ] || { echo "$mode -j $j: exit status $st, not 141"; cat "$t/err"; exit 1; }
		[ ! -s "$t/err" ] || { echo "$mode -j $j: messages:"; cat "$t/err"; exit 1; }
		[ -z "$(ls "$t/tmp")" ] || { echo "$mode -j $j: temporary files left:"; ls -R "$t/tmp"; exit 1; }
	done
done
echo "a closed output pipe: SIGPIPE, quietly, nothing left behind"
