/* See LICENSE file for copyright and license details. */
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "entity.h"
#include "report.h"
#include "text.h"

/*
 * Classes of types.  Rules that merge different names apply to name
 * types only; numeric types (dates, amounts) merge on equal keys alone.
 */
enum { C_PER, C_ORG, C_LOC, C_MISC, C_OTHER, C_NUM };

/* Leading words dropped from PER names (case-insensitive; sorted). */
static const char *const titles[] = {
	"adm", "admiral", "ambassador", "capt", "captain", "ceo", "chairman",
	"chairwoman", "chancellor", "chief", "cmdr", "col", "colonel", "dame",
	"deputy", "dr", "executive", "fr", "gen", "general", "gov", "governor",
	"judge", "justice", "lt", "madam", "maj", "mayor", "minister", "miss",
	"mr", "mrs", "ms", "mx", "pres", "president", "prime", "prof",
	"professor", "rep", "rev", "reverend", "secretary", "sen", "senator",
	"sgt", "sir", "vice",
};

/*
 * Legal-form designators that end company names, as keys (folded, no
 * full stops: "L.P." is "lp"; sorted): "Mobil Corp", "Volvo AB" (rule 2
 * of docs/ENTITIES.md).  "& Co" is "co" and the ampersand before it.
 */
static const char *const designators[] = {
	"ab", "ag", "co", "company", "corp", "corporation", "cos", "gmbh",
	"inc", "incorporated", "limited", "llc", "lp", "ltd", "nv", "plc",
	"sa", "spa",
};

/* Words left out of the initials of an expansion (folded; sorted). */
static const char *const minor[] = {
	"&", "a", "an", "and", "at", "da", "das", "de", "del", "della", "der",
	"des", "di", "do", "dos", "du", "e", "el", "et", "for", "fur", "in",
	"la", "le", "les", "of", "on", "the", "to", "und", "van", "von", "y",
};

typedef struct {
	long start;
	size_t tok, sent;
	long surf, name, type, group;
	long next;		/* next mention of the same group, or -1 */
	int notone;		/* takes no tone from its sentence */
	int place;		/* a wire dateline's place: its entity is a place */
	int poss;		/* its name is its text without a possessive */
	int ownposs;		/* a verb follows its possessive (ORG: the name's) */
	int titled;		/* titles were stripped from its name */
} Mention;

typedef struct {
	long key;		/* group (key) id */
	int nwords;		/* words of the key */
	int article;		/* the name starts with "the " */
	int allcaps;
	int acronym;
	size_t ncp;		/* code points, spaces not counted */
	size_t nsp;		/* spaces */
} NameInfo;

typedef struct {
	long parent;
	long type;		/* majority type id */
	int cls;
	int nwords;
	int acronym;		/* some mention's name looks like an acronym */
	int place;		/* has a wire dateline's place */
	int titled;		/* a PER mention had a title ("Mr Smith") */
	int desig;		/* joined its "X Corp" (rule 2) */
	int corp;		/* ends in a designator: ORG whatever its type */
	long first, last;	/* mentions */
} Group;

typedef struct {
	long m;			/* mention */
	char *acr;
	size_t len;
} Def;

/* A string -> list of group ids multimap, for the merge rules. */
typedef struct {
	LedeDict *d;
	long *head;
	size_t chead;
	long *val, *next;
	size_t n, c;
} Multi;

struct LedeEntDoc {
	Mention *m;
	size_t nm, cm;
	struct { int known; long long tone; } *sent;
	size_t nsent, csent;
	Def *def;
	size_t ndef, cdef;
	LedeDict *surfd, *named, *keyd, *typed;
	NameInfo *ni;
	size_t cni;
	Group *g;
	size_t cg;
	LedeEntity *e;
	size_t ne, ce;
	long *ment;		/* entity of each group root */
	size_t cment;
	const char **pool;	/* alias and similar pointers of all entities */
	size_t *poollen;
	long *pooln;
	size_t cpool;
	LedeBuf tmp, tmp2, clipa;
	int32_t *cpa, *cpb;
	size_t ccpa, ccpb;
};

/* ---- text helpers ---- */

/* Strings to sort (keys of dict entries and the like). */
typedef struct {
	const char *s;
	size_t n;
	long id;
} Ref;

static int
ref_cmp(const void *a, const void *b)
{
	const Ref *x = a, *y = b;

	return lede_bytecmp(x->s, x->n, y->s, y->n);
}

/*
 * Refs whose n holds the offset of their string in b, each running to the
 * next one's (the last to b's end): point them into b, then sort them.
 */
static void
ref_sort_offsets(Ref *r, size_t n, const LedeBuf *b)
{
	size_t i;

	for (i = 0; i < n; i++) {
		size_t end = i + 1 < n ? r[i + 1].n : b->len;

		r[i].s = b->p + r[i].n;
		r[i].n = end - r[i].n;
	}
	lede_sort(r, n, sizeof(*r), ref_cmp);
}

/* The first of the sorted r[0..n) that is not below p, or n. */
static size_t
ref_lower(const Ref *r, size_t n, const Ref *p)
{
	size_t lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (ref_cmp(&r[mid], p) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* 1 when x starts with p and goes on. */
static int
ref_extends(const Ref *x, const Ref *p)
{
	return x->n > p->n && !memcmp(x->s, p->s, p->n);
}


static int
ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* Length of s[0..n) without a possessive ending. */
static size_t
possessive_len(const char *s, size_t n)
{
	if (n > 2 && s[n - 2] == '\'' && (s[n - 1] == 's' || s[n - 1] == 'S'))
		return n - 2;
	if (n > 4 && !memcmp(s + n - 4, "\xE2\x80\x99", 3) &&
	    (s[n - 1] == 's' || s[n - 1] == 'S'))
		return n - 4;
	if (n > 2 && s[n - 1] == '\'' && (s[n - 2] == 's' || s[n - 2] == 'S'))
		return n - 1;
	if (n > 4 && !memcmp(s + n - 3, "\xE2\x80\x99", 3) &&
	    (s[n - 4] == 's' || s[n - 4] == 'S'))
		return n - 3;
	return n;
}

size_t
lede_ent_unpossess(const char *s, size_t n)
{
	size_t k = possessive_len(s, n);

	while (k < n && k > 0 && s[k - 1] == ' ')
		k--;	/* "Portugal 's" */
	return k > 0 ? k : n;
}

size_t
lede_ent_untitle(const char *s, size_t n)
{
	size_t off = 0, e;

	for (;;) {
		for (e = off; e < n && s[e] != ' '; e++)
			;
		if (e >= n || !lede_inlist(titles, LEDE_LEN(titles), s + off, e - off))
			return off;
		off = e + 1;
	}
}

/* The NUL-terminated a against k[0..n) (not NUL-terminated). */
static int
abbrcmp(const char *a, const char *k, size_t n)
{
	int c = strncmp(a, k, n);

	return c ? c : a[n] != '\0';
}

/* A short form and its full name, in tables sorted by the short form. */
typedef struct {
	const char *abbr, *name;
} Abbr;

/* First row of t[0..nt) whose short form is k[0..n), or -1. */
static long
abbr_first(const Abbr *t, size_t nt, const char *k, size_t n)
{
	size_t lo = 0, hi = nt, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (abbrcmp(t[mid].abbr, k, n) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < nt && abbrcmp(t[lo].abbr, k, n) == 0 ? (long)lo : -1;
}

/*
 * The abbreviations of US states and Canadian provinces that news copy
 * writes in datelines ("SANTA CLARA, Calif."; AP style), lower case and
 * sorted in byte order: a LOC mention that is one of them is named by the
 * full name, as titles are stripped from PER names (docs/ENTITIES.md).
 */
static const Abbr regions[] = {
	{"ala.", "Alabama"},
	{"alta.", "Alberta"},
	{"ariz.", "Arizona"},
	{"ark.", "Arkansas"},
	{"b.c.", "British Columbia"},
	{"calif.", "California"},
	{"colo.", "Colorado"},
	{"conn.", "Connecticut"},
	{"del.", "Delaware"},
	{"fla.", "Florida"},
	{"ga.", "Georgia"},
	{"ill.", "Illinois"},
	{"ind.", "Indiana"},
	{"kan.", "Kansas"},
	{"ky.", "Kentucky"},
	{"la.", "Louisiana"},
	{"man.", "Manitoba"},
	{"mass.", "Massachusetts"},
	{"md.", "Maryland"},
	{"mich.", "Michigan"},
	{"minn.", "Minnesota"},
	{"miss.", "Mississippi"},
	{"mo.", "Missouri"},
	{"mont.", "Montana"},
	{"n.b.", "New Brunswick"},
	{"n.c.", "North Carolina"},
	{"n.d.", "North Dakota"},
	{"n.h.", "New Hampshire"},
	{"n.j.", "New Jersey"},
	{"n.m.", "New Mexico"},
	{"n.s.", "Nova Scotia"},
	{"n.y.", "New York"},
	{"neb.", "Nebraska"},
	{"nev.", "Nevada"},
	{"nfld.", "Newfoundland"},
	{"okla.", "Oklahoma"},
	{"ont.", "Ontario"},
	{"ore.", "Oregon"},
	{"pa.", "Pennsylvania"},
	{"que.", "Quebec"},
	{"r.i.", "Rhode Island"},
	{"s.c.", "South Carolina"},
	{"s.d.", "South Dakota"},
	{"sask.", "Saskatchewan"},
	{"tenn.", "Tennessee"},
	{"tex.", "Texas"},
	{"va.", "Virginia"},
	{"vt.", "Vermont"},
	{"w.va.", "West Virginia"},
	{"wash.", "Washington"},
	{"wis.", "Wisconsin"},
	{"wyo.", "Wyoming"},
};

/*
 * The full name of the region abbreviated as s[0..n), or NULL.  The full
 * stop may be left out of abbreviations of four letters or more ("CALIF"
 * in a headline), but for "Miss", a title too.
 */
static const char *
region(const char *s, size_t n)
{
	char low[8];
	size_t i;
	long r;

	if (n < 3 || n > sizeof(low) - 1)
		return NULL;
	for (i = 0; i < n; i++)
		low[i] = (char)ascii_lower((unsigned char)s[i]);
	if (low[n - 1] != '.') {
		if (n < 4 || (n == 4 && !memcmp(low, "miss", 4)))
			return NULL;
		low[n++] = '.';
	}
	r = abbr_first(regions, LEDE_LEN(regions), low, n);
	return r >= 0 ? regions[r].name : NULL;
}

int
lede_ent_isacronym(const char *s, size_t n)
{
	size_t i, letters = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 'A' && c <= 'Z')
			letters++;
		else if (!(c == '.' || c == '&' || (c >= '0' && c <= '9')))
			return 0;
	}
	return letters >= 2 && letters <= 10;
}

/* 1 when s[0..n) has letters and none of them is lower case. */
static int
allcaps(const char *s, size_t n)
{
	size_t i = 0;
	int32_t cp;
	int len, letters = 0;

	while (i < n) {
		if ((len = lede_utf8_decode(s + i, n - i, &cp)) < 0)
			return 0;
		if (lede_islower(cp))
			return 0;
		if (lede_isletter(cp))
			letters++;
		i += (size_t)len;
	}
	return letters > 0;
}

/* The key's punctuation rules on (folded) s[0..n), appended to out. */
static void
key_tidy(LedeBuf *out, const char *s, size_t n)
{
	size_t i, start = out->len;
	int space = 1;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '.' || c == ',')
			continue;
		if (c == ' ' || c == '-' || c == '_' || c == '\t') {
			if (!space)
				lede_buf_addc(out, ' ');
			space = 1;
			continue;
		}
		if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
		    ((unsigned char)s[i + 2] == 0x99 || (unsigned char)s[i + 2] == 0x98)) {
			lede_buf_addc(out, '\'');	/* ’ ‘ -> ' */
			i += 2;
			space = 0;
			continue;
		}
		lede_buf_addc(out, (char)c);
		space = 0;
	}
	if (out->len > start && out->p[out->len - 1] == ' ')
		out->p[--out->len] = '\0';
}

void
lede_ent_key(LedeBuf *out, const char *s, size_t n)
{
	utf8proc_uint8_t *dst = NULL;
	utf8proc_ssize_t r;
	size_t i;
	LedeBuf low = {0};

	for (i = 0; i < n && !((unsigned char)s[i] & 0x80); i++)
		;
	if (i == n) {
		for (i = 0; i < n; i++)
			lede_buf_addc(&low, (char)ascii_lower((unsigned char)s[i]));
		key_tidy(out, low.p ? low.p : "", low.len);
		lede_buf_free(&low);
		return;
	}
	r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &dst,
	    UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
	    UTF8PROC_STRIPMARK);
	if (r < 0) {
		if (r == UTF8PROC_ERROR_NOMEM)
			eprintf("out of memory");
		key_tidy(out, s, n);
	} else {
		key_tidy(out, (const char *)dst, (size_t)r);
	}
	free(dst);
}

int
lede_ent_distance(const int32_t *a, size_t na, const int32_t *b, size_t nb,
    int max)
{
	int rows[3][64], *pp, *p, *c, best;
	size_t i, j;

	if (na > 63 || nb > 63)
		return max + 1;
	if ((na > nb ? na - nb : nb - na) > (size_t)max)
		return max + 1;
	pp = rows[0], p = rows[1], c = rows[2];
	for (j = 0; j <= nb; j++)
		p[j] = (int)j;
	for (i = 1; i <= na; i++) {
		int *t;

		c[0] = (int)i;
		best = c[0];
		for (j = 1; j <= nb; j++) {
			int cost = a[i - 1] != b[j - 1], v = p[j - 1] + cost;

			if (p[j] + 1 < v)
				v = p[j] + 1;
			if (c[j - 1] + 1 < v)
				v = c[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && pp[j - 2] + 1 < v)
				v = pp[j - 2] + 1;
			c[j] = v;
			if (v < best)
				best = v;
		}
		if (best > max)
			return max + 1;
		t = pp, pp = p, p = c, c = t;
	}
	return p[nb] > max ? max + 1 : p[nb];
}

/* Decode valid UTF-8 s[0..n) into *cp (grown); returns the count. */
static size_t
decode(const char *s, size_t n, int32_t **cp, size_t *ccp)
{
	size_t i = 0, k = 0;
	int len;

	if (*ccp < n + 1) {
		*ccp = n + 1;
		*cp = ereallocarray(*cp, *ccp, sizeof(**cp));
	}
	while (i < n) {
		if ((len = lede_utf8_decode(s + i, n - i, &(*cp)[k])) < 0) {
			(*cp)[k] = (unsigned char)s[i];
			len = 1;
		}
		i += (size_t)len;
		k++;
	}
	return k;
}

static int
type_class(const char *t)
{
	static const struct { const char *name; int cls; } tab[] = {
		{"CARDINAL", C_NUM}, {"DATE", C_NUM}, {"FAC", C_LOC},
		{"GPE", C_LOC}, {"LOC", C_LOC}, {"LOCATION", C_LOC},
		{"MISC", C_MISC}, {"MONEY", C_NUM}, {"ORDINAL", C_NUM},
		{"ORG", C_ORG}, {"ORGANIZATION", C_ORG}, {"PER", C_PER},
		{"PERCENT", C_NUM}, {"PERSON", C_PER}, {"QUANTITY", C_NUM},
		{"TIME", C_NUM},
	};
	size_t i;

	for (i = 0; i < LEDE_LEN(tab); i++)
		if (!strcmp(tab[i].name, t))
			return tab[i].cls;
	return C_OTHER;
}

