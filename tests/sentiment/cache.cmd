# Golden of the scorer over a made-up stream that fills the form cache past its bound (tests/sentiment/cachegen.awk): cksum of the whole output, then the SENT column (tokens that carry tone) and the '# sentiment' lines of the first and the last document of rule sentences; with the shipped lexicon, with cache.lex added (it overrides shipped terms), and with cache.lex alone and --context.  The expected output was made by the code before the form cache was rewritten.
gen() { LC_ALL=C awk -f cachegen.awk; }
show() { awk -F'\t' '/^# newdoc id = rules-(1|26)$/ {p = 1; print; next} /^# newdoc/ {p = 0} p && /^# sentiment/ {print} p && !/^#/ && NF > 1 && $5 != "0" {print $2 "\t" $5 ($6 == "" ? "" : "\t" $6)}'; }
gen | sentiment | cksum
gen | sentiment | show
gen | sentiment --lexicon cache.lex | cksum
gen | sentiment --lexicon cache.lex | show
gen | sentiment --no-default-lexicon --lexicon cache.lex --context | cksum
gen | sentiment --no-default-lexicon --lexicon cache.lex --context | show
