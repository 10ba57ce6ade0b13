# Partials made with different --rank, --df, --no-df, --param or
# --keep-boilerplate are refused by --merge (FILE:LINE of the settings
# line, exit 1), and so is a version 1 partial; the partials made like
# the first one are still merged.  Hashes of the shipped data are masked.
t=${TMPDIR:-/tmp}/lede-kw-differ.$$
mkdir -p "$t"
mask() {
	sed -e "s|$t/||" -e 's/hash [0-9a-f]\{16\}/hash HASH/g' -e 's/table of [0-9]* documents/table of N documents/g'
}
tokenize --jsonl docs.jsonl > "$t/s"
keywords --build-df --min-df 1 "$t/s" > "$t/df"
keywords --corpus --partial "$t/s" > "$t/default.p"
keywords --corpus --partial --rank tf "$t/s" > "$t/tf.p"
keywords --corpus --partial --df "$t/df" "$t/s" > "$t/owndf.p"
keywords --corpus --partial --no-df "$t/s" > "$t/nodf.p"
keywords --corpus --partial --param window=3 "$t/s" > "$t/window.p"
keywords --corpus --partial --param damping=0.85 "$t/s" > "$t/damping.p"
keywords --corpus --partial --keep-boilerplate "$t/s" > "$t/keep.p"
keywords --corpus --partial --param tagger=0 "$t/s" > "$t/notagger.p"
# a partial of the first version, as keywords wrote it before
sed -e '1s/.*/# lede-partial keywords 1/' -e 2d "$t/default.p" > "$t/v1.p"
for f in tf owndf nodf window damping keep notagger v1; do
	{ keywords --merge -n 3 "$t/default.p" "$t/$f.p" 2>&1 >/dev/null
	echo "status $?"; } | mask
done
keywords --merge -n 3 "$t/nodf.p" "$t/owndf.p" 2>&1 >/dev/null | mask
# the others are merged: the report is that of the first partial alone
keywords --merge -n 3 "$t/default.p" > "$t/want"
keywords --merge -n 3 "$t/default.p" "$t/tf.p" "$t/v1.p" > "$t/got" 2>/dev/null
cmp "$t/want" "$t/got" && echo "the others merged"
# concatenated: the part that differs, and what follows it, is not merged
cat "$t/default.p" "$t/tf.p" "$t/default.p" | keywords --merge -n 3 2>&1 >/dev/null | mask
# the same settings merge, whatever the order of their items
cat "$t/nodf.p" "$t/nodf.p" | keywords --merge -n 1; echo "status $?"
rm -rf "$t"
