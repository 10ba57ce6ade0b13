# A made-up token stream with many distinct word types, the same with any
# POSIX awk (integer arithmetic below 2^53 only): documents of the
# lengths in docs (words, space-separated), sentences of 1 to 30 words;
# one word in three from a small set of names and function words, the
# others made up from a 32-bit LCG (lower-case, capitalised, all-caps or
# with a hyphen and a number).
BEGIN {
	split("the of said in Bank Paris Reuters and to Mr Smith New York " \
	    "U.S. JAPAN oil", common, " ")
	nd = split(docs, dl, " ")
	x = 12345
	print "# global.columns = ID FORM"
	for (d = 1; d <= nd; d++) {
		print "# newdoc"
		for (w = 0; w < dl[d]; w += n)
			sentence()
	}
}

function next_x() {
	x = (x * 69069 + 1) % 4294967296
	return x
}

function sentence(	k, j, y, c, f) {
	n = 1 + next_x() % 30
	for (k = 1; k <= n; k++) {
		next_x()
		if (x % 3 == 0) {
			f = common[1 + int(x / 3) % 16]
		} else {
			y = int(x / 7)
			f = ""
			for (j = 0; j < 3 + int(x / 1000) % 8; j++) {
				f = f substr("abcdefghijklmnopqrstuvwxyz", 1 + y % 26, 1)
				y = int(y / 26) + j * 7919 + x % 104729
			}
			c = int(x / 65536) % 10
			if (c < 4)
				f = toupper(substr(f, 1, 1)) substr(f, 2)
			else if (c == 4)
				f = toupper(f)
			else if (c == 5)
				f = f "-" (x % 97)
		}
		print k "\t" f
	}
	print ""
}
