#!/bin/sh
# The feature table grows (65,536 slots) exactly when the history
# features are added: they were stored through the old array (a
# use-after-free that glibc aborted on).
set -eu
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
awk 'BEGIN { print "Xa B-PER"; print "W0 O"
	for (i = 0; i < 32764; i++) print "w" i " O" }' > "$d/fc.bio"
ner-train -q -F word -c 1 -n 1 -o "$d/fc.model" "$d/fc.bio"
echo 'Xa' | tokenize | ner-tag -m "$d/fc.model" > /dev/null
