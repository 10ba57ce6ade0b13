tokenize conventions.in nfd.in - < bom.in | grep "^# newdoc"
