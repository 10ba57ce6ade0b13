# A header without the NER column: one message per document, with its id
# and line, not a second "no header" message for each; exit status 1.
printf '# global.columns = ID FORM\n# newdoc id = reut-1\n1\tLisbon\n\n1\tPorto\n\n# newdoc id = reut-2\n1\tParis\n\n# newdoc id = reut-3\n# text = Rome\n1\tRome\n\n' > "${TMPDIR:-/tmp}/lede-nonerc.$$"
entities "${TMPDIR:-/tmp}/lede-nonerc.$$" 2>&1 >/dev/null | sed 's|^entities: .*/lede-nonerc\.[0-9]*:|entities: FILE:|'
entities "${TMPDIR:-/tmp}/lede-nonerc.$$" >/dev/null 2>&1; echo "status $?"
entities --corpus --partial "${TMPDIR:-/tmp}/lede-nonerc.$$" 2>&1 >/dev/null | sed 's|^entities: .*/lede-nonerc\.[0-9]*:|entities: FILE:|'
# a header alone: said once, at its line
printf '# global.columns = ID FORM\n' | entities 2>&1; echo "status $?"
rm -f "${TMPDIR:-/tmp}/lede-nonerc.$$"
