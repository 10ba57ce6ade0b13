tone --by-entity -f jsonl entities.in
