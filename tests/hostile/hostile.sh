#!/bin/sh
# Bad input of every kind through every tool in bin/: each run must end
# (no hang: 120 s at most), exit 0 or 1 (never a crash or a sanitizer
# report), and an exit status of 1 must come with a "tool: " message.
# Which inputs must fail is pinned by each tool's own golden tests; this
# sweep checks that nothing crashes, hangs or fails silently.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
b=$tmp/in
mkdir "$b"
h='# global.columns = ID FORM START END'
: >"$b/empty"
printf ' \n\t\n   \n\n' >"$b/whitespace"
printf '%s\n# newdoc id = a\n# text = ok\n1\tok\t0\t2\n\n' "$h" >"$b/good"
# under sanitizers and valgrind (LEDE_SLOW) the huge inputs are smaller,
# still over every limit they test
big=100000000 field=20000000 str=5000000 rows=100000
[ -n "${LEDE_SLOW:-}" ] && big=17000000 field=17000000 str=1000000 rows=20000
head -c $big /dev/zero | tr '\0' 'a' >"$b/hugeline"
{ printf '%s\n1\t' "$h"; head -c $field /dev/zero | tr '\0' 'b'; printf '\t0\t1\n\n'; } >"$b/hugefield"
printf '%s\n1\t\300\257\t0\t1\n\n' "$h" >"$b/overlong"
printf '%s\n1\t\355\240\200\t0\t1\n\n' "$h" >"$b/surrogate"
printf '%s\n1\tab\342\202\t0\t1\n\n' "$h" >"$b/truncated"
printf '%s\n1\t\200x\t0\t1\n\n' "$h" >"$b/continuation"
printf '%s\n1\ta\000b\t0\t1\n\n' "$h" >"$b/nul"
printf '\357\273\277%s\r\n1\tok\t0\t2\r\n\r\n' "$h" >"$b/crlfbom"
printf '1\tok\t0\t2\n\n' >"$b/noheader"
printf '%s\n1\ta\t0\t1\n\n%s\n1\tb\t0\t1\n\n' "$h" "$h" >"$b/repeated"
printf '%s\n1\ta\t0\t1\n\n# global.columns = ID FORM X\n1\tb\tc\n\n' "$h" >"$b/changed"
printf '%s\n1\ta\t0\n2\tb\t0\t1\textra\n\n' "$h" >"$b/ragged"
printf '%s\n1\ta\t0\t1\n# late comment\n\n' "$h" >"$b/latecomment"
head -c 300000 /dev/urandom >"$b/garbage"
{ printf '%s\n' "$h"; head -c 300000 /dev/urandom; } >"$b/garbagebody"
{ printf '{"id": "ok", "text": "Fine text."}\n{"id": 1, "text": \n{"id": "deep", "x": '
  i=0; while [ $i -lt 3000 ]; do printf '['; i=$((i + 1)); done
  printf '\n{"id": "big", "text": "'; head -c $str /dev/zero | tr '\0' 'w'; printf '"}\n'
  printf '{"text": "\\ud800 lone"}\n[1, 2]\n'; } >"$b/jsonl"
awk -v h="$h" -v rows=$rows 'BEGIN { print h; for (i = 1; i <= rows; i++) print i "\tw" i "\t" 0 "\t" 1; print "" }' >"$b/longsentence"

fail=0 n=0
for tool in "$LEDE_BIN"/*; do
	t=${tool##*/}
	case $t in ner-train) args=--help ;; *) args= ;; esac
	for f in "$b"/*; do
		n=$((n + 1))
		case $t in
		tokenize) set -- "$f" ;;
		*) set -- "$f" ;;
		esac
		[ "$t" = tokenize ] && [ "${f##*/}" = jsonl ] && set -- --jsonl "$f"
		timeout 120 $RUN "$tool" $args "$@" >"$tmp/out" 2>"$tmp/err"
		st=$?
		if [ $st -ne 0 ] && [ $st -ne 1 ]; then
			echo "$t ${f##*/}: exit status $st"
			head -n 5 "$tmp/err"
			fail=1
		elif grep -q -e 'Sanitizer' -e 'runtime error' "$tmp/err"; then
			echo "$t ${f##*/}: sanitizer report"
			head -n 10 "$tmp/err"
			fail=1
		elif [ $st -eq 1 ] && ! grep -q "^$t: " "$tmp/err"; then
			echo "$t ${f##*/}: exit status 1 without a message"
			fail=1
		fi
	done
done
echo "$n runs"
exit $fail
