/* See LICENSE file for copyright and license details. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sentiment.h"
#include "text.h"

/*
 * The constants of the context rules (docs/SENTIMENT.md).  They were set
 * by hand, on the scale of the lexicon's valences (-4 to 4).
 */
#define SCOPE 3			/* negators and boosters reach this far */
#define NT_NEGATE (-0.7)	/* a form ending in n't without an entry */
#define CAPS_ADD 0.7		/* an ALL-CAPS word in a mixed-case sentence */
#define ELONG_ADD 0.3		/* an elongated word ("goooood") */
#define EXCL_ADD 0.3		/* each '!' (at most EXCL_MAX) */
#define EXCL_MAX 4
#define QUEST_ADD 0.15		/* each '?' of two or more (at most 3) */
#define DIR_BEFORE 10		/* a quantity up to 10 tokens before a direction */
#define DIR_AFTER 4		/* or up to 4 after it */
#define JOIN_MAX 4		/* tokens joined into an emoticon */
#define CACHE_MAX 1000000	/* the form cache is dropped past this size */
#define NEG_MAX 2		/* negators that multiply ("never fails to") */
#define NEG_BAD 0.5		/* a negated negative word flips at half strength */

enum {
	F_LETTER = 1 << 0,	/* has a letter */
	F_LOWER = 1 << 1,	/* has a lower-case letter */
	F_CAPS = 1 << 2,	/* two letters or more, all upper-case */
	F_BREAK = 1 << 3,	/* clause break: , ; : ( ) and dashes */
	F_SEMI = 1 << 4,	/* ; or : (ends a direction's reach too) */
	F_EXCL = 1 << 5,	/* only '!' */
	F_QUEST = 1 << 6,	/* only '?' */
	F_SYM = 1 << 7,		/* no letter or digit: may start an emoticon */
	F_ELONG = 1 << 8,	/* found after shortening a letter run */
	F_NT = 1 << 9,		/* ends in n't, no entry: a negator */
	F_HYPHEN = 1 << 10,	/* "-": a hyphen when it touches both neighbours */
	F_TO = 1 << 11,		/* "to", "into": a direction's destination follows */
	F_FROM = 1 << 12,	/* "from", "than", "versus", ...: a comparison */
	F_TAG = 1 << 13,	/* a hashtag: "#fail" */
	F_NAME = 1 << 14,	/* @name, URL: not text */
};

/* Words that end the search for a direction's quantity after it. */
static const char *const from_words[] = {
	"from", "than", "versus", "vs", "vs.", "compared", "against",
	"over", "year-on-year", NULL,
};

typedef struct {
	const LedeLexEntry *ent;	/* NULL when not in the lexicon */
	unsigned flags;
	unsigned short nmark;		/* '!' or '?' in the token */
	uint32_t low, lowlen;		/* lower-cased form in sa->lows */
} FormInfo;

struct LedeSentiment {
	const LedeLexicon *lx;
	LedeDict *cache;		/* FORM -> index into info */
	FormInfo *info;
	size_t ninfo, cinfo;
	LedeBuf lows;			/* lower-cased forms, NUL-separated */
	LedeBuf key, tmp;
	/* per sentence */
	const FormInfo **tok;
	const LedeLexEntry **ent;
	unsigned char *skip;		/* inside a matched multi-word term */
	unsigned char *brk;		/* a clause break */
	unsigned char *emo;		/* an emoticon, emoji or hashtag */
	size_t *idx;
	double *mul;			/* context factor of each token */
	size_t ctok;
};

LedeSentiment *
lede_sentiment_new(const LedeLexicon *lx)
{
	LedeSentiment *sa = ecalloc(1, sizeof(*sa));

	sa->lx = lx;
	sa->cache = lede_dict_new();
	return sa;
}

void
lede_sentiment_free(LedeSentiment *sa)
{
	if (!sa)
		return;
	lede_dict_free(sa->cache);
	free(sa->info);
	lede_buf_free(&sa->lows);
	lede_buf_free(&sa->key);
	lede_buf_free(&sa->tmp);
	free(sa->tok);
	free(sa->ent);
	free(sa->skip);
	free(sa->brk);
	free(sa->emo);
	free(sa->idx);
	free(sa->mul);
	free(sa);
}

double
lede_sentiment_norm(double s)
{
	return s / sqrt(s * s + LEDE_SENT_ALPHA);
}

static const LedeLexEntry *
known(const LedeLexicon *lx, const char *s, size_t n)
{
	const LedeLexEntry *e = lede_lexicon_get(lx, s, n);

	return e && (e->known || e->mwemax) ? e : NULL;
}

