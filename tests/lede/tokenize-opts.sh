#!/bin/sh
# lede passes tokenize's --replace (text and JSON Lines inputs) and
# --id-field, --title-field, --text-field (JSON Lines inputs only) on,
# in the pipe chain and fused, whole and cut into slices (-j 3).
set -u
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
# a Latin-1 article: invalid UTF-8
printf 'Caf\351 owner Pierre Lef\350vre said on Monday that sales rose sharply.\n' >"$t/latin1.txt"
# the dump with its members renamed
sed 's/"id":/"key":/; s/"title":/"headline":/; s/"text":/"body":/' dump.jsonl >"$t/body.jsonl"
grep -q '"body":' "$t/body.jsonl" && ! grep -q '"text":' "$t/body.jsonl" || exit 1
lede -q -j 1 --no-summaries -o "$t/plain" dump.jsonl || exit 1
for mode in "" "--fused"; do
	for j in 1 3; do
		# shellcheck disable=SC2086
		lede -q $mode -j $j -f tsv --no-summaries "$t/latin1.txt" >"$t/out" 2>"$t/err"
		st=$?
		[ $st -eq 1 ] || { echo "$mode -j $j Latin-1: exit status $st, not 1"; cat "$t/err"; exit 1; }
		# shellcheck disable=SC2086
		lede -q $mode -j $j -f tsv --no-summaries --replace "$t/latin1.txt" >"$t/out" 2>"$t/err" ||
		    { echo "$mode -j $j --replace: exit status $?"; cat "$t/err"; exit 1; }
		[ ! -s "$t/err" ] || { echo "$mode -j $j --replace: messages:"; cat "$t/err"; exit 1; }
		grep -q "$(printf 'Caf\357\277\275')" "$t/out" || { echo "$mode -j $j --replace: no U+FFFD"; cat "$t/out"; exit 1; }
		# shellcheck disable=SC2086
		lede -q $mode -j $j --no-summaries -o "$t/body$j$mode" --id-field key --title-field headline \
		    --text-field body --replace "$t/body.jsonl" "$t/latin1.txt" 2>"$t/err" ||
		    { echo "$mode -j $j --text-field: exit status $?"; cat "$t/err"; exit 1; }
		[ ! -s "$t/err" ] || { echo "$mode -j $j --text-field: messages:"; cat "$t/err"; exit 1; }
		for r in keywords entities; do
			grep -v "latin1.txt" "$t/body$j$mode/$r.tsv" | cmp - "$t/plain/$r.tsv" ||
			    { echo "$mode -j $j --text-field: $r differs"; exit 1; }
		done
		grep -q "latin1.txt" "$t/body$j$mode/tone.tsv" || { echo "$mode -j $j: the article is missing"; exit 1; }
	done
done
lede -q --text-field '' dump.jsonl 2>"$t/err"
st=$?
[ $st -eq 2 ] || { echo "--text-field '': exit status $st, not 2"; exit 1; }
grep -q "^lede: --text-field: expected a member name, not ''$" "$t/err" || { cat "$t/err"; exit 1; }
echo "--replace and the JSON member options reach tokenize"
