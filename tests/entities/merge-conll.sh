#!/bin/sh
# On the CoNLL-2003 dev set (gold tags, from $LEDE_SHARED, not in the
# tree): partials of four parts merged in three orders equal one --corpus
# run, byte for byte.
set -eu
bio=${LEDE_SHARED:-}/data/ner/conll2003.dev.bio
if [ ! -r "$bio" ]; then
	echo "no $bio"
	exit 77
fi
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
awk -v t="$t" '
BEGIN { h = "# global.columns = ID FORM NER" }
/^-DOCSTART-/ { d++; f = t "/part" (d % 4) ".in"
	if (!(f in seen)) { seen[f] = 1; print h > f }
	print "# newdoc id = dev-" d > f; getline; n = 0; next }
NF == 0 { if (n) print "" > f; n = 0; next }
{ n++; print n "\t" $1 "\t" $2 > f }' "$bio"
entities --corpus "$t"/part0.in "$t"/part1.in "$t"/part2.in "$t"/part3.in > "$t/all"
for i in 0 1 2 3; do
	entities --partial "$t/part$i.in" > "$t/p$i"
done
entities --merge "$t/p0" "$t/p1" "$t/p2" "$t/p3" > "$t/m1"
entities --merge "$t/p3" "$t/p1" "$t/p0" "$t/p2" > "$t/m2"
cat "$t/p2" "$t/p0" "$t/p3" "$t/p1" | entities --merge > "$t/m3"
cmp "$t/all" "$t/m1"
cmp "$t/all" "$t/m2"
cmp "$t/all" "$t/m3"
[ "$(wc -l < "$t/all")" -gt 1000 ]
