sentiment --bogus < one.in 2>err; echo "status $?"; cat err; sentiment --lexicon 2>err; echo "status $?"; cat err; rm -f err
