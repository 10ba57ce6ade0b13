# options that would do nothing are usage errors (each was dropped)
ner-train -o /dev/null -p 3 tiny.bio 2>&1; echo "status $?"
ner-train -o /dev/null --extra-frac 0.5 tiny.bio 2>&1; echo "status $?"
# what does go together
ner-train -q -o /dev/null -n 1 -p 1 -d tiny.bio tiny.bio; echo "status $?"
ner-train -q -o /dev/null -n 1 -e tiny.bio --extra-frac 0.5 tiny.bio; echo "status $?"
