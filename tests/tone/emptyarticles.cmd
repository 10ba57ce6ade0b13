# Every article has its row: an empty one (0 over 0 words), and one with
# a title alone (the title is its text).
printf '%s\n' '{"id":"a","text":"The plan is a good one."}' '{"id":"b","text":""}' '{"id":"c","title":"Storm wrecks the harbor","text":""}' | tokenize --jsonl | sentiment | tone | cut -f1,2,7,8
