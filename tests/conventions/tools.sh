#!/bin/sh
# The conventions every tool shares (README): --help on standard output
# with exit 0, --version, a usage error on standard error with exit 2,
# a write error (/dev/full) with exit 1 and a message, and a closed pipe
# that ends the tool quietly.
set -u
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fail=0
n=0
for tool in "$LEDE_BIN"/*; do
	name=${tool##*/}
	n=$((n + 1))
	"$name" --help >"$t/out" 2>"$t/err"
	st=$?
	{ [ $st -eq 0 ] && grep -q "^usage: $name" "$t/out" && [ ! -s "$t/err" ]; } ||
	    { echo "$name --help: status $st, or no usage line on stdout, or stderr"; fail=1; }
	"$name" --version >"$t/out" 2>"$t/err"
	st=$?
	{ [ $st -eq 0 ] && grep -q "^$name (lede) [0-9]" "$t/out"; } ||
	    { echo "$name --version: status $st: $(cat "$t/out")"; fail=1; }
	"$name" --no-such-option >"$t/out" 2>"$t/err" </dev/null
	st=$?
	{ [ $st -eq 2 ] && [ ! -s "$t/out" ] && grep -q "^$name: unknown option '--no-such-option'" "$t/err"; } ||
	    { echo "$name --no-such-option: status $st: $(head -n 1 "$t/err")"; fail=1; }
	"$name" --help >/dev/full 2>"$t/err"
	st=$?
	{ [ $st -eq 1 ] && grep -q "^$name: .*write error" "$t/err"; } ||
	    { echo "$name --help >/dev/full: status $st: $(head -n 1 "$t/err")"; fail=1; }
done
# a closed pipe: the tool stops without a message (SIGPIPE)
yes 'Quiet words fill a long page of text.' | head -n 200000 >"$t/text"
tokenize "$t/text" >"$t/stream"
for name in tokenize stem sentiment; do
	if [ $name = tokenize ]; then in=$t/text; else in=$t/stream; fi
	"$name" "$in" 2>"$t/err" | head -n 1 >/dev/null
	[ -s "$t/err" ] && { echo "$name | head: message on stderr: $(head -n 1 "$t/err")"; fail=1; }
done
echo "$n tools checked"
exit $fail