/* Tie order of types: PER, ORG, LOC, MISC, then by bytes. */
static int
type_cmp(const char *a, const char *b)
{
	int ca = type_class(a), cb = type_class(b);

	if (ca > C_MISC)
		ca = C_OTHER;
	if (cb > C_MISC)
		cb = C_OTHER;
	if (ca != cb)
		return ca < cb ? -1 : 1;
	return strcmp(a, b);
}

/*
 * The document's type id for organisations: the first of its types of
 * that class ("ORG", or "ORGANIZATION" from a model that says so), else
 * "ORG".
 */
static long
org_type(LedeEntDoc *d)
{
	size_t i, nt = lede_dict_size(d->typed);

	for (i = 0; i < nt; i++)
		if (type_class(lede_dict_key(d->typed, (long)i, NULL)) == C_ORG)
			return (long)i;
	return lede_dict_put(d->typed, "ORG", 3, NULL);
}

/* ---- the multimap ---- */

static void
multi_reset(Multi *mm)
{
	lede_dict_free(mm->d);
	mm->d = lede_dict_new();
	mm->n = 0;
}

static void
multi_add(Multi *mm, const char *k, size_t n, long v)
{
	int added;
	long id = lede_dict_put(mm->d, k, n, &added);

	if ((size_t)id >= mm->chead) {
		mm->chead = mm->chead ? mm->chead * 2 : 256;
		if ((size_t)id >= mm->chead)
			mm->chead = (size_t)id + 1;
		mm->head = ereallocarray(mm->head, mm->chead, sizeof(*mm->head));
	}
	if (added)
		mm->head[id] = -1;
	if (mm->n == mm->c) {
		mm->c = mm->c ? mm->c * 2 : 256;
		mm->val = ereallocarray(mm->val, mm->c, sizeof(*mm->val));
		mm->next = ereallocarray(mm->next, mm->c, sizeof(*mm->next));
	}
	mm->val[mm->n] = v;
	mm->next[mm->n] = mm->head[id];
	mm->head[id] = (long)mm->n++;
}

/* First entry of key k, or -1; follow mm->next. */
static long
multi_get(const Multi *mm, const char *k, size_t n)
{
	long id = lede_dict_get(mm->d, k, n);

	return id < 0 ? -1 : mm->head[id];
}

static void
multi_free(Multi *mm)
{
	lede_dict_free(mm->d);
	free(mm->head);
	free(mm->val);
	free(mm->next);
}

/* ---- documents ---- */

LedeEntDoc *
lede_entdoc_new(void)
{
	LedeEntDoc *d = ecalloc(1, sizeof(*d));

	lede_entdoc_reset(d);
	return d;
}

static void
free_defs(LedeEntDoc *d)
{
	size_t i;

	for (i = 0; i < d->ndef; i++)
		free(d->def[i].acr);
	d->ndef = 0;
}

void
lede_entdoc_reset(LedeEntDoc *d)
{
	d->nm = d->nsent = d->ne = 0;
	free_defs(d);
	lede_dict_free(d->surfd);
	lede_dict_free(d->named);
	lede_dict_free(d->keyd);
	lede_dict_free(d->typed);
	d->surfd = lede_dict_new();
	d->named = lede_dict_new();
	d->keyd = lede_dict_new();
	d->typed = lede_dict_new();
}

void
lede_entdoc_free(LedeEntDoc *d)
{
	if (!d)
		return;
	free_defs(d);
	lede_dict_free(d->surfd);
	lede_dict_free(d->named);
	lede_dict_free(d->keyd);
	lede_dict_free(d->typed);
	free(d->m);
	free(d->sent);
	free(d->def);
	free(d->ni);
	free(d->g);
	free(d->e);
	free(d->ment);
	free(d->pool);
	free(d->poollen);
	free(d->pooln);
	free(d->cpa);
	free(d->cpb);
	lede_buf_free(&d->tmp);
	lede_buf_free(&d->tmp2);
	lede_buf_free(&d->clipa);
	free(d);
}

void
lede_entdoc_notone(LedeEntDoc *d, size_t m)
{
	if (m < d->nm)
		d->m[m].notone = 1;
}

void
lede_entdoc_ownposs(LedeEntDoc *d, size_t m)
{
	if (m < d->nm)
		d->m[m].ownposs = 1;
}

void
lede_entdoc_place(LedeEntDoc *d, size_t m)
{
	if (m < d->nm)
		d->m[m].place = 1;
}

void
lede_entdoc_sentence(LedeEntDoc *d, int tone_known, long long tone)
{
	if (d->nsent == d->csent) {
		d->csent = d->csent ? d->csent * 2 : 64;
		d->sent = ereallocarray(d->sent, d->csent, sizeof(*d->sent));
	}
	d->sent[d->nsent].known = tone_known;
	d->sent[d->nsent].tone = tone;
	d->nsent++;
}

/* Number of space-separated words of s[0..n). */
static int
nwords(const char *s, size_t n)
{
	size_t i;
	int w = n > 0;

	for (i = 0; i < n; i++)
		if (s[i] == ' ')
			w++;
	return w;
}

/* 1 when name[0..nl) starts with the article "the " and goes on. */
static int
has_article(const char *name, size_t nl)
{
	return nl > 4 && (name[0] == 't' || name[0] == 'T') &&
	    (name[1] == 'h' || name[1] == 'H') &&
	    (name[2] == 'e' || name[2] == 'E') && name[3] == ' ';
}

/*
 * Key of a name: the key of the name without a leading article, or the
 * name itself when that is empty (punctuation only).
 */
static void
name_key(LedeBuf *out, const char *name, size_t nl)
{
	size_t start = out->len, koff;

	koff = has_article(name, nl) ? 4 : 0;
	lede_ent_key(out, name + koff, nl - koff);
	if (out->len == start)
		lede_buf_add(out, name, nl);
}

/* The id of a name, its key and features computed when it is new. */
static long
name_id(LedeEntDoc *d, const char *name, size_t nl)
{
	NameInfo *ni;
	int added;
	long id = lede_dict_put(d->named, name, nl, &added);

	if ((size_t)id >= d->cni) {
		d->cni = d->cni ? d->cni * 2 : 256;
		d->ni = ereallocarray(d->ni, d->cni, sizeof(*d->ni));
	}
	ni = &d->ni[id];
	if (added) {
		ni->article = has_article(name, nl);
		lede_buf_clear(&d->tmp);
		name_key(&d->tmp, name, nl);
		ni->key = lede_dict_put(d->keyd, d->tmp.p, d->tmp.len, NULL);
		ni->nwords = nwords(d->tmp.p, d->tmp.len);
		ni->allcaps = allcaps(name, nl);
		ni->acronym = lede_ent_isacronym(name, nl);
		ni->nsp = (size_t)nwords(name, nl) - 1;
		ni->ncp = lede_utf8_count(name, nl) - ni->nsp;
	}
	return id;
}

size_t
lede_entdoc_mention(LedeEntDoc *d, const char *type, size_t typelen,
    const char *text, size_t len, long start, size_t tok)
{
	Mention *m;
	size_t n, off, nl;
	const char *name, *full;
	int cls;
	long typeid;

	if (d->nsent == 0)
		lede_entdoc_sentence(d, 0, 0);
	if (d->nm == d->cm) {
		d->cm = d->cm ? d->cm * 2 : 256;
		d->m = ereallocarray(d->m, d->cm, sizeof(*d->m));
	}
	m = &d->m[d->nm];
	m->start = start;
	m->tok = tok;
	m->sent = d->nsent - 1;
	m->next = -1;
	m->notone = 0;
	m->place = 0;
	m->ownposs = 0;
	m->surf = lede_dict_put(d->surfd, text, len, NULL);
	typeid = lede_dict_put(d->typed, type, typelen, NULL);
	m->type = typeid;
	cls = type_class(lede_dict_key(d->typed, typeid, NULL));

	/* the name: no possessive, no titles (PER) */
	n = lede_ent_unpossess(text, len);
	off = cls == C_PER ? lede_ent_untitle(text, n) : 0;
	name = text + off;
	nl = n - off;
	/* and a state's name, not its abbreviation ("Calif." -> "California") */
	if (cls == C_LOC && (full = region(name, nl))) {
		name = full;
		nl = strlen(full);
	}
	m->poss = n < len && name == text && nl == n;
	m->titled = off > 0;
	m->name = name_id(d, name, nl);
	m->group = d->ni[m->name].key;
	return d->nm++;
}

void
lede_entdoc_define(LedeEntDoc *d, size_t m, const char *acr, size_t len)
{
	if (m >= d->nm)
		return;
	if (d->ndef == d->cdef) {
		d->cdef = d->cdef ? d->cdef * 2 : 16;
		d->def = ereallocarray(d->def, d->cdef, sizeof(*d->def));
	}
	d->def[d->ndef].m = (long)m;
	d->def[d->ndef].acr = estrndup(acr, len);
	d->def[d->ndef].len = len;
	d->ndef++;
}

static long
find(Group *g, long i)
{
	long r = i, t;

	while (g[r].parent != r)
		r = g[r].parent;
	while (g[i].parent != r) {
		t = g[i].parent;
		g[i].parent = r;
		i = t;
	}
	return r;
}

static void
unite(Group *g, long a, long b)
{
	a = find(g, a);
	b = find(g, b);
	if (a == b)
		return;
	if (a < b)
		g[b].parent = a;
	else
		g[a].parent = b;
}

/* Word w (0-based; -1 = last) of s[0..n): sets *ws, returns its length. */
static size_t
word(const char *s, size_t n, int w, const char **ws)
{
	size_t i = 0, j;
	int k = 0;

	if (w < 0) {
		for (j = n; j > 0 && s[j - 1] != ' '; j--)
			;
		*ws = s + j;
		return n - j;
	}
	for (;;) {
		for (j = i; j < n && s[j] != ' '; j++)
			;
		if (k == w || j >= n) {
			*ws = s + i;
			return j - i;
		}
		i = j + 1;
		k++;
	}
}

/* Whether key s[0..n) has the word w[0..wl) ("ec commission" has "ec"). */
static int
hasword(const char *s, size_t n, const char *w, size_t wl)
{
	size_t i = 0, j;

	while (i < n) {
		for (j = i; j < n && s[j] != ' '; j++)
			;
		if (j - i == wl && !memcmp(s + i, w, wl))
			return 1;
		i = j + 1;
	}
	return 0;
}

/*
 * Length of key s[0..n) without the legal-form designators that end it
 * ("mobil corp" -> "mobil", "goldman sachs & co" -> "goldman sachs",
 * "x co ltd" -> "x"), and with bracket set without a bracketed part
 * before them too ("cheung kong (holdings) ltd" -> "cheung kong"): n when
 * it ends in none, 0 when it is all of them.
 */
static size_t
undesignate(const char *s, size_t n, int bracket)
{
	size_t end = n, ws;

	for (;;) {
		for (ws = end; ws > 0 && s[ws - 1] != ' '; ws--)
			;
		if (end < n && bracket && end - ws >= 1 && s[end - 1] == ')') {
			/* "(europe)", "(hong kong)": back to its "(" */
			while (ws > 0 && s[ws] != '(')
				for (ws--; ws > 0 && s[ws - 1] != ' '; ws--)
					;
			if (s[ws] != '(' || ws < 2)
				return end;
			bracket = 0;
			end = ws - 1;
			continue;
		}
		if (!lede_inlist(designators, LEDE_LEN(designators), s + ws,
		    end - ws))
			return end;
		/* "& co", "& cos", "& company" */
		if (ws >= 2 && !memcmp(s + ws, "co", 2) &&
		    (end - ws == 2 || end - ws == 3 || end - ws == 7) &&
		    s[ws - 2] == '&' && (ws == 2 || s[ws - 3] == ' '))
			ws -= 2;
		if (ws == 0)
			return 0;
		end = ws - 1;
	}
}

/* Initials of the words of key s[0..n) (content words only, or all). */
static void
initials(LedeBuf *out, const char *s, size_t n, int content)
{
	size_t i = 0, j;

	while (i < n) {
		for (j = i; j < n && s[j] != ' '; j++)
			;
		if (!content || !lede_inlist(minor, LEDE_LEN(minor), s + i, j - i)) {
			int32_t cp;
			int len = lede_utf8_decode(s + i, j - i, &cp);

			lede_buf_add(out, s + i, len > 0 ? (size_t)len : 1);
		}
		i = j + 1;
	}
}

/*
 * Last words whose "s" does not make a plural of another name: the
 * Treasury's bonds are "Treasuries", "The Times" is not "Time", "AIDS"
 * (or "Aids") is not "Aid" (folded; sorted).
 */
static const char *const notplural[] = {
	"aids", "news", "times", "treasuries",
};

/*
 * How key s[0..n) ends in a plural: the bytes to cut off its last word
 * ("lib dems": 1; "tories": 3, and *y set, for "tory"), or 0.  The last
 * word ends in "s" and has four letters or more (not "ss"), or in "ies"
 * and five or more, and is not in notplural.
 */
static size_t
plural_cut(const char *s, size_t n, int *y)
{
	const char *l;
	size_t ll, cut;

	*y = 0;
	if (n < 4 || s[n - 1] != 's' || s[n - 2] == 's')
		return 0;
	ll = word(s, n, -1, &l);
	if (ll >= 5 && !memcmp(l + ll - 3, "ies", 3)) {
		*y = 1;
		cut = 3;
	} else {
		cut = ll >= 4;
	}
	if (cut && lede_inlist(notplural, LEDE_LEN(notplural), l, ll)) {
		*y = 0;
		return 0;
	}
	return cut;
}

/* Key s[0..n) with its last word in the singular (plural_cut), to out. */
static void
singular(LedeBuf *out, const char *s, size_t n)
{
	int y;
	size_t cut = plural_cut(s, n, &y);

	lede_buf_clear(out);
	lede_buf_add(out, s, n - cut);
	if (y)
		lede_buf_addc(out, 'y');
}

/* Whether key p[0..pn) is the plural of key s[0..sn) ("tories", "tory"). */
static int
plural_of(const char *p, size_t pn, const char *s, size_t sn)
{
	int y;
	size_t cut = plural_cut(p, pn, &y);

	return cut && pn - cut + (size_t)y == sn && !memcmp(p, s, pn - cut) &&
	    (!y || s[sn - 1] == 'y');
}

/*
 * Whether the name s[0..n) ends in a lower-case plural "s" ("Lib Dems",
 * "Tories"), so that the "S" of an acronym ("SAS", "CBS") is not taken
 * for one; with acr, after an acronym ("LCDs" beside "LCD", but not
 * "Texas" beside "TEX.A").
 */
static int
plural_name(const char *s, size_t n, int acr)
{
	return n >= 2 && s[n - 1] == 's' && s[n - 2] >= 'a' && s[n - 2] <= 'z' ?
	    !acr : n >= 2 && s[n - 1] == 's' && lede_ent_isacronym(s, n - 1);
}

