#!/bin/sh
# lede --fused (one process a part for the filters and the reports) writes
# the same reports, byte for byte, as the pipe chain: on the sample
# article, the test dump and a generated dump, in every format, with -j 1
# -j 2 and -j 3 (the last part to finish merges the others' corpus
# partials itself), with and without --corpus and -n, to files and to standard
# output, from files and from standard input.
set -u
top=${LEDE_TOP:?}
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
mkdir "$t/in"
cp "$top/examples/article.txt" "$t/in/a.txt"
cp dump.jsonl "$t/in/b.jsonl"
awk -v n=8 '{ line[NR] = $0 } END {
	for (i = 1; i <= n; i++)
		for (j = 1; j <= NR; j++) {
			s = line[j]; sub(/"id": "/, "\"id\": \"g" i "-", s); print s
		}
}' dump.jsonl >"$t/in/gen.jsonl"
runs=0
for fmt in tsv jsonl text; do
	for j in 1 2 3; do
		for opt in "" "--corpus" "--corpus -n 3"; do
			# shellcheck disable=SC2086
			lede -q -f "$fmt" -j "$j" $opt -o "$t/pipe" "$t/in" || { echo "pipe run failed"; exit 1; }
			# shellcheck disable=SC2086
			lede -q --fused -f "$fmt" -j "$j" $opt -o "$t/fused" "$t/in" ||
			    { echo "-f $fmt -j $j $opt: fused run failed"; exit 1; }
			diff -r "$t/pipe" "$t/fused" >"$t/diff" ||
			    { echo "-f $fmt -j $j $opt: fused differs"; head -n 20 "$t/diff"; exit 1; }
			[ -s "$t/fused/keywords.$( [ "$fmt" = text ] && echo txt || echo "$fmt")" ] ||
			    { echo "-f $fmt: empty keyword report"; exit 1; }
			rm -rf "$t/pipe" "$t/fused"
			runs=$((runs + 1))
		done
	done
done
# all reports on standard output; standard input as the input
lede -q --corpus "$t/in" >"$t/p.out" || exit 1
lede -q --corpus --fused "$t/in" >"$t/f.out" || exit 1
cmp "$t/p.out" "$t/f.out" || { echo "standard output differs"; exit 1; }
lede -q -j 2 --input jsonl - <"$t/in/gen.jsonl" >"$t/p.out" || exit 1
lede -q -j 2 --fused --input jsonl - <"$t/in/gen.jsonl" >"$t/f.out" || exit 1
cmp "$t/p.out" "$t/f.out" || { echo "standard input: fused differs"; exit 1; }
grep -q '^g8-farm-6' "$t/f.out" || { echo "last generated document missing"; exit 1; }
# documents over LEDE_DOC_MAX rows: left out of keywords, tone and the
# summaries, kept in entities, in both modes; each is named
LEDE_DOC_MAX=40 lede -q -j 1 --corpus -o "$t/p" dump.jsonl 2>/dev/null
LEDE_DOC_MAX=40 lede -q -j 1 --corpus --fused -o "$t/f" dump.jsonl 2>"$t/err"
[ $? -eq 1 ] || { echo "LEDE_DOC_MAX: exit status not 1"; exit 1; }
diff -r "$t/p" "$t/f" || { echo "LEDE_DOC_MAX: fused differs"; exit 1; }
[ "$(grep -c '^lede: <stdin>:[0-9]*: document longer than 40 rows' "$t/err")" -eq 6 ] ||
    { echo "LEDE_DOC_MAX: documents not named:"; cat "$t/err"; exit 1; }
grep -q '^port-1	' "$t/f/entities.tsv" || { echo "LEDE_DOC_MAX: entities lost port-1"; exit 1; }
# --stats: the fused chain of each part counts what it read and wrote
lede -q --fused --stats -j 1 -o "$t/s" dump.jsonl 2>"$t/err" || exit 1
grep -q '^lede: fused chain (part 1): 6 documents, [0-9]* sentences in; 6 documents, [0-9]* sentences out$' "$t/err" ||
    { echo "--stats:"; cat "$t/err"; exit 1; }
grep -q '^summarize: 6 documents' "$t/err" || { echo "--stats: no summarize line"; exit 1; }
echo "$runs fused runs equal the pipe chain"
