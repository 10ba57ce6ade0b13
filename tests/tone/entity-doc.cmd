tone -f text entities.in
