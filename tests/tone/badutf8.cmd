tone < badutf8.in; echo "status $?"
