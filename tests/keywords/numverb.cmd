# A word the lexicon knows as a verb, tagged a noun after a noun and
# before an amount, is a verb: "bank deposits", "factory output", not
# "bank deposits rose"; not in a line of figures ("Cash flow 294.3 mln
# vs ...") nor after the object of a verb ("include a tax gain 9,000").
# numverb=0 gives the tagger's reading (figures=0 keeps the line of
# figures, which by default gives no phrases: test figures).
tokenize numverb.txt | keywords --no-df -n 6 --param figures=0
tokenize numverb.txt | keywords --no-df -n 6 --param numverb=0 --param figures=0
