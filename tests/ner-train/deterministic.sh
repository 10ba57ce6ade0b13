#!/bin/sh
# The same data and seed give the same model, byte for byte; the model
# loads and tags; another seed may differ but still loads.
set -eu
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
ner-train -q -n 5 -s 7 -o "$d/a" tiny.bio
ner-train -q -n 5 -s 7 -o "$d/b" tiny.bio
cmp "$d/a" "$d/b"
ner-train -q -n 5 -s 7 -r 3 -F -doc,-affix -o "$d/c" tiny.bio
ner-tag -m "$d/c" --list | head -n 4 > "$d/types"
printf 'PER\nORG\nLOC\nMISC\n' | cmp - "$d/types"
# the trained model finds the names it was trained on
ner-tag -m "$d/a" --eval tiny.bio > "$d/eval"
grep -q 'FB1: 100.00$' "$d/eval" || { cat "$d/eval"; exit 1; }
# progress goes to stderr: one line a pass
ner-train -n 3 -o "$d/e" -d tiny.bio tiny.bio 2> "$d/err"
[ "$(grep -c 'iteration [0-9]*:.*dev F1' "$d/err")" -ge 1 ]
grep -q '^processed 29 tokens with 10 phrases' "$d/err"
