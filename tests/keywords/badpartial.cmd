keywords --merge bad.partial
