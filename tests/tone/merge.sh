# Partials of parts of a stream, merged in any order, print what one
# --corpus (or --by-entity) run over the whole stream prints, byte for byte.
set -e
t=${TMPDIR:-/tmp}/lede-tone-merge.$$
mkdir -p "$t"
trap 'rm -rf "$t"' EXIT
cat basic.in entities.in basic.in > "$t/all"
# split at document boundaries into four parts
awk -v d="$t" '/^# global.columns/ { h = $0; next }
	/^# newdoc/ { n++; f = d "/part" (n % 4); if (!(f in seen)) { print h > f; seen[f] = 1 } }
	{ print > f }' "$t/all"
ls "$t"/part* | wc -l | grep -q 4
for p in "$t"/part*; do tone --corpus --partial "$p" > "$p.partial"; done
tone --corpus "$t/all" > "$t/want"
tone --merge "$t/part0.partial" "$t/part1.partial" "$t/part2.partial" "$t/part3.partial" > "$t/got1"
tone --merge "$t/part3.partial" "$t/part1.partial" "$t/part0.partial" "$t/part2.partial" > "$t/got2"
cat "$t/part2.partial" "$t/part0.partial" "$t/part3.partial" "$t/part1.partial" | tone --merge > "$t/got3"
cmp "$t/want" "$t/got1"
cmp "$t/want" "$t/got2"
cmp "$t/want" "$t/got3"
# the same for entities (a stream with a NER column: two parts)
cat entities.in entities.in > "$t/ents"
grep -c '^# newdoc' "$t/ents" | grep -q 4
awk -v d="$t" '/^# global.columns/ { h = $0; next }
	/^# newdoc/ { n++; f = d "/ent" (n % 2); if (!(f in seen)) { print h > f; seen[f] = 1 } }
	{ print > f }' "$t/ents"
tone --by-entity "$t/ents" > "$t/want"
tone --partial --by-entity "$t/ent0" > "$t/ent0.partial"
tone --partial --by-entity "$t/ent1" > "$t/ent1.partial"
cat "$t/ent1.partial" "$t/ent0.partial" | tone --merge --by-entity > "$t/got"
cmp "$t/want" "$t/got"
tone --merge --by-entity "$t/ent0.partial" "$t/ent1.partial" > "$t/got"
cmp "$t/want" "$t/got"
# the text format
tone --corpus -f text "$t/all" > "$t/want"
tone --merge -f text "$t"/part*.partial > "$t/got"
cmp "$t/want" "$t/got"
# a partial of the whole merges to the same too
tone --partial "$t/all" | tone --merge -f jsonl > "$t/got"
tone --corpus -f jsonl "$t/all" > "$t/want"
cmp "$t/want" "$t/got"
