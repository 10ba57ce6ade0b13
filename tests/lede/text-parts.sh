#!/bin/sh
# -f text with several parts: tone and the summaries, which are not
# tables, are the same as with one part (no extra blank line where the
# parts meet); each part's keyword and entity table is aligned on its own
# and one blank line separates them.
set -u
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
lede -q -j 1 -f text -o "$t/1" dump.jsonl || exit 1
for run in "-j 2" "-j 3" "-j 2 --fused" "-j 3 --fused"; do
	# shellcheck disable=SC2086
	lede -q $run -f text -o "$t/n" dump.jsonl || { echo "$run: run failed"; exit 1; }
	for r in tone summaries; do
		cmp "$t/1/$r.txt" "$t/n/$r.txt" || { echo "$run: $r.txt differs:"; diff "$t/1/$r.txt" "$t/n/$r.txt" | head; exit 1; }
	done
	parts=${run#-j }
	parts=${parts%% *}
	for r in keywords entities; do
		n=$(grep -c '^$' "$t/n/$r.txt")
		[ "$n" -eq $((parts - 1)) ] || { echo "$run: $n blank lines in $r.txt, not $((parts - 1))"; exit 1; }
	done
	rm -rf "$t/n"
done
# on standard output too
lede -q -j 1 -f text dump.jsonl >"$t/o1" || exit 1
lede -q -j 2 -f text dump.jsonl >"$t/o2" || exit 1
sed -n '/^== tone$/,/^== summaries$/p' "$t/o1" >"$t/a"
sed -n '/^== tone$/,/^== summaries$/p' "$t/o2" >"$t/b"
cmp "$t/a" "$t/b" || { echo "standard output: tone differs"; exit 1; }
echo "-f text: tone and summaries the same for any -j"
