entities -n 0 < article.in
