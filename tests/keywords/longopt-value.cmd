keywords --stats=1 </dev/null
