# an empty lexicon (-x), gazetteer (-g, or one without a name) or extra
# file (-e) trained a model without what it was given, with exit status
# 0; each is an error, and no model is written
printf 'Rome\tO\nfell\tO\n\n' > noname.tmp
ner-train -q -n 1 -o m.tmp -x /dev/null tiny.bio 2>&1; echo "status $?"
ner-train -q -n 1 -o m.tmp -g /dev/null tiny.bio 2>&1; echo "status $?"
ner-train -q -n 1 -o m.tmp -g noname.tmp tiny.bio 2>&1; echo "status $?"
ner-train -q -n 1 -o m.tmp -e /dev/null tiny.bio 2>&1; echo "status $?"
test -e m.tmp && echo "a model was written"
rm -f noname.tmp m.tmp
