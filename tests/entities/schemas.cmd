entities -n 1 rule-types.in article.in multidoc.in bad-nonercol.in rule-titles.in
