#!/bin/sh
# Every kind of input gives the same reports as the plain dump: gzip- and
# zstd-compressed dumps, standard input, and CoNLL-U (our own stream's
# tokens written as CoNLL-U, as UDPipe or Stanza would).
set -u
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
lede -q -o "$t/plain" dump.jsonl || exit 1
gzip -c dump.jsonl >"$t/d.jsonl.gz"
lede -q -o "$t/gz" "$t/d.jsonl.gz" || exit 1
diff -r "$t/plain" "$t/gz" || { echo "gzip input differs"; exit 1; }
if command -v zstd >/dev/null 2>&1; then
	zstd -q -c dump.jsonl >"$t/d.jsonl.zst"
	lede -q -o "$t/zst" "$t/d.jsonl.zst" || exit 1
	diff -r "$t/plain" "$t/zst" || { echo "zstd input differs"; exit 1; }
fi
lede -q --input jsonl -o "$t/stdin" - <dump.jsonl || exit 1
diff -r "$t/plain" "$t/stdin" || { echo "standard input differs"; exit 1; }
# CoNLL-U with the same tokens and sentences as tokenize makes
tokenize --jsonl dump.jsonl | awk -F'\t' '
	/^# global/ { next }
	/^# newdoc/ || /^# text/ || /^# sent_id/ || /^# newpar/ { print; next }
	/^#/ { next }
	NF == 0 { print ""; next }
	{ sa = "_" }
	{ line[NR] = $1 "\t" $2 "\t_\t_\t_\t_\t_\t_\t_\t"; st[NR] = $3; en[NR] = $4 }
	{ print $1 "\t" $2 "\t_\t_\t_\t_\t_\t_\t_\t_" }
' >"$t/d.conllu"
lede -q -o "$t/conllu" "$t/d.conllu" || exit 1
# the document ids and tokens are the same, so the entities are
# the offsets (first) count paragraph breaks as CoNLL-U rebuilds them
cut -f1-4,6- "$t/plain/entities.tsv" >"$t/a"; cut -f1-4,6- "$t/conllu/entities.tsv" >"$t/b"
diff "$t/a" "$t/b" >/dev/null ||
    { echo "CoNLL-U input gives other entities:"; diff "$t/plain/entities.tsv" "$t/conllu/entities.tsv" | head; exit 1; }
echo "gzip, zstd, standard input and CoNLL-U give the same reports"
