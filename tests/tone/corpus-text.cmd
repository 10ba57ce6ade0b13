tone --corpus -f text basic.in
