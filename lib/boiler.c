/* See LICENSE file for copyright and license details. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "boiler.h"
#include "text.h"
#include "util.h"

static const char *names[] = {
	"none", "disclosure", "subscribe", "byline", "dateline", "photo",
	"readmore", "copyright", "nav", "heading", "repeat", "pattern",
	"signoff",
};

const char *
lede_boil_name(LedeBoil b)
{
	return (size_t)b < LEDE_LEN(names) ? names[b] : "?";
}

/* Phrases anywhere in a line. */
static const char *disclosure_any[] = {
	"affiliate disclosure", "affiliate link", "sponsored content",
	"sponsored post", "paid content", "paid partnership", "we may earn",
	"we may get a commission", "we may receive a commission",
	"earn a commission", "earn a small commission", "ethics policy",
	"privacy policy", "cookie policy", "terms of use", "terms of service",
	"this article contains affiliate", "partner content",
};
/* Line starts. */
static const char *disclosure_start[] = {
	"sponsored", "advertisement", "disclosure", "affiliate", "promoted",
	"ad:", "paid post",
};
static const char *subscribe_any[] = {
	"subscribe to", "subscribe now", "subscribe for", "sign up for",
	"sign up to", "sign up now", "newsletter", "follow us on", "follow us:",
	"download our app", "download the app", "support our journalism",
	"already a subscriber", "create an account", "log in to",
	"share this article", "share on facebook", "share on twitter",
	"get the latest", "get our", "join our", "become a member",
};
static const char *photo_start[] = {
	"photo:", "photo by", "photos:", "photograph:", "photograph by", "image:",
	"images:", "image by", "picture:", "pictured:", "caption:", "credit:",
	"photo credit", "image credit", "file photo", "video:", "watch:",
	"illustration:", "graphic:",
};
static const char *photo_any[] = {
	"getty images", "(ap photo", "/ap photo", "reuters/", "afp via getty",
	"shutterstock", "/afp)", "(file photo", "photo illustration",
};
static const char *readmore_start[] = {
	"read more", "read also", "also read", "read next", "related:",
	"related articles", "related stories", "related coverage", "see also",
	"more:", "more on this", "more from", "click here", "listen:",
	"recommended:", "most read", "trending:", "up next", "don't miss",
	"continue reading", "you may also like", "explore more",
};
static const char *byline_start[] = {
	"by ", "written by ", "reporting by ", "reported by ", "editing by ",
	"edited by ", "additional reporting by ", "compiled by ", "words by ",
};
static const char *dateline_any[] = {
	"published ", "updated ", "posted ", "last modified", "last updated",
	"first published",
};
static const char *months[] = {
	"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
	"nov", "dec",
};

static int
starts(const char *s, size_t n, const char *p)
{
	size_t m;

	if (n == 0 || s[0] != p[0])
		return 0;	/* most lines: no strlen, no memcmp */
	m = strlen(p);
	return n >= m && !memcmp(s, p, m);
}

/*
 * 1 when no word goes on at s[at] (s has n bytes): the end, or a character
 * that is not a letter, mark or digit.
 */
static int
wordend(const char *s, size_t n, size_t at)
{
	int32_t cp;

	if (at >= n)
		return 1;
	if ((unsigned char)s[at] < 0x80)
		return !lede_boil_wordbyte((unsigned char)s[at]);
	return lede_utf8_decode(s + at, n - at, &cp) > 0 && !lede_iswordchar(cp);
}

/*
 * s starts with the phrase p as whole words: "affiliate" but not
 * "affiliated" (a phrase that ends in a blank or a colon is whole anyway).
 */
static int
startsword(const char *s, size_t n, const char *p)
{
	size_t m;

	if (!starts(s, n, p))
		return 0;
	m = strlen(p);
	return !lede_boil_wordbyte((unsigned char)p[m - 1]) || wordend(s, n, m);
}

