#!/bin/sh
# lede --fused on a dump with corrupt records: every bad record is named
# with its line, the exit status is 1, every good document reaches every
# report, and the reports equal the pipe chain's, with -j 1 and -j 3.
set -u
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
# dump.jsonl with three bad records, at lines 3 (unterminated), 6 (no
# text) and 7 (invalid UTF-8)
cp corrupt.jsonl "$t/dump.jsonl"
for j in 1 3; do
	for fmt in tsv jsonl; do
		lede -q -j $j -f $fmt --corpus -o "$t/p" "$t/dump.jsonl" 2>/dev/null
		lede -q -j $j -f $fmt --corpus --fused -o "$t/f" "$t/dump.jsonl" 2>"$t/err"
		st=$?
		[ $st -eq 1 ] || { echo "-j $j: exit status $st, not 1"; exit 1; }
		for l in 3 6 7; do
			grep -q "dump.jsonl:$l:" "$t/err" || { echo "-j $j: line $l not named:"; cat "$t/err"; exit 1; }
		done
		grep -q 'errors above' "$t/err" || { echo "-j $j: no closing message"; exit 1; }
		diff -r "$t/p" "$t/f" || { echo "-j $j -f $fmt: fused differs"; exit 1; }
		rm -rf "$t/p" "$t/f"
	done
	lede -q -j $j --fused -o "$t/o" "$t/dump.jsonl" 2>/dev/null
	for id in port-1 bank-2 storm-3 tech-4 sport-5 farm-6; do
		for r in keywords entities tone summaries; do
			grep -q "^$id	" "$t/o/$r.tsv" || { echo "-j $j: $id missing from $r"; exit 1; }
		done
	done
	for id in broken-3 notext-6 badutf8-7; do
		grep -q "$id" "$t/o/tone.tsv" && { echo "-j $j: $id in tone"; exit 1; }
	done
	rm -rf "$t/o"
done
echo "fused: 6 good documents in every report, 3 bad records named, same as the pipe chain"
