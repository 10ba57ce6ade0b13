entities -f xml < article.in
