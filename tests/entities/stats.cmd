entities --stats -n 2 multidoc.in article.in > /dev/null
