tone --bogus < basic.in 2>err; echo "status $?"; grep -c 'unknown option' err; tone -f xml basic.in 2>err; echo "status $?"; cat err; rm -f err
