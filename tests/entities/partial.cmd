entities --corpus --partial multidoc.in tone.in rule-case-possessive.in
