entities -n 3 --types PER,ORG article.in
