#!/bin/sh
# lede --fused equals the pipe chain, byte for byte, on the Reuters-21578
# dump (the first 1500 articles in the sanitizer and valgrind runs), with
# -j 2 and --corpus, in TSV and JSON Lines.
set -u
reuters=${LEDE_SHARED:-}/data/corpus/reuters21578.jsonl
[ -f "$reuters" ] || { echo "no shared data ($reuters)"; exit 77; }
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
if [ -n "${LEDE_SLOW:-}" ]; then head -n 1500 "$reuters"; else cat "$reuters"; fi >"$t/r.jsonl"
for fmt in tsv jsonl; do
	lede -q -j 2 --corpus -f $fmt -o "$t/p" "$t/r.jsonl" || { echo "pipe run failed"; exit 1; }
	lede -q -j 2 --corpus -f $fmt --fused -o "$t/f" "$t/r.jsonl" || { echo "fused run failed"; exit 1; }
	diff -r "$t/p" "$t/f" >"$t/diff" || { echo "-f $fmt: fused differs"; head -n 20 "$t/diff"; exit 1; }
	rm -rf "$t/p" "$t/f"
done
echo "fused equals the pipe chain on $(wc -l <"$t/r.jsonl") Reuters articles"
