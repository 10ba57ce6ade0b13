#!/bin/sh
# A LEDE_DATA that holds no data: every tool that needs a shipped file
# names the file and the directory it looked in, and exits 1; without
# LEDE_DATA the message says to set it.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tokenize "$LEDE_TOP/examples/article.txt" > "$tmp/s" || exit 1
for t in ner-tag sentiment keywords summarize; do
	LEDE_DATA=$tmp/none $t "$tmp/s" > /dev/null 2> "$tmp/err"
	rc=$?
	[ $rc -eq 1 ] || { echo "$t: exit $rc, want 1"; exit 1; }
	grep -q "^$t: cannot find [^ ]* .*(not in LEDE_DATA=$tmp/none" "$tmp/err" ||
	    { echo "$t:"; cat "$tmp/err"; exit 1; }
done
LEDE_DATA=$tmp/none lede -q --fused "$LEDE_TOP/examples/article.txt" > /dev/null 2> "$tmp/err"
grep -q "^lede: cannot find .*(not in LEDE_DATA=$tmp/none)" "$tmp/err" ||
    { echo "lede:"; cat "$tmp/err"; exit 1; }
echo "a LEDE_DATA without the data is named in the message"
