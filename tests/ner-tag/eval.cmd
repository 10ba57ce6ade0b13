ner-tag --eval small.bio