/* Whether every mention of group g is named by an acronym ("TEX.A"). */
static int
acronym_only(const LedeEntDoc *d, const Group *g)
{
	long m;

	for (m = g->first; m >= 0; m = d->m[m].next)
		if (!d->ni[d->m[m].name].acronym)
			return 0;
	return 1;
}

/* Whether some mention of group g has a plural_name. */
static int
plural_written(const LedeEntDoc *d, const Group *g, int acr)
{
	long m;
	size_t nl;
	const char *name;

	for (m = g->first; m >= 0; m = d->m[m].next) {
		name = lede_dict_key(d->named, d->m[m].name, &nl);
		if (plural_name(name, nl, acr))
			return 1;
	}
	return 0;
}

/*
 * Whether the words of key a[0..an) are, one for one, those of key
 * b[0..bn) or their first three bytes (both keys singular): "lib dem"
 * of "liberal democrat", "united air" of "united airline".  One word at
 * least is cut, and a word is cut only from six bytes or more; "us bank"
 * is not "us bankers" (four bytes), "bbc news" not "bbc newsnight"
 * ("news" is no plural).
 */
static int
clipped(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i = 0, j = 0, ie, je;
	int cut = 0;

	while (i < an && j < bn) {
		for (ie = i; ie < an && a[ie] != ' '; ie++)
			;
		for (je = j; je < bn && b[je] != ' '; je++)
			;
		if (ie - i > je - j || memcmp(a + i, b + j, ie - i))
			return 0;
		if (ie - i < je - j) {
			if (ie - i != 3 || je - j < 6)
				return 0;
			cut = 1;
		}
		i = ie + 1;
		j = je + 1;
	}
	return cut && i >= an && j >= bn;
}

/* Whether key s[0..n) has a word of lo to hi bytes. */
static int
wordlen(const char *s, size_t n, size_t lo, size_t hi)
{
	size_t i = 0, j;

	for (;;) {
		for (j = i; j < n && s[j] != ' '; j++)
			;
		if (j - i >= lo && j - i <= hi)
			return 1;
		if (j >= n)
			return 0;
		i = j + 1;
	}
}

/*
 * Whether key s[0..n) has a word that rule 8 may find cut: one of three
 * bytes, or a last one of four ending in "s" ("lib dems").
 */
static int
cuttable(const char *s, size_t n)
{
	const char *l;

	return wordlen(s, n, 3, 3) || (word(s, n, -1, &l) == 4 && l[3] == 's');
}

/* The index key of rule 8: two bytes of each word of key s[0..n). */
static void
clip_sig(LedeBuf *out, const char *s, size_t n)
{
	size_t i = 0, j;

	lede_buf_clear(out);
	while (i < n) {
		for (j = i; j < n && s[j] != ' '; j++)
			;
		if (out->len)
			lede_buf_addc(out, ' ');
		lede_buf_add(out, s + i, j - i < 2 ? j - i : 2);
		i = j + 1;
	}
}

/* Whether rule 8 joins names of type class cls: organisations, things. */
static int
clip_class(int cls)
{
	return cls == C_ORG || cls == C_MISC || cls == C_OTHER;
}

/* A group that rule 8 may join: a name of an organisation or a thing. */
static int
clip_joins(const Group *g)
{
	return clip_class(g->cls) && !g->place;
}

/*
 * The distinct roots, other than self's, of the groups on the list
 * starting at entry e that pass the filter; returns their number (0, 1 or
 * 2 meaning "more than one") and the one in *root.
 */
static int
roots(LedeEntDoc *d, const Multi *mm, long e, long self, int cls, int minwords,
    long *root)
{
	long sr = find(d->g, self), r;
	int k = 0;

	for (; e >= 0; e = mm->next[e]) {
		const Group *g = &d->g[mm->val[e]];

		if (cls >= 0 && g->cls != cls)
			continue;
		if (cls == -2 && (g->cls == C_PER) != (d->g[self].cls == C_PER))
			continue;
		if (g->cls == C_NUM || g->nwords < minwords)
			continue;
		r = find(d->g, mm->val[e]);
		if (r == sr)
			continue;
		if (k == 0) {
			*root = r;
			k = 1;
		} else if (r != *root) {
			return 2;
		}
	}
	return k;
}

/*
 * Whether a group on the list starting at entry e, of at least minwords
 * words, already shares self's root: an acronym that a definition in
 * parentheses joined to its expansion has its name.
 */
static int
hasself(LedeEntDoc *d, const Multi *mm, long e, long self, int minwords)
{
	long sr = find(d->g, self);

	for (; e >= 0; e = mm->next[e])
		if (d->g[mm->val[e]].nwords >= minwords &&
		    find(d->g, mm->val[e]) == sr)
			return 1;
	return 0;
}

static int
cmp_longer(const void *a, const void *b, void *arg)
{
	const Group *g = arg;
	long x = *(const long *)a, y = *(const long *)b;

	if (g[x].nwords != g[y].nwords)
		return g[x].nwords > g[y].nwords ? -1 : 1;
	return x < y ? -1 : x > y;
}

/* A merge sort with a context argument, which qsort lacks in C11. */
static void
sort_ctx(long *a, size_t n, int (*cmp)(const void *, const void *, void *),
    void *arg, long *tmp)
{
	size_t mid, i, j, k;

	if (n < 2)
		return;
	mid = n / 2;
	sort_ctx(a, mid, cmp, arg, tmp);
	sort_ctx(a + mid, n - mid, cmp, arg, tmp);
	for (i = 0, j = mid, k = 0; i < mid && j < n;)
		tmp[k++] = cmp(&a[j], &a[i], arg) < 0 ? a[j++] : a[i++];
	while (i < mid)
		tmp[k++] = a[i++];
	while (j < n)
		tmp[k++] = a[j++];
	memcpy(a, tmp, n * sizeof(*a));
}

static void
build_groups(LedeEntDoc *d)
{
	size_t ng = lede_dict_size(d->keyd), nt = lede_dict_size(d->typed), i;
	long *tcount, *touched;
	size_t ntouched;

	if (ng > d->cg) {
		d->cg = ng;
		d->g = ereallocarray(d->g, d->cg, sizeof(*d->g));
	}
	for (i = 0; i < ng; i++) {
		d->g[i].parent = (long)i;
		d->g[i].first = d->g[i].last = -1;
		d->g[i].acronym = 0;
		d->g[i].place = 0;
		d->g[i].titled = 0;
		d->g[i].desig = 0;
	}
	for (i = 0; i < d->nm; i++) {
		Group *g = &d->g[d->m[i].group];

		if (g->first < 0)
			g->first = (long)i;
		else
			d->m[g->last].next = (long)i;
		g->last = (long)i;
		if (d->ni[d->m[i].name].acronym)
			g->acronym = 1;
		if (d->m[i].place)
			g->place = 1;
		if (d->m[i].titled)
			g->titled = 1;
	}
	/* majority type of each group */
	tcount = ecalloc(nt, sizeof(*tcount));
	touched = ecalloc(nt, sizeof(*touched));
	for (i = 0; i < ng; i++) {
		Group *g = &d->g[i];
		long m, best = -1, place = -1;
		size_t k, klen;
		const char *key = lede_dict_key(d->keyd, (long)i, &klen);

		ntouched = 0;
		for (m = g->first; m >= 0; m = d->m[m].next) {
			long t = d->m[m].type;

			if (tcount[t]++ == 0)
				touched[ntouched++] = t;
			if (d->m[m].place && place < 0)
				place = t;
		}
		for (k = 0; k < ntouched; k++) {
			long t = touched[k];

			if (place >= 0)
				best = place;	/* a dateline names a place */
			else if (best < 0 || tcount[t] > tcount[best] ||
			    (tcount[t] == tcount[best] &&
			    type_cmp(lede_dict_key(d->typed, t, NULL),
			    lede_dict_key(d->typed, best, NULL)) < 0))
				best = t;
		}
		for (k = 0; k < ntouched; k++)
			tcount[touched[k]] = 0;
		g->type = best;
		/* a key that no mention has any more (keep_possessives) joins nothing */
		g->cls = best < 0 ? C_NUM :
		    type_class(lede_dict_key(d->typed, best, NULL));
		g->nwords = nwords(key, klen);
		/*
		 * a name that ends in a legal-form designator is a company,
		 * whatever the tagger said ("Sara Lee Corp" PER, "Vulcan Corp"
		 * MISC), unless it is a dateline's place
		 */
		g->corp = 0;
		if (g->cls <= C_MISC && place < 0) {
			size_t b = undesignate(key, klen, 0);

			if (b > 0 && b < klen) {
				g->corp = 1;
				if (g->cls != C_ORG) {
					g->cls = C_ORG;
					g->type = org_type(d);
				}
			}
		}
	}
	free(tcount);
	free(touched);
}

/* Index group g under namespace ns and key s[0..n). */
static void
index_key(LedeEntDoc *d, Multi *mm, char ns, const char *s, size_t n, long g)
{
	lede_buf_clear(&d->tmp);
	lede_buf_addc(&d->tmp, ns);
	lede_buf_add(&d->tmp, s, n);
	multi_add(mm, d->tmp.p, d->tmp.len, g);
}

static long
lookup(LedeEntDoc *d, const Multi *mm, char ns, const char *s, size_t n)
{
	lede_buf_clear(&d->tmp);
	lede_buf_addc(&d->tmp, ns);
	lede_buf_add(&d->tmp, s, n);
	return multi_get(mm, d->tmp.p, d->tmp.len);
}


/*
 * Well-known acronyms whose letters are not the initials of the English
 * name that news text gives them (rule 7 of docs/ENTITIES.md), as keys
 * (lede_ent_key): sorted by acronym, an acronym may have several names.
 */
static const Abbr known_acr[] = {
	{"afp", "agence france presse"},
	{"asean", "association of southeast asian nations"},
	{"atf", "bureau of alcohol tobacco firearms and explosives"},
	{"bnd", "federal intelligence service"},
	{"cdc", "centers for disease control"},
	{"cdc", "centers for disease control and prevention"},
	{"cern", "european organization for nuclear research"},
	{"dgse", "directorate general for external security"},
	{"dod", "defense department"},
	{"doj", "justice department"},
	{"dpa", "deutsche presse agentur"},
	{"dpa", "german press agency"},
	{"ecowas", "economic community of west african states"},
	{"farc", "revolutionary armed forces of colombia"},
	{"fia", "international automobile federation"},
	{"fifa", "international federation of association football"},
	{"fsb", "federal security service"},
	{"gop", "republican party"},
	{"gru", "main intelligence directorate"},
	{"irgc", "revolutionary guard"},
	{"irgc", "revolutionary guards"},
	{"is", "islamic state"},
	{"isil", "islamic state"},
	{"isis", "islamic state"},
	{"kgb", "committee for state security"},
	{"mi6", "secret intelligence service"},
	{"msf", "doctors without borders"},
	{"msf", "medecins sans frontieres"},
	{"pkk", "kurdistan workers' party"},
	{"pyd", "democratic union party"},
	{"sbu", "security service of ukraine"},
	{"spd", "social democratic party"},
	{"svr", "foreign intelligence service"},
	{"unhcr", "un refugee agency"},
	{"unicef", "united nations children's fund"},
	{"wwf", "world wide fund for nature"},
	{"ypg", "people's protection units"},
};

/* First row of known_acr for the acronym key k[0..n), or -1. */
static long
known_first(const char *k, size_t n)
{
	return abbr_first(known_acr, LEDE_LEN(known_acr), k, n);
}

/*
 * Whether the name of group g may join "g Corp" (rule 2): a name of any
 * type, for the tagger takes many a company for a person or a place
 * ("Chrysler" PER, "Western Union" LOC); but a person named with a title
 * ("Mr. Dale Burdett") is a person, a place of one word a place
 * ("Canada" beside a "Canada Ltd" cut from "Chrysler Canada Ltd",
 * "Alabama", "U.S."), and a wire dateline's place the town.
 */
static int
desig_joins(const Group *g)
{
	if (g->cls == C_NUM || g->place)
		return 0;
	if (g->cls == C_PER)
		return !g->titled;
	if (g->cls == C_LOC)
		return g->nwords >= 2;
	return 1;
}

/*
 * Rule 8 of docs/ENTITIES.md, plurals and clipped words, for
 * organisations and things: "Lib Dem" and "Lib Dems" are one entity (a
 * plural joins its singular), and so are "Lib Dems" and "Liberal
 * Democrats" (each word the other's or its first three letters).
 */
static void
plurals(LedeEntDoc *d, Multi *mm)
{
	size_t ng = lede_dict_size(d->keyd), i;

	for (i = 0; i < ng; i++) {
		const Group *g = &d->g[i];
		size_t n;
		const char *k;
		long x;
		int y;

		if (!clip_joins(g))
			continue;
		k = lede_dict_key(d->keyd, (long)i, &n);
		if (!plural_cut(k, n, &y))
			continue;
		singular(&d->tmp2, k, n);
		if ((x = lede_dict_get(d->keyd, d->tmp2.p, d->tmp2.len)) >= 0 &&
		    clip_joins(&d->g[x]) &&
		    plural_written(d, g, acronym_only(d, &d->g[x])))
			unite(d->g, (long)i, x);
	}
	/* the clipped words: only names with a word of three bytes look */
	for (i = 0; i < ng; i++) {
		size_t n;
		const char *k = lede_dict_key(d->keyd, (long)i, &n);

		if (clip_joins(&d->g[i]) && d->g[i].nwords >= 2 &&
		    cuttable(k, n))
			break;
	}
	for (i = i < ng ? 0 : ng; i < ng; i++) {
		size_t n;
		const char *k;

		if (!clip_joins(&d->g[i]) || d->g[i].nwords < 2)
			continue;
		k = lede_dict_key(d->keyd, (long)i, &n);
		if (!wordlen(k, n, 6, n))
			continue;
		singular(&d->tmp2, k, n);
		clip_sig(&d->clipa, d->tmp2.p, d->tmp2.len);
		index_key(d, mm, 'C', d->clipa.p, d->clipa.len, (long)i);
	}
	for (i = 0; i < ng; i++) {
		size_t n, bn;
		const char *k, *b;
		long e, r, sr, cand = -1;
		int amb = 0;

		if (!clip_joins(&d->g[i]) || d->g[i].nwords < 2)
			continue;
		k = lede_dict_key(d->keyd, (long)i, &n);
		if (!cuttable(k, n))
			continue;
		singular(&d->clipa, k, n);
		clip_sig(&d->tmp2, d->clipa.p, d->clipa.len);
		e = lookup(d, mm, 'C', d->tmp2.p, d->tmp2.len);
		sr = find(d->g, (long)i);
		for (; e >= 0 && !amb; e = mm->next[e]) {
			b = lede_dict_key(d->keyd, mm->val[e], &bn);
			singular(&d->tmp2, b, bn);
			if (!clipped(d->clipa.p, d->clipa.len, d->tmp2.p,
			    d->tmp2.len) || (r = find(d->g, mm->val[e])) == sr)
				continue;
			if (cand < 0)
				cand = r;
			else if (cand != r)
				amb = 1;
		}
		if (cand >= 0 && !amb)
			unite(d->g, (long)i, cand);
	}
}

