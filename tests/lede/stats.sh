#!/bin/sh
# Nothing lost, counted: with --stats every stage says what it read and
# wrote; on a dump with corrupt records, every filter writes all it read,
# every report reads what the last filter wrote, and tokenize reads every
# line but the bad ones.
set -u
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
{ cat dump.jsonl; printf '{"id": "bad", "text": \n{"id": "nt"}\n'; cat dump.jsonl | sed 's/"id": "/"id": "again-/'; } >"$t/d.jsonl"
tokenize --stats --jsonl "$t/d.jsonl" 2>"$t/e0" | stem --stats 2>"$t/e1" | ner-tag --stats 2>"$t/e2" |
    sentiment --stats 2>"$t/e3" >"$t/s"
for r in keywords entities tone summarize; do "$r" --stats "$t/s" >/dev/null 2>"$t/r.$r"; done
cat "$t/e0" "$t/e1" "$t/e2" "$t/e3" "$t"/r.*
grep -q 'tokenize: 12 documents in, 12 out, 48 sentences out' "$t/e0" || { echo "tokenize did not read 12 good documents"; exit 1; }
grep -c 'line skipped' "$t/e0" | grep -qx 2 || { echo "tokenize did not name the 2 bad lines"; exit 1; }
for f in e1 e2 e3; do
	grep -q ': 12 documents, 48 sentences in; 12 documents, 48 sentences out$' "$t/$f" ||
	    { echo "a filter lost something: $(cat "$t/$f")"; exit 1; }
done
for r in keywords entities tone summarize; do
	grep -q "^$r: 12 documents, 48 sentences in" "$t/r.$r" || { echo "$r did not read everything: $(cat "$t/r.$r")"; exit 1; }
done
grep -q '^tone: 12 documents, 48 sentences in; 12 rows out$' "$t/r.tone" || { echo "tone rows"; exit 1; }
