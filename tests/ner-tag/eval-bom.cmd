# gold saved with a byte-order mark (an editor on Windows): scored as without
{ printf '\357\273\277'; cat small.bio; } > bom.tmp; ner-tag --eval bom.tmp > bom.out.tmp; echo "status $?"; ner-tag --eval small.bio | cmp - bom.out.tmp && grep -c . bom.out.tmp; rm -f bom.tmp bom.out.tmp
