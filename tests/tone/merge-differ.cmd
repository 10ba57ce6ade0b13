# The entities of tone --partial --by-entity counted with and without
# --keep-boilerplate: --merge --by-entity refuses the partial that differs
# from the first (FILE:LINE of its entities' settings line, exit 1);
# plain --merge, which does not report entities, merges both.  Entities of
# version 2, which do not say how they were counted, are refused.
t=${TMPDIR:-/tmp}/lede-tone-differ.$$
mkdir -p "$t"
tokenize ../../examples/article.txt | ner-tag | sentiment > "$t/s"
tone --partial --by-entity "$t/s" > "$t/plain.p"
tone --partial --by-entity --keep-boilerplate "$t/s" > "$t/keep.p"
grep -n '^# settings' "$t/plain.p" "$t/keep.p" | sed "s|$t/||"
tone --merge --by-entity "$t/plain.p" "$t/keep.p" 2>&1 >/dev/null | sed "s|$t/||"
tone --merge --by-entity "$t/plain.p" "$t/keep.p" >/dev/null 2>&1; echo "status $?"
cat "$t/keep.p" "$t/plain.p" | tone --merge --by-entity 2>&1 >/dev/null
tone --merge --by-entity "$t/keep.p" "$t/keep.p" >/dev/null; echo "status $?"
tone --merge "$t/plain.p" "$t/keep.p" > "$t/got"; echo "status $?"
cat "$t/s" "$t/s" | tone --corpus | cmp - "$t/got" && echo "plain merge as --corpus"
sed 's/^# lede-partial entities 3$/# lede-partial entities 2/; /^# settings/d' "$t/plain.p" > "$t/v2.p"
tone --merge "$t/v2.p" 2>&1 >/dev/null | sed "s|$t/||"
rm -rf "$t"
