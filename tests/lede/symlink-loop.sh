#!/bin/sh
# A directory is read once: a symbolic link back up the tree (or a
# second link to a directory already read) is skipped with a note, so
# the corpus counts are not inflated; a link to another directory is
# followed.
set -u
top=${LEDE_TOP:?}
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
mkdir "$t/L" "$t/other"
cp "$top/examples/article.txt" "$t/L/a.txt"
cp "$top/examples/article.txt" "$t/other/b.txt"
ln -s . "$t/L/loop"
ln -s ../other "$t/L/there"
ln -s ../other "$t/L/there2"
lede -q -j 1 -f tsv --corpus --no-summaries -o "$t/o" "$t/L" 2>"$t/err" || { echo "exit status not 0"; cat "$t/err"; exit 1; }
docs=$(sed -n 2p "$t/o/tone-corpus.tsv" | cut -f1)
[ "$docs" = 2 ] || { echo "tone-corpus counts $docs documents, not 2"; exit 1; }
ids=$(cut -f1 "$t/o/tone.tsv" | sed 1d | tr '\n' ' ')
[ "$ids" = "$t/L/a.txt $t/L/there/b.txt " ] || { echo "ids '$ids'"; exit 1; }
printf 'lede: %s: directory already read, skipped\n' "$t/L/loop" "$t/L/there2" | diff - "$t/err" ||
    { echo "notes differ"; exit 1; }
echo "each directory read once; links followed"
