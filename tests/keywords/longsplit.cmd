# A run of words too long to be a phrase (more than maxlen, 4) that holds
# entity spans is cut at their ends: "BBC political editor Andrew Marr"
# gives "BBC", "political editor" and "Andrew Marr"; a one-word adjective
# span goes with the words after it ("Mexican outfit").  longsplit=0
# leaves such runs out, as before.
keywords --no-df longsplit.stream
keywords --no-df --param longsplit=0 longsplit.stream
