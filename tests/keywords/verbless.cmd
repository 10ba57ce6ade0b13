# (figures=0: the "figures" document's line of figures is kept, to show
# that the verb rule leaves "Net loss" whole; by default the line gives
# no phrases at all, test figures)
tokenize --jsonl verbless.jsonl | keywords -n 3 --param figures=0 && tokenize --jsonl verbless.jsonl | keywords -n 3 --param verbgap=0 --param figures=0
