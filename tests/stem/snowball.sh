#!/bin/sh
# Every libstemmer language against its Snowball reference vocabulary
# (Debian package snowball-data: voc.txt -> output.txt), word for word.
# stem works on the lower-cased FORM and keeps tokens without letters as
# they are (tools/stem.1), so the few reference words with capitals or
# without letters are counted apart; an empty stem is written "_".
# The sanitizer and valgrind runs (LEDE_SLOW) check the first 200,000
# words of each language (the normal build checks them all: Arabic alone
# has 9 million).
dir=/usr/share/snowball/data
[ -d "$dir" ] || { echo "snowball-data not installed"; exit 77; }
limit=cat
[ -n "${LEDE_SLOW:-}" ] && limit="head -n 200000"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0 n=0
for lang in $(stem --list); do
	d=$dir/$lang
	if [ -f "$d/voc.txt" ]; then
		$limit <"$d/voc.txt" >"$tmp/voc"
		$limit <"$d/output.txt" >"$tmp/want"
	elif [ -f "$d/voc.txt.gz" ]; then
		gzip -dc "$d/voc.txt.gz" | $limit >"$tmp/voc"
		gzip -dc "$d/output.txt.gz" | $limit >"$tmp/want"
	else
		echo "$lang: no reference vocabulary, not checked"
		continue
	fi
	# a FORM is never empty (docs/FORMAT.md): drop the empty word of a list
	paste "$tmp/voc" "$tmp/want" | awk -F'\t' '$1 != ""' >"$tmp/pair"
	cut -f1 "$tmp/pair" >"$tmp/voc"
	cut -f2 "$tmp/pair" >"$tmp/want"
	awk 'BEGIN { print "# global.columns = ID FORM" } { print NR "\t" $0; print "" }' \
	    "$tmp/voc" >"$tmp/in"
	$RUN stem -l "$lang" "$tmp/in" | awk -F'\t' 'NF == 3 { print $3 }' >"$tmp/got"
	if python3 - "$lang" "$tmp/voc" "$tmp/want" "$tmp/got" <<'PY'
import sys
lang, voc, want, got = sys.argv[1:]
voc = open(voc, encoding='utf-8').read().split('\n')[:-1]
want = open(want, encoding='utf-8').read().split('\n')[:-1]
got = open(got, encoding='utf-8').read().split('\n')[:-1]
if not (len(voc) == len(want) == len(got)):
    print(f"{lang}: {len(voc)} words, {len(want)} reference stems, {len(got)} ours")
    sys.exit(1)
same = apart = bad = 0
for w, a, b in zip(voc, want, got):
    if b == '_':
        b = ''
    if not any(c.isalpha() for c in w) or w.lower() != w:
        apart += 1
        continue
    if a == b:
        same += 1
    else:
        bad += 1
        if bad <= 5:
            print(f"{lang}: {w!r}: reference {a!r}, ours {b!r}")
print(f"{lang}: {same} stems match, {bad} differ, {apart} words with capitals or no letter not compared")
sys.exit(1 if bad or same == 0 else 0)
PY
	then
		n=$((n + 1))
	else
		fail=1
	fi
done
echo "$n languages match their reference vocabularies"
[ "$n" -gt 20 ] || fail=1
exit $fail
