tokenize lead-words.txt | summarize --rank lead --words 5
