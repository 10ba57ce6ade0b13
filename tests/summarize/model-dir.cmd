# a directory given as the model or the table: named with the reason
summarize --model . empty.in 2>&1; echo "status $?"
summarize --df . empty.in 2>&1; echo "status $?"
