#!/bin/sh
# The tag of every token of CoNLL-2003 dev (gold tokens, as a token
# stream with a document at each -DOCSTART-), as is, all-caps and
# lower-case (ASCII letters): checksums of the NER column.  Those of the
# tagger before it was rewritten for speed (commit a7c262d) held until the
# country rule of 2026-12-07 (docs/NER.md), which changed them.  A change to
# the model or the tagger that changes any tag changes them: update them
# only together with the dev scores in models/README.md and docs/NER.md.
set -u
dev=$LEDE_SHARED/data/ner/conll2003.dev.bio
[ -r "$dev" ] || { echo "no $dev"; exit 77; }
fail=0
for c in asis upper lower; do
	case $c in
	asis) want="1151404130 142947" ;;
	upper) want="1825307353 140901" ;;
	lower) want="2270388117 140430" ;;
	esac
	got=$(LC_ALL=C awk -v c=$c 'BEGIN { FS = "[ \t]+"; print "# global.columns = ID FORM" }
	    $1 == "-DOCSTART-" { if (n) print ""; n = 0; print "# newdoc"; next }
	    $0 ~ /^[ \t]*$/ { if (n) print ""; n = 0; next }
	    { f = $1; if (c == "upper") f = toupper(f); else if (c == "lower") f = tolower(f)
	      print ++n "\t" f }
	    END { if (n) print "" }' "$dev" | ner-tag | cut -f 3 | cksum)
	echo "$c: $got, expected $want"
	[ "$got" = "$want" ] || fail=1
done
exit $fail
