# Partials counted with and without --keep-boilerplate are refused by
# --merge (FILE:LINE of the settings line; the file is skipped, the others
# merged; exit 1), and so is a partial of version 2, which does not say;
# --merge --partial keeps the settings of what it merged; and two parts
# made alike with --keep-boilerplate merge to the --corpus report made so.
t=${TMPDIR:-/tmp}/lede-ent-differ.$$
mkdir -p "$t"
entities --partial boil.stream > "$t/plain.p"
entities --partial --keep-boilerplate boil.stream > "$t/keep.p"
sed -n 2p "$t/plain.p"
sed -n 2p "$t/keep.p"
entities --merge "$t/plain.p" "$t/keep.p" 2>&1 >/dev/null | sed "s|$t/||"
entities --merge "$t/keep.p" "$t/plain.p" "$t/plain.p" 2>&1 >/dev/null | sed "s|$t/||"
entities --merge "$t/plain.p" "$t/keep.p" >/dev/null 2>&1; echo "status $?"
entities --merge "$t/plain.p" "$t/keep.p" 2>/dev/null > "$t/got"
entities --merge "$t/plain.p" > "$t/want"
cmp "$t/want" "$t/got" && echo "the others merged"
sed -e '1s/3$/2/' -e 2d "$t/plain.p" > "$t/v2.p"
entities --merge "$t/v2.p" 2>&1 >/dev/null | sed "s|$t/||"
entities --merge --partial "$t/keep.p" "$t/keep.p" | sed -n 2p
# two parts of the input, with --keep-boilerplate, as one --corpus run
entities --partial --keep-boilerplate boil.stream > "$t/h1.p"
entities --partial --keep-boilerplate multidoc.in > "$t/h2.p"
entities --merge "$t/h2.p" "$t/h1.p" > "$t/gotparts"
entities --corpus --keep-boilerplate boil.stream multidoc.in > "$t/wantparts"
cmp "$t/wantparts" "$t/gotparts" && echo "parts merged"
entities --corpus boil.stream multidoc.in | cmp -s - "$t/wantparts" || echo "boilerplate counted"
rm -rf "$t"
