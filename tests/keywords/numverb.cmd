# A word the lexicon knows as a verb, tagged a noun after a noun and
# before an amount, is a verb: "bank deposits", "factory output", not
# "bank deposits rose"; not in a line of figures ("Cash flow 294.3 mln
# vs ...") nor after the object of a verb ("include a tax gain 9,000").
# numverb=0 gives the tagger's reading.
tokenize numverb.txt | keywords --no-df -n 6
tokenize numverb.txt | keywords --no-df -n 6 --param numverb=0
