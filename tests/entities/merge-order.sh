#!/bin/sh
# entities --merge prints exactly what one --corpus run prints, whatever
# the order of the parts, from files, stdin, concatenated partials or
# partials of partials.
set -eu
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
in="article.in multidoc.in tone.in accents.in rule-near-miss.in rule-acronym-paren.in rule-types.in rule-org-short.in"
# shellcheck disable=SC2086
entities --corpus $in > "$t/all"
for fmt in jsonl text; do
	# shellcheck disable=SC2086
	entities --corpus -f $fmt -n 5 --types PER,LOC $in > "$t/all.$fmt"
done
i=0
for f in $in; do
	i=$((i + 1))
	entities --corpus --partial "$f" > "$t/p$i"
done
entities --merge "$t"/p1 "$t"/p2 "$t"/p3 "$t"/p4 "$t"/p5 "$t"/p6 "$t"/p7 "$t"/p8 > "$t/m1"
entities --merge "$t"/p8 "$t"/p3 "$t"/p5 "$t"/p1 "$t"/p7 "$t"/p2 "$t"/p6 "$t"/p4 > "$t/m2"
cat "$t"/p6 "$t"/p4 "$t"/p2 "$t"/p8 "$t"/p1 "$t"/p3 "$t"/p5 "$t"/p7 | entities --merge > "$t/m3"
entities --merge --partial "$t"/p1 "$t"/p5 "$t"/p7 > "$t/q1"
entities --merge --partial "$t"/p8 "$t"/p2 - "$t"/p4 < "$t/p3" > "$t/q2"
entities --merge "$t"/q2 "$t"/p6 "$t"/q1 > "$t/m4"
for m in m1 m2 m3 m4; do
	cmp "$t/all" "$t/$m"
done
for fmt in jsonl text; do
	entities --merge -f $fmt -n 5 --types PER,LOC "$t"/q1 "$t"/q2 "$t"/p6 > "$t/m.$fmt"
	cmp "$t/all.$fmt" "$t/m.$fmt"
done
# a split inside the stream (documents of one file in two parts)
awk '/^# newdoc id = two/ { exit } { print }' multidoc.in > "$t/a.in"
{ head -n 1 multidoc.in; awk '/^# newdoc id = two/ { p = 1 } p' multidoc.in; } > "$t/b.in"
entities --corpus multidoc.in > "$t/whole"
entities --partial "$t/b.in" > "$t/pb"
entities --partial "$t/a.in" > "$t/pa"
entities --merge "$t/pb" "$t/pa" > "$t/split"
cmp "$t/whole" "$t/split"
# the corpus report is not empty, so the comparisons above mean something
[ "$(wc -l < "$t/all")" -gt 20 ]
