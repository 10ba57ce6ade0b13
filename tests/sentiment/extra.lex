# lede-lexicon 1
# my words
good	-2
meeting	1.5
great deal	3
