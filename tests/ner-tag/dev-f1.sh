#!/bin/sh
# The shipped model reaches the dev F1 that models/README.md documents.
set -u
dev=$LEDE_SHARED/data/ner/conll2003.dev.bio
[ -r "$dev" ] || { echo "no $dev"; exit 77; }
want=$(sed -n 's/^Overall dev F1 (gold tokens): \([0-9.]*\).*/\1/p' "$LEDE_TOP/models/README.md")
[ -n "$want" ] || { echo "no documented dev F1 in models/README.md"; exit 1; }
got=$(ner-tag --eval "$dev" | sed -n 's/.*FB1: *\([0-9.]*\)$/\1/p' | head -n 1)
echo "dev F1 $got, documented $want"
[ "$got" = "$want" ] || exit 1
awk -v g="$got" 'BEGIN { exit !(g >= 92.0) }'
