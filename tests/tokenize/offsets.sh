#!/bin/sh
# Every token is where it says: text[START:END] == FORM (code points), and
# each # text is the text of its sentence, for multi-script, NFD, CRLF,
# BOM and JSON Lines input.
set -u
tmp=${TMPDIR:-/tmp}/tokenize-offsets.$$
trap 'rm -f "$tmp"' EXIT
for f in multiscript.txt conventions.in scripts.in nfd.in crlf.in bom.in wrapped.in; do
	tokenize "$f" > "$tmp" || { echo "tokenize failed on $f"; exit 1; }
	python3 - "$f" "$tmp" <<'PY' || exit 1
import sys
raw = open(sys.argv[1], 'rb').read()
if raw.startswith(b'\xef\xbb\xbf'):
    raw = raw[3:]
text = raw.decode('utf-8')
breaks = '\t\n\x0b\x0c\r\x85\u2028\u2029'
rows = 0
sent = []
stext = None
def check_sentence():
    if not sent:
        return
    want = text[sent[0][0]:sent[-1][1]]
    for b in breaks:
        want = want.replace(b, ' ')
    if want != stext:
        sys.exit('%s: # text %r, expected %r' % (sys.argv[1], stext, want))
for line in open(sys.argv[2], encoding='utf-8').read().split('\n'):
    if line.startswith('# text = '):
        stext = line[9:]
        continue
    if line.startswith('#'):
        continue
    if not line:
        check_sentence()
        sent = []
        continue
    i, form, s, e = line.split('\t')
    s, e = int(s), int(e)
    if text[s:e] != form or not form or any(c.isspace() for c in form):
        sys.exit('%s: token %r at %d:%d but the text has %r' % (sys.argv[1], form, s, e, text[s:e]))
    sent.append((s, e))
    rows += 1
check_sentence()
if rows == 0:
    sys.exit('%s: no tokens' % sys.argv[1])
PY
done
tokenize --jsonl jsonl.in > "$tmp" || exit 1
python3 - "$tmp" <<'PY' || exit 1
import json, sys
docs = {}
for n, line in enumerate(open('jsonl.in', encoding='utf-8'), 1):
    d = json.loads(line)
    # a document with no text but a title: the title is its text
    t = d['text'] if d['text'].strip() else d.get('title', '')
    docs[str(d['id']) if 'id' in d else 'jsonl.in:%d' % n] = t
cur = None
for line in open(sys.argv[1], encoding='utf-8').read().split('\n'):
    if line.startswith('# newdoc id = '):
        cur = docs.get(line[14:], None)
        continue
    if not line or line.startswith('#'):
        continue
    i, form, s, e = line.split('\t')
    if cur is None or cur[int(s):int(e)] != form:
        sys.exit('jsonl: token %r misplaced' % form)
PY
