# options that would do nothing, or one mode picked silently, are usage errors
summarize --features --rank lexrank < /dev/null 2>&1; echo "status $?"
summarize --features --model model.tsv < /dev/null 2>&1; echo "status $?"
summarize --features -f text < /dev/null 2>&1; echo "status $?"
summarize --boilerplate -f text < /dev/null 2>&1; echo "status $?"
summarize --boilerplate -n 2 < /dev/null 2>&1; echo "status $?"
summarize --boilerplate --words 50 < /dev/null 2>&1; echo "status $?"
summarize --boilerplate --rank lead < /dev/null 2>&1; echo "status $?"
summarize --boilerplate --no-df < /dev/null 2>&1; echo "status $?"
summarize --boilerplate --param mmr=1 < /dev/null 2>&1; echo "status $?"
summarize --boilerplate --keep-boilerplate < /dev/null 2>&1; echo "status $?"
# what does go together
tokenize ../../examples/article.txt | summarize --features -n 2 --no-df -f tsv --param position-exp=2 | head -1 | cut -f1-3; echo "status $?"
tokenize skip.txt | summarize --boilerplate --keep-boilerplate --skip '(?i)^listen to this' -f tsv | cut -f2,3; echo "status $?"
