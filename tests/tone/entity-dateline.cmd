tone --by-entity ../entities/dateline.stream
