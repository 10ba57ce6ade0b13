entities --frobnicate < article.in
