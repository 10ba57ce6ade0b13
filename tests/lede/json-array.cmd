# a .json file that holds a JSON array of articles is named and skipped,
# with the way to JSON Lines, and the other inputs are read; it was read
# as one article, its JSON syntax and all
printf '[\n  {"id": "a1", "text": "Paris is lovely."}\n]\n' > array.json
lede -q -f tsv --no-summaries array.json dump.jsonl 2>&1 | grep -c -e 'JSON array, skipped' -e '^array.json'
lede -q -f tsv --no-summaries array.json dump.jsonl 2>/dev/null | grep -c .
lede -q -f tsv --no-summaries dump.jsonl | grep -c .
rm -f array.json
