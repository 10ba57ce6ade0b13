#!/bin/sh
# Reports that embed article text escape it for their format, whatever the
# text holds (quotes, backslashes, TABs, control characters, line
# separators, emoji, right-to-left text): every JSON Lines line parses as
# JSON, every TSV line has as many fields as its header and no control
# character, every -f text line no control character at all (C0 such as
# TAB and ESC, DEL, C1): in every report tool and in lede's output.
set -u
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
python3 - "$t/dump.jsonl" <<'PY'
import json, sys
weird = [
    'The "Acme\\Corp" board met Dr. Jane O\'Neil in Paris on Monday.\tShe said: "Growth is great\\n".',
    'Control \x01 chars \x1f and a bell \x07 in Berlin, said Hans Mueller of Siemens.',
    'Line\u2028separator and paragraph\u2029separator near Rome, Italy; Maria Rossi \U0001F600 smiled.',
    'Backslashes \\\\ and \\t escapes and <b>tags</b> & "quotes" at the United Nations in New York.',
    '\u05e9\u05dc\u05d5\u05dd Tel Aviv news: Benjamin Cohen of Teva Pharmaceuticals reported a loss.',
    'Terrible \x1b[31m red\x1b[0m losses \x7f and a \x9b31m C1 escape \x85 at Boeing in Chicago, said Ann Lee.',
]
with open(sys.argv[1], 'w') as f:
    for i, w in enumerate(weird):
        f.write(json.dumps({"id": f'doc"{i}\\x\t', "title": 'Title\twith "tab"', "text": w + "\n\n" + w}) + "\n")
PY
tokenize --jsonl "$t/dump.jsonl" | stem | ner-tag | sentiment >"$t/s" || exit 1
fail=0
check_jsonl() {	# name file
	python3 - "$1" "$2" <<'PY' || fail=1
import json, sys
name, path = sys.argv[1:]
n = 0
for line in open(path, encoding='utf-8'):
    try:
        json.loads(line)
        n += 1
    except ValueError as e:
        print(f"{name}: not JSON: {e}: {line[:200]!r}")
        sys.exit(1)
if n == 0:
    print(f"{name}: no JSON lines")
    sys.exit(1)
PY
}
check_tsv() {	# name file
	python3 - "$1" "$2" <<'PY' || fail=1
import sys
name, path = sys.argv[1:]
lines = open(path, encoding='utf-8', newline='').read().split('\n')
assert lines[-1] == '', f"{name}: no final newline"
lines = lines[:-1]
if len(lines) < 2:
    print(f"{name}: no rows"); sys.exit(1)
k = lines[0].count('\t')
for l in lines:
    if l.count('\t') != k:
        print(f"{name}: {l.count(chr(9)) + 1} fields, header has {k + 1}: {l[:200]!r}"); sys.exit(1)
    bad = [c for c in l if (ord(c) < 0x20 and c != '\t') or c == '\x7f']
    if bad:
        print(f"{name}: raw control character {bad[0]!r} in {l[:200]!r}"); sys.exit(1)
PY
}
check_text() {	# name file
	python3 - "$1" "$2" <<'PY' || fail=1
import sys
name, path = sys.argv[1:]
text = open(path, encoding='utf-8', newline='').read()
if not text.strip():
    print(f"{name}: no text"); sys.exit(1)
for l in text.split('\n'):
    bad = [c for c in l if ord(c) < 0x20 or 0x7f <= ord(c) <= 0x9f]
    if bad:
        print(f"{name}: raw control character {bad[0]!r} in {l[:200]!r}"); sys.exit(1)
PY
}
for r in keywords entities tone summarize; do
	"$r" -f text "$t/s" >"$t/$r.text" || exit 1
	check_text "$r -f text" "$t/$r.text"
done
for r in keywords entities tone; do
	"$r" --corpus -f text "$t/s" >"$t/$r.c.text" || exit 1
	check_text "$r --corpus -f text" "$t/$r.c.text"
done
tone --by-entity -f text "$t/s" >"$t/be.text" || exit 1
check_text "tone --by-entity -f text" "$t/be.text"
for r in keywords entities tone summarize; do
	"$r" -f jsonl "$t/s" >"$t/$r.jsonl" || exit 1
	check_jsonl "$r -f jsonl" "$t/$r.jsonl"
	"$r" -f tsv "$t/s" >"$t/$r.tsv" || exit 1
	check_tsv "$r -f tsv" "$t/$r.tsv"
done
for r in keywords entities tone; do
	"$r" --corpus -f jsonl "$t/s" >"$t/$r.c.jsonl" || exit 1
	check_jsonl "$r --corpus -f jsonl" "$t/$r.c.jsonl"
	"$r" --corpus -f tsv "$t/s" >"$t/$r.c.tsv" || exit 1
	check_tsv "$r --corpus -f tsv" "$t/$r.c.tsv"
done
tone --by-entity -f jsonl "$t/s" >"$t/be.jsonl" || exit 1
check_jsonl "tone --by-entity -f jsonl" "$t/be.jsonl"
# the text of the documents is really in the reports (nothing dropped)
grep -q 'Acme' "$t/summarize.tsv" || { echo "summarize lost the text"; fail=1; }
grep -q 'doc\\"0' "$t/tone.jsonl" || { echo "tone: document id not escaped as expected"; cat "$t/tone.jsonl" | head -2; fail=1; }
lede -q -f jsonl -o "$t/lede" "$t/dump.jsonl" || exit 1
for f in "$t"/lede/*.jsonl; do check_jsonl "lede ${f##*/}" "$f"; done
lede -q -f text -o "$t/ledetext" "$t/dump.jsonl" || exit 1
for f in "$t"/ledetext/*; do check_text "lede -f text ${f##*/}" "$f"; done
exit $fail
