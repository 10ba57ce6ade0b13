entities -n < article.in
