#!/bin/sh
# scripts/train-summarize fits a model that summarize --model reads, and
# its 5-fold cross-validated DUC-2001 ROUGE-2 is ahead of Lead
# (docs/SUMMARIZE.md).  Needs $LEDE_SHARED.
[ -f "$LEDE_SHARED/data/summarize/duc2001_dev.jsonl" ] || { echo "no shared data"; exit 77; }
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
out=$("$LEDE_TOP/scripts/train-summarize" --bin "$LEDE_BIN" --cv 5 -o "$t/model.tsv" -- --param density=0) || exit 1
echo "$out"
grep -q '^bias	' "$t/model.tsv" || { echo "no bias in the model"; exit 1; }
[ "$(grep -vc '^#' "$t/model.tsv")" -eq 27 ] || { echo "not 26 weights and a bias"; exit 1; }
echo "$out" | awk -F'\t' '
	{ r2[$2] = $5 }
	END { exit !(r2["learned, 5-fold CV"] > r2["lead"]) }'
