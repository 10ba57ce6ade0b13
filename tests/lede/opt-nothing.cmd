# standard input is read once: - twice is a usage error (it gave a second,
# empty part in every report); --progress and --quiet exclude each other
lede -f tsv - - < /dev/null 2>&1; echo "status $?"
lede -f tsv -- - ../../examples/article.txt - < /dev/null 2>&1; echo "status $?"
lede --progress -q ../../examples/article.txt 2>&1; echo "status $?"
lede -q --progress ../../examples/article.txt 2>&1; echo "status $?"
