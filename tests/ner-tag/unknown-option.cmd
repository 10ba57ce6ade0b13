e=$(mktemp); ner-tag --bogus < /dev/null 2>"$e"; st=$?; tail -n 2 "$e" >&2; rm -f "$e"; exit $st
