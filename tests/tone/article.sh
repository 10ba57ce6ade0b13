# The golden report of the bundled article through the whole pipeline.
command -v tokenize >/dev/null 2>&1 || { echo "tokenize is not built yet"; exit 77; }
[ -f article.out ] || { echo "article.out missing: make it with tokenize | sentiment | tone -f text"; exit 1; }
here=$(pwd)
cd "$LEDE_TOP" && tokenize examples/article.txt | sentiment | tone -f text -w 80 | diff -u "$here/article.out" -
