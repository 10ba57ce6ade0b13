# a table whose 'terms' claims more rows than its bytes can hold is
# refused at that line: the array was sized by the claim (a fuzzer's
# 'terms 709551615' asked for 5.7 GB)
printf 'lede-df 1\ndocs 10\nterms 709551615\nmindf 1\nstemmer english\nrail\t2\n' > dft.tmp
tokenize --jsonl docs.jsonl | keywords -n 2 --df dft.tmp 2>&1; echo "status $?"
rm -f dft.tmp
