#!/bin/sh
# Dev-set accuracy does not fall below what docs/KEYWORDS.md reports
# (DUC-2001 F1@10 >= 0.34, Inspec F1@10 >= 0.36), without NER and with
# ner-tag in the pipeline as users run it; and Inspec F1@10 >= 0.36 with
# each paper's title in the record's title member (--title), where it
# was 0.328 before keywords read "# title".  Needs $LEDE_SHARED.
[ -f "$LEDE_SHARED/data/keywords/duc2001_dev.jsonl" ] || { echo "no shared data"; exit 77; }
for opt in "" "--stem --ner"; do
	# shellcheck disable=SC2086
	out=$("$LEDE_TOP/scripts/eval-keywords" --bin "$LEDE_BIN" $opt) || exit 1
	echo "${opt:-(no NER)}"
	echo "$out"
	echo "$out" | awk -F'\t' '
		$1 == "duc" { duc = $4 } $1 == "inspec" { insp = $4 }
		END { exit !(duc >= 0.34 && insp >= 0.36) }' || exit 1
done
out=$("$LEDE_TOP/scripts/eval-keywords" --bin "$LEDE_BIN" --set inspec --title) || exit 1
echo "--title"
echo "$out"
echo "$out" | awk -F'\t' '$1 == "inspec" { insp = $4 } END { exit !(insp >= 0.36) }'
