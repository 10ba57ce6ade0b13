# Which document a reader error skips: the one its '# newdoc' line names
# (d1, a, b), none for a refused header or a file that cannot be opened.
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
printf '# newdoc id = d1\n1\tLisbon\tB-LOC\n\n# global.columns = ID FORM NER\n# newdoc id = d2\n1\tFaro\tB-LOC\n\n' > "$t/a"
printf '# global.columns = ID FORM FORM NER\n# newdoc id = a\n1\tx\ty\tO\n\n# newdoc id = b\n1\tx\ty\tO\n\n' > "$t/b"
cd "$t" && entities a b nonexist 2>&1; echo "status $?"
