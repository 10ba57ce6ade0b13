#!/bin/sh
# The Hadoop Streaming recipe of docs/PARALLEL.md, run locally as
# `cat | mapper | sort | reducer`: map tasks over parts of the dump,
# Hadoop's shuffle (a sort of all mapper lines), one reducer; the reports
# equal one sequential --corpus run byte for byte.
set -u
. ./common.inc
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
dump "$t/dump.jsonl"
tokenize --jsonl "$t/dump.jsonl" | stem | ner-tag | sentiment >"$t/stream" || exit 1
{
	for r in keywords entities tone; do
		echo "== $r"
		"$r" --corpus "$t/stream" || exit 1
		[ $r = tone ] || echo
	done
} >"$t/want"
# three map tasks, as Hadoop would cut the input into splits
n=$(wc -l <"$t/dump.jsonl")
split -l $((n / 3 + 1)) "$t/dump.jsonl" "$t/split."
for s in "$t"/split.*; do
	mapreduce_task_id=task_${s##*.} lede-map <"$s" || exit 1
done >"$t/mapped"
LC_ALL=C sort "$t/mapped" | lede-reduce >"$t/got" || exit 1
cmp "$t/want" "$t/got" || { diff "$t/want" "$t/got" | head; exit 1; }
# the reducer does not depend on the order the lines come in
shuf "$t/mapped" | lede-reduce | cmp - "$t/want" || { echo "shuffled input differs"; exit 1; }
echo "map, sort and reduce equal the sequential run over $n articles"
