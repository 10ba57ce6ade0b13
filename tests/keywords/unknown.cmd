keywords --bogus < /dev/null 2>err; echo "status $?"; grep -c "unknown option" err; keywords -f xml < /dev/null 2>err; echo "status $?"; cat err; rm -f err
