t=$(mktemp) && entities --partial multidoc.in > "$t" && entities --merge merge-bad-partfile.in "$t"; st=$?; rm -f "$t"; exit $st
