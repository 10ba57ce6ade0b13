# an empty model (only comments, or no line: a training run that failed)
# weighed every feature 0 and gave the lead with exit status 0; an error
printf '# weights\n\n' > model-empty.tmp
summarize --model model-empty.tmp < /dev/null 2>&1; echo "status $?"
summarize --model /dev/null < /dev/null 2>&1; echo "status $?"
rm -f model-empty.tmp
