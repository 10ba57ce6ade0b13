entities -n 1 multidoc.in
