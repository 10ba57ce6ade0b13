entities --types per,Loc article.in
