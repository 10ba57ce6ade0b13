printf '# global.columns = ID FORM\n1\tgood\n\n' | tone; echo "status $?"
