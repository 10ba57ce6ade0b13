#!/bin/sh
# tokenize | ner-tag | entities on the sample article finds the people,
# organisations and places a reader lists (article-reader.tsv), each once,
# with its type and its short forms merged.  Skips until ner-tag and its
# model are in the tree.  Known misses of the tagger are listed in
# article-reader.xfail: reported, not failed.
set -u
here=$(pwd)
cd "${LEDE_TOP:?}" || exit 1
if ! command -v ner-tag > /dev/null 2>&1; then
	echo "no ner-tag in PATH"
	exit 77
fi
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
if ! tokenize examples/article.txt > "$t/tok" ||
    ! ner-tag < "$t/tok" > "$t/ner" 2> "$t/err"; then
	echo "ner-tag did not run (no model?):"
	cat "$t/err"
	exit 77
fi
entities "$t/ner" > "$t/out" || exit 1
fail=0
while IFS='	' read -r name type aliases; do
	case $name in '#'*|'') continue ;; esac
	wrong=
	row=$(awk -F'\t' -v n="$name" '$2 == n' "$t/out")
	if [ -z "$row" ]; then
		wrong="missing: $name ($type)"
	else
		got=$(printf '%s\n' "$row" | cut -f3)
		[ "$got" = "$type" ] || wrong="$name: type $got, not $type"
		if [ "$aliases" != - ]; then
			for a in $(echo "$aliases" | tr ';' ' '); do
				printf '%s\n' "$row" | cut -f6 | tr ';' '\n' |
				    sed 's/^ //' | grep -qx "$a" ||
				    wrong="$wrong${wrong:+; }$name: $a not merged into it"
				awk -F'\t' -v a="$a" '$2 == a' "$t/out" | grep -q . &&
				    wrong="$wrong${wrong:+; }$a: a row of its own"
			done
		fi
	fi
	if grep -qx "$name" "$here/article-reader.xfail"; then
		if [ -n "$wrong" ]; then
			echo "known tagger miss: $wrong"
		else
			echo "now right: $name (remove it from article-reader.xfail)"
		fi
	elif [ -n "$wrong" ]; then
		echo "$wrong"
		fail=1
	fi
done < "$here/article-reader.tsv"
[ $fail -eq 0 ] || { echo "entities:"; cat "$t/out"; }
exit $fail
