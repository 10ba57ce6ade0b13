#!/bin/sh
# A grapheme cluster longer than a token may be (4096 bytes) is cut after
# the last code point that fits: every row has a FORM of 1 to 4096 bytes
# that is text[START:END], and the rows of a chunk cover it exactly, in
# plain text and in JSON Lines (the cut once read past the chunk's units:
# a crash, or an empty row).
set -u
tmp=${TMPDIR:-/tmp}/tokenize-long-cluster.$$
trap 'rm -f "$tmp" "$tmp.in"' EXIT
python3 - "$tmp.in" <<'PY' || exit 1
import json, sys
texts = [
    'e' + '\u0301' * 2048,
    '\U0001F469' + '\u200d\U0001F469' * 700,
    'a' + '\u00ad' * 3000,
    'ab' + '\u0301' * 2048 + ' next',
    'word ' + 'x' * 5000 + '\u0301' * 3000 + 'y' * 100 + ' end.',
    '\u00e9' * 2047 + '\U0001F469' + '\u200d\U0001F469' * 3 + ' z',
]
with open(sys.argv[1], 'w', encoding='utf-8') as f:
    for n, t in enumerate(texts):
        f.write(json.dumps({'id': 'd%d' % n, 'text': t}) + '\n')
PY
for mode in plain jsonl; do
	if [ $mode = jsonl ]; then
		tokenize --jsonl "$tmp.in" > "$tmp" || { echo "tokenize --jsonl failed: $?"; exit 1; }
	else
		python3 -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line)
    sys.stdout.write(d["text"] + "\n\n")
' "$tmp.in" | tokenize --paragraphs blank > "$tmp" || { echo "tokenize failed: $?"; exit 1; }
	fi
	python3 - "$tmp.in" "$tmp" $mode <<'PY' || exit 1
import json, re, sys
docs = [json.loads(l)['text'] for l in open(sys.argv[1], encoding='utf-8')]
plain = sys.argv[3] == 'plain'
if plain:
    docs = ['\n\n'.join(docs) + '\n\n']
d = -1
rows = [[] for _ in docs]
for line in open(sys.argv[2], encoding='utf-8').read().split('\n'):
    if line.startswith('# newdoc'):
        d += 1
        continue
    if not line or line.startswith('#'):
        continue
    i, form, s, e = line.split('\t')
    s, e = int(s), int(e)
    if not form or docs[d][s:e] != form:
        sys.exit('%s doc %d: row %r at %d:%d, text has %r' % (sys.argv[3], d, form[:20], s, e, docs[d][s:e][:20]))
    if len(form.encode('utf-8')) > 4096:
        sys.exit('%s doc %d: row at %d:%d of %d bytes' % (sys.argv[3], d, s, e, len(form.encode('utf-8'))))
    rows[d].append((s, e))
if d + 1 != len(docs):
    sys.exit('%s: %d documents, expected %d' % (sys.argv[3], d + 1, len(docs)))
for n, text in enumerate(docs):
    chunks = [(m.start(), m.end()) for m in re.finditer(r'\S+', text)]
    got = []
    for s, e in rows[n]:
        if got and got[-1][1] == s:
            got[-1] = (got[-1][0], e)
        else:
            got.append((s, e))
    if got != chunks:
        sys.exit('%s doc %d: the rows cover %r, not the chunks %r' % (sys.argv[3], n, got[:5], chunks[:5]))
PY
done
