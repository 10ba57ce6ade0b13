entities -f text rule-near-miss.in
