#!/bin/sh
# SIGTERM to lede alone stops the whole job: its children (tokenize
# waiting on standard input, the stages, the reports) are killed, its
# temporary directory is removed, and it dies of the signal (status
# 143).  A bad -o is found before the run, with nothing left behind.
set -u
top=${LEDE_TOP:?}
t=$(mktemp -d)
trap 'exec 3>&-; rm -rf "$t"' EXIT
mkdir "$t/tmp"
export TMPDIR="$t/tmp" LEDE_SIGMARK="$t"
left() {	# the processes started under this test's mark, but this shell
	for d in /proc/[0-9]*; do
		[ "${d#/proc/}" = $$ ] && continue
		grep -qs "LEDE_SIGMARK=$t" "$d/environ" 2>/dev/null && echo "${d#/proc/} $(cat "$d/comm" 2>/dev/null)"
	done
}
for mode in "" "--fused"; do
	rm -f "$t/fifo"
	mkfifo "$t/fifo" || exit 77
	# shellcheck disable=SC2086
	lede -q $mode -j 2 --input jsonl -o "$t/out" - dump.jsonl <"$t/fifo" 2>"$t/err" &
	lp=$!
	exec 3>"$t/fifo"
	cat dump.jsonl >&3	# and standard input stays open
	i=0
	while [ -z "$(ls "$t/tmp")" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
	[ -n "$(ls "$t/tmp")" ] || { echo "$mode: lede did not start"; cat "$t/err"; exit 1; }
	sleep 0.5
	kill -TERM $lp
	wait $lp
	st=$?
	[ $st -eq 143 ] || { echo "$mode: exit status $st, not 143"; cat "$t/err"; exit 1; }
	if [ -d /proc/self ]; then
		i=0
		while [ -n "$(left)" ] && [ $i -lt 30 ]; do sleep 0.1; i=$((i + 1)); done
		[ -z "$(left)" ] || { echo "$mode: processes left running:"; left; exit 1; }
	fi
	exec 3>&-
	[ -z "$(ls "$t/tmp")" ] || { echo "$mode: temporary files left:"; ls -R "$t/tmp"; exit 1; }
done
# -o under a missing directory, and -o naming a file: exit 1 at once
: >"$t/afile"
lede -q -o "$t/nope/deeper/x" "$top/examples/article.txt" 2>"$t/err"
st=$?
[ $st -eq 1 ] || { echo "-o nope/deeper/x: exit status $st, not 1"; exit 1; }
grep -q "^lede: $t/nope/deeper/x: No such file or directory$" "$t/err" || { echo "-o nope/deeper/x:"; cat "$t/err"; exit 1; }
lede -q -o "$t/afile" "$top/examples/article.txt" 2>"$t/err"
st=$?
[ $st -eq 1 ] || { echo "-o afile: exit status $st, not 1"; exit 1; }
grep -q "^lede: $t/afile: not a directory$" "$t/err" || { echo "-o afile:"; cat "$t/err"; exit 1; }
[ -z "$(ls "$t/tmp")" ] || { echo "-o: temporary files left:"; ls -R "$t/tmp"; exit 1; }
echo "SIGTERM stops the job and cleans up; a bad -o is found before the run"
