sentiment --bogus < one.in 2>err; echo "status $?"; grep -c 'unknown option' err; rm -f err
