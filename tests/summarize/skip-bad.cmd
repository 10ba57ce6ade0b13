summarize --skip 'a(b' < /dev/null
