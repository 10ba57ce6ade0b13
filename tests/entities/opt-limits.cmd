# -n stops at 1000000 as in keywords, summarize and lede (it took up to LONG_MAX);
# --keep-boilerplate with --merge is a usage error (the partials were made)
entities -n 1000001 article.in 2>&1; echo "status $?"
entities -n 9223372036854775807 article.in 2>&1; echo "status $?"
entities --merge --keep-boilerplate < /dev/null 2>&1; echo "status $?"
entities -n 1000000 article.in | head -2; echo "status $?"
entities --corpus --partial --keep-boilerplate article.in | entities --merge -n 1 -f jsonl; echo "status $?"