static void
merge_rules(LedeEntDoc *d)
{
	size_t ng = lede_dict_size(d->keyd), i;
	long *order, *tmp, root;
	Multi mm = {0};

	multi_reset(&mm);
	for (i = 0; i < ng; i++) {
		const Group *g = &d->g[i];
		size_t n, fl, ll;
		const char *k = lede_dict_key(d->keyd, (long)i, &n), *f, *l;
		int w;

		if (g->cls == C_NUM || g->nwords < 2)
			continue;
		fl = word(k, n, 0, &f);
		ll = word(k, n, -1, &l);
		if (g->cls == C_PER) {
			index_key(d, &mm, 'L', l, ll, (long)i);
			index_key(d, &mm, 'F', f, fl, (long)i);
			if (g->nwords >= 3) {
				lede_buf_clear(&d->tmp2);
				lede_buf_add(&d->tmp2, f, fl);
				lede_buf_addc(&d->tmp2, ' ');
				lede_buf_add(&d->tmp2, l, ll);
				index_key(d, &mm, 'B', d->tmp2.p, d->tmp2.len, (long)i);
			}
		}
		if (g->cls == C_ORG) {
			const char *p = k;
			size_t b = undesignate(k, n, 0), bb;

			if (b > 0 && b < n)
				index_key(d, &mm, 'D', k, b, (long)i);
			/* "Cheung Kong (Holdings) Ltd": used when no 'D' is */
			if (b > 0 && b < n && memchr(k, ')', b) &&
			    (bb = undesignate(k, n, 1)) != b && bb > 0)
				index_key(d, &mm, 'E', k, bb, (long)i);

			for (w = 1; w < g->nwords; w++) {
				p = memchr(p, ' ', n - (size_t)(p - k));
				index_key(d, &mm, 'P', k, (size_t)(p - k), (long)i);
				p++;
			}
		}
		/*
		 * the initials of the words, as an acronym would be written; not
		 * when the name holds them ("EC Commission" is no expansion of EC)
		 */
		lede_buf_clear(&d->tmp2);
		initials(&d->tmp2, k, n, 1);
		if (d->tmp2.len && !hasword(k, n, d->tmp2.p, d->tmp2.len))
			index_key(d, &mm, 'I', d->tmp2.p, d->tmp2.len, (long)i);
		lede_buf_clear(&d->tmp);
		initials(&d->tmp, k, n, 0);
		if ((d->tmp.len != d->tmp2.len || memcmp(d->tmp.p, d->tmp2.p, d->tmp.len)) &&
		    !hasword(k, n, d->tmp.p, d->tmp.len)) {
			lede_buf_clear(&d->tmp2);
			lede_buf_add(&d->tmp2, d->tmp.p, d->tmp.len);
			index_key(d, &mm, 'I', d->tmp2.p, d->tmp2.len, (long)i);
		}
	}

	/* (1) definitions in parentheses: "Federal Security Service (FSB)" */
	for (i = 0; i < d->ndef; i++) {
		long g = d->m[d->def[i].m].group, a;
		size_t n;
		const char *k = lede_dict_key(d->keyd, g, &n);

		if (d->g[g].cls == C_NUM || d->g[g].nwords < 2)
			continue;
		lede_buf_clear(&d->tmp);
		lede_ent_key(&d->tmp, d->def[i].acr, d->def[i].len);
		if ((a = lede_dict_get(d->keyd, d->tmp.p, d->tmp.len)) < 0 ||
		    d->g[a].cls == C_NUM)
			continue;
		/*
		 * plausible: the acronym starts as the first content word does,
		 * or it is the initials of the last words ("U.S. International
		 * Trade Commission (ITC)")
		 */
		lede_buf_clear(&d->tmp2);
		initials(&d->tmp2, k, n, 1);
		if (d->tmp.len == 0 || d->tmp2.len == 0 || (d->tmp.p[0] != d->tmp2.p[0] &&
		    !(d->tmp2.len > d->tmp.len && !memcmp(d->tmp2.p + d->tmp2.len -
		    d->tmp.len, d->tmp.p, d->tmp.len))))
			continue;
		unite(d->g, g, a);
	}

	/*
	 * (2) legal-form designators: "Mobil" is "Mobil Corp" even beside
	 * "Mobil Chemical Co", "USX" is "USX Corp"; such a name then takes
	 * part in no later rule as the shorter name
	 */
	for (i = 0; i < ng; i++) {
		Group *g = &d->g[i];
		size_t n;
		const char *k;
		long e;
		int r;

		if (!desig_joins(g))
			continue;
		k = lede_dict_key(d->keyd, (long)i, &n);
		e = lookup(d, &mm, 'D', k, n);
		r = roots(d, &mm, e, (long)i, C_ORG, g->nwords + 1, &root);
		if (r == 0) {
			/* a bracketed part too: "Cheung Kong (Holdings) Ltd" */
			e = lookup(d, &mm, 'E', k, n);
			r = roots(d, &mm, e, (long)i, C_ORG, g->nwords + 1,
			    &root);
		}
		if (r != 1)
			continue;
		g->desig = 1;
		unite(d->g, (long)i, root);
	}

	order = ecalloc(ng ? ng : 1, sizeof(*order));
	tmp = ecalloc(ng ? ng : 1, sizeof(*tmp));
	for (i = 0; i < ng; i++)
		order[i] = (long)i;
	sort_ctx(order, ng, cmp_longer, d->g, tmp);

	/* (3) PER: a name with a middle part left out ("George Bush") */
	for (i = 0; i < ng; i++) {
		long gi = order[i], e;
		const Group *g = &d->g[gi];
		size_t n, fl, ll;
		const char *k, *f, *l;

		if (g->cls != C_PER || g->nwords < 2 || g->desig)
			continue;
		k = lede_dict_key(d->keyd, gi, &n);
		fl = word(k, n, 0, &f);
		ll = word(k, n, -1, &l);
		lede_buf_clear(&d->tmp2);
		lede_buf_add(&d->tmp2, f, fl);
		lede_buf_addc(&d->tmp2, ' ');
		lede_buf_add(&d->tmp2, l, ll);
		e = lookup(d, &mm, 'B', d->tmp2.p, d->tmp2.len);
		if (roots(d, &mm, e, gi, C_PER, g->nwords + 1, &root) == 1)
			unite(d->g, gi, root);
	}
	/* (4) PER: a surname (or a first name) alone */
	for (i = 0; i < ng; i++) {
		long gi = order[i], e;
		const Group *g = &d->g[gi];
		size_t n;
		const char *k;
		int r;

		if (g->cls != C_PER || g->nwords != 1 || g->desig)
			continue;
		k = lede_dict_key(d->keyd, gi, &n);
		e = lookup(d, &mm, 'L', k, n);
		r = roots(d, &mm, e, gi, C_PER, 2, &root);
		if (r == 0) {
			e = lookup(d, &mm, 'F', k, n);
			r = roots(d, &mm, e, gi, C_PER, 2, &root);
		}
		if (r == 1)
			unite(d->g, gi, root);
	}
	/* (5) ORG: a leading part of a longer name ("Atlantic Tidal") */
	for (i = 0; i < ng; i++) {
		long gi = order[i], e;
		const Group *g = &d->g[gi];
		size_t n;
		const char *k;

		if (g->cls != C_ORG || (g->nwords == 1 && g->acronym) || g->desig)
			continue;
		k = lede_dict_key(d->keyd, gi, &n);
		e = lookup(d, &mm, 'P', k, n);
		if (roots(d, &mm, e, gi, C_ORG, g->nwords + 1, &root) == 1)
			unite(d->g, gi, root);
	}
	/* (6) acronyms: the initials of the words ("EIB") */
	for (i = 0; i < ng; i++) {
		long gi = order[i], e;
		const Group *g = &d->g[gi];
		size_t n;
		const char *k;

		if (g->cls == C_NUM || g->nwords != 1 || !g->acronym || g->desig)
			continue;
		k = lede_dict_key(d->keyd, gi, &n);
		e = lookup(d, &mm, 'I', k, n);
		/* "European Community (EC)": EC does not also join "European Court" */
		if (roots(d, &mm, e, gi, -2, 2, &root) == 1 && !hasself(d, &mm, e, gi, 2))
			unite(d->g, gi, root);
	}
	/*
	 * (7) well-known acronyms ("FSB" and "Federal Security Service"): an
	 * acronym that no rule has joined to a name joins the name of the
	 * table that the document has, when exactly one entity has such names
	 */
	for (i = 0; i < ng; i++) {
		const Group *g = &d->g[i];
		long r, cand = -1, x;
		size_t n, j;
		const char *k;
		int amb = 0, alone = 1;

		if (g->cls == C_NUM || g->cls == C_PER || g->nwords != 1 ||
		    !g->acronym || g->desig)
			continue;
		k = lede_dict_key(d->keyd, (long)i, &n);
		if ((r = known_first(k, n)) < 0)
			continue;
		for (j = 0; j < ng && alone; j++)
			if (j != i && find(d->g, (long)j) == find(d->g, (long)i) &&
			    d->g[j].nwords > 1)
				alone = 0;
		if (!alone)
			continue;
		for (j = (size_t)r; j < LEDE_LEN(known_acr) &&
		    !strcmp(known_acr[j].abbr, known_acr[r].abbr); j++) {
			x = lede_dict_get(d->keyd, known_acr[j].name,
			    strlen(known_acr[j].name));
			if (x < 0 || d->g[x].cls == C_NUM || d->g[x].cls == C_PER)
				continue;
			x = find(d->g, x);
			if (cand < 0)
				cand = x;
			else if (cand != x)
				amb = 1;
		}
		if (cand >= 0 && !amb)
			unite(d->g, (long)i, cand);
	}
	/* (8) plurals and clipped words */
	plurals(d, &mm);
	free(order);
	free(tmp);
	multi_free(&mm);
}

/* Whether one of the keys k1 and k2 is the plural of the other. */
static int
plural_pair(const LedeEntDoc *d, long k1, long k2)
{
	size_t n1, n2;
	const char *s1 = lede_dict_key(d->keyd, k1, &n1);
	const char *s2 = lede_dict_key(d->keyd, k2, &n2);

	if (n1 + 1 != n2 && n2 + 1 != n1 && n1 + 2 != n2 && n2 + 2 != n1)
		return 0;
	return plural_of(s1, n1, s2, n2) || plural_of(s2, n2, s1, n1);
}

/* Canonical name order: the fullest first. */
static int
name_better(const LedeEntDoc *d, long a, long na, long fa, long b, long nb, long fb)
{
	const NameInfo *x = &d->ni[a], *y = &d->ni[b];

	if (x->nwords != y->nwords)
		return x->nwords > y->nwords;
	if (x->article != y->article)
		return !x->article;
	if (x->allcaps != y->allcaps)
		return !x->allcaps;
	/* "Tory" and "Tories", "Grand Slam" and "Grand Slams": the more used */
	if (na != nb && x->key != y->key && plural_pair(d, x->key, y->key))
		return na > nb;
	if (x->ncp != y->ncp)
		return x->ncp > y->ncp;
	if (x->nsp != y->nsp)
		return x->nsp < y->nsp;
	if (na != nb)
		return na > nb;
	return fa < fb;
}

typedef struct {
	long ent, id, first, count;
} Tally;

static int
tally_cmp(const void *a, const void *b)
{
	const Tally *x = a, *y = b;

	if (x->ent != y->ent)
		return x->ent < y->ent ? -1 : 1;
	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return (x->first > y->first) - (x->first < y->first);
}

/* Within an entity: by count (descending), then first occurrence. */
static int
tally_rank(const void *a, const void *b)
{
	const Tally *x = a, *y = b;

	if (x->ent != y->ent)
		return x->ent < y->ent ? -1 : 1;
	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return (x->first > y->first) - (x->first < y->first);
}

/* Collapse sorted (ent, id, first) rows into counts; returns the new n. */
static size_t
tally_collapse(Tally *t, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		if (k > 0 && t[k - 1].ent == t[i].ent && t[k - 1].id == t[i].id) {
			t[k - 1].count++;
			continue;
		}
		t[k] = t[i];
		t[k].count = 1;
		k++;
	}
	return k;
}

static int
entity_cmp(const void *a, const void *b)
{
	const LedeEntity *x = a, *y = b;

	if (x->mentions != y->mentions)
		return x->mentions > y->mentions ? -1 : 1;
	return (x->tok > y->tok) - (x->tok < y->tok);
}

typedef struct {
	long a, b;
} Pair;

static int
pair_cmp(const void *x, const void *y)
{
	const Pair *p = x, *q = y;

	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	return (p->b > q->b) - (p->b < q->b);
}

/* Near-miss test of code points a and b: 1..1 edits, or 1..2 from 8 on. */
static int
near(const int32_t *a, size_t na, const int32_t *b, size_t nb)
{
	size_t mn = na < nb ? na : nb;
	int max, dist;

	if (mn < 5)
		return 0;
	max = mn >= 8 ? 2 : 1;
	dist = lede_ent_distance(a, na, b, nb, max);
	return dist >= 1 && dist <= max;
}

/* Candidate pairs of near-misspellings are found through shared variants. */
typedef struct {
	Multi *mm;
	long ent;
	int query;
	Pair *pairs;
	size_t np, cp;
	long *seen;
} Probe;

/* Add the key in d->tmp to the index, or look it up for candidates. */
static void
probe(LedeEntDoc *d, Probe *pr)
{
	long e;

	if (!pr->query) {
		multi_add(pr->mm, d->tmp.p, d->tmp.len, pr->ent);
		return;
	}
	for (e = multi_get(pr->mm, d->tmp.p, d->tmp.len); e >= 0; e = pr->mm->next[e]) {
		long f = pr->mm->val[e];

		if (f == pr->ent || pr->seen[f] == pr->ent)
			continue;
		pr->seen[f] = pr->ent;
		if (pr->np == pr->cp) {
			pr->cp = pr->cp ? pr->cp * 2 : 16;
			pr->pairs = ereallocarray(pr->pairs, pr->cp, sizeof(*pr->pairs));
		}
		pr->pairs[pr->np++] = (Pair){pr->ent, f};
	}
}

/*
 * The deletion variants of the word s[0..n): itself, less one code point,
 * and less two from 8 code points on.  Two words within the near-miss
 * distance share a variant (a symmetric-deletion index).
 */
static void
variants(LedeEntDoc *d, Probe *pr, char ns, const char *s, size_t n)
{
	size_t b[65], ncp = 0, i, j, k;
	int32_t cp;
	int len;

	for (k = 0; k < n && ncp < 64; k += (size_t)len) {
		if ((len = lede_utf8_decode(s + k, n - k, &cp)) < 0)
			len = 1;
		b[ncp++] = k;
	}
	if (k < n || ncp < 5)
		return;	/* too long or too short to be flagged */
	b[ncp] = n;
	lede_buf_clear(&d->tmp);
	lede_buf_addc(&d->tmp, ns);
	lede_buf_add(&d->tmp, s, n);
	probe(d, pr);
	for (i = 0; i < ncp; i++) {
		lede_buf_clear(&d->tmp);
		lede_buf_addc(&d->tmp, ns);
		lede_buf_add(&d->tmp, s, b[i]);
		lede_buf_add(&d->tmp, s + b[i + 1], n - b[i + 1]);
		probe(d, pr);
	}
	if (ncp < 8)
		return;
	for (i = 0; i < ncp; i++) {
		for (j = i + 1; j < ncp; j++) {
			lede_buf_clear(&d->tmp);
			lede_buf_addc(&d->tmp, ns);
			lede_buf_add(&d->tmp, s, b[i]);
			lede_buf_add(&d->tmp, s + b[i + 1], b[j] - b[i + 1]);
			lede_buf_add(&d->tmp, s + b[j + 1], n - b[j + 1]);
			probe(d, pr);
		}
	}
}

