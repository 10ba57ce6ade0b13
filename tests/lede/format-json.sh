#!/bin/sh
# -f json is jsonl, as in every report tool: the same output and the same
# .jsonl file names, pipe chain and fused.
set -u
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
for mode in "" "--fused"; do
	# shellcheck disable=SC2086
	lede -q $mode --corpus -f jsonl dump.jsonl >"$t/jsonl.out" || exit 1
	# shellcheck disable=SC2086
	lede -q $mode --corpus -f json dump.jsonl >"$t/json.out" 2>"$t/err" ||
	    { echo "$mode -f json: exit status $?"; cat "$t/err"; exit 1; }
	cmp "$t/jsonl.out" "$t/json.out" || { echo "$mode -f json differs from -f jsonl"; exit 1; }
	# shellcheck disable=SC2086
	lede -q $mode --corpus -f jsonl -o "$t/a" dump.jsonl || exit 1
	# shellcheck disable=SC2086
	lede -q $mode --corpus -f json -o "$t/b" dump.jsonl || exit 1
	diff -r "$t/a" "$t/b" || { echo "$mode -o: -f json differs"; exit 1; }
	rm -rf "$t/a" "$t/b"
done
echo "-f json is -f jsonl"
