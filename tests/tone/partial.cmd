tone --partial basic.in
