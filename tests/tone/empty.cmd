tone < /dev/null; tone --corpus < /dev/null; tone --partial < /dev/null; echo "status $?"
