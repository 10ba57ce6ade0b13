#!/bin/sh
# lede -j cuts a JSON Lines dump into parts of about equal bytes, at line
# ends, not of equal lines: one long article and nine short ones make a
# part of one document and a part of nine.  The reports stay those of -j 1.
set -u
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
awk 'BEGIN {
	s = ""
	for (i = 0; i < 180; i++)
		s = s "The harbour board met on Tuesday and voted to widen the quay. "
	printf "{\"id\": \"long\", \"text\": \"%s\"}\n", s
	for (d = 1; d <= 9; d++) {
		s = ""
		for (i = 0; i < 20; i++)
			s = s "Rain fell on the town of Ashby for the third day. "
		printf "{\"id\": \"short%d\", \"text\": \"%s\"}\n", d, s
	}
}' > "$t/dump.jsonl"
lede -q --stats --no-summaries -j 2 -o "$t/o2" "$t/dump.jsonl" 2>"$t/err" || { cat "$t/err"; exit 1; }
parts=$(grep '^tokenize:' "$t/err" | sed 's/ documents in.*//; s/.* //' | sort -n | tr '\n' ' ')
[ "$parts" = "1 9 " ] || { echo "parts of $parts documents, not of 1 and 9"; cat "$t/err"; exit 1; }
lede -q --no-summaries -j 1 -o "$t/o1" "$t/dump.jsonl" || exit 1
diff -r "$t/o1" "$t/o2" || { echo "-j 2 differs from -j 1"; exit 1; }
echo "parts of 1 and 9 documents, equal bytes; same reports as -j 1"
