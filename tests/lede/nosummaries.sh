#!/bin/sh
# lede --no-summaries writes the keyword, entity and tone reports (and
# their corpus reports) exactly as without it, and no summaries, in the
# pipe chain and with --fused, to a directory and to standard output.
set -u
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
for mode in "" "--fused"; do
	for j in 1 2; do
		# shellcheck disable=SC2086
		lede -q $mode -j "$j" --corpus -o "$t/all" dump.jsonl || { echo "$mode -j $j: run failed"; exit 1; }
		# shellcheck disable=SC2086
		lede -q $mode -j "$j" --corpus --no-summaries -o "$t/some" dump.jsonl ||
		    { echo "$mode -j $j --no-summaries: run failed"; exit 1; }
		[ ! -e "$t/some/summaries.tsv" ] || { echo "$mode -j $j: summaries written"; exit 1; }
		rm "$t/all/summaries.tsv"
		diff -r "$t/all" "$t/some" || { echo "$mode -j $j: reports differ"; exit 1; }
		[ "$(ls "$t/some" | wc -l)" -eq 6 ] || { echo "$mode -j $j: not 6 reports"; ls "$t/some"; exit 1; }
		rm -rf "$t/all" "$t/some"
	done
	# shellcheck disable=SC2086
	lede -q $mode --no-summaries dump.jsonl >"$t/out" || exit 1
	grep -q '^== tone$' "$t/out" || { echo "$mode: no tone report on stdout"; exit 1; }
	! grep -q '^== summaries' "$t/out" || { echo "$mode: summaries on stdout"; exit 1; }
done
echo "--no-summaries: same reports, no summaries"
