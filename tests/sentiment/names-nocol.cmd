# The stream of names.in without its NER column (sentiment run before ner-tag): the words of the names score as words, as they did before names were left out.
cut -f1,2 names.in | sed 's/^# global.columns = ID FORM NER$/# global.columns = ID FORM/' | sentiment | grep '^# sentiment'
