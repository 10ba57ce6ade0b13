#!/bin/sh
# Accuracy on the UD English dev sets (tokens and sentences, F1), when the
# shared data is there: the targets of the issue.
set -u
d=${LEDE_SHARED:-}/data/tokenize
if [ -z "${LEDE_SHARED:-}" ] || [ ! -f "$d/en_gum-ud-dev.conllu" ]; then
	echo "no shared data in \$LEDE_SHARED"
	exit 77
fi
eval-tokenize --min-tokens 99.0 --min-sentences 93 "$d/en_gum-ud-dev.conllu" || exit 1
eval-tokenize --min-tokens 98.5 --min-sentences 85 "$d/en_ewt-ud-dev.conllu" || exit 1
