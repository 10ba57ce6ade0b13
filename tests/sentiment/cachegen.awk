# Writes the token stream of tests/sentiment/cache.cmd: ROUNDS rounds of a
# document of rule sentences (below) and a document of 5,000 word types
# seen nowhere else, so that the scorer's form cache fills up and is
# dropped (lib/sentiment.c, CACHE_MAX) with rule sentences on both sides.
# In a sentence, tokens separated by a space are apart (their START/END
# offsets leave a gap), tokens separated by '|' touch; "@N" stands for N
# new types.  Output must not depend on when the cache is dropped.
BEGIN {
	ROUNDS = 26
	nr = 0
	r[++nr] = "The film was not bad at all ."
	r[++nr] = "A very well written film about murder and grief ."
	r[++nr] = "Murder and grief in a quiet town ."
	r[++nr] = "It was EXTREMELY good , but the ending was terrible !"
	r[++nr] = "I LOVE IT"
	r[++nr] = "Wow I LOVE IT !!"
	r[++nr] = "@anonymous I LOVE IT"
	r[++nr] = "ALL CAPS AND GREAT NEWS"
	r[++nr] = "all lower case and great news"
	r[++nr] = "Although the food was good , the service was slow ."
	r[++nr] = "The service was not terrible ."
	r[++nr] = "The service was never ever good ??"
	r[++nr] = "Still no cheque :( damn you"
	r[++nr] = "Trying not to hurl D|:"
	r[++nr] = "Great day :|-|) not :|)"
	r[++nr] = "Swollen glands are not fun #fail"
	r[++nr] = "sooo goooood and soooo baaaad"
	r[++nr] = "He is not self|-|satisfied - just happy ."
	r[++nr] = "Operating profit rose to EUR 5 mn , up from a loss ."
	r[++nr] = "Net sales slipped to a loss ; costs fell ."
	r[++nr] = "They ca|n't wait and we can't wait either ."
	r[++nr] = "It is n't good , however it is slightly cool 😀 👍🏽"
	r[++nr] = "@3 not @2 bad at least @4 very well written @1"
	r[++nr] = "not"
	r[++nr] = "very well"
	r[++nr] = "a horror film that is hardly great <|3"
	print "# global.columns = ID FORM START END"
	t = 0
	for (round = 1; round <= ROUNDS; round++) {
		print "# newdoc id = rules-" round
		for (s = 1; s <= nr; s++) {
			printf "# sent_id = rules-%d-%d\n", round, s
			sentence(r[s])
		}
		print "# newdoc id = new-" round
		for (s = 1; s <= 5; s++) {
			printf "# sent_id = new-%d-%d\n", round, s
			sentence("@1000")
		}
	}
}

function sentence(spec,    n, w, i, j, k, id, pos, glue, tok) {
	n = split(spec, w, " ")
	id = 0
	pos = 0
	for (i = 1; i <= n; i++) {
		if (w[i] ~ /^@[0-9]+$/) {
			k = substr(w[i], 2) + 0
			for (j = 0; j < k; j++) {
				printf "%d\tw%dq\t%d\t%d\n", ++id, ++t, pos, pos + length("w" t "q")
				pos += length("w" t "q") + 1
			}
			continue
		}
		glue = split(w[i], tok, "|")
		for (j = 1; j <= glue; j++) {
			printf "%d\t%s\t%d\t%d\n", ++id, tok[j], pos, pos + length(tok[j])
			pos += length(tok[j])
		}
		pos++
	}
	print ""
}
