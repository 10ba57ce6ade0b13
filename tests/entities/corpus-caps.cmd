entities --corpus corpus-caps.in