/* s starts with one of list[0..k), as a prefix or (whole) as whole words */
static int
any_start(const char *s, size_t n, const char **list, size_t k, int whole)
{
	size_t i;

	for (i = 0; i < k; i++)
		if (whole ? startsword(s, n, list[i]) : starts(s, n, list[i]))
			return 1;
	return 0;
}

/* Ends like a sentence: . ! ? or one of them before closing quotes. */
static int
endpunct(const char *s, size_t n)
{
	while (n > 0) {
		unsigned char c = (unsigned char)s[n - 1];

		if (c == '"' || c == '\'' || c == ')' || c == ' ')
			n--;
		else if (n >= 3 && (unsigned char)s[n - 3] == 0xe2 &&
		    (unsigned char)s[n - 2] == 0x80 &&
		    ((unsigned char)s[n - 1] == 0x9d || (unsigned char)s[n - 1] == 0x99))
			n -= 3;	/* closing double or single quote */
		else
			return c == '.' || c == '!' || c == '?' || c == ':';
	}
	return 0;
}

/* Which lists of phrases a line holds somewhere (bits). */
enum {
	H_COPY = 1, H_DISC = 2, H_PHOTO = 4, H_SUB = 8, H_DATE = 16, H_MONTH = 32,
	H_TIME = 64,
};

static const char *copy_any[] = {"\xc2\xa9", "all rights reserved"};
static const char *time_any[] = {"gmt", "utc", "am", "pm", "a.m.", "p.m."};

/* How a phrase found in a line must end. */
enum {
	M_PREFIX,	/* anyhow: "newsletters", "affiliate links", "(c)2024" */
	M_WORD,		/* at a word end: "am" but not "amid" */
	M_MONTH,	/* the word is a month: "mar", "march" but not "market" */
};

typedef struct {
	const char *p;
	size_t len;
	int bit, mode;
} Pat;

/* All the phrases, by their first two bytes: one pass over a line finds them. */
static Pat pats[128];
static size_t npats, first[257];
/* for ASCII first bytes: the patterns whose first two bytes are c, c2 */
static unsigned char first2[128][129];

static int
cmppat(const void *a, const void *b)
{
	const Pat *x = a, *y = b;

	if (x->p[0] != y->p[0])
		return (unsigned char)x->p[0] - (unsigned char)y->p[0];
	return (unsigned char)x->p[1] - (unsigned char)y->p[1];
}

static void
addpats(const char **list, size_t n, int bit, int mode)
{
	for (size_t i = 0; i < n && npats < LEDE_LEN(pats); i++) {
		pats[npats].p = list[i];
		pats[npats].len = strlen(list[i]);
		pats[npats].bit = bit;
		pats[npats].mode = mode;
		npats++;
	}
}

static void
init_pats(void)
{
	size_t i, c;

	addpats(copy_any, LEDE_LEN(copy_any), H_COPY, M_PREFIX);
	addpats(disclosure_any, LEDE_LEN(disclosure_any), H_DISC, M_PREFIX);
	addpats(photo_any, LEDE_LEN(photo_any), H_PHOTO, M_PREFIX);
	addpats(subscribe_any, LEDE_LEN(subscribe_any), H_SUB, M_PREFIX);
	addpats(dateline_any, LEDE_LEN(dateline_any), H_DATE, M_WORD);
	addpats(months, LEDE_LEN(months), H_MONTH, M_MONTH);
	addpats(time_any, LEDE_LEN(time_any), H_TIME, M_WORD);
	lede_sort(pats, npats, sizeof(*pats), cmppat);
	for (c = 0, i = 0; c < 257; c++) {
		while (i < npats && (size_t)(unsigned char)pats[i].p[0] < c)
			i++;
		first[c] = i;
	}
	for (c = 0; c < 128; c++) {
		size_t c2;

		for (c2 = 0, i = first[c]; c2 < 129; c2++) {
			while (i < first[c + 1] && (size_t)(unsigned char)pats[i].p[1] < c2)
				i++;
			first2[c][c2] = (unsigned char)i;
		}
	}
}

