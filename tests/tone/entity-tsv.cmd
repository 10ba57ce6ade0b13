tone --by-entity entities.in
