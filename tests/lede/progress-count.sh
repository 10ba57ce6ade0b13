#!/bin/sh
# The progress line of the pipe chain counts every document, also when a
# "# newdoc" line is cut between two reads of the stream: 20000 one-line
# articles (a newdoc line every hundred bytes or so) make many such cuts.
set -u
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
n=20000
[ -n "${LEDE_SLOW:-}" ] && n=3000	# under valgrind and the sanitizers
awk -v n=$n 'BEGIN { for (i = 1; i <= n; i++) printf "{\"id\": \"g%d\", \"text\": \"Hi.\"}\n", i }' >"$t/tiny.jsonl"
for j in 1 2; do
	lede --progress -j $j --no-summaries -o "$t/o" "$t/tiny.jsonl" 2>"$t/err" || { echo "-j $j: run failed"; exit 1; }
	last=$(tr '\r' '\n' <"$t/err" | grep . | tail -n 1)
	case $last in
	"lede: $n/$n documents,"*) ;;
	*) echo "-j $j: progress ends '$last'"; exit 1 ;;
	esac
	lede --progress -j $j --input jsonl --no-summaries -o "$t/o" - <"$t/tiny.jsonl" 2>"$t/err" || exit 1
	last=$(tr '\r' '\n' <"$t/err" | grep . | tail -n 1)
	case $last in
	"lede: $n documents,"*) ;;
	*) echo "-j $j, standard input: progress ends '$last'"; exit 1 ;;
	esac
done
echo "progress counts all $n documents"
