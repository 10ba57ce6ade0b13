tokenize ner-runs.txt | ner-tag | keywords --no-df
