stem --list | grep -c .
