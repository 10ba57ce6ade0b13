#!/bin/sh
# A directory of more files than one command line holds (exec's ARG_MAX:
# here 2,500 names of 3,000 bytes, 7.5 MB) is read whole: lede hands the
# names to several tokenize runs in turn, and the reports are those of
# the files read one by one.  It failed whole with 'Argument list too
# long' and empty reports.
set -u
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
a=$(printf '%0250d' 0)
d=$t/in
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do d=$d/$a; done
mkdir -p "$d" || exit 1
i=0
while [ $i -lt 2500 ]; do
	echo "Article $i came from Lisbon." >"$d/$i.txt"
	i=$((i + 1))
done
for j in 1 2; do
	lede -q -j $j -f tsv --no-summaries "$t/in" >"$t/out$j" 2>"$t/err" ||
	    { echo "-j $j: exit status $?"; head -n 3 "$t/err"; exit 1; }
	[ ! -s "$t/err" ] || { echo "-j $j: messages"; head -n 3 "$t/err"; exit 1; }
done
cmp "$t/out1" "$t/out2" || exit 1
# one tone row and one entity (Lisbon) a file
n=$(sed -n '/^== tone/,/^== /p' "$t/out1" | grep -c '^/')
[ "$n" -eq 2500 ] || { echo "$n tone rows, 2500 expected"; exit 1; }
n=$(sed -n '/^== entities/,/^== /p' "$t/out1" | grep -c '	Lisbon	LOC	')
[ "$n" -eq 2500 ] || { echo "$n entity rows, 2500 expected"; exit 1; }
exit 0
