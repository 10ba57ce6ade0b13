#!/bin/sh
# Messages of tools that share standard error (a pipeline, lede's chains,
# a batch job's log) stay whole lines: each is written at once, so that
# two tools' messages never run into each other.
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
awk 'BEGIN { print "# global.columns = ID FORM SENT"
	for (d = 1; d <= 2000; d++) {
		print "# newdoc id = d" d; print "# sentiment = 0.5"
		print "1\tgood\t1"; print "2\tnews\t0"; print "" } }' >"$t/s"
# every document is over the limit: one message a document from each of
# four tools at once (before the fix, dozens of lines ran together)
(
	LEDE_DOC_MAX=1 keywords "$t/s" >/dev/null &
	LEDE_DOC_MAX=1 tone "$t/s" >/dev/null &
	LEDE_DOC_MAX=1 summarize "$t/s" >/dev/null &
	LEDE_DOC_MAX=1 keywords "$t/s" >/dev/null &
	wait
) 2>&1 | cat >"$t/err"
n=$(grep -c . "$t/err")
bad=$(grep -c -v -E '^(keywords|tone|summarize): [^ ]*/s:[0-9]+: document longer than 1 rows \(document d[0-9]+ skipped\)$' "$t/err")
if [ "$n" -ne 8000 ] || [ "$bad" -ne 0 ]; then
	echo "$n lines (8000 expected), $bad not whole:"
	grep -v -E '^(keywords|tone|summarize): ' "$t/err" | head -n 5
	exit 1
fi
exit 0
