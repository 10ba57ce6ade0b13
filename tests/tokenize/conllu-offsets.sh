#!/bin/sh
# tokenize --conllu places every word of the UD dev sets in its document's
# text (the .txt beside each .conllu: documents separated by blank lines).
set -u
d=${LEDE_SHARED:-}/data/tokenize
if [ -z "${LEDE_SHARED:-}" ] || [ ! -f "$d/en_ewt-ud-dev.conllu" ]; then
	echo "no shared data in \$LEDE_SHARED"
	exit 77
fi
for f in en_ewt-ud-dev en_gum-ud-dev; do
	tokenize --conllu "$d/$f.conllu" | python3 -c '
import sys
docs = open(sys.argv[1], encoding="utf-8").read().rstrip("\n").split("\n\n")
d = -1
n = 0
for line in sys.stdin:
    line = line.rstrip("\n")
    if line.startswith("# newdoc"):
        d += 1
        continue
    if not line or line.startswith("#"):
        continue
    f = line.split("\t")
    if docs[d][int(f[2]):int(f[3])] != f[1]:
        sys.exit("%s: word %r misplaced" % (sys.argv[1], f[1]))
    n += 1
if d + 1 != len(docs) or n == 0:
    sys.exit("%s: %d documents, expected %d" % (sys.argv[1], d + 1, len(docs)))
' "$d/$f.txt" || exit 1
done
