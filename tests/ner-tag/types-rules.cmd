for t in PER,ORG PER,LOC MISC all; do echo "-t $t"; tokenize < types-rules.in | ner-tag -t $t | awk -F'\t' '!/^#/ && NF && $NF != "O" { print $2 "\t" $NF }'; done