/* The full name k[0..n) with word w left blank, for pairs differing there. */
static void
blanks(LedeEntDoc *d, Probe *pr, const char *k, size_t n, int nw)
{
	int w;
	const char *x;
	size_t xl;

	for (w = 0; w < nw; w++) {
		xl = word(k, n, w, &x);
		if (lede_utf8_count(x, xl) < 5)
			continue;	/* words this short are never flagged */
		lede_buf_clear(&d->tmp);
		lede_buf_printf(&d->tmp, "M%d ", nw);
		lede_buf_add(&d->tmp, k, (size_t)(x - k));
		lede_buf_addc(&d->tmp, '\x01');
		lede_buf_add(&d->tmp, x + xl, n - (size_t)(x + xl - k));
		probe(d, pr);
	}
}

/* Near-misspelled PER entities: pairs (a, b) of entity indices. */
static size_t
near_misses(LedeEntDoc *d, Pair **out)
{
	Multi mm = {0};
	Probe pr = {0};
	Pair *pairs = NULL;
	size_t npairs = 0, i, n, ca, cb;
	long *seen;

	*out = NULL;
	multi_reset(&mm);
	seen = emalloc((d->ne ? d->ne : 1) * sizeof(*seen));
	for (i = 0; i < d->ne; i++)
		seen[i] = -1;
	pr.mm = &mm;
	pr.seen = seen;
	for (pr.query = 0; pr.query < 2; pr.query++) {
		for (i = 0; i < d->ne; i++) {
			const LedeEntity *e = &d->e[i];
			const char *k = e->key, *w;
			size_t kl = strlen(k), wl;
			int nw;

			if (type_class(e->type) != C_PER)
				continue;
			pr.ent = (long)i;
			if ((nw = nwords(k, kl)) == 1) {
				variants(d, &pr, '1', k, kl);
				if (pr.query)
					variants(d, &pr, 'W', k, kl);
				continue;
			}
			blanks(d, &pr, k, kl, nw);
			if (pr.query)
				continue;
			wl = word(k, kl, 0, &w);
			variants(d, &pr, 'W', w, wl);
			wl = word(k, kl, -1, &w);
			variants(d, &pr, 'W', w, wl);
		}
	}
	/* verify the candidates */
	for (i = 0; i < pr.np; i++) {
		const LedeEntity *a = &d->e[pr.pairs[i].a], *b = &d->e[pr.pairs[i].b];
		size_t al = strlen(a->key), bl = strlen(b->key), wl;
		int aw = nwords(a->key, al), bw = nwords(b->key, bl), hit = 0;
		const char *w;

		ca = decode(a->key, al, &d->cpa, &d->ccpa);
		if (aw == 1 && bw == 1) {
			cb = decode(b->key, bl, &d->cpb, &d->ccpb);
			hit = near(d->cpa, ca, d->cpb, cb);
		} else if (aw == bw) {
			/* two full names: one word differs, and nearly */
			int k, diff = -1;
			const char *x, *y;
			size_t xl, yl;

			for (k = 0; k < aw; k++) {
				xl = word(a->key, al, k, &x);
				yl = word(b->key, bl, k, &y);
				if (xl != yl || memcmp(x, y, xl)) {
					if (diff >= 0)
						break;
					diff = k;
				}
			}
			if (k == aw && diff >= 0) {
				xl = word(a->key, al, diff, &x);
				yl = word(b->key, bl, diff, &y);
				ca = decode(x, xl, &d->cpa, &d->ccpa);
				cb = decode(y, yl, &d->cpb, &d->ccpb);
				hit = near(d->cpa, ca, d->cpb, cb);
			}
		} else if (aw == 1 || bw == 1) {
			/* a is the single word */
			if (aw != 1) {
				const LedeEntity *t = a;

				a = b, b = t;
				al = strlen(a->key), bl = strlen(b->key);
				ca = decode(a->key, al, &d->cpa, &d->ccpa);
			}
			wl = word(b->key, bl, -1, &w);
			cb = decode(w, wl, &d->cpb, &d->ccpb);
			hit = near(d->cpa, ca, d->cpb, cb);
			wl = word(b->key, bl, 0, &w);
			cb = decode(w, wl, &d->cpb, &d->ccpb);
			hit = hit || near(d->cpa, ca, d->cpb, cb);
		}
		if (!hit)
			continue;
		pairs = ereallocarray(pairs, npairs + 2, sizeof(*pairs));
		pairs[npairs++] = (Pair){pr.pairs[i].a, pr.pairs[i].b};
		pairs[npairs++] = (Pair){pr.pairs[i].b, pr.pairs[i].a};
	}
	free(pr.pairs);
	free(seen);
	multi_free(&mm);
	if (npairs) {
		size_t k = 0;

		lede_sort(pairs, npairs, sizeof(*pairs), pair_cmp);
		for (n = 0; n < npairs; n++)
			if (k == 0 || pair_cmp(&pairs[k - 1], &pairs[n]))
				pairs[k++] = pairs[n];
		npairs = k;
	}
	*out = pairs;
	return npairs;
}

/* 1 when mention m's name ends in a word that is not in lower case. */
static int
capital_end(const LedeEntDoc *d, long m)
{
	size_t n;
	const char *s = lede_dict_key(d->named, d->m[m].name, &n), *w;

	w = s + n;
	while (w > s && w[-1] != ' ')
		w--;
	return w < s + n && !(*w >= 'a' && *w <= 'z');
}

/*
 * A possessive that belongs to the name: a mention whose text ends in 's
 * keeps it when a mention of its type has a name that starts with that
 * text and goes on to a word not in lower case ("Moody's" beside "Moody's
 * Investors Service", "Lloyd's" beside "Lloyd's of London", not "Bank's"
 * beside a "Bank's gold" the tagger took for a name), compared by keys;
 * or, for an ORG, when a mention with its text and type has a verb after
 * the possessive ("Moody's said": lede_entdoc_ownposs).
 */
static void
keep_possessives(LedeEntDoc *d)
{
	size_t i, np = 0, nr = 0, lo;
	size_t nn = lede_dict_size(d->named), ns = lede_dict_size(d->surfd);
	long *seen, *memo, *memotype, *own;
	size_t nk;
	char *used;
	Ref *r, probe;
	LedeBuf *b = &d->tmp2;

	for (i = 0; i < d->nm; i++)
		np += d->m[i].poss;
	if (np == 0)
		return;
	/*
	 * the surface forms and types that an ORG's verb says are names,
	 * unless the name without the possessive is a mention's too, alone
	 * or leading a longer name ("Wainoco's said" beside "Wainoco Oil
	 * Corp" is a slip of the pen)
	 */
	own = ecalloc(ns ? ns : 1, sizeof(*own));
	for (i = 0; i < d->nm && !(d->m[i].poss && d->m[i].ownposs); i++)
		;
	nk = i < d->nm ? lede_dict_size(d->keyd) : 0;
	used = nk ? ecalloc(nk, 1) : NULL;
	for (i = 0; nk && i < d->nm; i++) {
		size_t kl, w;
		const char *k;
		long g;

		if (d->m[i].poss)
			continue;
		k = lede_dict_key(d->keyd, d->m[i].group, &kl);
		for (w = 1; w <= kl; w++)
			if ((w == kl || k[w] == ' ') &&
			    (g = lede_dict_get(d->keyd, k, w)) >= 0)
				used[g] = 1;
	}
	for (i = 0; nk && i < d->nm; i++)
		if (d->m[i].poss && d->m[i].ownposs && !used[d->m[i].group] &&
		    type_class(lede_dict_key(d->typed, d->m[i].type, NULL)) ==
		    C_ORG)
			own[d->m[i].surf] = d->m[i].type + 1;
	free(used);
	/* "TYPE NUL KEY" of each name (once a type), sorted */
	seen = emalloc(nn * sizeof(*seen));
	for (i = 0; i < nn; i++)
		seen[i] = -1;
	lede_buf_clear(b);
	r = emalloc(d->nm * sizeof(*r));
	for (i = 0; i < d->nm; i++) {
		size_t tl, kl;
		const char *t, *k;

		if (seen[d->m[i].name] == d->m[i].type)
			continue;
		seen[d->m[i].name] = d->m[i].type;
		t = lede_dict_key(d->typed, d->m[i].type, &tl);
		k = lede_dict_key(d->keyd, d->m[i].group, &kl);
		r[nr].id = (long)i;
		r[nr].n = b->len;	/* the offset, for now */
		lede_buf_add(b, t, tl);
		lede_buf_addc(b, '\0');
		lede_buf_add(b, k, kl);
		nr++;
	}
	ref_sort_offsets(r, nr, b);
	/* the answer for a surface form and type, once: -2 not known, -1 no */
	memo = emalloc(ns * sizeof(*memo));
	memotype = emalloc(ns * sizeof(*memotype));
	for (i = 0; i < ns; i++)
		memo[i] = -2;
	for (i = 0; i < d->nm; i++) {
		Mention *m = &d->m[i];
		LedeBuf *q = &d->tmp;
		size_t tl, sl;
		const char *t, *sf;

		if (!m->poss)
			continue;
		if (own[m->surf] == m->type + 1) {
			sf = lede_dict_key(d->surfd, m->surf, &sl);
			m->name = name_id(d, sf, sl);
			m->group = d->ni[m->name].key;
			continue;
		}
		if (memo[m->surf] != -2 && memotype[m->surf] == m->type) {
			if (memo[m->surf] >= 0) {
				m->name = memo[m->surf];
				m->group = d->ni[m->name].key;
			}
			continue;
		}
		memo[m->surf] = -1;
		memotype[m->surf] = m->type;
		t = lede_dict_key(d->typed, m->type, &tl);
		sf = lede_dict_key(d->surfd, m->surf, &sl);
		lede_buf_clear(q);
		lede_buf_add(q, t, tl);
		lede_buf_addc(q, '\0');
		name_key(q, sf, sl);
		lede_buf_addc(q, ' ');
		probe.s = q->p;
		probe.n = q->len;
		for (lo = ref_lower(r, nr, &probe); lo < nr && ref_extends(&r[lo], &probe); lo++)
			if (capital_end(d, r[lo].id)) {
				m->name = memo[m->surf] = name_id(d, sf, sl);
				m->group = d->ni[m->name].key;
				break;
			}
	}
	free(memo);
	free(memotype);
	free(own);
	free(seen);
	free(r);
}

/*
 * A wire dateline names a place ("DENVER, March 3 -"), but the other
 * mentions of its key may name something else: the company of the town
 * it is filed from ("CORNING, N.Y. - Corning Glass Works ... Corning
 * said").  When most of them (ties as for types) are ORG and an ORG
 * mention of the document starts with the key and more words, the
 * dateline's mentions get a key of their own (the key and \x1f, which
 * no name has) and are an entity apart; otherwise they are all the
 * place ("Chicago" tagged MISC in "Chicago wheat", "Sao Paulo" PER,
 * "Lisbon" ORG in "Lisbon's civil court").
 */
static void
split_places(LedeEntDoc *d)
{
	size_t ng, i, n = 0, k, j;
	char *mark;
	Tally *tt;

	for (i = 0; i < d->nm && !d->m[i].place; i++)
		;
	if (i == d->nm)
		return;
	ng = lede_dict_size(d->keyd);
	mark = ecalloc(ng, 1);
	for (i = 0; i < d->nm; i++)
		if (d->m[i].place)
			mark[d->m[i].group] = 1;
	tt = emalloc(d->nm * sizeof(*tt));
	for (i = 0; i < d->nm; i++)
		if (mark[d->m[i].group] && !d->m[i].place)
			tt[n++] = (Tally){d->m[i].group, d->m[i].type, (long)i, 0};
	lede_sort(tt, n, sizeof(*tt), tally_cmp);
	k = tally_collapse(tt, n);
	for (i = 0; i < k; i = j) {
		long best = i;

		for (j = i + 1; j < k && tt[j].ent == tt[i].ent; j++)
			if (tt[j].count > tt[best].count ||
			    (tt[j].count == tt[best].count &&
			    type_cmp(lede_dict_key(d->typed, tt[j].id, NULL),
			    lede_dict_key(d->typed, tt[best].id, NULL)) < 0))
				best = (long)j;
		if (type_class(lede_dict_key(d->typed, tt[best].id, NULL)) == C_ORG)
			mark[tt[i].ent] = 3;
	}
	/* and an ORG mention's key starts with theirs and a space */
	for (i = 0; i < d->nm; i++) {
		const char *key;
		size_t kl, c;
		long g;

		if (type_class(lede_dict_key(d->typed, d->m[i].type, NULL)) != C_ORG)
			continue;
		key = lede_dict_key(d->keyd, d->m[i].group, &kl);
		for (c = 1; c < kl; c++)
			if (key[c] == ' ' && (g = lede_dict_get(d->keyd, key, c)) >= 0 &&
			    (size_t)g < ng && mark[g] == 3)
				mark[g] = 2;
	}
	for (i = 0; i < d->nm; i++) {
		Mention *m = &d->m[i];
		const char *key;
		size_t kl;

		if (!m->place || mark[m->group] != 2)
			continue;
		key = lede_dict_key(d->keyd, m->group, &kl);
		lede_buf_clear(&d->tmp);
		lede_buf_add(&d->tmp, key, kl);
		lede_buf_addc(&d->tmp, '\x1f');
		m->group = lede_dict_put(d->keyd, d->tmp.p, d->tmp.len, NULL);
	}
	free(tt);
	free(mark);
}

