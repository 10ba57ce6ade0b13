# --merge --by-entity needs partials made with --partial --by-entity; --partial alone holds no entities.
tone --partial entities.in | tone --merge --by-entity 2>&1; echo "status $?"
tone --partial --by-entity < /dev/null | tone --merge --by-entity; echo "status $?"
tone --partial --by-entity basic.in 2>&1 >/dev/null | head -1; tone --partial --by-entity basic.in >/dev/null 2>&1; echo "status $?"
