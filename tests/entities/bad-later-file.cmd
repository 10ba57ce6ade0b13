entities multidoc.in bad-sentiment.in bad-tag.in
