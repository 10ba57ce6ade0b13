#!/bin/sh
# The tags of a made-up stream of 360,000 words (gen-types.awk) whose
# first document has 105,000 distinct word types and whose second has
# 131,000: the tagger's per-type cache is dropped at the second document
# (past 100,000 types) and within it (past 125,000), losing the document
# history there.  The checksum of the NER column was that of the tagger
# before it was rewritten for speed (commit a7c262d) until the country
# rule of 2026-12-07 made 16 of its "JAPAN" LOC; any change to the model, the
# features, the sums, the cache limits or the rules changes it.
set -u
want="3395489458 1413825"
got=$(LC_ALL=C awk -v docs="160000 200000" -f gen-types.awk | ner-tag | cut -f 3 | cksum)
echo "NER column: $got, expected $want"
[ "$got" = "$want" ]
