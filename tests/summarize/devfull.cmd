tokenize ../../examples/article.txt | summarize > /dev/full 2>err; echo "status $?"; grep -c "No space left" err; rm -f err
