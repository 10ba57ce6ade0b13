ner-train -q -n 2 -o /dev/full tiny.bio
