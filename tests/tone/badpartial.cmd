t=${TMPDIR:-/tmp}/lede-badpart.$$
mkdir -p "$t"
h='# lede-partial tone 2'
printf 'stats\t1\t1\t1\t0\t0\t0\n' > "$t/nohead"
printf '# lede-partial tone 1\n' > "$t/version"
printf '%s\nstats\t1\t1\n' "$h" > "$t/fields"
printf '%s\nstats\t1\t1\tx\t0\t0\t0\n' "$h" > "$t/number"
printf '%s\nstats\t1\t1\t1\t1\t1\t0\n' "$h" > "$t/counts"
printf '%s\nbest\t-5\tbad\n' "$h" > "$t/best"
printf '%s\nworst\t-5\tbad\\q\n' "$h" > "$t/escape"
printf '%s\nstats\t1\t1\t1\t0\t0\t0\n# lede-partial entities 3\n# settings keep-boilerplate=no\ne\tPER\tann\t1\t1\t0\t0\t1\t0\nn\tAnn\t1\ns\tAnn\t1\n' "$h" > "$t/entity"
printf '%s\nentity\tPER\tAnn\t1\t2\t0\t0\t0\n' "$h" > "$t/oldentity"
printf '%s\nfoo\t1\n' "$h" > "$t/row"
printf '%s\n\n' "$h" > "$t/blank"
printf '%s\nstats\t1\t1\t1\t0\t0\t007\n' "$h" > "$t/zeros"
printf '%s\nstats\t1\t1\t1\t0\t0\t2000000000000000000\n' "$h" > "$t/big"
printf '%s\nworst\t-5\tb\377d\n' "$h" > "$t/utf8"
: > "$t/empty"
for f in nohead version fields number counts best escape entity oldentity row blank zeros big utf8 empty missing; do
	tone --merge "$t/$f" >/dev/null 2>"$t/err"
	echo "status $?"
	sed "s|$t/||" "$t/err"
done
rm -rf "$t"
