#!/bin/sh
# A compressed input keeps its name: documents of compressed text files
# are named by the file (as given, with .gz), id-less records of a
# compressed dump FILE:LINE, and errors in it name the file and the line
# (of the decompressed text) as for the plain file.
set -u
top=${LEDE_TOP:?}
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
mkdir "$t/g"
gzip -c "$top/examples/article.txt" >"$t/g/one.txt.gz"
gzip -c "$top/examples/article.txt" >"$t/g/two.txt.gz"
for mode in "" "--fused"; do
	# shellcheck disable=SC2086
	lede -q $mode -j 1 -f tsv --no-summaries -o "$t/o" "$t/g" || { echo "$mode: run failed"; exit 1; }
	ids=$(cut -f1 "$t/o/tone.tsv" | sed 1d | tr '\n' ' ')
	[ "$ids" = "$t/g/one.txt.gz $t/g/two.txt.gz " ] || { echo "$mode: text ids '$ids'"; exit 1; }
	rm -rf "$t/o"
done
# a dump without ids, and one with bad lines (3, 6, 7)
sed 's/"id": "[^"]*", //' dump.jsonl | gzip -c >"$t/noid.jsonl.gz"
lede -q -j 1 -f tsv --no-summaries -o "$t/o" "$t/noid.jsonl.gz" || { echo "noid: run failed"; exit 1; }
ids=$(cut -f1 "$t/o/tone.tsv" | sed 1d | tr '\n' ' ')
want=""
for l in 1 2 3 4 5 6; do want="$want$t/noid.jsonl.gz:$l "; done
[ "$ids" = "$want" ] || { echo "noid ids '$ids'"; exit 1; }
gzip -c corrupt.jsonl >"$t/bad.jsonl.gz"
lede -q -j 1 -o "$t/b" "$t/bad.jsonl.gz" 2>"$t/err"
[ $? -eq 1 ] || { echo "bad dump: exit status not 1"; exit 1; }
for l in 3 6 7; do
	grep -q "^tokenize: $t/bad.jsonl.gz:$l: " "$t/err" || { echo "line $l not named:"; cat "$t/err"; exit 1; }
done
! grep -q stdin "$t/err" || { echo "stdin named:"; cat "$t/err"; exit 1; }
echo "compressed inputs keep their names in ids and messages"
