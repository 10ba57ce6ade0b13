# The dev figures of docs/SENTIMENT.md, as floors that catch regressions.
[ -d "$LEDE_SHARED/data/sentiment" ] || { echo "no shared data"; exit 77; }
command -v python3 >/dev/null 2>&1 || { echo "no python3"; exit 77; }
out=$("$LEDE_TOP/scripts/eval-sentiment" --bin "$LEDE_BIN") || exit 1
echo "$out"
echo "$out" | awk -F'\t' '
	$1 == "movie" && $3 < 0.60 { bad = 1 }
	$1 == "amazon" && $3 < 0.67 { bad = 1 }
	$1 == "tweets" && $3 < 0.875 { bad = 1 }
	$1 == "fpb" && $4 < 0.79 { bad = 1 }
	NR > 1 { n++ }
	END { exit bad || n != 4 }'
