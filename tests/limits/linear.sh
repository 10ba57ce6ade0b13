#!/bin/sh
# No path is quadratic in sentence or document length: every tool's CPU
# time on a 10^5-token sentence and on a 10^6-token document (50,000
# sentences) is compared with its time on 10^4 tokens of the same kind.
# Linear time gives ratios of about 10 and 100; the test allows 3 times
# that (start-up and caches make small inputs relatively dear), where a
# quadratic path would give 100 and 10,000.
set -u
[ -n "${LEDE_SLOW:-}" ] && { echo "timing ratios are not meaningful under sanitizers or valgrind"; exit 77; }
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
gen() {	# TOKENS TOKENS-PER-SENTENCE
	awk -v n="$1" -v per="$2" 'BEGIN {
		split("the council of Lisbon said a good deal with Marta Oliveira and the European Investment Bank would help growth but critics warned of losses in Peniche , while Atlantic Tidal Systems agreed", w, " ")
		nw = 0; for (k in w) nw++
		print "# global.columns = ID FORM START END"
		print "# newdoc id = big"
		off = 0; id = 0
		for (i = 0; i < n; i++) {
			f = w[i % nw + 1]
			if (id == 0) { s = i / per; print "# sent_id = big-" s }
			id++
			printf "%d\t%s\t%d\t%d\n", id, f, off, off + length(f)
			off += length(f) + 1
			if (id == per || i == n - 1) {
				id++; printf "%d\t.\t%d\t%d\n\n", id, off, off + 1; off += 2; id = 0
			}
		}
	}'
}
cpu() {	# REPS command... < $t/cur: CPU seconds (user + system) a run, best of 3
	reps=$1
	shift
	best=
	for k in 1 2 3; do
		/usr/bin/time -f '%U %S' -o "$t/time" sh -c '
			i=0; r=$1; shift
			while [ $i -lt $r ]; do "$@" <"$T/cur" >/dev/null || exit 1; i=$((i + 1)); done
		' sh "$reps" "$@" 2>"$t/err" || { echo "$*: failed"; cat "$t/err"; exit 1; }
		s=$(awk -v r="$reps" '{ printf "%.4f", ($1 + $2) / r }' "$t/time")
		best=$(awk -v a="$best" -v b="$s" 'BEGIN { print (a == "" || b < a) ? b : a }')
	done
	echo "$best"
}
export T="$t"
gen 10000 10000 >"$t/s4"
gen 100000 100000 >"$t/s5"
gen 10000 20 >"$t/d4"
gen 1000000 20 >"$t/d6"
stem <"$t/s4" | ner-tag | sentiment >"$t/S4" || exit 1
stem <"$t/s5" | ner-tag | sentiment >"$t/S5" || exit 1
stem <"$t/d4" | ner-tag | sentiment >"$t/D4" || exit 1
stem <"$t/d6" | ner-tag | sentiment >"$t/D6" || exit 1
fail=0
check() {	# name small big factor command...
	name=$1 small=$2 big=$3 factor=$4
	shift 4
	# the small input runs 20 times under one clock, to be timed at all
	cp "$small" "$t/cur"; a=$(cpu 20 "$@")
	cp "$big" "$t/cur"; b=$(cpu 1 "$@")
	r=$(awk -v a="$a" -v b="$b" 'BEGIN { if (a < 0.0005) a = 0.0005; printf "%.1f", b / a }')
	ok=$(awk -v r="$r" -v f="$factor" 'BEGIN { print (r <= 3 * f) ? 1 : 0 }')
	printf '%-20s %8.4f s %8.3f s  ratio %6.1f (linear %d)\n' "$name" "$a" "$b" "$r" "$factor"
	[ "$ok" = 1 ] || { echo "  $name: more than 3 times linear"; fail=1; }
}
for tool in stem ner-tag sentiment; do
	check "$tool sentence" "$t/s4" "$t/s5" 10 "$tool"
	check "$tool document" "$t/d4" "$t/d6" 100 "$tool"
done
for tool in keywords entities tone summarize; do
	check "$tool sentence" "$t/S4" "$t/S5" 10 "$tool"
	check "$tool document" "$t/D4" "$t/D6" 100 "$tool"
done
# tone --by-entity resolves entities as entities does
check "tone --by-entity sentence" "$t/S4" "$t/S5" 10 tone --by-entity
check "tone --by-entity document" "$t/D4" "$t/D6" 100 tone --by-entity
# entities: possessive names beside longer names that hold them ("Bank's",
# "Bank's gold"), whose look-up was quadratic in the mentions of a document
posdoc() {	# SENTENCES
	awk -v n="$1" 'BEGIN {
		print "# global.columns = ID FORM NER"; print "# newdoc id = big"
		for (i = 0; i < n; i++)
			if (i % 2) printf "1\tBank\tB-ORG\n2\t\047s\tI-ORG\n3\tgold\tI-ORG\n4\trose\tO\n\n"
			else printf "1\tBank\tB-ORG\n2\t\047s\tI-ORG\n3\tsaid\tO\n\n"
	}'
}
posdoc 1000 >"$t/P3"
posdoc 100000 >"$t/P5"
check "entities possessive" "$t/P3" "$t/P5" 100 entities
# tokenize: raw text of the same sizes
awk 'BEGIN { for (i = 0; i < 10000; i++) printf "word%d ", i % 50; print "" }' >"$t/r4"
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "word%d ", i % 50; print "" }' >"$t/r5"
awk 'BEGIN { for (i = 0; i < 10000; i++) printf "Word %d is here. ", i % 50; print "" }' >"$t/rd4"
awk 'BEGIN { for (i = 0; i < 250000; i++) printf "Word %d is here. ", i % 50; print "" }' >"$t/rd6"
check "tokenize sentence" "$t/r4" "$t/r5" 10 tokenize
check "tokenize document" "$t/rd4" "$t/rd6" 100 tokenize
exit $fail
