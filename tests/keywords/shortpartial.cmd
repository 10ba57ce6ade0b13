# A partial that ends after its first line, or after its settings line
printf "# lede-partial keywords 2\n" | keywords --merge
printf "# lede-partial keywords 2\n# settings rank=tf\n" | keywords --merge
