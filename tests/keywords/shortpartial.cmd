printf "# lede-partial keywords 1\n" | keywords --merge
