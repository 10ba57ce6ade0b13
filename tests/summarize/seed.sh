#!/bin/sh
# The seed article in ../shared starts with an affiliate disclosure, its
# headline and a dateline: all set aside, and none of it in the summary
# or the keyphrases.  (The article is read in place, never copied.)
set -u
f=$(ls "$LEDE_SHARED"/seed/*.txt 2>/dev/null | head -n 1)
[ -n "$f" ] || { echo "no seed article"; exit 77; }
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
tokenize "$f" | summarize --boilerplate | cut -f2,3 >"$tmp" || exit 1
# the first five sentences are boilerplate, in order
set -e
cut -f1 "$tmp" | head -n 5 | tr '\n' ' ' | grep -qx '1 2 3 4 5 ' || { cat "$tmp"; exit 1; }
grep -q '^1	disclosure$' "$tmp"
s=$(tokenize "$f" | summarize -n 5)
[ "$(printf '%s\n' "$s" | wc -l)" -eq 5 ]
! printf '%s\n' "$s" | grep -qi 'commission\|disclosure\|ethics policy'
! tokenize "$f" | keywords | grep -qi 'commission\|ethics policy\|links'
