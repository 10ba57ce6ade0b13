#!/bin/sh
# A model that cannot be written leaves the file it would replace whole
# (it is written beside it, then renamed): here the file size limit
# stops the write.  No temporary file is left behind; a symbolic link
# keeps pointing at the new model; /dev/null still takes a model.
set -eu
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
ner-train -q -n 2 -o "$d/m" tiny.bio
cp "$d/m" "$d/orig"
[ "$(wc -c < "$d/m")" -gt 2048 ]
st=0
(trap '' XFSZ; ulimit -f 2; exec ner-train -q -n 3 -s 5 -o "$d/m" tiny.bio) \
    2> "$d/err" || st=$?
[ "$st" -eq 1 ] || { echo "status $st"; cat "$d/err"; exit 1; }
grep -q "^ner-train: $d/m: " "$d/err"
cmp "$d/m" "$d/orig"
[ "$(ls "$d")" = "$(printf 'err\nm\norig')" ] || { ls "$d"; exit 1; }
ln -s m "$d/link"
ner-train -q -n 3 -s 5 -o "$d/link" tiny.bio
[ -L "$d/link" ]
! cmp -s "$d/m" "$d/orig"
ner-tag -m "$d/link" --list > /dev/null
ner-train -q -n 1 -o /dev/null tiny.bio
[ -c /dev/null ]
