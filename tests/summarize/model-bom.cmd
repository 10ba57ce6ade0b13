# a model saved with a byte-order mark before its first line (a comment)
# reads as without it
{ printf '\357\273\277'; cat model.tsv; } > model-bom.tmp; tokenize ../../examples/article.txt | summarize --model model-bom.tmp --words 60 > bom.tmp; echo "status $?"; tokenize ../../examples/article.txt | summarize --model model.tsv --words 60 | cmp - bom.tmp && grep -c . bom.tmp; rm -f model-bom.tmp bom.tmp
