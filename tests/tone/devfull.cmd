tone basic.in > /dev/full 2>err; echo "status $?"; grep -c 'No space left' err; tone --partial basic.in | tone --merge > /dev/full 2>err; echo "status $?"; grep -c "No space left" err; rm -f err
