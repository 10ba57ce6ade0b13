#!/bin/sh
# Partial reports merge to exactly what one --corpus run prints, byte for
# byte, whatever the split and the order of the parts.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tokenize --jsonl docs.jsonl >"$tmp/all"
for fmt in tsv jsonl text; do
	keywords --corpus -n 8 -f "$fmt" "$tmp/all" >"$tmp/want.$fmt"
done
# one document a part, by the "# newdoc" lines
awk -v dir="$tmp" 'NR == 1 { h = $0; next }
	/^# newdoc/ { k++; f = dir "/part" k; print h > f }
	{ print >> f }' "$tmp/all"
for i in 1 2 3 4; do
	keywords --corpus --partial "$tmp/part$i" >"$tmp/p$i"
done
keywords --merge -n 8 "$tmp/p1" "$tmp/p2" "$tmp/p3" "$tmp/p4" >"$tmp/got1"
keywords --merge -n 8 "$tmp/p4" "$tmp/p2" "$tmp/p1" "$tmp/p3" >"$tmp/got2"
cat "$tmp/p3" "$tmp/p1" "$tmp/p4" "$tmp/p2" | keywords --merge -n 8 >"$tmp/got3"
# uneven parts: two documents, then one merged partial of the other two
cat "$tmp/part1" "$tmp/part2" | keywords --corpus --partial >"$tmp/q1"
keywords --merge "$tmp/p3" "$tmp/p4" >/dev/null
keywords --corpus --partial "$tmp/part4" "$tmp/part3" >"$tmp/q2"
keywords --merge -n 8 "$tmp/q2" "$tmp/q1" >"$tmp/got4"
for g in 1 2 3 4; do
	cmp "$tmp/want.tsv" "$tmp/got$g"
done
keywords --merge -n 8 -f jsonl "$tmp/p2" "$tmp/p1" "$tmp/p4" "$tmp/p3" >"$tmp/gotj"
cmp "$tmp/want.jsonl" "$tmp/gotj"
keywords --merge -n 8 -f text "$tmp/p1" "$tmp/p3" "$tmp/p2" "$tmp/p4" >"$tmp/gott"
cmp "$tmp/want.text" "$tmp/gott"
# two halves made alike with options other than the defaults merge to the
# --corpus report made with them
opts="--rank textrank --no-df --keep-boilerplate --param window=3"
keywords --corpus -n 8 $opts "$tmp/all" >"$tmp/wantopt"
keywords --corpus --partial $opts "$tmp/part1" "$tmp/part2" >"$tmp/o1"
keywords --corpus --partial $opts "$tmp/part3" "$tmp/part4" >"$tmp/o2"
keywords --merge -n 8 "$tmp/o2" "$tmp/o1" >"$tmp/gotopt"
cmp "$tmp/wantopt" "$tmp/gotopt"
! cmp -s "$tmp/want.tsv" "$tmp/wantopt"
# the merge of partials is itself a valid partial? no: it is a report;
# a partial of partials is made by merging the statistics only
test -s "$tmp/want.tsv"
