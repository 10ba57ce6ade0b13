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
#define NEG_MAX 2		/* negators that multiply ("never fails to") */
#define NEG_BAD 0.5		/* a negated negative word flips at half strength */

/*
 * The per-type cache.  What depends only on a token's FORM (its lower-cased
 * form, lexicon entry and flags) is worked out once per form; a token then
 * costs a hash and a probe, and the hashes of a sentence's tokens are
 * computed first so that their slots and entries are fetched together.
 * Multi-word terms are matched through a second cache, of steps (a prefix,
 * the next token's form) -> the longer prefix or term, tried only when the
 * next word occurs after the first word of some term, so that a word after
 * "a" or "not" costs a flag test or a probe, not a key built and looked up.
 * Both are dropped at the start of a sentence once the form cache holds
 * CACHE_MAX forms or the step cache STEP_MAX steps (dropping at a sentence
 * is as good as at a document: scores never depend on the caches).  So
 * the form cache holds at most CACHE_MAX forms plus those of one sentence:
 * 32 bytes of entry, 16 of slots and the form and its lower-cased copy, 8
 * MB at CACHE_MAX (Reuters-21578 has 76,465 forms, 5.8 MB); the steps take
 * at most 6.3 MB (Reuters: 12,004 steps, 0.8 MB).
 */
#define CACHE_MAX 100000
#define STEP_MAX 100000
#define KEYIN 10		/* bytes of a form kept in its entry */

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
	F_JOIN = 1 << 15,	/* F_SYM and may start an emoticon of several
				 * tokens (its lower-cased form starts a term) */
	F_MID = 1 << 16,	/* a word after the first of a multi-word term */
	F_MWE = 1 << 17,	/* its entry starts multi-word terms */
	F_PREFIX = 1 << 18,	/* its entry only starts longer terms */
};

/* Words that end the search for a direction's quantity after it. */
static const char *const from_words[] = {
	"from", "than", "versus", "vs", "vs.", "compared", "against",
	"over", "year-on-year", NULL,
};

/*
 * What the scorer knows of a form: 32 bytes, two to a cache line.  The
 * form and its lower-cased copy are in sa->bytes at off, each followed by
 * a NUL; the first KEYIN bytes of the form are in k too.
 */
typedef struct {
	const LedeLexEntry *ent;	/* NULL when not in the lexicon */
	uint32_t flags;
	uint32_t len;			/* bytes of the form */
	uint32_t off;
	unsigned short nmark;		/* '!' or '?' in the token */
	char k[KEYIN];
} FormInfo;

/* A slot of the form table: the high half of the hash and 1 + index. */
typedef struct {
	uint32_t tag, id;
} Slot;

/* A step of a multi-word match: from (a prefix, the next form) to res. */
typedef struct {
	uintptr_t from;			/* 0: empty slot */
	uint32_t form;			/* index of the next token's form */
	const LedeLexEntry *res;	/* the longer key's entry, or NULL */
} Step;

struct LedeSentiment {
	const LedeLexicon *lx;
	Slot *slot;			/* FORM -> 1 + index into info */
	size_t nslot;
	FormInfo *info;
	char *inforaw;			/* info's allocation, info at infooff */
	size_t ninfo, cinfo, cachemax, infooff;
	Step *step;
	size_t nstep, cstep;
	LedeDict *joinpre;		/* starts of one-word terms that do not
					 * begin with an ASCII letter or digit */
	LedeDict *mid;			/* words after the first of multi-word
					 * terms */
	LedeBuf bytes;			/* forms and their lower-cased copies */
	LedeBuf key, tmp;
	/* per sentence */
	uint64_t *hash;
	size_t *flen;
	const FormInfo **tok;
	const LedeLexEntry **ent;
	unsigned char *skip;		/* inside a matched multi-word term */
	unsigned char *brk;		/* a clause break */
	unsigned char *emo;		/* an emoticon, emoji or hashtag */
	size_t *idx;
	double *mul;			/* context factor of each token */
	size_t ctok;
};

