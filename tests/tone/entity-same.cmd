# tone --by-entity has the rows of entities --corpus: the same names, types, mentions and tone (acronyms, surnames and datelines merged the same way).
t=${TMPDIR:-/tmp}/lede-same.$$
mkdir -p "$t"
tokenize ../../examples/article.txt | ner-tag | sentiment > "$t/article"
for f in "$t/article" ../entities/dateline.stream entities.in; do
	tone --by-entity "$f" | awk -F'\t' 'NR > 1 { print $1 "\t" $2 "\t" $3 "\t" $5 }' | sort > "$t/a"
	entities --corpus "$f" | awk -F'\t' 'NR > 1 { print $2 "\t" $3 "\t" $4 "\t" $7 }' | sort > "$t/b"
	if cmp -s "$t/a" "$t/b"; then
		echo "${f##*/}: the same $(wc -l < "$t/a") rows"
	else
		diff "$t/a" "$t/b"
	fi
done
rm -rf "$t"
