entities --partial -n 3 < article.in
