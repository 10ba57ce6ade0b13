entities --types , < article.in
