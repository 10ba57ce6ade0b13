# The shipped lexicon is what scripts/build-lexicon makes of its sources.
command -v python3 >/dev/null 2>&1 || { echo "no python3"; exit 77; }
"$LEDE_TOP/scripts/build-lexicon" --check || exit 1
n=$(sentiment --check-lexicon | cut -d' ' -f1)
[ "$n" -ge 3000 ] || { echo "lexicon has only $n terms"; exit 1; }
