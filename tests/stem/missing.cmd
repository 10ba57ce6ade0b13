stem missing.in nosuchfile missing.in
