# a directory given as a file: named, and no document said to be skipped
tone basic.in . 2>&1; echo "status $?"
tone --corpus . basic.in 2>&1; echo "status $?"
keywords . basic.in 2>&1 >/dev/null; echo "status $?"
summarize basic.in . 2>&1 >/dev/null; echo "status $?"
