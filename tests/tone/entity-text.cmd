tone --by-entity -f text entities.in
