#!/bin/sh
# Training data saved with a byte-order mark (an editor on Windows) gives
# the model of the same data without it (the mark was part of the first
# word, or made a first -DOCSTART- line 'no tag column').
set -eu
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
ner-train -q -n 3 -o "$d/plain" tiny.bio
{ printf '\357\273\277'; cat tiny.bio; } >"$d/bom.bio"
ner-train -q -n 3 -o "$d/bom" "$d/bom.bio"
cmp "$d/plain" "$d/bom"
{ printf '\357\273\277-DOCSTART-\n\n'; cat tiny.bio; } >"$d/bomdoc.bio"
ner-train -q -n 3 -o "$d/bomdoc" "$d/bomdoc.bio"
