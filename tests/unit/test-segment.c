/* See LICENSE file for copyright and license details. */
/*
 * Properties of lib/segment on random text made of tricky pieces (marks,
 * emoji sequences, scripts without spaces, punctuation, line breaks):
 * tokens come in order, never overlap, never hold white space, cover
 * every other character, start and end on grapheme-cluster boundaries,
 * and their code-point offsets agree with their byte offsets.  Also a few
 * fixed cases.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "segment.h"
#include "text.h"
#include "util.h"

static int failures;

static void
check(int ok, const char *what, const char *text)
{
	const unsigned char *p;

	if (!ok) {
		fprintf(stderr, "FAIL: %s in \"", what);
		for (p = (const unsigned char *)text; *p; p++)
			fprintf(stderr, *p < 0x20 || *p >= 0x7F || *p == '\\' ||
			    *p == '"' ? "\\x%02X" : "%c", *p);
		fprintf(stderr, "\"\n");
		failures++;
	}
}

static const char *const pieces[] = {
	"word", "Word", "U.S.", "Dr.", "don't", "Russia's", "e-mail",
	"long-term", "3.5", "1,000", "7:30", "$", "%", "\"", "\u201c", "\u201d",
	"(", ")", ".", ",", "!", "?", "...", "\u2026", "--", "\u2014", "-", "'",
	"@user", "#tag", "a@b.com", "http://x.org/a", ":)", "e\u0301", "\u0301",
	"\U0001F469\u200D\U0001F469\u200D\U0001F467", "\U0001F1F5\U0001F1F9",
	"\U0001F44D\U0001F3FD", "1\uFE0F\u20E3", "\u0939\u093F\u0928\u094D\u0926\u0940",
	"\u6771\u4EAC", "\u3002", "\u0E20\u0E32\u0E29\u0E32", "\u0627\u0644\u0639",
	"\u00AD", "\u200B", "\u200D", "\uFEFF", "\U0001F600", " ", " ", " ", "  ",
	"\n", "\n\n", "\r\n", "\t", "\u00A0", "\u2028", "\u2029", "\f", "x",
};

/*
 * Is there a grapheme-cluster boundary at byte off of s?  White space
 * always separates tokens, even where a mark follows it (a degenerate
 * cluster), so a place after white space counts as a boundary.
 */
static int
boundary(const char *s, size_t off)
{
	utf8proc_int32_t state = 0, prev = -1, c;
	size_t i = 0;
	int len, brk = 1;

	if (off == 0 || s[off] == '\0')
		return 1;
	while (i < off) {
		len = lede_utf8_decode(s + i, strlen(s + i), &c);
		if (prev >= 0)
			utf8proc_grapheme_break_stateful(prev, c, &state);
		prev = c;
		i += (size_t)len;
	}
	lede_utf8_decode(s + off, strlen(s + off), &c);
	brk = utf8proc_grapheme_break_stateful(prev, c, &state);
	return brk || lede_isspace(prev) || lede_isspace(c);
}

static void
properties(LedeSeg *sg, const char *text)
{
	size_t n = strlen(text), prev_end = 0, ntok, i, k, nsent = 0;
	const LedeTok *t;
	int32_t c;
	int len;

	lede_seg_start(sg, text, n);
	while ((ntok = lede_seg_next(sg, &t)) > 0) {
		nsent++;
		check(t[0].flags & LEDE_TOK_SENT, "sentence flag", text);
		for (i = 0; i < ntok; i++) {
			check(t[i].len > 0, "empty token", text);
			check(t[i].off >= prev_end, "tokens out of order", text);
			check(t[i].start == lede_utf8_count(text, t[i].off),
			    "code-point start", text);
			check(t[i].cplen == lede_utf8_count(text + t[i].off, t[i].len),
			    "code-point length", text);
			/* the gap holds white space only */
			for (k = prev_end; k < t[i].off; k += (size_t)len) {
				len = lede_utf8_decode(text + k, n - k, &c);
				check(len > 0 && lede_isspace(c), "lost character", text);
				if (len <= 0)
					return;
			}
			for (k = t[i].off; k < t[i].off + t[i].len; k += (size_t)len) {
				len = lede_utf8_decode(text + k, n - k, &c);
				check(len > 0 && !lede_isspace(c), "space in token", text);
				if (len <= 0)
					return;
			}
			check(boundary(text, t[i].off), "token starts inside a cluster", text);
			check(boundary(text, t[i].off + t[i].len),
			    "token ends inside a cluster", text);
			prev_end = t[i].off + t[i].len;
		}
	}
	for (k = prev_end; k < n; k += (size_t)len) {
		len = lede_utf8_decode(text + k, n - k, &c);
		check(len > 0 && lede_isspace(c), "lost character at the end", text);
		if (len <= 0)
			return;
	}
	(void)nsent;
}

/* The tokens of text, joined by '|', sentences by "||". */
static void
tokens(LedeSeg *sg, const char *text, LedeBuf *out)
{
	const LedeTok *t;
	size_t ntok, i;

	lede_buf_clear(out);
	lede_seg_start(sg, text, strlen(text));
	while ((ntok = lede_seg_next(sg, &t)) > 0) {
		if (out->len)
			lede_buf_adds(out, "||");
		for (i = 0; i < ntok; i++) {
			if (i)
				lede_buf_addc(out, '|');
			lede_buf_add(out, text + t[i].off, t[i].len);
		}
	}
}

static void
expect(LedeSeg *sg, const char *text, const char *want)
{
	LedeBuf b = {0};

	tokens(sg, text, &b);
	if (strcmp(b.p ? b.p : "", want)) {
		fprintf(stderr, "FAIL: \"%s\"\n  got  %s\n  want %s\n", text,
		    b.p ? b.p : "", want);
		failures++;
	}
	lede_buf_free(&b);
}

int
main(void)
{
	LedeSeg *sg = lede_seg_new(0, LEDE_PARA_AUTO);
	LedeSeg *keep = lede_seg_new(LEDE_SEG_HYPHEN_KEEP, LEDE_PARA_LINE);
	LedeBuf text = {0};
	unsigned long seed = 12345;
	int round, k, m;

	for (round = 0; round < 20000; round++) {
		lede_buf_clear(&text);
		m = 1 + round % 40;
		for (k = 0; k < m; k++) {
			seed = seed * 6364136223846793005UL + 1442695040888963407UL;
			lede_buf_adds(&text, pieces[(seed >> 33) % LEDE_LEN(pieces)]);
		}
		properties(sg, text.p);
		properties(keep, text.p);
	}
	expect(sg, "I don't know.", "I|do|n't|know|.");
	expect(sg, "It cost $5. The end.", "It|cost|$|5|.||The|end|.");
	expect(sg, "Dr. Smith met Mr. Jones.", "Dr.|Smith|met|Mr.|Jones|.");
	expect(sg, "He lives in the U.S. The rest stay.", "He|lives|in|the|U.S|.||The|rest|stay|.");
	expect(sg, "A long-term e-mail.", "A|long|-|term|e-mail|.");
	expect(keep, "A long-term e-mail.", "A|long-term|e-mail|.");
	expect(sg, "Headline\nBody text.", "Headline||Body|text|.");
	expect(sg, "cafe\xcc\x81!", "cafe\xcc\x81|!");
	expect(sg, "", "");
	expect(sg, " \n\t ", "");
	lede_buf_free(&text);
	lede_seg_free(sg);
	lede_seg_free(keep);
	if (failures)
		fprintf(stderr, "%d failures\n", failures);
	return failures != 0;
}
