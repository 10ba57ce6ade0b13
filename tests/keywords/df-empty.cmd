# a table built from no document (an empty input) weighs every word 0:
# refused, not used (every score was 0.0000, the order arbitrary)
keywords --build-df < /dev/null > df0.tmp
tokenize --jsonl docs.jsonl | keywords -n 2 --df df0.tmp 2>&1; echo "status $?"
tokenize --jsonl docs.jsonl | summarize --df df0.tmp 2>&1; echo "status $?"
rm -f df0.tmp
