#!/bin/sh
# lede --cp1252 passes tokenize --cp1252: a directory with a Windows-1252
# article and a UTF-8 one is read whole (without it the first is named and
# left out, exit 1).
set -u
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
mkdir "$t/in"
printf 'Prices in S\343o Paulo rose, the caf\351 owners said on Monday.\n' >"$t/in/latin.txt"
printf 'Prices in S\303\243o Paulo rose, traders in Rio said.\n' >"$t/in/utf8.txt"
lede -q -j 1 -f tsv "$t/in" >"$t/out" 2>"$t/err" && { echo "without --cp1252: exit 0"; exit 1; }
grep -q 'latin.txt:1: invalid UTF-8 (byte 0xE3); document .*latin.txt skipped' "$t/err" ||
    { echo "without --cp1252: no message"; cat "$t/err"; exit 1; }
lede -q -j 1 -f tsv --cp1252 "$t/in" >"$t/out" 2>"$t/err" || { echo "--cp1252: exit $?"; cat "$t/err"; exit 1; }
[ ! -s "$t/err" ] || { echo "--cp1252: messages"; cat "$t/err"; exit 1; }
sed -n '/^== entities/,/^== tone/p' "$t/out" | grep 'Paulo' | cut -f2,3 | sort | uniq -c | sed 's/^ *//'
