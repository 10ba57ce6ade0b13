tone --by-entity basic.in; echo "status $?"