size_t
lede_entdoc_resolve(LedeEntDoc *d)
{
	size_t ng, i, nt, npool, p, npairs;
	Tally *surf, *name;
	long *lastsent;
	Pair *pairs;

	d->ne = 0;
	if (d->nm == 0)
		return 0;
	keep_possessives(d);
	split_places(d);
	ng = lede_dict_size(d->keyd);
	build_groups(d);
	merge_rules(d);

	/* entities, in order of their first mention */
	if (ng > d->cment) {
		d->cment = ng;
		d->ment = ereallocarray(d->ment, d->cment, sizeof(*d->ment));
	}
	for (i = 0; i < ng; i++)
		d->ment[i] = -1;
	if (d->nm > d->ce) {
		d->ce = d->nm;
		d->e = ereallocarray(d->e, d->ce, sizeof(*d->e));
	}
	surf = emalloc(d->nm * sizeof(*surf));
	name = emalloc(d->nm * sizeof(*name));
	lastsent = emalloc(d->nm * sizeof(*lastsent));
	for (i = 0; i < d->nm; i++) {
		Mention *m = &d->m[i];
		long r = find(d->g, m->group), ei;
		LedeEntity *e;

		if ((ei = d->ment[r]) < 0) {
			ei = d->ment[r] = (long)d->ne++;
			e = &d->e[ei];
			memset(e, 0, sizeof(*e));
			e->start = m->start;
			e->tok = m->tok;
			lastsent[ei] = -1;
		}
		e = &d->e[ei];
		e->mentions++;
		if (!m->notone && (long)m->sent != lastsent[ei]) {
			lastsent[ei] = (long)m->sent;
			if (d->sent[m->sent].known) {
				long long t = d->sent[m->sent].tone;

				e->tonesum += t;
				e->tonen++;
				e->tonepos += t > LEDE_TONE_BAND;
				e->toneneg += t < -LEDE_TONE_BAND;
			}
		}
		surf[i] = (Tally){ei, m->surf, (long)i, 0};
		name[i] = (Tally){ei, m->name, (long)i, 0};
	}

	/* types: the majority over the mentions */
	{
		Tally *tt = emalloc(d->nm * sizeof(*tt));
		long *bestn = ecalloc(d->ne, sizeof(*bestn));
		size_t k;

		for (i = 0; i < d->nm; i++)
			tt[i] = (Tally){d->ment[find(d->g, d->m[i].group)], d->m[i].type, (long)i, 0};
		lede_sort(tt, d->nm, sizeof(*tt), tally_cmp);
		k = tally_collapse(tt, d->nm);
		for (i = 0; i < k; i++) {
			LedeEntity *e = &d->e[tt[i].ent];
			const char *t = lede_dict_key(d->typed, tt[i].id, NULL);

			if (!e->type || tt[i].count > bestn[tt[i].ent] ||
			    (tt[i].count == bestn[tt[i].ent] && type_cmp(t, e->type) < 0)) {
				e->type = t;
				bestn[tt[i].ent] = tt[i].count;
			}
		}
		/*
		 * an entity with a name that ends in a designator is the
		 * company, whatever its other mentions say: "Chrysler" PER three
		 * times, joined to its "Chrysler Corp" (rule 2), whose group is
		 * of an ORG type
		 */
		for (i = 0; i < ng; i++) {
			LedeEntity *e;

			if (!d->g[i].corp || d->ment[find(d->g, (long)i)] < 0)
				continue;
			e = &d->e[d->ment[find(d->g, (long)i)]];
			if (type_class(e->type) != C_ORG)
				e->type = lede_dict_key(d->typed, d->g[i].type, NULL);
		}
		/* a dateline names a place, whatever the other mentions say */
		for (i = 0; i < d->nm; i++)
			if (d->m[i].place)
				d->e[d->ment[find(d->g, d->m[i].group)]].type =
				    lede_dict_key(d->typed, d->m[i].type, NULL);
		for (i = 0; i < d->ne; i++)
			d->e[i].ndocs = 1;
		free(tt);
		free(bestn);
	}

	/* canonical names */
	lede_sort(name, d->nm, sizeof(*name), tally_cmp);
	nt = tally_collapse(name, d->nm);
	{
		long *best = emalloc(d->ne * sizeof(*best));

		for (i = 0; i < d->ne; i++)
			best[i] = -1;
		for (i = 0; i < nt; i++) {
			long b = best[name[i].ent];

			if (b < 0 || name_better(d, name[i].id, name[i].count, name[i].first,
			    name[b].id, name[b].count, name[b].first))
				best[name[i].ent] = (long)i;
		}
		for (i = 0; i < d->ne; i++) {
			LedeEntity *e = &d->e[i];
			long id = name[best[i]].id;

			e->name = lede_dict_key(d->named, id, &e->namelen);
			e->key = lede_dict_key(d->keyd, d->ni[id].key, NULL);
		}
		free(best);
	}

	/* near-misspellings, then aliases */
	npairs = near_misses(d, &pairs);
	lede_sort(surf, d->nm, sizeof(*surf), tally_cmp);
	nt = tally_collapse(surf, d->nm);
	lede_sort(surf, nt, sizeof(*surf), tally_rank);
	npool = nt + npairs;
	if (npool > d->cpool) {
		d->cpool = npool;
		d->pool = ereallocarray(d->pool, npool, sizeof(*d->pool));
		d->poollen = ereallocarray(d->poollen, npool, sizeof(*d->poollen));
		d->pooln = ereallocarray(d->pooln, npool, sizeof(*d->pooln));
	}
	p = 0;
	for (i = 0; i < nt; i++) {
		LedeEntity *e = &d->e[surf[i].ent];
		size_t n;
		const char *s = lede_dict_key(d->surfd, surf[i].id, &n);

		if (n == e->namelen && !memcmp(s, e->name, n)) {
			e->namen = surf[i].count;
			continue;
		}
		if (!e->alias) {
			e->alias = d->pool + p;
			e->aliaslen = d->poollen + p;
			e->aliasn = d->pooln + p;
		}
		d->pool[p] = s;
		d->poollen[p] = n;
		d->pooln[p] = surf[i].count;
		e->nalias++;
		p++;
	}
	for (i = 0; i < npairs; i++) {
		LedeEntity *e = &d->e[pairs[i].a], *o = &d->e[pairs[i].b];

		if (!e->similar) {
			e->similar = d->pool + p;
			e->similarlen = d->poollen + p;
		}
		d->pool[p] = o->name;
		d->poollen[p] = o->namelen;
		d->pooln[p] = 0;
		e->nsimilar++;
		p++;
	}
	free(pairs);
	free(surf);
	free(name);
	free(lastsent);

	lede_sort(d->e, d->ne, sizeof(*d->e), entity_cmp);
	return d->ne;
}

const LedeEntity *
lede_entdoc_entity(const LedeEntDoc *d, size_t i)
{
	return i < d->ne ? &d->e[i] : NULL;
}

/* ---- corpora and partial reports ---- */

#define PARTIAL_HEADER "# lede-partial entities 3"
/* The settings of a corpus given none (the options' defaults). */
#define SETTINGS_DEFAULT LEDE_SETTINGS_PREFIX "keep-boilerplate=no"
/*
 * Counts in a partial row are at most this: any sum that did not
 * overflow, so that what lede_entcorpus_write writes loads again.
 */
#define COUNT_MAX LONG_MAX

typedef struct {
	long long docs, mentions, tonesum, tonen, pos, neg;
	size_t typelen;
} Ident;

typedef struct {
	long ident;
	long long count;
} Form;

struct LedeEntCorpus {
	LedeDict *ids;		/* TYPE NUL KEY -> identity */
	Ident *id;
	size_t cid;
	LedeDict *forms;	/* identity (8 bytes), kind, string -> form */
	Form *f;
	size_t cf;
	LedeEntity *res;
	const char **pool;
	size_t *poollen;
	long *pooln;
	LedeBuf tmp, tmp2;
	int overflow;
	LedeBuf settings;	/* the settings line, when hasset */
	int hasset;		/* set, or read from the first partial */
	int anyset;		/* partials of any settings are read */
};

LedeEntCorpus *
lede_entcorpus_new(void)
{
	LedeEntCorpus *c = ecalloc(1, sizeof(*c));

	c->ids = lede_dict_new();
	c->forms = lede_dict_new();
	return c;
}

static void
corpus_clear_result(LedeEntCorpus *c)
{
	free(c->res);
	free(c->pool);
	free(c->poollen);
	free(c->pooln);
	c->res = NULL;
	c->pool = NULL;
	c->poollen = NULL;
	c->pooln = NULL;
}

void
lede_entcorpus_free(LedeEntCorpus *c)
{
	if (!c)
		return;
	corpus_clear_result(c);
	lede_dict_free(c->ids);
	lede_dict_free(c->forms);
	free(c->id);
	free(c->f);
	lede_buf_free(&c->tmp);
	lede_buf_free(&c->tmp2);
	lede_buf_free(&c->settings);
	free(c);
}

void
lede_entcorpus_set_settings(LedeEntCorpus *c, int keepboil)
{
	lede_buf_clear(&c->settings);
	lede_buf_printf(&c->settings, "%skeep-boilerplate=%s", LEDE_SETTINGS_PREFIX,
	    keepboil ? "yes" : "no");
	c->hasset = 1;
}

int
lede_entcorpus_has_settings(const LedeEntCorpus *c)
{
	return c->hasset;
}

void
lede_entcorpus_any_settings(LedeEntCorpus *c, int any)
{
	c->anyset = any;
}

static void
add_ll(LedeEntCorpus *c, long long *acc, long long v)
{
	if (__builtin_add_overflow(*acc, v, acc)) {
		*acc = v < 0 ? -LLONG_MAX : LLONG_MAX;	/* a number the reader takes */
		c->overflow = 1;
	}
}

/* add_ll for the long counts of a LedeEntity. */
static void
add_l(LedeEntCorpus *c, long *acc, long long v)
{
	long long t = *acc;

	add_ll(c, &t, v);
	*acc = (long)t;
}

static long
ident(LedeEntCorpus *c, const char *type, size_t tl, const char *key, size_t kl)
{
	int added;
	long id;

	lede_buf_clear(&c->tmp);
	lede_buf_add(&c->tmp, type, tl);
	lede_buf_addc(&c->tmp, '\0');
	lede_buf_add(&c->tmp, key, kl);
	id = lede_dict_put(c->ids, c->tmp.p, c->tmp.len, &added);
	if ((size_t)id >= c->cid) {
		c->cid = c->cid ? c->cid * 2 : 256;
		c->id = ereallocarray(c->id, c->cid, sizeof(*c->id));
	}
	if (added) {
		memset(&c->id[id], 0, sizeof(c->id[id]));
		c->id[id].typelen = tl;
	}
	return id;
}

static void
form(LedeEntCorpus *c, long id, char kind, const char *s, size_t n, long long count)
{
	unsigned long long u = (unsigned long long)id;
	int added;
	long f;

	lede_buf_clear(&c->tmp2);
	lede_buf_add(&c->tmp2, &u, sizeof(u));
	lede_buf_addc(&c->tmp2, kind);
	lede_buf_add(&c->tmp2, s, n);
	f = lede_dict_put(c->forms, c->tmp2.p, c->tmp2.len, &added);
	if ((size_t)f >= c->cf) {
		c->cf = c->cf ? c->cf * 2 : 256;
		c->f = ereallocarray(c->f, c->cf, sizeof(*c->f));
	}
	if (added) {
		c->f[f].ident = id;
		c->f[f].count = 0;
	}
	add_ll(c, &c->f[f].count, count);
}

void
lede_entcorpus_add(LedeEntCorpus *c, const LedeEntDoc *d)
{
	size_t i, j;

	for (i = 0; i < d->ne; i++) {
		const LedeEntity *e = &d->e[i];
		long id = ident(c, e->type, strlen(e->type), e->key, strlen(e->key));

		add_ll(c, &c->id[id].docs, 1);
		add_ll(c, &c->id[id].mentions, e->mentions);
		add_ll(c, &c->id[id].tonesum, e->tonesum);
		add_ll(c, &c->id[id].tonen, e->tonen);
		add_ll(c, &c->id[id].pos, e->tonepos);
		add_ll(c, &c->id[id].neg, e->toneneg);
		form(c, id, 'n', e->name, e->namelen, e->mentions);
		if (e->namen)
			form(c, id, 's', e->name, e->namelen, e->namen);
		for (j = 0; j < e->nalias; j++)
			form(c, id, 's', e->alias[j], e->aliaslen[j], e->aliasn[j]);
	}
}

/* Unescape a TSV field into out; -1 on a bad escape. */
static int
unescape(LedeBuf *out, const char *s, size_t n)
{
	lede_buf_clear(out);
	lede_buf_grow(out, n);
	return lede_tsv_unescape(out->p, s, n, &out->len);
}

static int
perr(LedeBuf *err, const char *name, unsigned long line, const char *fmt, ...)
{
	va_list ap;
	char msg[256];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	lede_buf_clear(err);
	lede_buf_printf(err, "%s:%lu: %s", name, line, msg);
	return -1;
}

/* A whole decimal number in [min, max] from s[0..n). */
static int
number(const char *s, size_t n, long min, long max, long *out)
{
	char buf[32];

	if (n == 0 || n >= sizeof(buf))
		return -1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	if (buf[0] == '+' || (buf[0] == '-' && (n == 1 || buf[1] == '0')) ||
	    (buf[0] == '0' && n > 1))
		return -1;	/* one spelling per number */
	return lede_strtol(buf, min, max, out);
}

typedef struct {
	int open;		/* an 'e' row is open */
	unsigned long line;	/* its line */
	long ident;
	long mentions, nsum, ssum, nnames;
	LedeBuf type, key;
} Block;

static int
block_close(Block *b, const char *name, LedeBuf *err)
{
	if (!b->open)
		return 0;
	b->open = 0;
	if (b->nnames == 0)
		return perr(err, name, b->line, "entity without an 'n' row");
	if (b->nsum != b->mentions)
		return perr(err, name, b->line, "the 'n' rows count %ld mentions, the 'e' row %ld",
		    b->nsum, b->mentions);
	if (b->ssum != b->mentions)
		return perr(err, name, b->line, "the 's' rows count %ld mentions, the 'e' row %ld",
		    b->ssum, b->mentions);
	return 0;
}

