# options that would do nothing, or one of two modes picked silently, are usage errors
tone --keep-boilerplate basic.in 2>&1; echo "status $?"
tone -w 40 basic.in 2>&1; echo "status $?"
tone -f jsonl -w 40 basic.in 2>&1; echo "status $?"
tone --corpus -f text -w 40 basic.in 2>&1; echo "status $?"
tone --by-entity -f text -w 40 entities.in 2>&1; echo "status $?"
tone --corpus --by-entity entities.in 2>&1; echo "status $?"
tone --partial -f jsonl basic.in 2>&1; echo "status $?"
tone --merge --by-entity --keep-boilerplate < /dev/null 2>&1; echo "status $?"
tone --merge --stats < /dev/null 2>&1; echo "status $?"
# what does go together
grep -v '^# newdoc' basic.in | tone -f text -w 20 | head -3; echo "status $?"
tone --partial --corpus --by-entity --keep-boilerplate entities.in | head -1; echo "status $?"
tone --by-entity --keep-boilerplate -f jsonl entities.in | head -1; echo "status $?"
