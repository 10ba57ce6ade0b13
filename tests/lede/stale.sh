#!/bin/sh
# lede -o into a directory that holds reports of an earlier run names, on
# stderr, those this run did not write (another format, no --corpus,
# --no-summaries); it deletes nothing, exits 0, and says nothing of other
# files or of a fresh directory.
set -u
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
lede -q -o "$t/o" dump.jsonl 2>"$t/err1" || { echo "first run failed"; exit 1; }
[ ! -s "$t/err1" ] || { echo "fresh directory: unexpected message"; cat "$t/err1"; exit 1; }
echo mine >"$t/o/README"
lede -q -f jsonl --corpus -o "$t/o" dump.jsonl 2>"$t/err2" || { echo "second run failed"; exit 1; }
sed "s|$t|DIR|" "$t/err2"
lede -q -f jsonl --no-summaries -o "$t/o" dump.jsonl 2>"$t/err3" || { echo "third run failed"; exit 1; }
sed "s|$t|DIR|" "$t/err3"
ls "$t/o"
