keywords --param bogus=1 < /dev/null
