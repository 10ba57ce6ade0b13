# A text that opens with its title leaves it out of the summary, also
# when the title is split into several sentences ("MINN. BANK, OKLA.
# ...") or holds a symbol ("£400"); only at the start: a later sentence
# that repeats the title is left out by the repeat rule as before.
tokenize --jsonl title-sentences.jsonl | summarize -n 2
