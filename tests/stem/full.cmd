stem basic.in > /dev/full
