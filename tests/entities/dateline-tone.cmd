entities dateline.stream