/* s without emoji variation selectors and skin-tone modifiers, into b. */
static int
strip_modifiers(LedeBuf *b, const char *s, size_t n)
{
	size_t i = 0;
	int32_t cp;
	int len, changed = 0;

	lede_buf_clear(b);
	while (i < n) {
		len = lede_utf8_decode(s + i, n - i, &cp);
		if (len < 0)
			len = 1, cp = 0;
		if (cp == 0xFE0F || cp == 0xFE0E || (cp >= 0x1F3FB && cp <= 0x1F3FF))
			changed = 1;
		else
			lede_buf_add(b, s + i, (size_t)len);
		i += (size_t)len;
	}
	return changed;
}

/* Runs of three or more of one ASCII letter cut to max, into b. */
static int
shorten_runs(LedeBuf *b, const char *s, size_t n, size_t max)
{
	size_t i, run = 0;
	int changed = 0;

	lede_buf_clear(b);
	for (i = 0; i < n; i++) {
		run = i && s[i] == s[i - 1] ? run + 1 : 1;
		if (run > max && ((s[i] >= 'a' && s[i] <= 'z'))) {
			changed = 1;
			continue;
		}
		lede_buf_addc(b, s[i]);
	}
	return changed;
}

static int
has_long_run(const char *s, size_t n)
{
	size_t i;

	for (i = 2; i < n; i++)
		if (s[i] >= 'a' && s[i] <= 'z' && s[i] == s[i - 1] && s[i] == s[i - 2])
			return 1;
	return 0;
}

/* Index of form's entry in sa->info, added when new. */
static size_t
lookup(LedeSentiment *sa, const char *form)
{
	size_t n = strlen(form), i = 0, nletter = 0, nupper = 0;
	int added, alnum = 0;
	long id;
	FormInfo *fi;
	const char *low;
	size_t lowlen;
	int32_t cp;
	int len;

	id = lede_dict_put(sa->cache, form, n, &added);
	if (!added)
		return (size_t)id;
	if (sa->ninfo == sa->cinfo) {
		sa->cinfo = sa->cinfo ? sa->cinfo * 2 : 4096;
		sa->info = ereallocarray(sa->info, sa->cinfo, sizeof(*sa->info));
	}
	fi = &sa->info[sa->ninfo++];
	memset(fi, 0, sizeof(*fi));
	while (i < n) {
		if ((len = lede_utf8_decode(form + i, n - i, &cp)) < 0)
			len = 1, cp = 0xFFFD;
		i += (size_t)len;
		if (lede_isletter(cp)) {
			nletter++;
			if (lede_isupper(cp))
				nupper++;
			else if (lede_islower(cp))
				fi->flags |= F_LOWER;
		}
		if (lede_isletter(cp) || lede_isnumber(cp))
			alnum = 1;
		if (cp == '!' || cp == '?')
			fi->nmark++;
	}
	if (nletter)
		fi->flags |= F_LETTER;
	if (nletter >= 2 && nupper == nletter)
		fi->flags |= F_CAPS;
	if (!alnum)
		fi->flags |= F_SYM;
	if (n && strspn(form, "!") == n)
		fi->flags |= F_EXCL;
	if (n && strspn(form, "?") == n)
		fi->flags |= F_QUEST;
	if (!strcmp(form, "-"))
		fi->flags |= F_HYPHEN;
	if (n > 1 && form[0] == '#')
		fi->flags |= F_TAG;
	if ((n > 1 && form[0] == '@') || strstr(form, "://") ||
	    !strncmp(form, "www.", 4))
		fi->flags |= F_NAME;
	if (!strcmp(form, "to") || !strcmp(form, "into"))
		fi->flags |= F_TO;
	for (i = 0; from_words[i]; i++)
		if (!strcmp(form, from_words[i]))
			fi->flags |= F_FROM;
	if (!strcmp(form, ",") || !strcmp(form, "(") || !strcmp(form, ")") ||
	    !strcmp(form, "--") || !strcmp(form, "-") ||
	    !strcmp(form, "\xE2\x80\x93") || !strcmp(form, "\xE2\x80\x94"))
		fi->flags |= F_BREAK;
	if (!strcmp(form, ";") || !strcmp(form, ":"))
		fi->flags |= F_BREAK | F_SEMI;

	fi->low = (uint32_t)sa->lows.len;
	lede_lower(&sa->lows, form, n);
	fi->lowlen = (uint32_t)(sa->lows.len - fi->low);
	lede_buf_addc(&sa->lows, '\0');
	low = sa->lows.p + fi->low;
	lowlen = fi->lowlen;

	fi->ent = known(sa->lx, low, lowlen);
	if (fi->ent && !fi->ent->known && !fi->ent->mwemax)
		fi->ent = NULL;
	if (fi->ent)
		return (size_t)id;
	/* variants: emoji modifiers, a hashtag, elongation */
	if (strip_modifiers(&sa->tmp, low, lowlen) && sa->tmp.len &&
	    (fi->ent = known(sa->lx, sa->tmp.p, sa->tmp.len)))
		return (size_t)id;
	if (lowlen > 1 && low[0] == '#' &&
	    (fi->ent = known(sa->lx, low + 1, lowlen - 1)))
		return (size_t)id;
	if (has_long_run(low, lowlen)) {
		if ((shorten_runs(&sa->tmp, low, lowlen, 2) &&
		    (fi->ent = known(sa->lx, sa->tmp.p, sa->tmp.len))) ||
		    (shorten_runs(&sa->tmp, low, lowlen, 1) &&
		    (fi->ent = known(sa->lx, sa->tmp.p, sa->tmp.len)))) {
			fi->flags |= F_ELONG;
			return (size_t)id;
		}
	}
	if (lowlen > 3 && (!strcmp(low + lowlen - 3, "n't") ||
	    (lowlen > 5 && !strcmp(low + lowlen - 5, "n\xE2\x80\x99t"))))
		fi->flags |= F_NT;
	return (size_t)id;
}

