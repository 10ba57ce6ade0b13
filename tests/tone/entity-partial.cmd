tone --partial --by-entity entities.in
