# only --lexicon files of no term (a header alone): every score was 0 with
# exit status 0; an error (--check-lexicon still says 0 terms)
printf '# lede-lexicon 1\n# no term yet\n' > noterm.tmp
sentiment --no-default-lexicon --lexicon noterm.tmp basic.in 2>&1; echo "status $?"
sentiment --no-default-lexicon --lexicon noterm.tmp --check-lexicon 2>&1; echo "status $?"
rm -f noterm.tmp
