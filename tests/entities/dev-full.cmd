entities article.in > /dev/full
