# A bad NER tag skips its document, named with file and line (as entities does); the other documents are reported.
printf '# global.columns = ID FORM NER SENT\n# newdoc id = bad\n# sentiment = 0.500\n1\tAnn\tX-PER\t0\n\n# newdoc id = good\n# sentiment = 0.500\n1\tBob\tB-PER\t0\n\n' > "${TMPDIR:-/tmp}/lede-badtag.$$"
tone --by-entity "${TMPDIR:-/tmp}/lede-badtag.$$" 2>&1 | sed 's|/[^:]*/lede-badtag\.[0-9]*|FILE|'
tone --by-entity "${TMPDIR:-/tmp}/lede-badtag.$$" > /dev/null 2>&1; echo "status $?"
rm -f "${TMPDIR:-/tmp}/lede-badtag.$$"
