# Which document a reader error skips: the one its '# newdoc' line names
# (d1, a, b), none for a refused header or a file that cannot be opened.
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
printf '# newdoc id = d1\n1\tHarbor\n\n# global.columns = ID FORM\n# newdoc id = d2\n1\tGrid\n\n' > "$t/a"
printf '# global.columns = ID FORM FORM\n# newdoc id = a\n1\tx\ty\n\n# newdoc id = b\n1\tx\ty\n\n' > "$t/b"
cd "$t" && keywords a b nonexist 2>&1; echo "status $?"
