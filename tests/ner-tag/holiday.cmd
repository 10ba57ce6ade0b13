tokenize | ner-tag | awk -F'\t' '!/^#/ && NF { print $2 "\t" $NF }'
