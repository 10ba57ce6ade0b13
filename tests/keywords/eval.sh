#!/bin/sh
# Dev-set accuracy does not fall below what docs/KEYWORDS.md reports
# (DUC-2001 F1@10 >= 0.34, Inspec F1@10 >= 0.36).  Needs $LEDE_SHARED.
[ -f "$LEDE_SHARED/data/keywords/duc2001_dev.jsonl" ] || { echo "no shared data"; exit 77; }
out=$("$LEDE_TOP/scripts/eval-keywords" --bin "$LEDE_BIN") || exit 1
echo "$out"
echo "$out" | awk -F'\t' '
	$1 == "duc" { duc = $4 } $1 == "inspec" { insp = $4 }
	END { exit !(duc >= 0.34 && insp >= 0.36) }'
