# options that would do nothing are usage errors, not silently dropped
keywords --min-df 3 < /dev/null 2>&1; echo "status $?"
keywords --merge --rank tf < /dev/null 2>&1; echo "status $?"
keywords --merge --no-df < /dev/null 2>&1; echo "status $?"
keywords --merge --param window=3 < /dev/null 2>&1; echo "status $?"
keywords --merge --keep-boilerplate < /dev/null 2>&1; echo "status $?"
keywords --merge -n 3 -f jsonl < /dev/null 2>&1; echo "status $?"
