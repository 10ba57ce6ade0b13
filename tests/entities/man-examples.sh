#!/bin/sh
# Every example of tools/entities.1 runs from the top of the tree, exits 0,
# prints something and nothing on standard error.
set -u
cd "${LEDE_TOP:?}" || exit 1
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
awk '/^\.EX/ { ex = 1; next } /^\.EE/ { ex = 0; next } ex { gsub(/\\e/, "\\"); print }' \
    tools/entities.1 > "$t/examples"
[ -s "$t/examples" ] || { echo "no examples"; exit 1; }
fail=0
while IFS= read -r cmd; do
	if ! sh -c "$cmd" > "$t/out" 2> "$t/err" || [ -s "$t/err" ] || [ ! -s "$t/out" ]; then
		echo "failed: $cmd"
		cat "$t/err"
		fail=1
	fi
done < "$t/examples"
exit $fail
