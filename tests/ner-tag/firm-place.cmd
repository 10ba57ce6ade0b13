tokenize | ner-tag | awk -F'\t' '!/^#/ && NF && $NF != "O" { print $2 "\t" $NF }'
