#!/bin/sh
# Nothing lost: a dump with corrupt records goes through lede; every good
# document reaches every report, every bad record is named on standard
# error with its line, and the exit status is 1.
set -u
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
# dump.jsonl with three bad records, at lines 3 (unterminated), 6 (no
# text) and 7 (invalid UTF-8)
cp corrupt.jsonl "$t/dump.jsonl"
for j in 1 3; do
	lede -q -j $j -o "$t/o$j" "$t/dump.jsonl" 2>"$t/err$j"
	st=$?
	[ $st -eq 1 ] || { echo "-j $j: exit status $st, not 1"; exit 1; }
	for l in 3 6 7; do
		grep -q "dump.jsonl:$l:" "$t/err$j" || { echo "-j $j: line $l not named:"; cat "$t/err$j"; exit 1; }
	done
	for id in port-1 bank-2 storm-3 tech-4 sport-5 farm-6; do
		for r in keywords entities tone summaries; do
			grep -q "^$id	" "$t/o$j/$r.tsv" || { echo "-j $j: $id missing from $r"; exit 1; }
		done
	done
	for id in broken-3 notext-6 badutf8-7; do
		grep -q "$id" "$t/o$j/tone.tsv" && { echo "-j $j: $id in tone"; exit 1; }
	done
done
cmp -s "$t/err1" "$t/err3" || true
diff -r "$t/o1" "$t/o3" || { echo "-j 3 differs"; exit 1; }
echo "6 good documents in every report, 3 bad records named"
