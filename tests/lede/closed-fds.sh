#!/bin/sh
# lede started with standard input closed (<&-, as a daemon or a job
# scheduler may start it) writes the reports it writes with /dev/null
# there: the first pipe took descriptor 0 and the chains read and wrote
# the wrong ends (empty reports, 'write error: Bad file descriptor',
# exit status 1).  - is then an error of its own; a closed standard
# output without -o is said at once.
set -u
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fail=0
lede -q -f tsv --corpus dump.jsonl >"$t/want" </dev/null || exit 1
for m in "" --fused; do
	lede -q -f tsv --corpus $m dump.jsonl >"$t/got" 2>"$t/err" <&-
	st=$?
	{ [ $st -eq 0 ] && [ ! -s "$t/err" ] && cmp -s "$t/want" "$t/got"; } ||
	    { echo "<&- $m: status $st, or other reports"; head -n 3 "$t/err"; fail=1; }
	lede -q -o "$t/o$m" dump.jsonl 2>"$t/err" <&- >&-
	st=$?
	{ [ $st -eq 0 ] && [ ! -s "$t/err" ] && [ -s "$t/o$m/tone.tsv" ]; } ||
	    { echo "-o, <&- >&- $m: status $st"; head -n 3 "$t/err"; fail=1; }
done
lede -q -f tsv - dump.jsonl >"$t/got" 2>"$t/err" <&-
st=$?
{ [ $st -eq 1 ] && grep -q '^lede: <stdin>: Bad file descriptor$' "$t/err"; } ||
    { echo "- <&-: status $st"; cat "$t/err"; fail=1; }
lede -q -f tsv dump.jsonl 2>"$t/err" >&-
st=$?
{ [ $st -eq 1 ] && grep -q '^lede: <stdout>: write error: Bad file descriptor$' "$t/err"; } ||
    { echo ">&-: status $st"; cat "$t/err"; fail=1; }
exit $fail
