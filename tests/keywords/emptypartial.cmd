# A 0-byte partial is an error at its line 1 (not line 0).
keywords --merge < /dev/null
