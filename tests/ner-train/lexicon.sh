#!/bin/sh
# -x: every line is checked against the ranges of ner-train(1); a bad one
# stops the run at its file:line (exit 1) instead of being coerced or
# dropped.  A good lexicon trains.
set -eu
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
check() {	# line(s) (printf format) expected-message
	printf "$1\n" > "$d/lx.tsv"
	st=0
	ner-train -q -n 1 -x "$d/lx.tsv" -o "$d/m" tiny.bio 2> "$d/err" || st=$?
	if [ "$st" -ne 1 ] || [ "$(cat "$d/err")" != "ner-train: $d/lx.tsv:$2" ]; then
		echo "line '$1': status $st, expected 1 and '$2'; stderr:"
		cat "$d/err"
		exit 1
	fi
	[ ! -e "$d/m" ]
}
check 'Rome\t70000\t1\t1\t9' "1: bad cluster '70000' (expected 1 to 65535)"
check 'Rome\t7\t-1\t1\t9' "1: bad cluster '-1' (expected 1 to 65535)"
check 'Rome\t7\t1\tabc\t9' "1: bad cluster 'abc' (expected 1 to 65535)"
check 'Rome\t0\t1\t1\t9' "1: bad cluster '0' (expected 1 to 65535)"
check 'Rome\t7\t1\t1\t999' "1: bad case bucket '999' (expected 0 to 255)"
check 'Oslo\t1\t2\t3\t4\nRome\t7\t1\t1\t' "2: bad case bucket '' (expected 0 to 255)"
check 'Rome\t7\t1\t1\t9\textra' "1: expected 5 fields"
check 'Rome\t7\t1\t1' "1: expected 5 fields"
check '\t1\t1\t1\t1' "1: empty form"
check 'R\377me\t1\t1\t1\t1' "1: invalid UTF-8"
check "$(awk 'BEGIN { while (n++ < 256) printf "a" }')\t1\t1\t1\t1" "1: form longer than 255 bytes"
check 'Rome\t1\t1\t1\t1\nOslo\t1\t1\t1\t1\nRome\t2\t2\t2\t2' "3: form 'Rome' listed twice"
printf 'Rome\t65535\t1\t2\t255\nOslo\t1\t1\t1\t0\n' > "$d/lx.tsv"
ner-train -q -n 1 -x "$d/lx.tsv" -o "$d/m" tiny.bio
ner-tag -m "$d/m" --list > /dev/null
