# a dev set with no token or no name (an earlier step that failed) scored
# every pass 0: the first pass was kept and training stopped early, with
# exit status 0; it is an error, and no model is written
: > dev0.tmp
printf 'Rome\tO\nfell\tO\n\n' > dev1.tmp
ner-train -q -n 2 -o m.tmp -d dev0.tmp tiny.bio 2>&1; echo "status $?"
ner-train -q -n 2 -o m.tmp -d dev1.tmp tiny.bio 2>&1; echo "status $?"
ner-train -q -n 2 -o m.tmp -d dev1.tmp - < tiny.bio 2>&1; echo "status $?"
test -e m.tmp && echo "a model was written"
rm -f dev0.tmp dev1.tmp m.tmp