/*
 * The longest multi-word term starting at word i (at most max words), or
 * NULL; its length in *len.  Extends the key a word at a time and stops
 * at the first prefix the lexicon does not know.
 */
static const LedeLexEntry *
match_words(LedeSentiment *sa, size_t i, size_t max, size_t *len)
{
	size_t k;
	const LedeLexEntry *e, *m = NULL;

	lede_buf_clear(&sa->key);
	lede_buf_add(&sa->key, sa->lows.p + sa->tok[i]->low, sa->tok[i]->lowlen);
	for (k = 2; k <= max; k++) {
		lede_buf_addc(&sa->key, ' ');
		lede_buf_add(&sa->key, sa->lows.p + sa->tok[i + k - 1]->low,
		    sa->tok[i + k - 1]->lowlen);
		if (!(e = lede_lexicon_get(sa->lx, sa->key.p, sa->key.len)))
			break;
		if (e->known && e->nwords == k) {
			m = e;
			*len = k;
		}
		if (e->mwemax <= k)
			break;
	}
	return m;
}

/* Adjacent tokens i..i+len-1 joined without spaces (an emoticon), or NULL. */
static const LedeLexEntry *
match_joined(LedeSentiment *sa, size_t i, size_t len)
{
	size_t k;
	const LedeLexEntry *e;

	lede_buf_clear(&sa->key);
	for (k = 0; k < len; k++)
		lede_buf_add(&sa->key, sa->lows.p + sa->tok[i + k]->low,
		    sa->tok[i + k]->lowlen);
	e = lede_lexicon_get(sa->lx, sa->key.p, sa->key.len);
	return e && e->known && e->nwords == 1 ? e : NULL;
}

static double
sign(double x)
{
	return x > 0 ? 1 : x < 0 ? -1 : 0;
}

static int
role(const LedeLexEntry *e)
{
	return e ? e->role : LEDE_ROLE_NONE;
}