static int
alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* Whether the phrase pt, found at s[i], ends as its mode asks. */
static int
patend(const char *s, size_t n, size_t i, const Pat *pt)
{
	size_t j;
	int32_t cp;

	switch (pt->mode) {
	case M_WORD:
		return !alnum((unsigned char)pt->p[pt->len - 1]) ||
		    wordend(s, n, i + pt->len);
	case M_MONTH:
		/* the letters; a digit may follow: "FEB8", the wire's Feb 1988 */
		for (j = i; j < n && s[j] >= 'a' && s[j] <= 'z'; j++)
			;
		if (j < n && (unsigned char)s[j] >= 0x80 &&
		    (lede_utf8_decode(s + j, n - j, &cp) < 0 ||
		    lede_isletter(cp) || lede_ismark(cp)))
			return 0;
		return lede_boil_month(s + i, j - i);
	default:
		return 1;
	}
}

/*
 * 1 when a[0..n) and b[0..n) are the same bytes: in line, as the rest of
 * a phrase after its first two bytes is a byte or a few, and a call to
 * memcmp for each word start that begins a phrase ("ma" of "market",
 * "march") cost more than the compare.
 */
static int
same(const char *a, const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n && a[i] == b[i]; i++)
		;
	return i == n;
}

/*
 * The bits of the phrases that start in s[0..n) at the start of a word or
 * at a punctuation mark ("/ap photo" after a name), and end as their list
 * asks (patend).
 */
static int
holds(const char *s, size_t n)
{
	size_t i, k;
	int bits = 0;

	if (!npats)
		init_pats();
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		/* the rest of a word: its ASCII letters and digits, in one go */
		if (i > 0 && alnum((unsigned char)s[i - 1]) && c < 0x80 && alnum(c)) {
			while (i + 1 < n && (unsigned char)s[i + 1] < 0x80 &&
			    alnum((unsigned char)s[i + 1]))
				i++;
			continue;
		}
		/* every phrase has two bytes or more */
		if (c < 128 && i + 1 < n && (unsigned char)s[i + 1] < 128) {
			unsigned char c2 = (unsigned char)s[i + 1];

			for (k = first2[c][c2]; k < first2[c][c2 + 1]; k++)
				if (pats[k].len <= n - i &&
				    same(s + i + 2, pats[k].p + 2, pats[k].len - 2) &&
				    patend(s, n, i, &pats[k]))
					bits |= pats[k].bit;
			continue;
		}
		for (k = first[c]; k < first[c + 1]; k++)
			if (pats[k].len <= n - i && s[i + 1] == pats[k].p[1] &&
			    !memcmp(s + i, pats[k].p, pats[k].len) &&
			    patend(s, n, i, &pats[k]))
				bits |= pats[k].bit;
	}
	return bits;
}

/* A line that is mostly a date or a time. */
static int
datelike(const char *s, size_t n, long words, int bits)
{
	size_t i;
	int digits = 0;

	for (i = 0; i < n; i++)
		if (s[i] >= '0' && s[i] <= '9')
			digits = 1;
	return digits && (bits & (H_MONTH | H_TIME)) && words <= 12;
}

/*
 * A wire's sign-off: "Reuter" or "Reuters" alone, in any case, with or
 * without full stops or an ellipsis after it ("REUTER...", as the
 * Reuters-21578 dump ends some stories), blanks around it, and "^M", a
 * carriage return as the dump prints it ("REUTER^M"), at the end.
 */
