entities -f text article.in
