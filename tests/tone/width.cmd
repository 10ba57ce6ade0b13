grep -v '^# newdoc' basic.in | tone -f text -w 20
