sentiment --context one.in basic.in | grep -v '^#' | cut -f 2,5,6 | head -40
