tone --partial entities.in