static int
signoff(const char *s, size_t n)
{
	static const char w[] = "reuters";
	size_t i = 0, k;

	while (i < n && s[i] == ' ')
		i++;
	for (k = 0; i < n && k < sizeof(w) - 1 && (s[i] | 32) == w[k]; i++, k++)
		;
	if (k < 6)
		return 0;
	while (i < n && (s[i] == '.' || s[i] == ' '))
		i++;
	/* an ellipsis, U+2026 */
	while (i + 2 < n && (unsigned char)s[i] == 0xe2 &&
	    (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0xa6)
		i += 3;
	if (i + 1 < n && s[i] == '^' && s[i + 1] == 'M')
		i += 2;
	while (i < n && s[i] == ' ')
		i++;
	return i == n;
}

void
lede_boil_norm(LedeBuf *b, const char *s, size_t n)
{
	size_t k;

	lede_buf_grow(b, n);
	for (k = 0; k < n; k++) {
		unsigned char c = (unsigned char)s[k];

		if (lede_boil_wordbyte(c))
			b->p[b->len++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	b->p[b->len] = '\0';
}

/* The next byte of s[*i..n) that lede_boil_norm keeps, as it keeps it; -1 at the end. */
static int
nextnorm(const char *s, size_t n, size_t *i)
{
	for (; *i < n; (*i)++) {
		unsigned char c = (unsigned char)s[*i];

		if (lede_boil_wordbyte(c)) {
			(*i)++;
			return c >= 'A' && c <= 'Z' ? c + 32 : c;
		}
	}
	return -1;
}

int
lede_boil_titlepart(const char *t, size_t tn, size_t *j, const char *s,
    size_t n)
{
	size_t k = 0;
	int c;

	while ((c = nextnorm(s, n, &k)) >= 0)
		if (c != nextnorm(t, tn, j))
			return 0;
	return 1;
}

int
lede_boil_titledone(const char *t, size_t tn, size_t j)
{
	return nextnorm(t, tn, &j) < 0;
}

LedeBoil
lede_boil_check(const char *text, size_t len, const LedeBoilCtx *ctx)
{
	char low[512];
	size_t n = len < sizeof(low) ? len : sizeof(low), i, bars = 0;
	long w = ctx->words;
	int alone = ctx->alone != 0, end, bits;

	/* every rule is for short lines */
	if (w > LEDE_BOIL_MAXWORDS)
		return LEDE_BOIL_NONE;
	if (w <= 2 && signoff(text, len))
		return LEDE_BOIL_SIGNOFF;
	/* ASCII lower case is enough for the English phrases below */
	for (i = 0; i < n; i++) {
		char c = text[i];

		low[i] = (c >= 'A' && c <= 'Z') ? c + 32 : c;
	}
	end = endpunct(text, len);
	bits = holds(low, n);
	if ((bits & H_COPY) || startsword(low, n, "copyright") ||
	    starts(low, n, "(c) "))
		return LEDE_BOIL_COPYRIGHT;
	if (any_start(low, n, disclosure_start, LEDE_LEN(disclosure_start), 1) ||
	    (bits & H_DISC))
		return LEDE_BOIL_DISCLOSURE;
	if (any_start(low, n, readmore_start, LEDE_LEN(readmore_start), 1) &&
	    w <= 30)
		return LEDE_BOIL_READMORE;
	/* prefixes: "Photo credits", "File photos" */
	if (any_start(low, n, photo_start, LEDE_LEN(photo_start), 0) ||
	    (bits & H_PHOTO))
		return LEDE_BOIL_PHOTO;
	if (w <= 25 && alone && (bits & H_SUB))
		return LEDE_BOIL_SUBSCRIBE;
	for (i = 0; w <= 12 && i < LEDE_LEN(byline_start); i++) {
		size_t m = strlen(byline_start[i]);

		/* "By NAME" alone or without a full stop; "Written by" always */
		if (starts(low, n, byline_start[i]) && m < len &&
		    text[m] >= 'A' && text[m] <= 'Z' && (alone || !end || i > 0))
			return LEDE_BOIL_BYLINE;
	}
	if (alone && (bits & H_DATE) && datelike(low, n, w, bits))
		return LEDE_BOIL_DATELINE;
	if (alone && !end && datelike(low, n, w, bits) && w <= 6)
		return LEDE_BOIL_DATELINE;
	/* most lines end in a full stop: no need to count their bars */
	for (i = 0; !end && i < n; i++)
		if (low[i] == '|' || (i + 1 < n && (unsigned char)low[i] == 0xc2 &&
		    ((unsigned char)low[i + 1] == 0xbb)))
			bars++;
	if (bars >= 2 && !end)
		return LEDE_BOIL_NAV;
	if (ctx->alone == 1 && !end && w <= 15)
		return LEDE_BOIL_HEADING;
	return LEDE_BOIL_NONE;
}

struct LedeBoilPat {
	pcre2_code **re;
	char **src;		/* the patterns as given, for messages */
	size_t n;
	pcre2_match_data *md;
	pcre2_match_context *mc;
};

LedeBoilPat *
lede_boilpat_new(void)
{
	LedeBoilPat *p = ecalloc(1, sizeof(*p));

	if (!(p->mc = pcre2_match_context_create(NULL)))
		eprintf("out of memory");
	pcre2_set_match_limit(p->mc, LEDE_BOIL_MATCH_LIMIT);
	pcre2_set_depth_limit(p->mc, LEDE_BOIL_DEPTH_LIMIT);
	pcre2_set_heap_limit(p->mc, LEDE_BOIL_HEAP_LIMIT);
	return p;
}

void
lede_boilpat_free(LedeBoilPat *p)
{
	size_t i;

	if (!p)
		return;
	for (i = 0; i < p->n; i++) {
		pcre2_code_free(p->re[i]);
		free(p->src[i]);
	}
	free(p->re);
	free(p->src);
	pcre2_match_data_free(p->md);
	pcre2_match_context_free(p->mc);
	free(p);
}

int
lede_boilpat_add(LedeBoilPat *p, const char *re, char *err, size_t errlen)
{
	PCRE2_UCHAR msg[256];
	PCRE2_SIZE off;
	pcre2_code *c;
	int ec;

	c = pcre2_compile((PCRE2_SPTR)re, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_UCP, &ec, &off, NULL);
	if (!c) {
		pcre2_get_error_message(ec, msg, sizeof(msg));
		snprintf(err, errlen, "offset %zu: %s", (size_t)off, (char *)msg);
		return -1;
	}
	p->re = ereallocarray(p->re, p->n + 1, sizeof(*p->re));
	p->src = ereallocarray(p->src, p->n + 1, sizeof(*p->src));
	p->re[p->n] = c;
	p->src[p->n] = estrdup(re);
	p->n++;
	/* match data big enough for every pattern */
	pcre2_match_data_free(p->md);
	p->md = NULL;
	return 0;
}

int
lede_boilpat_match(LedeBoilPat *p, const char *text, size_t len, char *err,
    size_t errlen)
{
	size_t i;
	int rc, hit = 0;

	if (!p->md && p->n) {
		uint32_t most = 0, k;

		for (i = 0; i < p->n; i++) {
			pcre2_pattern_info(p->re[i], PCRE2_INFO_CAPTURECOUNT, &k);
			if (k > most)
				most = k;
		}
		if (!(p->md = pcre2_match_data_create(most + 1, NULL)))
			eprintf("out of memory");
	}
	for (i = 0; i < p->n; i++) {
		rc = pcre2_match(p->re[i], (PCRE2_SPTR)text, len, 0,
		    PCRE2_NO_UTF_CHECK, p->md, p->mc);
		if (rc >= 0)
			return 1;
		if (rc == PCRE2_ERROR_NOMATCH)
			continue;
		if (!hit) {
			const char *why;

			switch (rc) {
			case PCRE2_ERROR_MATCHLIMIT:
				why = "match limit";
				break;
			case PCRE2_ERROR_DEPTHLIMIT:
				why = "depth limit";
				break;
			case PCRE2_ERROR_HEAPLIMIT:
				why = "heap limit";
				break;
			default:
				why = "error";
				break;
			}
			snprintf(err, errlen, "pattern '%.60s' hit the %s", p->src[i], why);
		}
		hit = 1;
	}
	return hit ? -1 : 0;
}

long
lede_boil_words(const LedeSent *s, int formcol)
{
	size_t k;
	long words = 0;

	for (k = 0; k < s->ntok && words <= LEDE_BOIL_MAXWORDS; k++) {
		const char *f = lede_field(s, k, formcol);

		for (; *f; f++)
			if (lede_boil_wordbyte((unsigned char)*f)) {
				words++;
				break;
			}
	}
	return words;
}

LedeBoil
lede_boil_sentclass(const LedeSent *s, int formcol)
{
	LedeBoilCtx ctx;
	LedeBuf b = {0};
	const char *text;
	size_t len = 0;
	LedeBoil r;

	if (s->ntok == 0 || formcol < 0)
		return LEDE_BOIL_NONE;
	ctx.alone = s->newdoc != NULL || lede_sent_newpar(s);
	if ((ctx.words = lede_boil_words(s, formcol)) > LEDE_BOIL_MAXWORDS)
		return LEDE_BOIL_NONE;	/* no rule applies (docs/SUMMARIZE.md) */
	text = lede_sent_text(s, formcol, &b, &len);
	r = lede_boil_check(text, len, &ctx);
	lede_buf_free(&b);
	return r;
}

int
lede_boil_nomentions(const LedeSent *s, int formcol)
{
	LedeBoil r = lede_boil_sentclass(s, formcol);

	return r == LEDE_BOIL_DISCLOSURE || r == LEDE_BOIL_SUBSCRIBE ||
	    r == LEDE_BOIL_READMORE || r == LEDE_BOIL_NAV ||
	    r == LEDE_BOIL_COPYRIGHT || r == LEDE_BOIL_DATELINE ||
	    r == LEDE_BOIL_SIGNOFF;
}

/*
 * The words of the disclosure, subscribe and read-more phrases above that
 * are common words, not names (so not "Facebook"), and a few that go with
 * them ("updates", "alerts"), lower case, sorted (lede_inlist).
 */
static const char *const cuewords[] = {
	"account", "ad", "advertisement", "affiliate", "alerts", "app",
	"article", "articles", "become", "click", "commission", "content",
	"continue", "cookie", "coverage", "create", "disclosure", "download",
	"earn", "ethics", "explore", "follow", "get", "here", "join",
	"journalism", "latest", "link", "listen", "log", "member", "more",
	"newsletter", "newsletters", "next", "paid", "partner", "partnership",
	"policy", "post", "privacy", "promoted", "read", "reading",
	"recommended", "related", "see", "service", "share", "sign",
	"sponsored", "stories", "subscribe", "subscriber", "support", "terms",
	"trending", "up", "updates", "use",
};

int
lede_boil_cueword(const char *w, size_t n)
{
	return lede_inlist(cuewords, LEDE_LEN(cuewords), w, n);
}

/*
 * Month names and the abbreviations datelines use, lower case, sorted in
 * byte order (lede_inlist).
 */
static const char *const monthnames[] = {
	"apr", "april", "aug", "august", "dec", "december", "feb", "february",
	"jan", "january", "jul", "july", "jun", "june", "mar", "march", "may",
	"nov", "november", "oct", "october", "sep", "sept", "september",
};

int
lede_boil_month(const char *w, size_t n)
{
	return lede_inlist(monthnames, LEDE_LEN(monthnames), w, n);
}

static int
ismonth(const char *f)
{
	return lede_boil_month(f, strlen(f));
}

/*
 * How a token can be part of a place name: 2 when in capitals
 * ("WASHINGTON", "ST.", "N.Y.", "SÃO"), 1 when capitalized ("Ark.",
 * "Lisbon"), else 0.  Letters, full stops, apostrophes, hyphens and
 * ampersands only.
 */
static int
placeword(const char *f)
{
	int lower = 0, upper = 0;

	if (!((*f >= 'A' && *f <= 'Z') || (unsigned char)*f >= 0x80))
		return 0;
	for (; *f; f++) {
		unsigned char c = (unsigned char)*f;

		if (c >= 'a' && c <= 'z')
			lower = 1;
		else if (c >= 'A' && c <= 'Z')
			upper = 1;
		else if (c < 0x80 && c != '.' && c != '\'' && c != '-' && c != '&')
			return 0;
	}
	return !upper ? 0 : lower ? 1 : 2;
}

/* A dash that ends a dateline: - -- --- _ and the en and em dashes. */
static int
datedash(const char *f)
{
	return !strcmp(f, "-") || !strcmp(f, "--") || !strcmp(f, "---") ||
	    !strcmp(f, "_") || !strcmp(f, "\xe2\x80\x94") ||
	    !strcmp(f, "\xe2\x80\x93");
}

static int
isdaynum(const char *f)
{
	return f[0] >= '0' && f[0] <= '9' &&
	    (!f[1] || (f[1] >= '0' && f[1] <= '9' && !f[2]));
}

/* The token after "March 14" or "14 March" when one starts at k, else 0. */
static size_t
monthday(const LedeSent *s, int formcol, size_t k)
{
	if (k + 1 >= s->ntok)
		return 0;
	if ((ismonth(lede_field(s, k, formcol)) &&
	    isdaynum(lede_field(s, k + 1, formcol))) ||
	    (isdaynum(lede_field(s, k, formcol)) &&
	    ismonth(lede_field(s, k + 1, formcol))))
		return k + 2;
	return 0;
}

/*
 * 1 when token k touches the token before it (no blank between them), as
 * the START and END columns tell; 0 when they do not or are absent.
 */
static int
glued(const LedeSent *s, size_t k)
{
	int sc = lede_sent_col(s, "START"), ec = lede_sent_col(s, "END");
	long a, b;

	return k > 0 && sc >= 0 && ec >= 0 &&
	    lede_strtol(lede_field(s, k, sc), 0, LONG_MAX, &a) == 0 &&
	    lede_strtol(lede_field(s, k - 1, ec), 0, LONG_MAX, &b) == 0 && a == b;
}

/* lede_boil_dateline, with its places in pl (or NULL). */
static size_t
dateline(const LedeSent *s, int formcol, int nercol, LedeDatePlaces *pl)
{
	size_t k = 0, n = s->ntok, i, b;
	int caps = 1, place = 0, date = 0, agency = 0, groups = 0, letters = 0;
	int w;
	LedeDatePlaces dummy;

#define F(i) lede_field(s, (i), formcol)
	if (!pl)
		pl = &dummy;
	pl->n = 0;
	if (formcol < 0 || n < 3)
		return 0;
	/*
	 * The place: up to 4 words, in capitals or capitalized, and a hyphen
	 * with no blank around it ("WINSTON-SALEM" comes as three tokens).
	 */
	while (k < n && place < 4 && (w = placeword(F(k))) != 0) {
		const char *f;

		caps &= w == 2;
		for (f = F(k); *f; f++)
			letters += ((*f | 32) >= 'a' && (*f | 32) <= 'z') ||
			    (unsigned char)*f >= 0x80;
		place++;
		k++;
		if (k + 1 < n && !strcmp(F(k), "-") && placeword(F(k + 1)) &&
		    glued(s, k))
			k++;
	}
	if (place) {
		pl->p[0][0] = 0;
		pl->p[0][1] = k;
		pl->n = 1;
	}
	/*
	 * ", Ark.", ", March 14", ", 2 March", ", Ark., March 2", ", Va. Feb 26",
	 * ", the Netherlands, March 31"
	 */
	while (place && k + 1 < n && groups < 3 && !strcmp(F(k), ",")) {
		if ((i = monthday(s, formcol, k + 1)) != 0) {
			date = 1;
			k = i;
		} else if (placeword(F(k + 1)) || (!strcmp(F(k + 1), "the") &&
		    k + 2 < n && placeword(F(k + 2)))) {
			/* "IND." may come as "IND" and "." */
			b = strcmp(F(k + 1), "the") ? k + 1 : k + 2;
			for (i = k + 2; i < n && i < k + 5 && !monthday(s, formcol, i) &&
			    (placeword(F(i)) || !strcmp(F(i), ".")); i++)
				;
			if (i > b && !date) {	/* "March 12, Reuter" is the wire */
				pl->p[pl->n][0] = b;
				pl->p[pl->n][1] = i;
				pl->n++;
			}
			k = i;
			if ((i = monthday(s, formcol, k)) != 0) {
				date = 1;
				k = i;
			}
		} else
			return 0;
		groups++;
	}
	/* "(AP)", "(Meridian Wire)", "(Reuters)" */
	if (k < n && !strcmp(F(k), "(") && k + 1 < n && placeword(F(k + 1))) {
		for (i = k + 1; i < n && i < k + 6 && strcmp(F(i), ")"); i++)
			;
		if (i == n || strcmp(F(i), ")"))
			return 0;
		agency = 1;
		k = i + 1;
	}
	if (k + 1 >= n || !datedash(F(k)))
		return 0;
	/* a place of one letter ("M - 2A") is none */
	if (place && letters < 2)
		return 0;
	/*
	 * A place alone before the dash ("BEIJING —") is taken only in
	 * capitals and when tagged as a location: "NASA — the agency" is not
	 * a dateline.
	 */
	if (!date && !agency && !(place && caps && nercol >= 0 &&
	    !strcmp(lede_field(s, 0, nercol), "B-LOC")))
		return 0;
	/* "Gould Inc (GLD) -" is a company and its ticker */
	if (place && !caps && !date)
		return 0;
	if (!place && !agency)
		return 0;
	if (glued(s, k) || glued(s, k + 1))
		return 0;	/* a hyphen: "March 14-x" */
#undef F
	return k + 1;
}

size_t
lede_boil_dateline(const LedeSent *s, int formcol, int nercol)
{
	return dateline(s, formcol, nercol, NULL);
}

/* Labels that open a line of news copy before a colon (sorted, lower case). */
static const char *const labels[] = {
	"analysis", "breaking", "clarification", "commentary", "correction",
	"editorial", "exclusive", "explainer", "factbox", "note", "notes",
	"opinion", "update", "updated",
};

size_t
lede_boil_label(const LedeSent *s, int formcol)
{
	const char *f;
	size_t n;

	if (formcol < 0 || s->ntok < 3 || strcmp(lede_field(s, 1, formcol), ":"))
		return 0;
	f = lede_field(s, 0, formcol);
	n = strlen(f);
	/* lede_inlist drops a final '.', which no label has */
	return n > 0 && f[n - 1] != '.' &&
	    lede_inlist(labels, LEDE_LEN(labels), f, n) ? 2 : 0;
}

size_t
lede_boil_sentdateline(const LedeSent *s, int formcol, int nercol)
{
	return lede_boil_sentdateplaces(s, formcol, nercol, NULL);
}

size_t
lede_boil_sentdateplaces(const LedeSent *s, int formcol, int nercol,
    LedeDatePlaces *pl)
{
	size_t k;

	if (pl)
		pl->n = 0;
	if (!s->newdoc && !lede_sent_newpar(s))
		return 0;
	k = dateline(s, formcol, nercol, pl);
	if (!k && pl)
		pl->n = 0;
	return k;
}
