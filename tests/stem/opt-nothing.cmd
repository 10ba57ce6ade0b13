# --list prints every language and exits: -l, --stats and files with it are
# usage errors (it printed the list and dropped them)
stem --list -l french 2>&1; echo "status $?"
stem -l french --list 2>&1; echo "status $?"
stem --list --stats 2>&1; echo "status $?"
stem --list basic.in 2>&1; echo "status $?"
stem --list --no-such-option 2>&1; echo "status $?"
stem --list | grep -c '^english$'; echo "status $?"
