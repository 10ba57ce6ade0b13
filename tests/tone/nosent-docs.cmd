# A header without the SENT column: one message per document, with its id
# and line, not a second "no header" message for each; exit status 1.
printf '# global.columns = ID FORM\n# newdoc id = reut-1\n# sentiment = 0.5\n1\tgood\n\n# sentiment = 0.5\n1\tfine\n\n# newdoc id = reut-2\n# sentiment = 0.5\n1\tok\n\n' | tone 2>&1; echo "status $?"
printf '# global.columns = ID FORM\n' | tone --corpus 2>&1; echo "status $?"
