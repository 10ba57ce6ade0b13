#!/bin/sh
# Training data from standard input or a pipe gives the same model as
# from the file (the files are read once), also next to another file;
# - twice is a usage error.
set -eu
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
ner-train -q -n 3 -o "$d/file" tiny.bio allo.bio
cat tiny.bio | ner-train -q -n 3 -o "$d/pipe" - allo.bio
cmp "$d/file" "$d/pipe"
ner-train -q -n 3 -o "$d/stdin" - allo.bio < tiny.bio
cmp "$d/file" "$d/stdin"
cat tiny.bio | ner-train -q -n 3 -o "$d/devstdin" /dev/stdin allo.bio
cmp "$d/file" "$d/devstdin"
st=0
ner-train -q -o "$d/x" - - < tiny.bio 2> "$d/err" || st=$?
[ "$st" -eq 2 ]
grep -q 'standard input (-) given more than once' "$d/err"
[ ! -e "$d/x" ]
