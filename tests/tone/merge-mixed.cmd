# --merge --by-entity refuses a partial made without --by-entity, among
# others too, naming it (file:line of its header); plain --merge merges
# the document statistics of both kinds.
t=${TMPDIR:-/tmp}/lede-tone-mixed.$$
mkdir -p "$t"
tone --partial basic.in > "$t/plain.p"
tone --partial --by-entity entities.in > "$t/ent.p"
tone --merge --by-entity "$t/plain.p" "$t/ent.p" 2>&1 >/dev/null | sed "s|$t/||"
tone --merge --by-entity "$t/plain.p" "$t/ent.p" >/dev/null 2>&1; echo "status $?"
tone --merge --by-entity "$t/ent.p" "$t/plain.p" >/dev/null 2>&1; echo "status $?"
cat "$t/ent.p" "$t/plain.p" | tone --merge --by-entity 2>&1 >/dev/null; echo "status $?"
cat "$t/plain.p" "$t/ent.p" | tone --merge --by-entity 2>&1 >/dev/null
tone --merge "$t/plain.p" "$t/ent.p"; echo "status $?"
cat basic.in entities.in | tone --corpus
rm -rf "$t"
