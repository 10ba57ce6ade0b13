#!/bin/sh
# Input names that start with - are read as files, not taken for
# options of tokenize: a text file -x.txt, a file named --stats, a dump
# -d.jsonl cut into slices (-j 3), a compressed -z.txt.gz.
set -u
top=${LEDE_TOP:?}
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
cd "$t" || exit 1
cp "$top/examples/article.txt" ./-x.txt
cp "$top/examples/article.txt" ./--stats
gzip -c "$top/examples/article.txt" >./-z.txt.gz
cat "$OLDPWD/dump.jsonl" "$OLDPWD/dump.jsonl" >./-d.jsonl
for j in 1 3; do
	lede -q -j $j -f tsv --no-summaries -o o$j -- -x.txt --stats -z.txt.gz -d.jsonl 2>err ||
	    { echo "-j $j: exit status not 0"; cat err; exit 1; }
	[ ! -s err ] || { echo "-j $j: messages:"; cat err; exit 1; }
	ids=$(cut -f1 o$j/tone.tsv | sed -n '2,4p' | tr '\n' ' ')
	[ "$ids" = "-x.txt --stats -z.txt.gz " ] || { echo "-j $j: ids '$ids'"; exit 1; }
	rows=$(($(wc -l <o$j/tone.tsv) - 1))
	[ "$rows" -eq 15 ] || { echo "-j $j: $rows tone rows, not 15"; exit 1; }
done
diff -r o1 o3 || { echo "-j 3 differs from -j 1"; exit 1; }
echo "names starting with - are files"
