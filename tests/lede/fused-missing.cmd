lede --fused -q -f tsv nosuch.jsonl dump.jsonl | awk '/^== tone/ { on = 1; next } /^== / { on = 0 } on && /^[a-z]+-[0-9]\t/ { n++ } END { print n }'