/* One pass over the buffer: check it (apply = 0) or add it (apply = 1). */
static int
load(LedeEntCorpus *c, const char *buf, size_t len, const char *name,
    unsigned long line0, LedeBuf *err, int apply)
{
	const char *p = buf, *end = buf + len;
	const char *ref = c->hasset ? c->settings.p : NULL;	/* the first settings */
	size_t reflen = c->hasset ? c->settings.len : 0;
	unsigned long line = line0;
	int header = 0, rc = 0, needset = 0;
	Block b = {0};
	LedeBuf fld[9] = {{0}};
	LedeBuf kb = {0};

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p)), *q, *f[10];
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p), fl[10], bad;
		int nf = 0, k, ovf;
		long v[6], tonemax;

		line++;
		if (n > 0 && p[n - 1] == '\r')
			n--;
		if (memchr(p, '\0', n)) {
			rc = perr(err, name, line, "NUL byte in line");
			goto out;
		}
		if ((bad = lede_utf8_check(p, n)) != n) {
			rc = perr(err, name, line, "invalid UTF-8 (byte 0x%02X at column %zu)",
			    (unsigned char)p[bad], bad + 1);
			goto out;
		}
		if (needset) {
			LedeSettingsDiff d;

			needset = 0;
			if (lede_settings_check(p, n) < 0) {
				rc = perr(err, name, line, "expected the settings line "
				    "('%sNAME=VALUE ...')", LEDE_SETTINGS_PREFIX);
				goto out;
			}
			if (!ref) {
				ref = p;
				reflen = n;
				if (apply) {
					lede_buf_clear(&c->settings);
					lede_buf_add(&c->settings, p, n);
					c->hasset = 1;
				}
			} else if (!c->anyset && lede_settings_diff(p, n, ref, reflen, &d)) {
				LedeBuf why = {0};

				lede_settings_why(&why, &d, lede_settings_describe);
				rc = perr(err, name, line, "%s", why.p);
				lede_buf_free(&why);
				goto out;
			}
			goto next;
		}
		if (n > 0 && p[0] == '#') {
			if (n == strlen(PARTIAL_HEADER) && !memcmp(p, PARTIAL_HEADER, n)) {
				if ((rc = block_close(&b, name, err)) < 0)
					goto out;
				header = needset = 1;
			} else if (n == 25 && !memcmp(p, "# lede-partial entities 2", n)) {
				rc = perr(err, name, line, "a version 2 partial, which does "
				    "not say how it was made: make it again with this "
				    "lede (entities --partial or tone --partial --by-entity)");
				goto out;
			} else if (n > 23 && !memcmp(p, "# lede-partial entities", 23)) {
				rc = perr(err, name, line, "unsupported partial version (this is version 3; make the partial again with this lede)");
				goto out;
			} else if (n > 15 && !memcmp(p, "# lede-partial ", 15)) {
				rc = perr(err, name, line, "not a partial of entities");
				goto out;
			} else {
				rc = perr(err, name, line, "unexpected comment line");
				goto out;
			}
			goto next;
		}
		if (!header) {
			rc = perr(err, name, line, "no '%s' line before the first row", PARTIAL_HEADER);
			goto out;
		}
		for (q = p; nf < 10;) {
			const char *t = memchr(q, '\t', (size_t)(p + n - q));

			f[nf] = q;
			fl[nf] = t ? (size_t)(t - q) : (size_t)(p + n - q);
			nf++;
			if (!t)
				break;
			q = t + 1;
		}
		if (n == 0 || fl[0] != 1) {
			rc = perr(err, name, line, "expected a row of kind e, n or s");
			goto out;
		}
		for (k = 1; k < nf && k < 9; k++) {
			if (unescape(&fld[k], f[k], fl[k]) < 0) {
				rc = perr(err, name, line, "bad backslash escape in field %d", k + 1);
				goto out;
			}
		}
		switch (f[0][0]) {
		case 'e':
			if (nf != 9) {
				rc = perr(err, name, line, "an 'e' row has 9 fields, not %d", nf);
				goto out;
			}
			if ((rc = block_close(&b, name, err)) < 0)
				goto out;
			if (fld[1].len == 0 || fld[2].len == 0) {
				rc = perr(err, name, line, "empty type or key");
				goto out;
			}
			if (memchr(fld[1].p, '\0', fld[1].len) || memchr(fld[1].p, '\t', fld[1].len) ||
			    memchr(fld[1].p, '\n', fld[1].len)) {
				rc = perr(err, name, line, "bad type");
				goto out;
			}
			for (k = 3; k < 9; k++) {
				long lo = k == 5 ? -COUNT_MAX : k >= 6 ? 0 : 1;
				long hi = COUNT_MAX;

				if (number(fld[k].p, fld[k].len, lo, hi, &v[k - 3]) < 0) {
					rc = perr(err, name, line, "bad number '%.20s' in field %d",
					    fld[k].p, k + 1);
					goto out;
				}
			}
			if (__builtin_mul_overflow(v[3], (long)LEDE_TONE_SCALE, &tonemax))
				tonemax = COUNT_MAX;
			if (v[1] < v[0] || v[3] > v[1] || v[4] > v[3] || v[5] > v[3] - v[4] ||
			    v[2] > tonemax || v[2] < -tonemax) {
				rc = perr(err, name, line, "inconsistent counts (mentions < documents, "
				    "toned sentences > mentions or < positive + negative, "
				    "or tone out of [-1, 1])");
				goto out;
			}
			b.open = 1;
			b.line = line;
			b.mentions = v[1];
			b.nsum = b.ssum = b.nnames = 0;
			lede_buf_clear(&b.type);
			lede_buf_add(&b.type, fld[1].p, fld[1].len);
			lede_buf_clear(&b.key);
			lede_buf_add(&b.key, fld[2].p, fld[2].len);
			if (apply) {
				b.ident = ident(c, fld[1].p, fld[1].len, fld[2].p, fld[2].len);
				add_ll(c, &c->id[b.ident].docs, v[0]);
				add_ll(c, &c->id[b.ident].mentions, v[1]);
				add_ll(c, &c->id[b.ident].tonesum, v[2]);
				add_ll(c, &c->id[b.ident].tonen, v[3]);
				add_ll(c, &c->id[b.ident].pos, v[4]);
				add_ll(c, &c->id[b.ident].neg, v[5]);
			}
			break;
		case 'n':
		case 's':
			if (nf != 3) {
				rc = perr(err, name, line, "an '%c' row has 3 fields, not %d", f[0][0], nf);
				goto out;
			}
			if (!b.open) {
				rc = perr(err, name, line, "'%c' row outside an entity", f[0][0]);
				goto out;
			}
			if (fld[1].len == 0 || memchr(fld[1].p, '\0', fld[1].len)) {
				rc = perr(err, name, line, "empty name");
				goto out;
			}
			if (number(fld[2].p, fld[2].len, 1, COUNT_MAX, &v[0]) < 0) {
				rc = perr(err, name, line, "bad number '%.20s' in field 3", fld[2].p);
				goto out;
			}
			if (f[0][0] == 'n') {
				lede_buf_clear(&kb);
				name_key(&kb, fld[1].p, fld[1].len);
				if (kb.len != b.key.len || memcmp(kb.p, b.key.p, kb.len)) {
					rc = perr(err, name, line, "name does not match the entity's key");
					goto out;
				}
				ovf = __builtin_add_overflow(b.nsum, v[0], &b.nsum);
				b.nnames++;
			} else {
				ovf = __builtin_add_overflow(b.ssum, v[0], &b.ssum);
			}
			if (ovf || b.nsum > b.mentions || b.ssum > b.mentions) {
				rc = perr(err, name, line, "inconsistent counts");
				goto out;
			}
			if (apply)
				form(c, b.ident, f[0][0], fld[1].p, fld[1].len, v[0]);
			break;
		default:
			rc = perr(err, name, line, "expected a row of kind e, n or s");
			goto out;
		}
next:
		if (!nl)
			break;
		p = nl + 1;
	}
	if (needset)
		rc = perr(err, name, line, "partial ends before its settings line");
	else if (b.open)
		rc = block_close(&b, name, err);
	else if (!header)	/* no line at all: a 0-byte file */
		rc = perr(err, name, line0 + 1, "empty partial report (no '%s' line)",
		    PARTIAL_HEADER);
out:
	for (int k = 0; k < 9; k++)
		lede_buf_free(&fld[k]);
	lede_buf_free(&kb);
	lede_buf_free(&b.type);
	lede_buf_free(&b.key);
	return rc;
}

int
lede_entcorpus_load(LedeEntCorpus *c, const char *buf, size_t len,
    const char *name, LedeBuf *err)
{
	return lede_entcorpus_load_at(c, buf, len, name, 0, err);
}

int
lede_entcorpus_load_at(LedeEntCorpus *c, const char *buf, size_t len,
    const char *name, unsigned long line0, LedeBuf *err)
{
	if (load(c, buf, len, name, line0, err, 0) < 0)
		return -1;
	c->overflow = 0;
	load(c, buf, len, name, line0, err, 1);
	if (c->overflow) {
		lede_buf_clear(err);
		lede_buf_printf(err, "%s: counts overflow", name);
		return -1;
	}
	return 0;
}

/* Forms sorted by identity, kind, then bytes. */
static Ref *
sorted_forms(LedeEntCorpus *c, size_t *n)
{
	size_t i;
	Ref *r;

	*n = lede_dict_size(c->forms);
	r = emalloc((*n ? *n : 1) * sizeof(*r));
	for (i = 0; i < *n; i++) {
		r[i].s = lede_dict_key(c->forms, (long)i, &r[i].n);
		r[i].id = (long)i;
	}
	lede_sort(r, *n, sizeof(*r), ref_cmp);	/* the identity bytes first */
	return r;
}

int
lede_entcorpus_write(LedeEntCorpus *c, FILE *fp)
{
	size_t ni = lede_dict_size(c->ids), nf, i, j;
	Ref *ids = emalloc((ni ? ni : 1) * sizeof(*ids)), *fr;
	long *firstform;
	LedeBuf b = {0};

	for (i = 0; i < ni; i++) {
		ids[i].s = lede_dict_key(c->ids, (long)i, &ids[i].n);
		ids[i].id = (long)i;
	}
	lede_sort(ids, ni, sizeof(*ids), ref_cmp);
	fr = sorted_forms(c, &nf);
	/* the forms of an identity are consecutive in fr: find the first */
	firstform = emalloc((ni ? ni : 1) * sizeof(*firstform));
	for (i = 0; i < ni; i++)
		firstform[i] = -1;
	for (j = nf; j-- > 0;)
		firstform[c->f[fr[j].id].ident] = (long)j;
	fputs(PARTIAL_HEADER "\n", fp);
	if (c->hasset)
		fprintf(fp, "%s\n", c->settings.p);
	else
		fputs(SETTINGS_DEFAULT "\n", fp);
	for (i = 0; i < ni; i++) {
		const Ident *id = &c->id[ids[i].id];
		long k;

		lede_buf_clear(&b);
		lede_buf_adds(&b, "e\t");
		lede_tsv_buf(&b, ids[i].s, id->typelen);
		lede_buf_addc(&b, '\t');
		lede_tsv_buf(&b, ids[i].s + id->typelen + 1, ids[i].n - id->typelen - 1);
		lede_buf_printf(&b, "\t%lld\t%lld\t%lld\t%lld\t%lld\t%lld\n", id->docs,
		    id->mentions, id->tonesum, id->tonen, id->pos, id->neg);
		for (k = firstform[ids[i].id]; k >= 0 && (size_t)k < nf &&
		    c->f[fr[k].id].ident == ids[i].id; k++) {
			lede_buf_addc(&b, fr[k].s[8]);
			lede_buf_addc(&b, '\t');
			lede_tsv_buf(&b, fr[k].s + 9, fr[k].n - 9);
			lede_buf_printf(&b, "\t%lld\n", c->f[fr[k].id].count);
		}
		fwrite(b.p, 1, b.len, fp);
	}
	free(ids);
	free(fr);
	free(firstform);
	lede_buf_free(&b);
	return ferror(fp) ? -1 : 0;
}

/* A form of the result: its row (after folds), kind, string and count. */
typedef struct {
	long ident;
	long long count;
	const char *s;
	size_t n;
	char kind;
} FRef;

/* By row, kind, then string: equal forms of folded rows side by side. */
static int
fref_strcmp(const void *a, const void *b)
{
	const FRef *x = a, *y = b;

	if (x->ident != y->ident)
		return x->ident < y->ident ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	return lede_bytecmp(x->s, x->n, y->s, y->n);
}