/*
 * A token inside a name: a word (so not a symbol that may start an
 * emoticon) with no entry and no flag that any rule reads; no lower-case
 * letter or capitals of its own, so that it does not make the sentence
 * mixed-case.  Its off and len are never read: match_words stops at a
 * token without F_MID, match_joined is not extended over one.
 */
static const FormInfo name_info = {NULL, F_LETTER, 0, 0, 0, {0}};

/* An empty slot array of n slots (a power of two). */
static Slot *
slots(size_t n)
{
	return ecalloc(n, sizeof(Slot));
}

LedeSentiment *
lede_sentiment_new(const LedeLexicon *lx)
{
	LedeSentiment *sa = ecalloc(1, sizeof(*sa));
	size_t i, j, w, n, ne = lede_lexicon_nentries(lx);
	const LedeLexEntry *e;
	const char *key;

	sa->lx = lx;
	sa->cachemax = CACHE_MAX;
	sa->nslot = 1024;
	sa->slot = slots(sa->nslot);
	/*
	 * The forms that may start an emoticon of several tokens: the
	 * beginnings of one-word terms.  Terms that begin with an ASCII
	 * letter or digit are left out (a token without letters or digits
	 * does not begin so; lookup() treats one that does as a possible
	 * start), so that the set stays small.
	 */
	sa->joinpre = lede_dict_new();
	sa->mid = lede_dict_new();
	for (i = 0; i < ne; i++) {
		e = lede_lexicon_entry(lx, i, &key, &n);
		/* "not bad at all": "bad", "at", "all" */
		for (j = 0, w = 0; j <= n; j++) {
			if (j < n && key[j] != ' ')
				continue;
			if (w > 0)
				lede_dict_put(sa->mid, key + w, j - w, NULL);
			w = j + 1;
		}
		if (!e->known || e->nwords != 1 || n == 0 ||
		    (key[0] >= 'a' && key[0] <= 'z') ||
		    (key[0] >= 'A' && key[0] <= 'Z') ||
		    (key[0] >= '0' && key[0] <= '9'))
			continue;
		for (j = 1; j <= n; j++)
			lede_dict_put(sa->joinpre, key, j, NULL);
	}
	return sa;
}

void
lede_sentiment_set_cache(LedeSentiment *sa, size_t maxforms)
{
	sa->cachemax = maxforms ? maxforms : CACHE_MAX;
}

/* Forget every form and step. */
static void
drop_caches(LedeSentiment *sa)
{
	memset(sa->slot, 0, sa->nslot * sizeof(*sa->slot));
	sa->ninfo = 0;
	lede_buf_clear(&sa->bytes);
	if (sa->step)
		memset(sa->step, 0, sa->cstep * sizeof(*sa->step));
	sa->nstep = 0;
}

