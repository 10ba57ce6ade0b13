# A line of figures of an earnings table (at most four words, a number,
# "vs", a number; after a dateline too) gives no phrases: its labels
# ("Net", "Avg shrs") are the table's.  A headline of figures (f2) has
# more words before its "vs" and keeps its phrases.  figures=0 keeps
# every line.
tokenize --jsonl figures.jsonl | keywords --no-df -n 8
tokenize --jsonl figures.jsonl | keywords --no-df -n 8 --param figures=0
