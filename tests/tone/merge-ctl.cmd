# A partial whose text has a control character, escaped \xHH as main's TSV writer does: read back, merged, written the same way; a bad \x escape is refused.
printf '# lede-partial tone 2\nstats\t1\t1\t3\t1\t0\t500000\nbest\t500000\ta\\x01b\n' | tone --merge -f tsv
printf '# lede-partial tone 2\nstats\t1\t1\t3\t1\t0\t500000\nbest\t500000\ta\\x0gb\n' | tone --merge -f tsv 2>&1; echo "status $?"
