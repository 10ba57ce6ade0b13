#!/bin/sh
# A damaged model is a clear "ner-tag: FILE: reason" error, exit 1, and
# nothing on stdout: bad magic, other version, truncation, a flipped byte,
# an empty file, a missing file.
set -u
model=$LEDE_DATA/models/ner-en.model
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
fail=0
check() {	# file expected-reason
	ner-tag -m "$1" < gold.in > "$d/out" 2> "$d/err"
	st=$?
	if [ "$st" != 1 ] || [ -s "$d/out" ] ||
	    ! grep -q "^ner-tag: $1: $2" "$d/err"; then
		echo "not rejected as expected ($2): status $st"
		cat "$d/err"
		fail=1
	fi
}
printf 'not a model at all\n' > "$d/magic"
check "$d/magic" "bad magic"
: > "$d/empty"
check "$d/empty" "bad magic"
{ printf 'LEDENER\000\002\000\000\000'; tail -c +13 "$model"; } > "$d/version"
check "$d/version" "unsupported version 2"
size=$(wc -c < "$model")
for n in 8 12 100 1000 $((size / 2)) $((size - 9)) $((size - 1)); do
	head -c "$n" "$model" > "$d/trunc"
	check "$d/trunc" "truncated"
done
# flip one byte in the middle
half=$((size / 2))
{ head -c "$half" "$model"; printf 'Z'; tail -c +$((half + 2)) "$model"; } > "$d/flip"
if cmp -s "$d/flip" "$model"; then
	{ head -c "$half" "$model"; printf 'Y'; tail -c +$((half + 2)) "$model"; } > "$d/flip"
fi
check "$d/flip" "truncated or corrupt"
check "$d/missing" "No such file"
exit $fail