double
lede_sentiment_sentence(LedeSentiment *sa, const char *const *forms,
    const long *start, const long *end, size_t n, double *contrib,
    double *ctx)
{
	size_t i, j, k, len, lastbut = n;
	int mixed, anycaps = 0, anylower = 0, nexcl = 0, nquest = 0;
	int review = 0;
	double s, butv = 1, add;

	if (n > sa->ctok) {
		sa->ctok = n > 64 ? n : 64;
		sa->tok = ereallocarray(sa->tok, sa->ctok, sizeof(*sa->tok));
		sa->ent = ereallocarray(sa->ent, sa->ctok, sizeof(*sa->ent));
		sa->skip = erealloc(sa->skip, sa->ctok);
		sa->brk = erealloc(sa->brk, sa->ctok);
		sa->emo = erealloc(sa->emo, sa->ctok);
		sa->idx = ereallocarray(sa->idx, sa->ctok, sizeof(*sa->idx));
		sa->mul = ereallocarray(sa->mul, sa->ctok, sizeof(*sa->mul));
	}
	if (lede_dict_size(sa->cache) >= CACHE_MAX) {
		lede_dict_free(sa->cache);
		sa->cache = lede_dict_new();
		sa->ninfo = 0;
		lede_buf_clear(&sa->lows);
	}
	for (i = 0; i < n; i++)
		sa->idx[i] = lookup(sa, forms[i]);
	/* lookup() may have moved the info array: take pointers now */
	for (i = 0; i < n; i++) {
		sa->tok[i] = &sa->info[sa->idx[i]];
		sa->ent[i] = sa->tok[i]->ent;
		sa->skip[i] = 0;
		sa->mul[i] = 1;
		contrib[i] = 0;
		if (sa->tok[i]->flags & F_CAPS)
			anycaps = 1;
		/* "@anonymous LOL": names and URLs do not make it mixed case */
		if ((sa->tok[i]->flags & (F_LOWER | F_NAME | F_TAG)) == F_LOWER)
			anylower = 1;
		/* a "-" that touches the words on both sides is a hyphen */
		sa->brk[i] = (sa->tok[i]->flags & F_BREAK) != 0;
		if ((sa->tok[i]->flags & F_HYPHEN) && start && end && i > 0 &&
		    i + 1 < n && end[i - 1] == start[i] && end[i] == start[i + 1])
			sa->brk[i] = 0;
	}
	mixed = anycaps && anylower;

	/* multi-word terms and emoticons, longest first, left to right */
	for (i = 0; i < n; i += len) {
		const LedeLexEntry *e = sa->ent[i], *m = NULL;

		len = 1;
		if (e && e->mwemax > 1 && i + 1 < n)
			m = match_words(sa, i, e->mwemax < n - i ? e->mwemax : n - i,
			    &len);
		if (!m && start && end && (sa->tok[i]->flags & F_SYM)) {
			size_t max = 1;

			while (max < JOIN_MAX && i + max < n &&
			    end[i + max - 1] == start[i + max])
				max++;
			for (k = max; k >= 2 && !m; k--)
				if ((m = match_joined(sa, i, k)))
					len = k;
		}
		if (m)
			sa->ent[i] = m;
		else if (e && !e->known)
			sa->ent[i] = NULL;	/* only starts longer terms */
		/*
		 * An emoticon or emoji (a term with a token without letters or
		 * digits, its tokens touching: ":-)", "d :") or a hashtag says
		 * what it says: it is not negated or boosted, and it ends the
		 * reach of a negator before it.
		 */
		sa->emo[i] = (sa->tok[i]->flags & (F_SYM | F_TAG)) != 0;
		for (k = 0; k < len && len > 1; k++) {
			const FormInfo *t = sa->tok[i + k];

			if ((k && (!start || !end ||
			    end[i + k - 1] != start[i + k])) ||
			    ((t->flags & F_LETTER) && t->lowlen > 1)) {
				sa->emo[i] = 0;
				break;
			}
			if (t->flags & F_SYM)
				sa->emo[i] = 1;
		}
		if (!sa->ent[i] || sa->ent[i]->valence == 0)
			sa->emo[i] = 0;
		for (k = 1; k < len; k++) {
			sa->ent[i + k] = NULL;
			sa->skip[i + k] = 1;
			sa->emo[i + k] = 0;
		}
	}

	/* the last contrast word splits the sentence; a work under review */
	for (i = 0; i < n; i++) {
		if (role(sa->ent[i]) == LEDE_ROLE_WORK)
			review = 1;
		if (role(sa->ent[i]) == LEDE_ROLE_BUT) {
			lastbut = i;
			butv = sa->ent[i]->rolev;
		}
	}

	for (i = 0; i < n; i++) {
		const LedeLexEntry *e = sa->ent[i];
		const FormInfo *fi = sa->tok[i];
		double v, m = 1, boost = 0, neg = 1;
		int seen = 0, nneg = 0;

		if (fi->flags & F_EXCL)
			nexcl += fi->nmark;
		if (fi->flags & F_QUEST)
			nquest += fi->nmark;
		if (sa->skip[i])
			continue;
		/* look back for boosters and a negator, within the clause */
		for (j = i; j > 0 && seen < SCOPE; j--) {
			const LedeLexEntry *b = sa->ent[j - 1];
			const FormInfo *bi = sa->tok[j - 1];

			if (sa->brk[j - 1] || sa->emo[j - 1])
				break;
			if (sa->skip[j - 1])
				continue;
			seen++;
			if (role(b) == LEDE_ROLE_BOOST) {
				double d = b->rolev * (1.0 - 0.05 * (seen - 1));

				if (mixed && (bi->flags & F_CAPS))
					d *= 1.5;
				boost += d;
			} else if (role(b) == LEDE_ROLE_NEGATE && nneg < NEG_MAX) {
				neg *= b->rolev;
				nneg++;
			} else if (!b && (bi->flags & F_NT) && nneg < NEG_MAX) {
				neg *= NT_NEGATE;
				nneg++;
			} else if (role(b) == LEDE_ROLE_BUT ||
			    role(b) == LEDE_ROLE_THOUGH) {
				break;
			}
		}
		if (boost < -0.95)
			boost = -0.95;
		/* an emoticon or emoji says what it says: no negation, no boost */
		if (sa->emo[i])
			boost = 0, neg = 1;
		m = (1 + boost) * neg;
		if (lastbut < n && i != lastbut)
			m *= i < lastbut ? 1 / butv : butv;
		/* inside a concession: from the word to the next break */
		for (j = i + 1; j > 0; j--) {
			const LedeLexEntry *t = sa->ent[j - 1];

			if (j - 1 < i && sa->brk[j - 1])
				break;
			if (role(t) == LEDE_ROLE_THOUGH) {
				m *= t->rolev;
				break;
			}
		}
		sa->mul[i] = m;
		if (!e || e->valence == 0 || role(e) == LEDE_ROLE_DIR)
			continue;	/* directions below */
		v = e->valence;
		if (mixed && (fi->flags & F_CAPS))
			v += sign(v) * CAPS_ADD;
		if (fi->flags & F_ELONG)
			v += sign(v) * ELONG_ADD;
		contrib[i] = v * m;
		/* "not bad" is less good than "not good" is bad */
		if (v < 0 && neg < 0)
			contrib[i] *= NEG_BAD;
		/* in a review sentence, subject matter describes the story */
		if (review && role(e) == LEDE_ROLE_TOPIC)
			contrib[i] *= e->rolev;
		/* "up from a loss", "compared to a profit": a baseline */
		if (role(e) == LEDE_ROLE_QUANTITY) {
			for (j = i, k = 0; j > 0 && k < SCOPE; j--, k++) {
				if (sa->brk[j - 1])
					break;
				if (sa->tok[j - 1]->flags & F_FROM) {
					contrib[i] = 0;
					break;
				}
			}
		}
	}

	/* direction times quantity: "profit rose", "cut costs" */
	for (i = 0; i < n; i++) {
		const LedeLexEntry *d = sa->ent[i], *q = NULL;
		size_t qi = n;
		double m = sa->mul[i], dv;
		int dest = 0;

		if (role(d) != LEDE_ROLE_DIR)
			continue;
		for (k = 1; k <= DIR_BEFORE && k <= i && !q; k++) {
			const LedeLexEntry *c = sa->ent[i - k];
			int r = role(c);

			if (r == LEDE_ROLE_BUT || r == LEDE_ROLE_THOUGH ||
			    (sa->tok[i - k]->flags & F_SEMI))
				break;
			if (r == LEDE_ROLE_QUANTITY)
				q = c, qi = i - k;
		}
		for (k = 1; k <= DIR_AFTER && i + k < n; k++) {
			const LedeLexEntry *c = sa->ent[i + k];
			int r = role(c);

			if (q && qi + k <= i)
				break;	/* the one before is nearer */
			if (r == LEDE_ROLE_BUT || r == LEDE_ROLE_THOUGH ||
			    (sa->tok[i + k]->flags & (F_SEMI | F_FROM)))
				break;
			if (sa->tok[i + k]->flags & F_TO) {
				if (q)
					break;	/* "profit fell to ...": the subject */
				dest = 1;
			}
			if (r == LEDE_ROLE_QUANTITY && (!q || i - qi > k)) {
				q = c, qi = i + k;
				break;
			}
		}
		if (q) {
			/* "slipped to a loss", "turned into a profit": where it went */
			dv = dest && qi > i ? fabs(d->rolev) : d->rolev;
			contrib[i] = dv * q->rolev * m;
			contrib[qi] = 0;
		} else if (d->valence != 0) {
			contrib[i] = d->valence * m;
		}
	}

	s = 0;
	for (i = 0; i < n; i++) {
		s += contrib[i];
		if (ctx)
			ctx[i] = sa->mul[i];
	}
	/* exclamation and question marks push the way the sentence leans */
	add = 0;
	if (nexcl)
		add += EXCL_ADD * (nexcl < EXCL_MAX ? nexcl : EXCL_MAX);
	if (nquest >= 2)
		add += QUEST_ADD * (nquest < 3 ? nquest : 3);
	if (add > 0 && s != 0) {
		for (i = n; i > 0; i--) {
			if (sa->tok[i - 1]->flags & (F_EXCL | F_QUEST)) {
				contrib[i - 1] += sign(s) * add;
				break;
			}
		}
		s += sign(s) * add;
	}
	return lede_sentiment_norm(s);
}
