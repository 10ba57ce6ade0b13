tone --corpus basic.in
