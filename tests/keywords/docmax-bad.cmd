# LEDE_DOC_MAX that is not a number: said once, the default used.
printf "# global.columns = ID FORM\n1\tHarbor\n\n1\tGrid\n\n" | LEDE_DOC_MAX=abc keywords 2>&1; echo "status $?"