/* By row, kind, count (descending), then string. */
static int
fref_cmp(const void *a, const void *b)
{
	const FRef *x = a, *y = b;

	if (x->ident == y->ident && x->kind == y->kind && x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return fref_strcmp(a, b);
}

static int
result_cmp(const void *a, const void *b)
{
	const LedeEntity *x = a, *y = b;
	int r;

	if (x->mentions != y->mentions)
		return x->mentions > y->mentions ? -1 : 1;
	if (x->ndocs != y->ndocs)
		return x->ndocs > y->ndocs ? -1 : 1;
	if ((r = lede_bytecmp(x->name, x->namelen, y->name, y->namelen)))
		return r;
	return strcmp(x->type, y->type);
}

/* The key of identity i (its "TYPE NUL KEY" after the type), n its length. */
static const char *
ident_key(const LedeEntCorpus *c, long i, size_t *n)
{
	size_t len, tl = c->id[i].typelen + 1;
	const char *s = lede_dict_key(c->ids, i, &len);

	if (n)
		*n = len - tl;
	return s + tl;
}

/* Byte order of the identities x and y (type NUL key). */
static int
ident_cmp(const LedeEntCorpus *c, long x, long y)
{
	size_t nx, ny;
	const char *sx = lede_dict_key(c->ids, x, &nx);
	const char *sy = lede_dict_key(c->ids, y, &ny);

	return lede_bytecmp(sx, nx, sy, ny);
}

/* Whether k[0..n) is the initials of identity b's key, as rule 6 has it. */
static int
initialsof(const LedeEntCorpus *c, long b, const char *k, size_t n, LedeBuf *tmp)
{
	size_t bn;
	const char *bk = ident_key(c, b, &bn);
	int content;

	for (content = 1; content >= 0; content--) {
		lede_buf_clear(tmp);
		initials(tmp, bk, bn, content);
		if (tmp->len == n && !memcmp(tmp->p, k, n))
			return 1;
	}
	return 0;
}

/*
 * Whether identity b's key is k[0..n) and legal-form designators ("usx
 * corp" for "usx"; rule 2 of merge_rules).
 */
static int
designated(const LedeEntCorpus *c, long b, const char *k, size_t n)
{
	size_t bn;
	const char *bk = ident_key(c, b, &bn);

	return bn > n && undesignate(bk, bn, 0) == n && !memcmp(bk, k, n);
}

/*
 * Whether k[0..n), a person's key of one word, is the last word of
 * identity b's key of more ("baker", "james baker").
 */
static int
surnameof(const LedeEntCorpus *c, long b, const char *k, size_t n)
{
	size_t bn;
	const char *bk = ident_key(c, b, &bn);

	return type_class(lede_dict_key(c->ids, b, NULL)) == C_PER &&
	    memchr(k, ' ', n) == NULL && bn > n + 1 && bk[bn - n - 1] == ' ' &&
	    !memcmp(bk + bn - n, k, n);
}

/* Whether identity x has more mentions than y (ties: x first in byte order). */
static int
ident_more(const LedeEntCorpus *c, long x, long y)
{
	return c->id[x].mentions > c->id[y].mentions ||
	    (c->id[x].mentions == c->id[y].mentions && ident_cmp(c, x, y) < 0);
}

/*
 * Whether part is at least four fifths of tot (part >= ceil(4/5 tot)),
 * without overflow when tot is saturated: the share a fold asks for.
 */
static int
fourfifths(long long part, long long tot)
{
	return part >= tot - tot / 5;
}

/*
 * Whether identity a's key is the plural or the singular of identity b's
 * (rule 8 of merge_rules: "tories", "tory") and b has more mentions (ties:
 * b first in byte order), so that of the two only one folds into the other.
 */
static int
pluralof(const LedeEntCorpus *c, long a, long b)
{
	size_t an, bn;
	const char *ak = ident_key(c, a, &an), *bk = ident_key(c, b, &bn);

	if (!plural_of(ak, an, bk, bn) && !plural_of(bk, bn, ak, an))
		return 0;
	return ident_more(c, b, a);
}

/*
 * Where each identity folds (into[i], or -1): a row whose key is one word
 * and whose names include an acronym ("U.S.", "EC") folds into the row of
 * the same type whose key it is the initials of (rule 6 of merge_rules)
 * and that holds it as a surface form most often ("United States", where
 * documents joined them), when that row holds at least 2 of its mentions
 * and 4/5 of all those the rows of its type hold.  Only sums of the
 * corpus enter, so the result is the same whatever the order of the
 * documents or partials.  So does a row ("USX", "Mobil") into the row of
 * its type whose key is its key and legal-form designators ("USX Corp",
 * "Mobil Corp"; rule 2 of merge_rules), on the same terms, and a
 * person's row of one word ("Baker") into the person's row whose key ends
 * in it ("James Baker"; a surname that several share stays).  And of a
 * singular and its plural of one type (rule 8: "Tory", "Tories"), the
 * row with fewer mentions folds into the other, on the words alone.
 * Returns the number of folds.
 */
static size_t
fold_names(LedeEntCorpus *c, long *into)
{
	size_t ni = lede_dict_size(c->ids), nf = lede_dict_size(c->forms), i, np, k = 0;
	char *acr = ecalloc(ni ? ni : 1, 1), *plurals = ecalloc(ni ? ni : 1, 1);
	char *onlyacr = ecalloc(ni ? ni : 1, 1);
	long long *tot = ecalloc(ni ? ni : 1, sizeof(*tot)), *bestw, *w = NULL;
	LedeDict *pairs = lede_dict_new();
	LedeBuf key = {0}, id = {0}, ini = {0};
	size_t cw = 0;

	for (i = 0; i < ni; i++) {
		size_t n;
		const char *k = ident_key(c, (long)i, &n);

		into[i] = -1;
		acr[i] = memchr(k, ' ', n) == NULL;	/* one word */
		plurals[i] = clip_class(type_class(lede_dict_key(c->ids,
		    (long)i, NULL)));
	}
	for (i = 0; i < nf; i++) {
		size_t n;
		const char *s = lede_dict_key(c->forms, (long)i, &n);

		/* a name or surface form with a plural "s": 2, after an acronym 3 */
		if (plurals[c->f[i].ident] && (s[8] == 'n' || s[8] == 's')) {
			if (plural_name(s + 9, n - 9, 1))
				plurals[c->f[i].ident] = 3;
			else if (plural_name(s + 9, n - 9, 0) &&
			    plurals[c->f[i].ident] == 1)
				plurals[c->f[i].ident] = 2;
		}
	}
	for (i = 0; i < nf; i++) {
		size_t n;
		const char *s = lede_dict_key(c->forms, (long)i, &n);

		if (s[8] == 'n' && acr[c->f[i].ident] == 1 &&
		    lede_ent_isacronym(s + 9, n - 9))
			acr[c->f[i].ident] = 2;
		/* named by acronyms only ("TEX.A"): 1, until a name is not one */
		if (s[8] == 'n' && onlyacr[c->f[i].ident] != 2)
			onlyacr[c->f[i].ident] = lede_ent_isacronym(s + 9,
			    n - 9) ? 1 : 2;
	}
	for (i = 0; i < nf; i++) {
		size_t n;
		const char *s = lede_dict_key(c->forms, (long)i, &n);
		long b = c->f[i].ident, a, pr;
		long pair[2];
		int added;

		if (s[8] != 's' || acr[b])	/* a surface form of a longer name */
			continue;
		lede_buf_clear(&key);
		lede_ent_key(&key, s + 9, n - 9);
		lede_buf_clear(&id);
		lede_buf_add(&id, lede_dict_key(c->ids, b, NULL), c->id[b].typelen + 1);
		lede_buf_add(&id, key.p, key.len);
		if ((a = lede_dict_get(c->ids, id.p, id.len)) < 0 || a == b ||
		    (!(acr[a] == 2 && initialsof(c, b, key.p, key.len, &ini)) &&
		    !designated(c, b, key.p, key.len) &&
		    !surnameof(c, b, key.p, key.len)))
			continue;
		pair[0] = a;
		pair[1] = b;
		pr = lede_dict_put(pairs, (const char *)pair, sizeof(pair), &added);
		if ((size_t)pr >= cw) {
			cw = cw ? cw * 2 : 64;
			w = ereallocarray(w, cw, sizeof(*w));
		}
		if (added)
			w[pr] = 0;
		add_ll(c, &w[pr], c->f[i].count);
		add_ll(c, &tot[a], c->f[i].count);
	}
	np = lede_dict_size(pairs);
	bestw = ecalloc(ni ? ni : 1, sizeof(*bestw));
	for (i = 0; i < np; i++) {
		long pair[2];

		memcpy(pair, lede_dict_key(pairs, (long)i, NULL), sizeof(pair));
		if (w[i] > bestw[pair[0]] || (w[i] == bestw[pair[0]] &&
		    into[pair[0]] >= 0 && ident_cmp(c, pair[1], into[pair[0]]) < 0)) {
			bestw[pair[0]] = w[i];
			into[pair[0]] = pair[1];
		}
	}
	for (i = 0; i < ni; i++) {
		if (into[i] >= 0 && (bestw[i] < 2 || !fourfifths(bestw[i], tot[i])))
			into[i] = -1;
	}
	/*
	 * a plural and its singular of one type (rule 8 of merge_rules): the
	 * row with fewer mentions folds into the other, as the words tell
	 * (no document need join them)
	 */
	for (i = 0; i < ni; i++) {
		size_t n;
		const char *k;
		long a;
		int y;

		if (plurals[i] < 2)
			continue;
		k = ident_key(c, (long)i, &n);
		if (!plural_cut(k, n, &y))
			continue;
		lede_buf_clear(&id);
		lede_buf_add(&id, lede_dict_key(c->ids, (long)i, NULL),
		    c->id[i].typelen + 1);
		singular(&key, k, n);
		lede_buf_add(&id, key.p, key.len);
		/* "LCDs" beside "LCD", but not "Texas" beside "TEX.A" */
		if ((a = lede_dict_get(c->ids, id.p, id.len)) < 0 ||
		    (onlyacr[a] == 1 && plurals[i] != 3))
			continue;
		if (pluralof(c, (long)i, a)) {
			if (into[i] < 0)
				into[i] = a;
		} else if (into[a] < 0) {
			into[a] = (long)i;
		}
	}
	for (i = 0; i < ni; i++)
		if (into[i] >= 0)
			k++;
	free(acr);
	free(plurals);
	free(onlyacr);
	free(tot);
	free(bestw);
	free(w);
	lede_dict_free(pairs);
	lede_buf_free(&key);
	lede_buf_free(&id);
	lede_buf_free(&ini);
	return k;
}

/*
 * A row named N that is never written so, whose most written form is N's,
 * is named N's when a row of its type is named "N's ..." ("Moody" of the
 * documents that write only "Moody's", beside "Moody's Investors Service
 * Inc"): in those documents nothing told the 's from a possessive.
 */
static void
possessive_names(LedeEntCorpus *c, size_t n)
{
	Ref *r = emalloc((n ? n : 1) * sizeof(*r));
	LedeBuf *b = &c->tmp;
	size_t i, k, lo;

	/* "TYPE NUL NAME" of each row, sorted */
	lede_buf_clear(b);
	for (i = 0; i < n; i++) {
		r[i].id = (long)i;
		r[i].n = b->len;	/* the offset, for now */
		lede_buf_adds(b, c->res[i].type);
		lede_buf_addc(b, '\0');
		lede_buf_add(b, c->res[i].name, c->res[i].namelen);
	}
	ref_sort_offsets(r, n, b);
	for (i = 0; i < n; i++) {
		LedeEntity *e = &c->res[i];
		LedeBuf *q = &c->tmp2;
		Ref probe;

		if (e->namen > 0 || e->nalias == 0 ||
		    possessive_len(e->alias[0], e->aliaslen[0]) != e->namelen ||
		    memcmp(e->alias[0], e->name, e->namelen))
			continue;
		/* a row named "N's ..." of the same type */
		lede_buf_clear(q);
		lede_buf_adds(q, e->type);
		lede_buf_addc(q, '\0');
		lede_buf_add(q, e->alias[0], e->aliaslen[0]);
		lede_buf_addc(q, ' ');
		probe.s = q->p;
		probe.n = q->len;
		lo = ref_lower(r, n, &probe);
		if (lo == n || !ref_extends(&r[lo], &probe))
			continue;
		e->name = e->alias[0];
		e->namelen = e->aliaslen[0];
		e->namen = e->aliasn[0];
		for (k = 1; k < e->nalias; k++) {
			e->alias[k - 1] = e->alias[k];
			e->aliaslen[k - 1] = e->aliaslen[k];
			e->aliasn[k - 1] = e->aliasn[k];
		}
		e->nalias--;
		if (e->nalias == 0)
			e->alias = NULL, e->aliaslen = NULL, e->aliasn = NULL;
	}
	free(r);
}

/*
 * Rows of one key and different types are one entity when the row with
 * the most mentions holds at least 4/5 of the key's mentions: the
 * tagger's other types for it in a few documents ("Bundesbank" ORG in
 * 408 mentions, MISC in 73; "Reagan" PER and, in "the Reagan
 * administration", MISC), as mentions of one key in a document are one
 * entity whatever their types.  Names of the four classes only.  A row
 * that folds already keeps its fold.  Returns the number of folds.
 */
static size_t
fold_types(LedeEntCorpus *c, long *into)
{
	size_t ni = lede_dict_size(c->ids), i, j, n = 0, k = 0;
	Ref *r = emalloc((ni ? ni : 1) * sizeof(*r));

	for (i = 0; i < ni; i++) {
		if (type_class(lede_dict_key(c->ids, (long)i, NULL)) > C_MISC)
			continue;
		r[n].s = ident_key(c, (long)i, &r[n].n);
		r[n].id = (long)i;
		n++;
	}
	lede_sort(r, n, sizeof(*r), ref_cmp);
	for (i = 0; i < n; i = j) {
		long best = r[i].id;
		long long tot = 0;

		for (j = i; j < n && ref_cmp(&r[j], &r[i]) == 0; j++) {
			long x = r[j].id;

			add_ll(c, &tot, c->id[x].mentions);
			if (ident_more(c, x, best))
				best = x;
		}
		if (j - i < 2 || !fourfifths(c->id[best].mentions, tot))
			continue;
		for (; i < j; i++)
			if (r[i].id != best && into[r[i].id] < 0) {
				into[r[i].id] = best;
				k++;
			}
	}
	free(r);
	return k;
}

/*
 * Each fold to the row at the end of its chain: "GATT" MISC into "GATT"
 * ORG into "General Agreement on Tariffs and Trade", "U.S." into "United
 * States", which may fold into "United States Inc".  Chains are short;
 * a fold whose chain does not end within 16 steps (a loop, which no
 * input seen makes) is dropped, so that every fold ends at a row.
 */
static void
fold_chains(long *into, size_t ni)
{
	size_t i, step;

	for (i = 0; i < ni; i++)
		for (step = 0; step < 16 && into[i] >= 0 && into[into[i]] >= 0; step++)
			into[i] = into[into[i]];
	for (i = 0; i < ni; i++)
		if (into[i] >= 0 && into[into[i]] >= 0)
			into[i] = -1;
}

size_t
lede_entcorpus_result(LedeEntCorpus *c, const LedeEntity **out)
{
	size_t ni = lede_dict_size(c->ids), nf = lede_dict_size(c->forms), i, j;
	size_t p = 0, nr = 0;
	long *into = emalloc((ni ? ni : 1) * sizeof(*into)), *row;
	FRef *fr;
	long long topn = 0;
	int caps = 0;

	corpus_clear_result(c);
	fold_names(c, into);
	fold_types(c, into);
	fold_chains(into, ni);
	/* the rows: the identities that do not fold, in their order */
	row = emalloc((ni ? ni : 1) * sizeof(*row));
	for (i = 0; i < ni; i++)
		row[i] = into[i] < 0 ? (long)nr++ : -1;
	c->res = ecalloc(nr ? nr : 1, sizeof(*c->res));
	c->pool = emalloc((nf ? nf : 1) * sizeof(*c->pool));
	c->poollen = emalloc((nf ? nf : 1) * sizeof(*c->poollen));
	c->pooln = emalloc((nf ? nf : 1) * sizeof(*c->pooln));
	for (i = 0; i < ni; i++) {
		const Ident *id = &c->id[i];
		LedeEntity *e;

		if (row[i] < 0)
			continue;
		e = &c->res[row[i]];
		e->type = lede_dict_key(c->ids, (long)i, NULL);
		e->key = ident_key(c, (long)i, NULL);
		e->mentions = (long)id->mentions;
		e->ndocs = (long)id->docs;
		e->tonesum = id->tonesum;
		e->tonen = (long)id->tonen;
		e->tonepos = (long)id->pos;
		e->toneneg = (long)id->neg;
		e->start = -1;
	}
	/* a folded identity adds its counts to its row (saturating, as add_ll) */
	for (i = 0; i < ni; i++) {
		const Ident *id = &c->id[i];
		LedeEntity *e;

		if (row[i] >= 0)
			continue;
		e = &c->res[row[into[i]]];
		add_l(c, &e->mentions, id->mentions);
		add_l(c, &e->ndocs, id->docs);
		add_l(c, &e->tonen, id->tonen);
		add_l(c, &e->tonepos, id->pos);
		add_l(c, &e->toneneg, id->neg);
		add_ll(c, &e->tonesum, id->tonesum);
	}
	/* its surface forms too, not its names; equal forms are summed */
	fr = emalloc((nf ? nf : 1) * sizeof(*fr));
	for (i = j = 0; i < nf; i++) {
		size_t n;
		const char *k = lede_dict_key(c->forms, (long)i, &n);
		long a = c->f[i].ident;

		if (row[a] < 0 && k[8] == 'n')
			continue;
		fr[j].ident = row[a] >= 0 ? row[a] : row[into[a]];
		fr[j].count = c->f[i].count;
		fr[j].kind = k[8];
		fr[j].s = k + 9;
		fr[j].n = n - 9;
		j++;
	}
	nf = j;
	lede_sort(fr, nf, sizeof(*fr), fref_strcmp);
	for (i = j = 0; i < nf; i++) {
		if (j > 0 && fref_strcmp(&fr[j - 1], &fr[i]) == 0)
			add_ll(c, &fr[j - 1].count, fr[i].count);
		else
			fr[j++] = fr[i];
	}
	nf = j;
	lede_sort(fr, nf, sizeof(*fr), fref_cmp);
	/*
	 * 'n' sorts before 's': the first 'n' form of each is its name, unless
	 * it is in capitals and a name that is not has at least a quarter of
	 * its mentions (the datelines' "NEW YORK" against "New York").
	 */
	for (i = 0; i < nf; i++) {
		LedeEntity *e = &c->res[fr[i].ident];

		if (fr[i].kind == 'n') {
			if (!e->name) {
				e->name = fr[i].s;
				e->namelen = fr[i].n;
				topn = fr[i].count;
				caps = allcaps(e->name, e->namelen);
			} else if (caps && fr[i].count >= (topn + 3) / 4 &&
			    !allcaps(fr[i].s, fr[i].n)) {
				e->name = fr[i].s;
				e->namelen = fr[i].n;
				caps = 0;
			}
			continue;
		}
		if (fr[i].n == e->namelen && !memcmp(fr[i].s, e->name, fr[i].n)) {
			e->namen = (long)fr[i].count;
			continue;
		}
		if (!e->alias) {
			e->alias = c->pool + p;
			e->aliaslen = c->poollen + p;
			e->aliasn = c->pooln + p;
		}
		c->pool[p] = fr[i].s;
		c->poollen[p] = fr[i].n;
		c->pooln[p] = (long)fr[i].count;
		e->nalias++;
		p++;
	}
	free(fr);
	free(into);
	free(row);
	ni = nr;
	for (i = 0; i < ni; i++) {
		if (!c->res[i].name) {	/* cannot happen with checked input */
			c->res[i].name = c->res[i].key;
			c->res[i].namelen = strlen(c->res[i].key);
		}
	}
	possessive_names(c, ni);
	lede_sort(c->res, ni, sizeof(*c->res), result_cmp);
	*out = c->res;
	return ni;
}
