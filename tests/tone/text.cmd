tone -f text basic.in
