#!/bin/sh
# Every example in every man page (.EX ... .EE) runs from the top of the
# tree, exits 0 and writes something; each tool has a man page with the
# sections the conventions ask for.
top=${LEDE_TOP:?}
cd "$top" || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0 n=0
for bin in "$LEDE_BIN"/*; do
	t=${bin##*/}
	page=tools/$t.1
	if [ ! -f "$page" ]; then
		echo "$t: no man page $page"
		fail=1
		continue
	fi
	for sec in NAME SYNOPSIS DESCRIPTION OPTIONS "EXIT STATUS" EXAMPLES "SEE ALSO"; do
		grep -q "^\.SH \"*$sec\"*\$" "$page" || { echo "$page: no $sec section"; fail=1; }
	done
done
for page in tools/*.1; do
	# one file per example, with the man escapes \e (backslash) and \- undone
	awk -v dir="$tmp" -v page="${page##*/}" '
		/^\.EX/ { k++; f = dir "/" page "." k; printf "" > f; inex = 1; next }
		/^\.EE/ { inex = 0; close(f); next }
		inex { gsub(/\\e/, "\\"); gsub(/\\-/, "-"); print >> f }
	' "$page"
done
for ex in "$tmp"/*.1.*; do
	[ -e "$ex" ] || continue
	n=$((n + 1))
	if ! sh -e "$ex" </dev/null >"$tmp/out" 2>"$tmp/err"; then
		echo "${ex##*/}: exit status $? for:"
		cat "$ex"
		head -n 5 "$tmp/err"
		fail=1
	elif ! [ -s "$tmp/out" ] && ! grep -q '> */dev/null' "$ex"; then
		echo "${ex##*/}: no output from:"
		cat "$ex"
		fail=1
	fi
done
echo "$n examples run"
exit $fail
