keywords --partial < /dev/null
