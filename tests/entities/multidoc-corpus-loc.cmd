entities --types LOC --corpus -f jsonl multidoc.in
