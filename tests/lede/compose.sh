#!/bin/sh
# lede only composes the tools: each report is what the tool prints on the
# chain tokenize | stem | ner-tag | sentiment.
set -u
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
lede -q -j 1 --corpus -o "$t/o" dump.jsonl || exit 1
tokenize --jsonl dump.jsonl | stem | ner-tag | sentiment >"$t/s" || exit 1
keywords "$t/s" | cmp - "$t/o/keywords.tsv" || exit 1
entities "$t/s" | cmp - "$t/o/entities.tsv" || exit 1
tone "$t/s" | cmp - "$t/o/tone.tsv" || exit 1
summarize -f tsv "$t/s" | cmp - "$t/o/summaries.tsv" || exit 1
keywords --corpus "$t/s" | cmp - "$t/o/keywords-corpus.tsv" || exit 1
entities --corpus "$t/s" | cmp - "$t/o/entities-corpus.tsv" || exit 1
tone --corpus "$t/s" | cmp - "$t/o/tone-corpus.tsv" || exit 1
echo "every report is the tool's own"