void
lede_sentiment_free(LedeSentiment *sa)
{
	if (!sa)
		return;
	free(sa->slot);
	free(sa->inforaw);
	free(sa->step);
	lede_dict_free(sa->joinpre);
	lede_dict_free(sa->mid);
	lede_buf_free(&sa->bytes);
	lede_buf_free(&sa->key);
	lede_buf_free(&sa->tmp);
	free(sa->hash);
	free(sa->flen);
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

/*
 * The hash of a form: eight bytes a step, the tail as one overlapping
 * load, mixed as in splitmix64; no calls, for the per-token loop.
 */
static uint64_t
fhash(const char *p, size_t n)
{
	uint64_t h = 0x9E3779B97F4A7C15ULL ^ (n * 0xC2B2AE3D27D4EB4FULL), w;
	uint32_t a, b;

	if (n >= 8) {
		for (; n > 8; p += 8, n -= 8) {
			memcpy(&w, p, 8);
			h = (h ^ w) * 0xBF58476D1CE4E5B9ULL;
			h ^= h >> 31;
		}
		memcpy(&w, p + n - 8, 8);
	} else if (n >= 4) {
		memcpy(&a, p, 4);
		memcpy(&b, p + n - 4, 4);
		w = (uint64_t)a << 32 | b;
	} else if (n > 0) {
		w = (uint64_t)(unsigned char)p[0] << 16 |
		    (uint64_t)(unsigned char)p[n / 2] << 8 | (unsigned char)p[n - 1];
	} else {
		w = 0;
	}
	h = (h ^ w) * 0x94D049BB133111EBULL;
	h ^= h >> 29;
	h *= 0xBF58476D1CE4E5B9ULL;
	h ^= h >> 32;
	return h;
}

/* a[0..n) == b[0..n), n <= 16, without a call. */
static int
eqshort(const char *a, const char *b, size_t n)
{
	uint64_t x, y, u, v;
	uint32_t x4, y4, u4, v4;

	if (n >= 8) {
		memcpy(&x, a, 8);
		memcpy(&y, b, 8);
		memcpy(&u, a + n - 8, 8);
		memcpy(&v, b + n - 8, 8);
		return x == y && u == v;
	}
	if (n >= 4) {
		memcpy(&x4, a, 4);
		memcpy(&y4, b, 4);
		memcpy(&u4, a + n - 4, 4);
		memcpy(&v4, b + n - 4, 4);
		return x4 == y4 && u4 == v4;
	}
	return n == 0 || (a[0] == b[0] && a[n / 2] == b[n / 2] &&
	    a[n - 1] == b[n - 1]);
}

/*
 * Room for need more entries in sa->info, which starts at a multiple of
 * 64 bytes in sa->inforaw (realloc, so that a large array grows in place
 * rather than being copied next to itself).
 */
static void
reserve_info(LedeSentiment *sa, size_t need)
{
	char *raw;
	size_t c = sa->cinfo, off;

	if (c - sa->ninfo >= need)
		return;
	while (c - sa->ninfo < need) {
		if (c > (SIZE_MAX - 64) / 2 / sizeof(FormInfo))
			eprintf("out of memory (form cache)");
		c = c ? c * 2 : 4096;
	}
	raw = erealloc(sa->inforaw, c * sizeof(FormInfo) + 64);
	off = (64 - ((uintptr_t)raw & 63)) & 63;
	if (sa->ninfo && off != sa->infooff)
		memmove(raw + off, raw + sa->infooff, sa->ninfo * sizeof(FormInfo));
	sa->inforaw = raw;
	sa->infooff = off;
	sa->info = (FormInfo *)(void *)(raw + off);
	sa->cinfo = c;
}

/* The lower-cased form of fi and its length. */
static const char *
lowof(const LedeSentiment *sa, const FormInfo *fi, size_t *n)
{
	const char *low = sa->bytes.p + fi->off + fi->len + 1;

	*n = strlen(low);
	return low;
}

/* The length of fi's lower-cased form, or 2 when it is longer than 1. */
static size_t
lowlen1(const LedeSentiment *sa, const FormInfo *fi)
{
	const char *low = sa->bytes.p + fi->off + fi->len + 1;

	return low[0] == '\0' ? 0 : low[1] == '\0' ? 1 : 2;
}

/* Doubles the slots of the form table. */
static void
grow_slots(LedeSentiment *sa)
{
	Slot *old = sa->slot;
	size_t i, j, mask, oldn = sa->nslot;
	const FormInfo *fi;

	sa->nslot *= 2;
	sa->slot = slots(sa->nslot);
	mask = sa->nslot - 1;
	for (i = 0; i < oldn; i++) {
		if (!old[i].id)
			continue;
		fi = &sa->info[old[i].id - 1];
		for (j = (size_t)fhash(sa->bytes.p + fi->off, fi->len) & mask;
		    sa->slot[j].id; j = (j + 1) & mask)
			;
		sa->slot[j] = old[i];
	}
	free(old);
}

static void fill(LedeSentiment *sa, FormInfo *fi, const char *form, size_t n);

/* Index of form[0..n) (of hash h) in sa->info, added when new. */
static size_t
lookup(LedeSentiment *sa, const char *form, size_t n, uint64_t h)
{
	size_t mask = sa->nslot - 1, i = (size_t)h & mask, id;
	uint32_t tag = (uint32_t)(h >> 32);
	const Slot *sl;
	FormInfo *fi;

	for (;; i = (i + 1) & mask) {
		sl = &sa->slot[i];
		if (!sl->id)
			break;
		if (sl->tag != tag)
			continue;
		fi = &sa->info[sl->id - 1];
		if (fi->len != n)
			continue;
		if (n <= KEYIN ? eqshort(fi->k, form, n) :
		    eqshort(fi->k, form, KEYIN) &&
		    !memcmp(sa->bytes.p + fi->off + KEYIN, form + KEYIN, n - KEYIN))
			return sl->id - 1;
	}
	if (sa->ninfo >= UINT32_MAX - 1 || n > UINT32_MAX / 4 ||
	    sa->bytes.len > UINT32_MAX / 2)
		eprintf("out of memory (form cache)");
	reserve_info(sa, 1);
	id = sa->ninfo++;
	fi = &sa->info[id];
	memset(fi, 0, sizeof(*fi));
	fi->len = (uint32_t)n;
	memcpy(fi->k, form, n < KEYIN ? n : KEYIN);
	fi->off = (uint32_t)sa->bytes.len;
	lede_buf_add(&sa->bytes, form, n);
	lede_buf_addc(&sa->bytes, '\0');
	sa->slot[i].tag = tag;
	sa->slot[i].id = (uint32_t)id + 1;
	if (sa->ninfo * 2 > sa->nslot)
		grow_slots(sa);
	fill(sa, fi, form, n);
	return id;
}

/* Works out what depends on the form alone. */
static void
fill(LedeSentiment *sa, FormInfo *fi, const char *form, size_t n)
{
	size_t i = 0, nletter = 0, nupper = 0;
	int alnum = 0;
	const char *low;
	size_t lowlen;
	int32_t cp;
	int len;

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

	lowlen = sa->bytes.len;
	lede_lower(&sa->bytes, form, n);
	lowlen = sa->bytes.len - lowlen;
	lede_buf_addc(&sa->bytes, '\0');
	low = sa->bytes.p + fi->off + n + 1;	/* no NUL in it, as in form */

	fi->ent = known(sa->lx, low, lowlen);
	if (fi->ent && !fi->ent->known && !fi->ent->mwemax)
		fi->ent = NULL;
	if (fi->ent)
		goto out;
	/* variants: emoji modifiers, a hashtag, elongation */
	if (strip_modifiers(&sa->tmp, low, lowlen) && sa->tmp.len &&
	    (fi->ent = known(sa->lx, sa->tmp.p, sa->tmp.len)))
		goto out;
	if (lowlen > 1 && low[0] == '#' &&
	    (fi->ent = known(sa->lx, low + 1, lowlen - 1)))
		goto out;
	if (has_long_run(low, lowlen)) {
		if ((shorten_runs(&sa->tmp, low, lowlen, 2) &&
		    (fi->ent = known(sa->lx, sa->tmp.p, sa->tmp.len))) ||
		    (shorten_runs(&sa->tmp, low, lowlen, 1) &&
		    (fi->ent = known(sa->lx, sa->tmp.p, sa->tmp.len)))) {
			fi->flags |= F_ELONG;
			goto out;
		}
	}
	if (lowlen > 3 && (!strcmp(low + lowlen - 3, "n't") ||
	    (lowlen > 5 && !strcmp(low + lowlen - 5, "n\xE2\x80\x99t"))))
		fi->flags |= F_NT;
out:
	if (fi->ent && fi->ent->mwemax > 1)
		fi->flags |= F_MWE;
	if (fi->ent && !fi->ent->known)
		fi->flags |= F_PREFIX;
	/* may it extend a multi-word term? (a form with a space may be words) */
	if (lowlen == 0 || memchr(low, ' ', lowlen) ||
	    lede_dict_get(sa->mid, low, lowlen) >= 0)
		fi->flags |= F_MID;
	/* may it start an emoticon of several tokens? */
	if ((fi->flags & F_SYM) && (lowlen == 0 ||
	    (low[0] >= 'a' && low[0] <= 'z') || (low[0] >= 'A' && low[0] <= 'Z') ||
	    (low[0] >= '0' && low[0] <= '9') ||
	    lede_dict_get(sa->joinpre, low, lowlen) >= 0))
		fi->flags |= F_JOIN;
}

/* The slot of the step (from, form) in sa->step, or the empty one for it. */
static size_t
step_slot(const LedeSentiment *sa, uintptr_t from, uint32_t form)
{
	uint64_t h = ((uint64_t)from * 0x9E3779B97F4A7C15ULL) ^
	    ((uint64_t)form * 0xC2B2AE3D27D4EB4FULL);
	size_t mask = sa->cstep - 1, i;

	h ^= h >> 32;
	for (i = (size_t)h & mask;; i = (i + 1) & mask) {
		const Step *st = &sa->step[i];

		if (!st->from || (st->from == from && st->form == form))
			return i;
	}
}

static void
grow_steps(LedeSentiment *sa)
{
	Step *old = sa->step;
	size_t i, oldn = sa->cstep;

	sa->cstep = oldn ? oldn * 2 : 1024;
	sa->step = ecalloc(sa->cstep, sizeof(*sa->step));
	for (i = 0; i < oldn; i++)
		if (old[i].from)
			sa->step[step_slot(sa, old[i].from, old[i].form)] = old[i];
	free(old);
}

/*
 * The longest multi-word term starting at word i (at most max words), or
 * NULL; its length in *len.  Extends the key a word at a time and stops
 * at the first prefix the lexicon does not know.  Each step (the first
 * word's form or the prefix's entry, the next word's form) is looked up
 * in the lexicon once, with the key "w1 w2 ... wk" of lower-cased forms,
 * and remembered.
 */
static const LedeLexEntry *
match_words(LedeSentiment *sa, size_t i, size_t max, size_t *len)
{
	size_t k, w;
	uintptr_t from = ((uintptr_t)sa->idx[i] << 1) | 1;	/* even: an entry */
	const LedeLexEntry *e, *m = NULL;
	Step *st;

	for (k = 2; k <= max; k++) {
		if (!(sa->tok[i + k - 1]->flags & F_MID))
			break;	/* no key has this word after the first */
		if ((sa->nstep + 1) * 2 > sa->cstep)
			grow_steps(sa);
		st = &sa->step[step_slot(sa, from, (uint32_t)sa->idx[i + k - 1])];
		if (!st->from) {
			lede_buf_clear(&sa->key);
			for (w = 0; w < k; w++) {
				size_t ln;
				const char *low = lowof(sa, sa->tok[i + w], &ln);

				if (w)
					lede_buf_addc(&sa->key, ' ');
				lede_buf_add(&sa->key, low, ln);
			}
			st->from = from;
			st->form = (uint32_t)sa->idx[i + k - 1];
			st->res = lede_lexicon_get(sa->lx, sa->key.p, sa->key.len);
			sa->nstep++;
		}
		if (!(e = st->res))
			break;
		if (e->known && e->nwords == k) {
			m = e;
			*len = k;
		}
		if (e->mwemax <= k)
			break;
		from = (uintptr_t)e;
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
	for (k = 0; k < len; k++) {
		size_t ln;
		const char *low = lowof(sa, sa->tok[i + k], &ln);

		lede_buf_add(&sa->key, low, ln);
	}
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

/*
 * The context factor of token i: boosters and negators up to SCOPE tokens
 * before it in its clause, contrast, and the concession conc whose clause
 * it is in (NULL if none).  The negators' product in *negp.
 */
static double
factor(const LedeSentiment *sa, size_t i, size_t n, int mixed,
    size_t lastbut, double butv, const LedeLexEntry *conc, double *negp)
{
	size_t j;
	double m, boost = 0, neg = 1;
	int seen = 0, nneg = 0;

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
	if (conc)
		m *= conc->rolev;
	*negp = neg;
	return m;
}

/* The contribution of word i with valence entry e (not a direction). */
static double
score(const LedeSentiment *sa, size_t i, const LedeLexEntry *e,
    const FormInfo *fi, double m, double neg, int mixed, int review)
{
	size_t j, k;
	double v, c;

	v = e->valence;
	if (mixed && (fi->flags & F_CAPS))
		v += sign(v) * CAPS_ADD;
	if (fi->flags & F_ELONG)
		v += sign(v) * ELONG_ADD;
	c = v * m;
	/* "not bad" is less good than "not good" is bad */
	if (v < 0 && neg < 0)
		c *= NEG_BAD;
	/* in a review sentence, subject matter describes the story */
	if (review && role(e) == LEDE_ROLE_TOPIC)
		c *= e->rolev;
	/* "up from a loss", "compared to a profit": a baseline */
	if (role(e) == LEDE_ROLE_QUANTITY) {
		for (j = i, k = 0; j > 0 && k < SCOPE; j--, k++) {
			if (sa->brk[j - 1])
				break;
			if (sa->tok[j - 1]->flags & F_FROM)
				return 0;
		}
	}
	return c;
}

double
lede_sentiment_sentence(LedeSentiment *sa, const char *const *forms,
    const long *start, const long *end, size_t n, double *contrib,
    double *ctx)
{
	return lede_sentiment_sentence_names(sa, forms, start, end, NULL, n,
	    contrib, ctx);
}

double
lede_sentiment_sentence_names(LedeSentiment *sa, const char *const *forms,
    const long *start, const long *end, const unsigned char *inname,
    size_t n, double *contrib, double *ctx)
{
	size_t i, k, len, next, lastbut = n;
	int mixed, anycaps = 0, anylower = 0, nexcl = 0, nquest = 0;
	int review = 0, anydir = 0;
	double s, butv = 1, add;
	const LedeLexEntry *conc;

	if (n > sa->ctok) {
		sa->ctok = n > 64 ? n : 64;
		sa->hash = ereallocarray(sa->hash, sa->ctok, sizeof(*sa->hash));
		sa->flen = ereallocarray(sa->flen, sa->ctok, sizeof(*sa->flen));
		sa->tok = ereallocarray(sa->tok, sa->ctok, sizeof(*sa->tok));
		sa->ent = ereallocarray(sa->ent, sa->ctok, sizeof(*sa->ent));
		sa->skip = erealloc(sa->skip, sa->ctok);
		sa->brk = erealloc(sa->brk, sa->ctok);
		sa->emo = erealloc(sa->emo, sa->ctok);
		sa->idx = ereallocarray(sa->idx, sa->ctok, sizeof(*sa->idx));
		sa->mul = ereallocarray(sa->mul, sa->ctok, sizeof(*sa->mul));
	}
	if (sa->ninfo >= sa->cachemax || sa->nstep >= STEP_MAX)
		drop_caches(sa);
	/* room for every form of the sentence, so that entries do not move */
	reserve_info(sa, n);
	/* hash every form first, so that the slots come in together */
	for (i = 0; i < n; i++) {
		sa->flen[i] = strlen(forms[i]);
		sa->hash[i] = fhash(forms[i], sa->flen[i]);
		LEDE_PREFETCH(&sa->slot[(size_t)sa->hash[i] & (sa->nslot - 1)]);
	}
	/* then the entries of the slots that came */
	for (i = 0; i < n; i++) {
		const Slot *sl = &sa->slot[(size_t)sa->hash[i] & (sa->nslot - 1)];

		if (sl->id && sl->tag == (uint32_t)(sa->hash[i] >> 32))
			LEDE_PREFETCH(&sa->info[sl->id - 1]);
	}
	for (i = 0; i < n; i++) {
		sa->idx[i] = lookup(sa, forms[i], sa->flen[i], sa->hash[i]);
		sa->tok[i] = &sa->info[sa->idx[i]];	/* room was made */
		if (inname && inname[i])
			sa->tok[i] = &name_info;
	}

	/*
	 * Flags of the sentence; multi-word terms and emoticons, longest
	 * first, left to right; the last contrast word, which splits the
	 * sentence; a work under review.
	 */
	for (i = 0, next = 0; i < n; i++) {
		const FormInfo *fi = sa->tok[i];
		const LedeLexEntry *e = fi->ent, *m = NULL;
		int r;

		sa->skip[i] = 0;
		sa->mul[i] = 1;
		contrib[i] = 0;
		if (fi->flags & F_CAPS)
			anycaps = 1;
		/* "@anonymous LOL": names and URLs do not make it mixed case */
		if ((fi->flags & (F_LOWER | F_NAME | F_TAG)) == F_LOWER)
			anylower = 1;
		/* a "-" that touches the words on both sides is a hyphen */
		sa->brk[i] = (fi->flags & F_BREAK) != 0;
		if ((fi->flags & F_HYPHEN) && start && end && i > 0 &&
		    i + 1 < n && end[i - 1] == start[i] && end[i] == start[i + 1])
			sa->brk[i] = 0;
		if (i < next) {
			/* inside a match */
			sa->ent[i] = NULL;
			sa->skip[i] = 1;
			sa->emo[i] = 0;
			continue;
		}
		len = 1;
		if ((fi->flags & F_MWE) && i + 1 < n)
			m = match_words(sa, i, e->mwemax < n - i ? e->mwemax : n - i,
			    &len);
		if (!m && start && end && (fi->flags & F_JOIN)) {
			size_t max = 1;

			while (max < JOIN_MAX && i + max < n &&
			    end[i + max - 1] == start[i + max] &&
			    !(inname && inname[i + max]))
				max++;
			for (k = max; k >= 2 && !m; k--)
				if ((m = match_joined(sa, i, k)))
					len = k;
		}
		if (m)
			e = m;
		else if (fi->flags & F_PREFIX)
			e = NULL;	/* only starts longer terms */
		sa->ent[i] = e;
		next = i + len;
		/*
		 * An emoticon or emoji (a term with a token without letters or
		 * digits, its tokens touching: ":-)", "d :") or a hashtag says
		 * what it says: it is not negated or boosted, and it ends the
		 * reach of a negator before it.
		 */
		sa->emo[i] = (fi->flags & (F_SYM | F_TAG)) != 0;
		for (k = 0; k < len && len > 1; k++) {
			const FormInfo *t = sa->tok[i + k];

			if ((k && (!start || !end ||
			    end[i + k - 1] != start[i + k])) ||
			    ((t->flags & F_LETTER) && lowlen1(sa, t) > 1)) {
				sa->emo[i] = 0;
				break;
			}
			if (t->flags & F_SYM)
				sa->emo[i] = 1;
		}
		if (!e || e->valence == 0)
			sa->emo[i] = 0;
		r = role(e);
		if (r == LEDE_ROLE_WORK)
			review = 1;
		else if (r == LEDE_ROLE_BUT) {
			lastbut = i;
			butv = e->rolev;
		} else if (r == LEDE_ROLE_DIR)
			anydir = 1;
	}
	mixed = anycaps && anylower;

	conc = NULL;
	for (i = 0; i < n; i++) {
		const LedeLexEntry *e = sa->ent[i];
		const FormInfo *fi = sa->tok[i];
		int r = role(e);
		double m, neg;

		if (fi->flags & F_EXCL)
			nexcl += fi->nmark;
		if (fi->flags & F_QUEST)
			nquest += fi->nmark;
		/*
		 * The context factor where it is used: at a word with a
		 * valence, at a direction, and at every token for ctx.
		 */
		if (!sa->skip[i] && (ctx ||
		    (e && (e->valence != 0 || r == LEDE_ROLE_DIR)))) {
			m = factor(sa, i, n, mixed, lastbut, butv,
			    r == LEDE_ROLE_THOUGH ? e : conc, &neg);
			sa->mul[i] = m;
			if (e && e->valence != 0 && r != LEDE_ROLE_DIR)
				contrib[i] = score(sa, i, e, fi, m, neg, mixed,
				    review);
		}
		/* the concession whose clause is open after token i */
		if (sa->brk[i])
			conc = NULL;
		else if (r == LEDE_ROLE_THOUGH)
			conc = e;
	}

	/* direction times quantity: "profit rose", "cut costs" */
	for (i = 0; i < n && anydir; i++) {
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
