#!/bin/sh
# The stream's limits (docs/FORMAT.md), each with its message, the
# damaged document skipped and the next one kept, exit status 1.
set -u
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fail=0
expect() {	# name file message tool...: tool on file; message on stderr, document "next" kept
	name=$1 file=$2 msg=$3
	shift 3
	"$@" "$file" >"$t/out" 2>"$t/err"
	st=$?
	[ $st -eq 1 ] || { echo "$name: exit status $st, not 1"; fail=1; }
	grep -q -- "$msg" "$t/err" || { echo "$name: no '$msg' in:"; cat "$t/err"; fail=1; }
	grep -q -e kept -e next "$t/out" || { echo "$name: the next document was lost"; fail=1; }
}
h='# global.columns = ID FORM'
# a line over 16 MiB
{ printf '%s\n# newdoc id = big\n1\t' "$h"; head -c 16777217 /dev/zero | tr '\0' 'x'; printf '\n\n# newdoc id = next\n1\tkept\n\n'; } >"$t/line"
expect line "$t/line" ":3: line longer than 16777216 bytes" stem
# more than 64 columns
{ printf '# global.columns ='; i=0; while [ $i -lt 65 ]; do printf ' C%d' $i; i=$((i + 1)); done
  printf '\n1\tx\n\n%s\n# newdoc id = next\n1\tkept\n\n' "$h"; } >"$t/cols"
expect columns "$t/cols" ":1: header names more than 64 columns" stem
# a sentence of more than 1,048,576 rows
{ printf '%s\n# newdoc id = long\n' "$h"; awk 'BEGIN { for (i = 1; i <= 1048577; i++) print i "\tw" }'
  printf '\n# newdoc id = next\n1\tkept\n\n'; } >"$t/sent"
expect sentence "$t/sent" ":1048579: sentence longer than 1048576 rows" stem
# a document read whole: LEDE_DOC_MAX lowers the limit of 16,777,216 rows
{ printf '%s\n# newdoc id = long\n# text = a b c\n1\ta\n2\tb\n3\tc\n\n# text = d\n1\td\n\n' "$h"
  printf '# newdoc id = next\n# text = kept\n1\tkept\n\n'; } >"$t/doc"
LEDE_DOC_MAX=3 expect document "$t/doc" ":9: document longer than 3 rows (document long skipped)" summarize -f jsonl
# every tool that reads a stream says so too (with the columns it needs)
awk -F'\t' 'BEGIN { OFS = "\t" } /^# global/ { print $0 " NER SENT"; next } NF == 2 { print $0, "O", "0"; next } { print }' \
    "$t/sent" >"$t/sent2"
for tool in stem ner-tag sentiment entities keywords tone summarize; do
	"$tool" "$t/sent2" >/dev/null 2>"$t/err"
	grep -q "sentence longer than 1048576 rows" "$t/err" || { echo "$tool: no sentence limit message:"; head -3 "$t/err"; fail=1; }
done
exit $fail
