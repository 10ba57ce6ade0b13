#!/bin/sh
# Dev-set ROUGE-2 does not fall below what docs/SUMMARIZE.md reports:
# BBC >= 0.72, and DUC-2001 ahead of Lead.  Needs $LEDE_SHARED.
[ -f "$LEDE_SHARED/data/summarize/bbc_news_summary_dev.jsonl" ] || { echo "no shared data"; exit 77; }
out=$("$LEDE_TOP/scripts/eval-summarize" --bin "$LEDE_BIN") || exit 1
echo "$out"
echo "$out" | awk -F'\t' '
	{ r2[$1 " " $2] = $5 }
	END { exit !(r2["bbc lede"] >= 0.72 && r2["duc lede"] > r2["duc lead"]) }'
