sed 's/$/\r/' model.tsv > model-crlf.tmp; tokenize ../../examples/article.txt | summarize --model model-crlf.tmp --words 60; echo "status $?"; rm -f model-crlf.tmp
