# lede-lexicon 1
# tests/sentiment/cache.cmd: terms that start with frequent words, a user
# override of shipped terms, multi-word terms that share prefixes, joined
# emoticons
the	0.5
the film	1.25
the film was not	-2
was	-0.5	negate
not bad	-1
not bad at	0.75
not bad at all	2.5
good	-2
:-)	-3
:-(	3
<3	-1.5
very well	0.75	boost
wow	2
!!	1
w7q w8q	3
