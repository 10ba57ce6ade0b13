keywords -n 0 < /dev/null
