# A bad SENT value is reported at its own row, a bad '# sentiment' at its
# comment, not at the first line of the sentence.
printf '# global.columns = ID FORM SENT\n# newdoc id = d1\n# sent_id = 1\n# text = Paris is nice.\n# sentiment = 0.3\n1\tParis\t0\n2\tis\t0\n3\tnice\tfoo\n4\t.\t0\n\n# newdoc id = d2\n# sent_id = 2\n# sentiment = 0.3\n1\tfine\t1\n\n# text = Bad.\n# sentiment = x\n1\tBad\t-1\n\n' | tone 2>&1 >/dev/null; echo "status $?"
