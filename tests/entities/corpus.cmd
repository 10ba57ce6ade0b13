entities --corpus article.in multidoc.in tone.in
