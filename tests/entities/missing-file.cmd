entities no-such-file.in multidoc.in
