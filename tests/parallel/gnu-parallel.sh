#!/bin/sh
# The GNU parallel recipes of docs/PARALLEL.md give, byte for byte, what
# one sequential run gives: corpus reports merged from partials, and
# per-document reports kept in order.
set -u
command -v parallel >/dev/null 2>&1 || { echo "GNU parallel is not installed"; exit 77; }
. ./common.inc
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
dump "$t/dump.jsonl"
tokenize --jsonl "$t/dump.jsonl" | stem | ner-tag | sentiment >"$t/stream" || exit 1
chain='tokenize --jsonl | stem | ner-tag | sentiment'
for r in keywords entities tone; do
	"$r" --corpus "$t/stream" >"$t/want.$r" || exit 1
	# the recipe: blocks of whole lines, one chain a block, partials merged
	parallel --pipe --block 1M -j 2 "$chain | $r --corpus --partial" \
	    <"$t/dump.jsonl" 2>"$t/err" | "$r" --merge >"$t/got.$r" || { cat "$t/err"; exit 1; }
	cmp "$t/want.$r" "$t/got.$r" || { echo "parallel $r --corpus differs"; exit 1; }
done
# several machines: --sshlogin (here ':' is this machine; see docs/PARALLEL.md)
parallel --pipe --block 1M --sshlogin 2/: "$chain | tone --corpus --partial" \
    <"$t/dump.jsonl" 2>"$t/err" | tone --merge >"$t/got.ssh" || { cat "$t/err"; exit 1; }
cmp "$t/want.tone" "$t/got.ssh" || { echo "--sshlogin run differs"; exit 1; }
# per-document reports: -k keeps the blocks' order; one header is kept
tone "$t/stream" >"$t/want.doc"
parallel --pipe -k --block 1M -j 2 "$chain | tone" <"$t/dump.jsonl" 2>"$t/err" |
    awk 'NR == 1 { h = $0; print; next } $0 != h' >"$t/got.doc"
cmp "$t/want.doc" "$t/got.doc" || { echo "per-document tone differs"; exit 1; }
echo "parallel runs equal the sequential run over $(wc -l <"$t/dump.jsonl") articles"
