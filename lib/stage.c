/* See LICENSE file for copyright and license details. */
/*
 * The filters of the chain (stem, ner-tag, sentiment) on one sentence:
 * see stage.h.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "boiler.h"
#include "formtab.h"
#include "nerrules.h"
#include "sentiment.h"
#include "stage.h"
#include "text.h"

int
lede_next_sent(LedeReader *r, LedeSent *s, int *status)
{
	int rc;

	while ((rc = lede_read_sent(r, s)) < 0) {
		weprintf("%s", lede_reader_error(r));
		*status = 1;
	}
	return rc > 0;
}

int
lede_next_doc(LedeReader *r, LedeDoc *d, int *status)
{
	int rc;

	while ((rc = lede_read_doc(r, d)) < 0) {
		weprintf("%s", lede_reader_error(r));
		*status = 1;
	}
	return rc > 0;
}

int
lede_filter_run(char **files, int nfiles, const char **cols_in, int nin,
    const char **cols_out, int nout, LedeFilterFn *fn, void *stage, int stats)
{
	LedeReader *r;
	LedeWriter *w;
	LedeSent s = {0};
	int status = 0;

	r = lede_reader_open(files, nfiles);
	lede_reader_require(r, cols_in, nin);
	lede_reader_outcols(r, cols_out, nout);
	w = lede_writer_new(stdout);
	while (lede_next_sent(r, &s, &status)) {
		fn(stage, &s, 0);
		if (lede_write_sent(w, &s) < 0)
			break;
	}
	lede_write_header(w, r);
	if (stats)
		fprintf(stderr, "%s: %s\n", argv0, lede_stats_text(r, w, -1));
	status |= fshut(stdout, "<stdout>");
	lede_writer_free(w);
	lede_reader_free(r);
	lede_sent_free(&s);
	return status;
}

/* The cache of stems by form is dropped when it grows past this. */
#define STEM_CACHE_MAX 1000000

struct LedeStemStage {
	struct sb_stemmer *st;
	LedeFt *cache;		/* form -> v[0], v[1]: offset and length in stems */
	LedeBuf stems, low;
	uint64_t *hash;		/* the sentence's form hashes */
	size_t chash;
	unsigned gen;
	int formcol;
};

LedeStemStage *
lede_stem_stage_new(const char *lang)
{
	struct sb_stemmer *sb = sb_stemmer_new(lang, "UTF_8");
	LedeStemStage *st;

	if (!sb)
		return NULL;
	st = ecalloc(1, sizeof(*st));
	st->st = sb;
	st->cache = lede_ft_new();
	st->formcol = -1;
	return st;
}

/* The stem of a form the cache does not hold, into e. */
static void
stem_new(LedeStemStage *st, LedeFtEnt *e, const char *form, size_t n)
{
	const char *stem;
	size_t slen;

	lede_buf_clear(&st->low);
	lede_lower(&st->low, form, n);
	if (lede_hasletter(st->low.p, st->low.len)) {
		stem = (const char *)sb_stemmer_stem(st->st,
		    (const sb_symbol *)st->low.p, (int)st->low.len);
		if (!stem)
			eprintf("out of memory in the stemmer");
		slen = (size_t)sb_stemmer_length(st->st);
	} else {
		stem = st->low.p;
		slen = st->low.len;
	}
	if (st->stems.len > INT32_MAX - slen - 1)
		eprintf("out of memory (stem cache past %d bytes)", INT32_MAX);
	e->v[0] = (int32_t)st->stems.len;
	e->v[1] = (int32_t)slen;
	lede_buf_add(&st->stems, stem, slen);
	lede_buf_addc(&st->stems, '\0');
}

/*
 * The sentence's forms are hashed and their slots fetched ahead, then
 * their entries, then looked up: a token costs its cache misses once.
 */
void
lede_stem_stage_sent(LedeStemStage *st, LedeSent *s, int k)
{
	size_t i;

	if (s->gen != st->gen) {
		st->gen = s->gen;
		st->formcol = lede_sent_col(s, "FORM");
	}
	if (s->ntok > st->chash) {
		st->chash = s->ntok * 2;
		free(st->hash);
		st->hash = ereallocarray(NULL, st->chash, sizeof(*st->hash));
	}
	for (i = 0; i < s->ntok; i++) {
		const char *form = lede_field(s, i, st->formcol);

		st->hash[i] = lede_ft_hash(form, lede_fieldlen(s, i, st->formcol));
		lede_ft_prefetch(st->cache, st->hash[i]);
	}
	for (i = 0; i < s->ntok; i++)
		lede_ft_prefetch_entry(st->cache, st->hash[i]);
	for (i = 0; i < s->ntok; i++) {
		const char *form = lede_field(s, i, st->formcol);
		size_t n = lede_fieldlen(s, i, st->formcol);
		int added;
		LedeFtEnt *e = lede_ft_get(st->cache, form, n, st->hash[i], &added);

		if (added)
			stem_new(st, e, form, n);
		lede_sent_set(s, i, k, st->stems.p + e->v[0], (size_t)e->v[1]);
	}
	if (lede_ft_size(st->cache) > STEM_CACHE_MAX) {
		lede_ft_clear(st->cache);
		lede_buf_clear(&st->stems);
	}
}

void
lede_stem_stage_free(LedeStemStage *st)
{
	if (!st)
		return;
	lede_ft_free(st->cache);
	lede_buf_free(&st->stems);
	lede_buf_free(&st->low);
	free(st->hash);
	sb_stemmer_delete(st->st);
	free(st);
}

/* ner-tag */

typedef char Tag[32];

/*
 * Hyphenated words that the tokenizer split ("German - based", adjacent by
 * START/END) are tagged as one word, as in the CoNLL data the model learnt
 * from, and the tag is projected back on the pieces: pieces that start
 * with a capital or a digit stay in the name, the others leave it.
 */
typedef struct {
	size_t first, n;	/* original tokens */
} Group;

struct LedeNerStage {
	const LedeNerModel *model;
	LedeNerTagger *t;
	unsigned keep;		/* types to keep, bit t */
	Tag bio[LEDE_NER_MAXLABELS];	/* BIO tag of each model label */
	size_t biolen[LEDE_NER_MAXLABELS];
	int *lab;		/* labels of the tokens */
	size_t clab;
	Tag *otag;		/* output tags of the tokens */
	const char **otagp;
	size_t cotag;
	unsigned char *freetok;	/* rule-based types */
	int *xout;
	size_t cx;
	Group *grp;
	size_t cgrp;
	LedeBuf joined;
	const char **forms;
	size_t *len, *joff, cap;
	unsigned gen;
	int formcol, startcol, endcol;
	int misc, loc, org;	/* the model has the type MISC, LOC, ORG */
};

unsigned
lede_ner_keep_default(const LedeNerModel *m)
{
	return (1u << lede_ner_ntypes(m)) - 1;
}

unsigned
lede_ner_keep_all(const LedeNerModel *m)
{
	return (1u << (lede_ner_ntypes(m) + LEDE_NX_NTYPES)) - 1;
}

LedeNerStage *
lede_ner_stage_new(const LedeNerModel *m, unsigned keep)
{
	LedeNerStage *ns = ecalloc(1, sizeof(*ns));
	int l;

	ns->model = m;
	ns->t = lede_ner_tagger_new(m);
	ns->keep = keep;
	for (l = 0; l < 1 + 4 * lede_ner_ntypes(m); l++) {
		ns->biolen[l] = lede_ner_bio(m, l, ns->bio[l], sizeof(ns->bio[l]));
		if (!strcmp(ns->bio[l], "B-MISC"))
			ns->misc = 1;
		if (!strcmp(ns->bio[l], "B-LOC"))
			ns->loc = 1;
		if (!strcmp(ns->bio[l], "B-ORG"))
			ns->org = 1;
	}
	ns->formcol = ns->startcol = ns->endcol = -1;
	return ns;
}

void
lede_ner_stage_free(LedeNerStage *ns)
{
	if (!ns)
		return;
	lede_ner_tagger_free(ns->t);
	free(ns->lab);
	free(ns->otag);
	free(ns->otagp);
	free(ns->freetok);
	free(ns->xout);
	free(ns->grp);
	lede_buf_free(&ns->joined);
	free(ns->forms);
	free(ns->len);
	free(ns->joff);
	free(ns);
}

void
lede_ner_stage_newdoc(LedeNerStage *ns)
{
	lede_ner_tagger_newdoc(ns->t);
}

/* Room for n tokens. */
static void
ner_ensure(LedeNerStage *ns, size_t n)
{
	if (n > ns->clab) {
		ns->clab = n * 2;
		ns->lab = ereallocarray(ns->lab, ns->clab, sizeof(*ns->lab));
	}
	if (n > ns->cotag) {
		ns->cotag = n * 2;
		ns->otag = ereallocarray(ns->otag, ns->cotag, sizeof(*ns->otag));
		ns->otagp = ereallocarray(ns->otagp, ns->cotag, sizeof(*ns->otagp));
	}
	if (n > ns->cap) {
		ns->cap = n * 2;
		ns->forms = ereallocarray(ns->forms, ns->cap, sizeof(*ns->forms));
		ns->len = ereallocarray(ns->len, ns->cap, sizeof(*ns->len));
	}
}

/*
 * Names of the model's types that -t drops become O (whole names, since B
 * and I go alike); after the rules of ner_fixtypes, which may change a
 * name's type, and before the rule-based types, which look for O.
 */
static void
ner_filter(LedeNerStage *ns, size_t n)
{
	int nt = lede_ner_ntypes(ns->model), t;
	unsigned all = (1u << nt) - 1;
	size_t i;

	if ((ns->keep & all) == all)
		return;
	for (i = 0; i < n; i++) {
		if (ns->otag[i][0] == 'O')
			continue;
		for (t = 0; t < nt; t++)
			if (!strcmp(ns->otag[i] + 1, ns->bio[1 + 4 * t] + 1))
				break;
		if (t < nt && !(ns->keep & (1u << t)))
			memcpy(ns->otag[i], "O", 2);
	}
}

/* "and" or "&", then "Co" or "Co." */
static int
isand(const char *f, size_t n)
{
	return (n == 3 && !memcmp(f, "and", 3)) || (n == 1 && f[0] == '&');
}

static int
isco(const char *f, size_t n)
{
	return (n == 2 || (n == 3 && f[2] == '.')) && f[0] == 'C' && f[1] == 'o';
}

/*
 * A plain capitalized word: an ASCII capital, then ASCII letters, not all
 * capitals ("Peabody", "McCutcheon"; not "AZT", "J.P.").
 */
static int
plainword(const char *f, size_t n)
{
	size_t i;
	int lower = 0;

	if (n < 2 || !(f[0] >= 'A' && f[0] <= 'Z'))
		return 0;
	for (i = 1; i < n; i++) {
		if (f[i] >= 'a' && f[i] <= 'z')
			lower = 1;
		else if (!(f[i] >= 'A' && f[i] <= 'Z'))
			return 0;
	}
	return lower;
}

/*
 * The end (exclusive) of ", Y and Co" from token j, Y one or two plain
 * capitalized words, after a name of plain words i..j-1 ("Kidder,
 * Peabody and Co", "Smith Barney, Harris Upham and Co"), or 0.  Not after
 * initials or capitals ("makes AZT, Merck and Co", "Citicorp, J.P.
 * Morgan and Co": lists).
 */
static size_t
commaco(const char *const *forms, const size_t *len, size_t n, size_t i,
    size_t j)
{
	size_t k, m;

	if (j - i > 2 || j + 3 >= n || len[j] != 1 || forms[j][0] != ',')
		return 0;
	for (k = i; k < j; k++)
		if (!plainword(forms[k], len[k]))
			return 0;
	for (m = 1; m <= 2; m++) {
		k = j + m;	/* the last word of Y */
		if (k + 2 >= n || !plainword(forms[k], len[k]))
			return 0;
		if (isand(forms[k + 1], len[k + 1]) &&
		    isco(forms[k + 2], len[k + 2]))
			return k + 3;
	}
	return 0;
}

/* A word that starts with an ASCII capital or a digit. */
static int
capordig(const char *f)
{
	return (f[0] >= 'A' && f[0] <= 'Z') || (f[0] >= '0' && f[0] <= '9');
}

/*
 * The end (exclusive) of a bracketed part and a legal-form designator
 * that go on a company's name from token j: "(Pacific) Ltd", "(Europe)
 * Ltd", "(U.K.) Ltd", "(1962) Ltd"; 1 to 4 words in the brackets, the
 * first and last capitalized or numbers; or 0.
 */
static size_t
legaltail(const char *const *forms, const size_t *len, size_t n, size_t j)
{
	size_t k;

	if (j + 3 >= n || len[j] != 1 || forms[j][0] != '(' ||
	    !capordig(forms[j + 1]))
		return 0;
	for (k = j + 1; k < n && k <= j + 4; k++)
		if (len[k] == 1 && forms[k][0] == ')')
			break;
	if (k >= n || k == j + 1 || len[k] != 1 || forms[k][0] != ')' ||
	    !capordig(forms[k - 1]) ||
	    k + 1 >= n || !lede_nerx_legal(forms[k + 1], len[k + 1]))
		return 0;
	return k + 2;
}

/*
 * Types the model gets wrong on names of closed classes:
 * - a name followed by "and Co" or "& Co" is a firm, ORG over all of it
 *   and the designators after it ("James Capel and Co", "C. Itoh and Co
 *   Ltd"), as CoNLL-2003 tags "Goldman Sachs & Co"; the model made the
 *   name PER and "Co" a name of its own (LOC in 27 Reuters-21578
 *   articles).  So is "Kidder, Peabody and Co" (commaco).  Only for a
 *   model with an ORG type.
 * - so is a name followed by a bracketed part and a legal-form
 *   designator ("Industrial Equity (Pacific) Ltd", "Sony (U.K.) Ltd"),
 *   as CoNLL-2003 tags "Total Petroleum (North America) Ltd"; the model
 *   made the bracketed part a place and "Ltd" a company of its own (in
 *   164 of the 201 such names of the Reuters-21578 chain stream).
 * - a name that is a country's ("Philippines", "USSR", "U.K.") is LOC, as
 *   CoNLL-2003 tags every country (national teams too).  The model, with
 *   the silver GMB gazetteer, made "Philippines" and "USSR" ORG in most
 *   of the Reuters-21578 articles that name them.  Only for a model with
 *   a LOC type.
 * - a name that a holiday holds from its start ("Christmas", "Easter" of
 *   "Easter Monday", "New Year" of "New Year's Day"; not "Christmas
 *   Island") is MISC, over the whole holiday, as the CoNLL-2003
 *   annotators tagged "Labor Day" and "New Year's Day".  The model saw no
 *   other holiday in training and took most of them for places
 *   ("Christmas", "Easter" and "Ramadan" LOC).  Only for a model with a
 *   MISC type.
 * They run before -t drops types (ner_filter): a name whose type by rule
 * is dropped goes with it.
 */
/* Tokens a..b-1 one name of the type. */
static void
settype(LedeNerStage *ns, size_t a, size_t b, const char *type)
{
	size_t i;

	for (i = a; i < b; i++)
		snprintf(ns->otag[i], sizeof(ns->otag[i]), "%c-%s",
		    i == a ? 'B' : 'I', type);
}

/* Whether f[0..n) is w. */
static int
is(const char *f, size_t n, const char *w)
{
	return n == strlen(w) && !memcmp(f, w, n);
}

/*
 * A bill of parliament that the model took for a person or a firm: a
 * name of two words or more, PER or ORG, that ends in "Bill" ("Identity
 * Cards Bill", "Kill Bill": h = i, the name made MISC, as CoNLL-2003 tags
 * "Brady Bill"); and "Bill" tagged a person alone, with no capitalized
 * word after it, after a determiner or a possessive ("the Bill": h =
 * SIZE_MAX, no name) or after capitalized words that are no name ("the
 * Finance Bill", "Gambling Bill": h the first of them, the name a MISC).
 * Not after a title or a nickname ("Mr Bill", "Buffalo Bill"), nor when
 * the capitals start the sentence ("When Bill").  Returns h, or j when
 * the name [i, j) stays as it is.
 */
static size_t
bill(const LedeNerStage *ns, const char *const *forms, const size_t *len,
    size_t n, size_t i, size_t j)
{
	static const char *const det[] = {	/* lower case, sorted */
		"'s", "a", "its", "that", "the", "this", "\xe2\x80\x99s",
	};
	static const char *const title[] = {	/* lower case, sorted */
		"a", "an", "aunt", "big", "brother", "buffalo", "dr", "father",
		"little", "mr", "mrs", "ms", "old", "sir", "that", "the", "this",
		"uncle", "wild",
	};
	size_t h;

	if (!ns->misc || !is(forms[j - 1], len[j - 1], "Bill") ||
	    (strcmp(ns->otag[i], "B-PER") && strcmp(ns->otag[i], "B-ORG")))
		return j;
	if (j > i + 1)
		return lede_inlist(title, LEDE_LEN(title), forms[i], len[i]) ?
		    j : i;
	if (strcmp(ns->otag[i], "B-PER") || i == 0 ||
	    (j < n && forms[j][0] >= 'A' && forms[j][0] <= 'Z'))
		return j;
	if (lede_inlist(det, LEDE_LEN(det), forms[i - 1], len[i - 1]))
		return SIZE_MAX;
	for (h = i; h > 0 && !strcmp(ns->otag[h - 1], "O") &&
	    forms[h - 1][0] >= 'A' && forms[h - 1][0] <= 'Z' &&
	    len[h - 1] > 1 && forms[h - 1][len[h - 1] - 1] != '.' &&
	    !lede_inlist(title, LEDE_LEN(title), forms[h - 1], len[h - 1]); h--)
		;
	return h == i || h == 0 ? j : h;
}

/* The end of the name that starts at i (tagged B-), or i + 1. */
static size_t
nameend(const LedeNerStage *ns, size_t n, size_t i)
{
	size_t j = i + 1;

	while (j < n && ns->otag[j][0] == 'I' &&
	    !strcmp(ns->otag[j] + 1, ns->otag[i] + 1))
		j++;
	return j;
}

/*
 * A name right after a lower-case noun that names a kind of organization
 * ("the aid group Oxfam", "Dutch newspaper Algemeen Dagblad", "Chinese
 * firm Dongfeng") is an organization, as CoNLL-2003 tags such names in
 * its training set: a PER or MISC name there becomes ORG.  Not when a
 * determiner or a number comes right before the noun ("the firm Gordon Wu
 * said", "both companies Li Ka-shing", "a company Cross is forming": the
 * name starts a clause or is a person), nor a MISC name that a lower-case
 * word follows ("a firm American commitment": an adjective).  Nouns that
 * also name a person's trade ("broker", "broadcaster", "publisher") or a
 * thing ("carrier", of ships) are not in the list.  Returns whether the
 * name [i, j) of n tokens is such a name.
 */
static int
orgafter(const LedeNerStage *ns, const char *const *forms, const size_t *len,
    size_t n, size_t i, size_t j)
{
	static const char *const head[] = {	/* lower case, sorted */
		"agencies", "agency", "airline", "airlines", "association",
		"automaker", "band", "bank", "banks", "carmaker", "chain",
		"charity", "club", "coalition", "companies", "company",
		"conglomerate", "consortium", "dailies", "daily", "firm",
		"firms", "foundation", "group", "groups", "insurer", "lender",
		"magazine", "movement", "network", "newspaper", "newspapers",
		"organisation", "organization", "retailer", "subsidiary",
		"tabloid", "union", "unit", "weekly",
	};
	static const char *const det[] = {	/* lower case, sorted */
		"a", "an", "both", "each", "every", "five", "four", "her",
		"his", "its", "one", "our", "several", "that", "the", "their",
		"these", "this", "those", "three", "two", "your",
	};
	int misc = !strcmp(ns->otag[i], "B-MISC");
	unsigned char c = (unsigned char)forms[i][0];

	if (!ns->org || i == 0 || (!misc && strcmp(ns->otag[i], "B-PER")) ||
	    forms[i - 1][0] < 'a' || forms[i - 1][0] > 'z' ||
	    !((c >= 'A' && c <= 'Z') || c >= 0xc0) ||
	    !lede_inlist(head, LEDE_LEN(head), forms[i - 1], len[i - 1]))
		return 0;
	if (i >= 2 && ((forms[i - 2][0] >= '0' && forms[i - 2][0] <= '9') ||
	    lede_inlist(det, LEDE_LEN(det), forms[i - 2], len[i - 2])))
		return 0;
	return !misc || j == n || forms[j][0] < 'a' || forms[j][0] > 'z';
}

/*
 * A firm's name that ends in a legal form or "Capital", "Partners" or
 * "Holdings", followed by "of" and a place, all in one ORG name
 * ("Nordhavn Capital of Copenhagen", "Bestop Inc of Boulder"): the firm
 * and the place, as CoNLL-2003 tags all four such names of train and
 * dev ("Bessemer Venture Partners of Menlo Park").  Two words or more
 * before "of", capitalized words after it to the name's end.  Returns
 * the index of "of" in the ORG name [i, j), or 0.
 */
static size_t
firmofplace(const LedeNerStage *ns, const char *const *forms,
    const size_t *len, size_t i, size_t j)
{
	static const char *const end[] = {	/* lower case, sorted */
		"capital", "holdings", "inc", "llc", "ltd", "nv", "partners",
		"plc",
	};
	size_t k, m;

	if (!ns->loc || strcmp(ns->otag[i], "B-ORG"))
		return 0;
	for (k = i + 2; k + 1 < j; k++)
		if (is(forms[k], len[k], "of"))
			break;
	if (k + 1 >= j || !lede_inlist(end, LEDE_LEN(end), forms[k - 1],
	    len[k - 1]) || forms[k - 1][0] < 'A' || forms[k - 1][0] > 'Z')
		return 0;
	for (m = k + 1; m < j; m++)
		if (!capordig(forms[m]) || lede_nerx_legal(forms[m], len[m]))
			return 0;
	return k;
}

static void
ner_fixtypes(LedeNerStage *ns, const char *const *forms, const size_t *len,
    size_t n)
{
	size_t i, j, h;

	if (!ns->misc && !ns->loc && !ns->org)
		return;
	for (i = 0; i < n; i = j) {
		j = i + 1;
		if (ns->otag[i][0] != 'B')
			continue;
		j = nameend(ns, n, i);
		/* "James Capel and Co": the firm, as CoNLL-2003 tags it */
		h = 0;
		if (j + 1 < n && isand(forms[j], len[j]) &&
		    isco(forms[j + 1], len[j + 1]))
			h = j + 2;
		else	/* "Kidder, Peabody and Co" */
			h = commaco(forms, len, n, i, j);
		while (h > 0 && h < n && lede_nerx_legal(forms[h], len[h]))
			h++;	/* "and Co Inc" */
		if (ns->org && h > 0 && (h == n || ns->otag[h][0] != 'I')) {
			j = h;
			settype(ns, i, j, "ORG");
			continue;
		}
		if (ns->org && (h = legaltail(forms, len, n, j)) > 0) {
			j = h;
			settype(ns, i, j, "ORG");
			continue;
		}
		if ((h = firmofplace(ns, forms, len, i, j)) > 0) {
			settype(ns, i, h, "ORG");
			snprintf(ns->otag[h], sizeof(ns->otag[h]), "O");
			settype(ns, h + 1, j, "LOC");
			continue;
		}
		if (orgafter(ns, forms, len, n, i, j)) {
			settype(ns, i, j, "ORG");
			continue;
		}
		if (ns->loc && lede_nerx_country(forms + i, len + i, j - i)) {
			settype(ns, i, j, "LOC");
			continue;
		}
		if ((h = bill(ns, forms, len, n, i, j)) != j) {
			if (h == SIZE_MAX)
				snprintf(ns->otag[i], sizeof(ns->otag[i]), "O");
			else
				settype(ns, h, j, "MISC");
			continue;
		}
		if (!ns->misc || (h = lede_nerx_holiday(forms, len, n, i)) < j)
			continue;
		while (j < h && ns->otag[j][0] == 'O')
			j++;
		if (j < h)	/* another name starts inside the holiday */
			continue;
		settype(ns, i, j, "MISC");
	}
}

/*
 * The places of a wire dateline at a paragraph's start ("DENVER, March 3
 * -", "SAO PAULO, March 3 -", "BOCA RATON, Fla., March 3 -"; the rule of
 * lib/boiler.c) are places whatever the model made of them: the words of
 * each place from the first it tagged to the last become one LOC name.
 * Words it left out before or after stay out ("ZURICH GOLD CLOSING,
 * March 3 -" keeps its tagged "ZURICH" alone), and a place that a name
 * runs into or out of is left as tagged.  `entities` reads a dateline
 * the same way (lib/entreport.c), for streams tagged otherwise.  A name
 * of the dateline outside its places is the wire ("PARIS, March 12,
 * Reuter -", which the model took for a person): an ORG.
 */
static void
ner_dateline(LedeNerStage *ns, const LedeSent *s)
{
	LedeDatePlaces pl;
	size_t g, k, dl;

	if (!ns->loc || !(dl = lede_boil_sentdateplaces(s, ns->formcol, -1,
	    &pl)))
		return;
	/* a name outside the places is the wire: "(Reuters)", "Reuter -" */
	for (k = 0; ns->org && k < dl && k < s->ntok; k = g) {
		size_t p;

		g = ns->otag[k][0] == 'B' ? nameend(ns, s->ntok, k) : k + 1;
		for (p = 0; p < pl.n && (k >= pl.p[p][1] || g <= pl.p[p][0]); p++)
			;
		if (ns->otag[k][0] == 'B' && p == pl.n && g <= dl &&
		    strcmp(ns->otag[k], "B-ORG"))
			settype(ns, k, g, "ORG");
	}
	for (g = 0; g < pl.n; g++) {
		size_t b = pl.p[g][0], e = pl.p[g][1], tb = e, te = e;

		for (k = b; k < e; k++)
			if (ns->otag[k][0] != 'O') {
				if (tb == e)
					tb = k;
				te = k + 1;
			}
		if (tb == e || (ns->otag[tb][0] == 'I' && tb > 0 &&
		    ns->otag[tb - 1][0] != 'O') ||
		    (te < s->ntok && ns->otag[te][0] == 'I'))
			continue;
		settype(ns, tb, te, "LOC");
	}
}

/* Whether the words [i, j) are all cue words of boilerplate lines. */
static int
cuename(const LedeNerStage *ns, size_t i, size_t j)
{
	while (i < j && lede_boil_cueword(ns->forms[i], ns->len[i]))
		i++;
	return i == j;
}

/*
 * A name made only of the common words of a disclosure, subscribe or
 * read-more line ("Sponsored content: Subscribe to our newsletter",
 * "Affiliate Disclosure", "Related Stories"; lede_boil_cueword), in such a
 * line, is no name: the model took the capitals of a web page's furniture
 * for a person.  The line is classified only when the sentence holds such
 * a name.
 */
static void
ner_boiler(LedeNerStage *ns, const LedeSent *s)
{
	size_t i, j, k;
	int furniture = -1;	/* the line's class, once a name asks for it */

	for (i = 0; i < s->ntok; i = j) {
		j = ns->otag[i][0] == 'O' ? i + 1 : nameend(ns, s->ntok, i);
		if (ns->otag[i][0] == 'O' || !cuename(ns, i, j))
			continue;
		if (furniture < 0) {
			LedeBoil b = lede_boil_sentclass(s, ns->formcol);

			furniture = b == LEDE_BOIL_DISCLOSURE ||
			    b == LEDE_BOIL_SUBSCRIBE || b == LEDE_BOIL_READMORE;
		}
		if (!furniture)
			return;
		for (k = i; k < j; k++)
			snprintf(ns->otag[k], sizeof(ns->otag[k]), "O");
	}
}

/*
 * Rule-based types (lib/nerrules.h) on the tokens tagged O, for the types
 * kept (bits ntypes.. of keep).
 */
static void
ner_extras(LedeNerStage *ns, const char *const *forms, const size_t *len, size_t n)
{
	int nt = lede_ner_ntypes(ns->model);
	size_t i;

	if (!(ns->keep >> nt))
		return;
	if (n > ns->cx) {
		ns->cx = n * 2;
		ns->freetok = erealloc(ns->freetok, ns->cx);
		ns->xout = ereallocarray(ns->xout, ns->cx, sizeof(*ns->xout));
	}
	for (i = 0; i < n; i++)
		ns->freetok[i] = ns->otag[i][0] == 'O';
	lede_nerx_tag(forms, len, n, ns->freetok, ns->keep >> nt, ns->xout);
	for (i = 0; i < n; i++)
		if (ns->xout[i] >= 0) {
			snprintf(ns->otag[i], sizeof(ns->otag[i]), "%c-%s",
			    ns->xout[i] & 1 ? 'I' : 'B', lede_nerx_name(ns->xout[i] / 2));
		}
}

const char *const *
lede_ner_stage_tokens(LedeNerStage *ns, const char *const *forms,
    const size_t *len, size_t n)
{
	size_t i;

	ner_ensure(ns, n);
	lede_ner_tag(ns->t, forms, len, n, ns->lab);
	for (i = 0; i < n; i++)
		memcpy(ns->otag[i], ns->bio[ns->lab[i]], sizeof(ns->otag[i]));
	ner_fixtypes(ns, forms, len, n);
	ner_filter(ns, n);
	ner_extras(ns, forms, len, n);
	for (i = 0; i < n; i++)
		ns->otagp[i] = ns->otag[i];
	return ns->otagp;
}

static int
isnum(const char *s, unsigned long *v)
{
	char *end;

	if (*s < '0' || *s > '9')
		return 0;
	*v = strtoul(s, &end, 10);
	return *end == '\0';
}

static int
adjacent(const LedeSent *s, size_t i, int sc, int ec)
{
	unsigned long e, b;

	return isnum(lede_field(s, i, ec), &e) &&
	    isnum(lede_field(s, i + 1, sc), &b) && e == b;
}

static size_t
group(LedeNerStage *ns, const LedeSent *s)
{
	int fc = ns->formcol, sc = ns->startcol, ec = ns->endcol;
	size_t i = 0, n = 0;

	if (s->ntok > ns->cgrp) {
		ns->cgrp = s->ntok * 2;
		ns->grp = ereallocarray(ns->grp, ns->cgrp, sizeof(*ns->grp));
	}
	while (i < s->ntok) {
		size_t j = i;

		if (sc >= 0 && ec >= 0 && strcmp(lede_field(s, i, fc), "-"))
			while (j + 2 < s->ntok &&
			    !strcmp(lede_field(s, j + 1, fc), "-") &&
			    strcmp(lede_field(s, j + 2, fc), "-") &&
			    adjacent(s, j, sc, ec) && adjacent(s, j + 1, sc, ec))
				j += 2;
		ns->grp[n].first = i;
		ns->grp[n].n = j - i + 1;
		n++;
		i = j + 1;
	}
	return n;
}

static int
capstart(const char *s)
{
	unsigned char c = (unsigned char)s[0];

	return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0xc0;
}

static void
settag(LedeNerStage *ns, size_t i, const char *t, size_t len)
{
	if (len >= sizeof(ns->otag[i]))
		len = sizeof(ns->otag[i]) - 1;
	memcpy(ns->otag[i], t, len);
	ns->otag[i][len] = '\0';
}

/*
 * Tags of the pieces of group g, whose joined word got label l, the next
 * group label next.  Pieces that do not start with a capital or a digit
 * leave the name only at its edges: before its first such piece unless
 * the name began in an earlier word, after its last unless the name goes
 * on in the next word ("Coca-cola Co", "Abu al-Masri" stay whole;
 * "German-based" keeps German only).
 */
static void
project(LedeNerStage *ns, const LedeSent *s, const Group *g, int l, int next)
{
	char tag[32];
	size_t k, len = ns->biolen[l], lo = 0, hi = g->n - 1;
	int fc = ns->formcol, part = (l - 1) % 4;
	int before = l > 0 && (part == 1 || part == 2);
	int after = l > 0 && next > 0 && (next - 1) / 4 == (l - 1) / 4 &&
	    ((next - 1) % 4 == 1 || (next - 1) % 4 == 2);

	memcpy(tag, ns->bio[l], sizeof(tag));

	if (g->n == 1 || l == 0) {
		for (k = 0; k < g->n; k++)
			settag(ns, g->first + k, tag, len);
		return;
	}
	for (k = 0; k < g->n && !capstart(lede_field(s, g->first + k, fc));
	    k += 2)
		;
	if (k < g->n) {		/* else no capital: the whole word */
		if (!before)
			lo = k;
		if (!after)
			while (hi > lo && !capstart(lede_field(s,
			    g->first + hi, fc)))
				hi--;
	}
	for (k = 0; k < g->n; k++) {
		if (k < lo || k > hi) {
			settag(ns, g->first + k, "O", 1);
			continue;
		}
		/* the first piece keeps B or I; a later start is a B */
		if (k > lo)
			tag[0] = 'I';
		else if (k > 0)
			tag[0] = 'B';
		settag(ns, g->first + k, tag, len);
	}
}

void
lede_ner_stage_sent(LedeNerStage *ns, LedeSent *s, int k)
{
	size_t ng, i;

	if (s->gen != ns->gen) {
		ns->gen = s->gen;
		ns->formcol = lede_sent_col(s, "FORM");
		ns->startcol = lede_sent_col(s, "START");
		ns->endcol = lede_sent_col(s, "END");
	}
	if (s->newdoc)
		lede_ner_tagger_newdoc(ns->t);
	ng = group(ns, s);
	ner_ensure(ns, s->ntok);
	if (ng < s->ntok) {
		size_t g;

		lede_buf_clear(&ns->joined);
		ns->joff = ereallocarray(ns->joff, ng, sizeof(*ns->joff));
		for (i = 0; i < ng; i++) {
			ns->joff[i] = ns->joined.len;
			for (g = 0; g < ns->grp[i].n; g++)
				lede_buf_adds(&ns->joined, lede_field(s,
				    ns->grp[i].first + g, ns->formcol));
			ns->len[i] = ns->joined.len - ns->joff[i];
		}
		for (i = 0; i < ng; i++)
			ns->forms[i] = ns->joined.p + ns->joff[i];
	} else {
		for (i = 0; i < ng; i++) {
			ns->forms[i] = lede_field(s, i, ns->formcol);
			ns->len[i] = strlen(ns->forms[i]);
		}
	}
	lede_ner_tag(ns->t, ns->forms, ns->len, ng, ns->lab);
	for (i = 0; i < ng; i++)
		project(ns, s, &ns->grp[i], ns->lab[i],
		    i + 1 < ng ? ns->lab[i + 1] : 0);
	if (ng < s->ntok)	/* the forms of the tokens, not of the words */
		for (i = 0; i < s->ntok; i++) {
			ns->forms[i] = lede_field(s, i, ns->formcol);
			ns->len[i] = strlen(ns->forms[i]);
		}
	ner_fixtypes(ns, ns->forms, ns->len, s->ntok);
	ner_dateline(ns, s);
	ner_boiler(ns, s);
	ner_filter(ns, s->ntok);
	ner_extras(ns, ns->forms, ns->len, s->ntok);
	/* BIO: an I- that does not continue a name of its type is a B- */
	for (i = 0; i < s->ntok; i++)
		if (ns->otag[i][0] == 'I' && (i == 0 ||
		    ns->otag[i - 1][0] == 'O' ||
		    strcmp(ns->otag[i - 1] + 1, ns->otag[i] + 1)))
			ns->otag[i][0] = 'B';
	for (i = 0; i < s->ntok; i++)
		lede_sent_set(s, i, k, ns->otag[i], strlen(ns->otag[i]));
}

/* sentiment */

int
lede_sent_lexicon_load(LedeLexicon *lx, int nodefault, const char *const *files,
    size_t n, LedeBuf *err)
{
	char *path;
	size_t i;
	int rc;

	if (!nodefault) {
		if (!(path = lede_datapath(LEDE_LEXICON_DEFAULT))) {
			lede_buf_clear(err);
			lede_buf_printf(err, "cannot find the lexicon %s (%s)",
			    LEDE_LEXICON_DEFAULT, lede_datahint());
			return -1;
		}
		rc = lede_lexicon_load_file(lx, path, err);
		free(path);
		if (rc < 0)
			return -1;
	}
	for (i = 0; i < n; i++)
		if (lede_lexicon_load_file(lx, files[i], err) < 0)
			return -1;
	return 0;
}

struct LedeSentStage {
	LedeSentiment *sa;
	int context;
	const char **forms;
	long *start, *end;
	double *contrib, *ctx;
	unsigned char *inname;	/* inside a name: NER tag not O */
	size_t cap;
	unsigned gen;
	int formcol, startcol, endcol, nercol;
};

LedeSentStage *
lede_sent_stage_new(const LedeLexicon *lx, int context)
{
	LedeSentStage *ss = ecalloc(1, sizeof(*ss));

	ss->sa = lede_sentiment_new(lx);
	ss->context = context;
	ss->formcol = ss->startcol = ss->endcol = ss->nercol = -1;
	return ss;
}

void
lede_sent_stage_free(LedeSentStage *ss)
{
	if (!ss)
		return;
	lede_sentiment_free(ss->sa);
	free(ss->forms);
	free(ss->start);
	free(ss->end);
	free(ss->contrib);
	free(ss->ctx);
	free(ss->inname);
	free(ss);
}

/* A NER tag of a name: B-, I-, E- or S-TYPE. */
static int
isnametag(const char *t)
{
	return (t[0] == 'B' || t[0] == 'I' || t[0] == 'E' || t[0] == 'S') &&
	    t[1] == '-';
}

/*
 * A word as names are written: its first letter upper-case and a
 * lower-case letter after it ("Poor", "McGraw"), or no letter at all
 * (the "!" of "Yahoo!", "&").
 */
static int
namecase(const char *f)
{
	int32_t cp;
	int len, first = 1, fu = 0;
	size_t n = strlen(f);

	while (n > 0 && (len = lede_utf8_decode(f, n, &cp)) > 0) {
		if (lede_islower(cp))
			return fu;
		if (first && lede_isletter(cp)) {
			fu = lede_isupper(cp);
			first = 0;
		}
		f += len;
		n -= (size_t)len;
	}
	return first;
}

/*
 * Which tokens of s are words of a name, whose tone sentiment leaves out
 * (docs/SENTIMENT.md, "Names"): those with a name tag that are written
 * in title case or have no letter, except a one-word name that opens the
 * sentence.  The
 * NER model was trained on news; on other text it tags interjections
 * and shouting as names ("Nice !", "Damn", "lol", "LOL", "YAY").
 */
static void
find_names(const LedeSent *s, int nercol, const char *const *forms,
    unsigned char *inname)
{
	size_t i;

	for (i = 0; i < s->ntok; i++)
		inname[i] = isnametag(lede_field(s, i, nercol)) &&
		    namecase(forms[i]);
	if (s->ntok > 0 && inname[0] &&
	    (s->ntok == 1 || !strchr("IE", lede_field(s, 1, nercol)[0]) ||
	    !lede_field(s, 1, nercol)[0]))
		inname[0] = 0;
}

/* "%.3f", or "0" when it rounds to zero; returns the length. */
static size_t
fmt3(char *buf, size_t size, double v)
{
	if (fabs(v) < 0.0005) {
		buf[0] = '0';
		buf[1] = '\0';
		return 1;
	}
	return (size_t)snprintf(buf, size, "%.3f", v);
}

static int
parse_offset(const char *s, long *out)
{
	long v = 0;

	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || v > 100000000000L)
			return -1;
		v = v * 10 + (*s - '0');
	}
	*out = v;
	return 0;
}

void
lede_sent_stage_sent(LedeSentStage *ss, LedeSent *s, int k)
{
	size_t i;
	int offsets;
	double score;
	char buf[64];

	if (s->gen != ss->gen) {
		ss->gen = s->gen;
		ss->formcol = lede_sent_col(s, "FORM");
		ss->startcol = lede_sent_col(s, "START");
		ss->endcol = lede_sent_col(s, "END");
		ss->nercol = lede_sent_col(s, "NER");
	}
	if (s->ntok > ss->cap) {
		ss->cap = s->ntok > 256 ? s->ntok : 256;
		ss->forms = ereallocarray(ss->forms, ss->cap, sizeof(*ss->forms));
		ss->start = ereallocarray(ss->start, ss->cap, sizeof(*ss->start));
		ss->end = ereallocarray(ss->end, ss->cap, sizeof(*ss->end));
		ss->contrib = ereallocarray(ss->contrib, ss->cap, sizeof(*ss->contrib));
		ss->ctx = ereallocarray(ss->ctx, ss->cap, sizeof(*ss->ctx));
		ss->inname = erealloc(ss->inname, ss->cap);
	}
	offsets = ss->startcol >= 0 && ss->endcol >= 0;
	for (i = 0; i < s->ntok; i++) {
		ss->forms[i] = lede_field(s, i, ss->formcol);
		if (offsets && (parse_offset(lede_field(s, i, ss->startcol), &ss->start[i]) < 0 ||
		    parse_offset(lede_field(s, i, ss->endcol), &ss->end[i]) < 0))
			offsets = 0;
	}
	if (!s->ntok)
		return;
	if (ss->nercol >= 0)
		find_names(s, ss->nercol, ss->forms, ss->inname);
	score = lede_sentiment_sentence_names(ss->sa, ss->forms,
	    offsets ? ss->start : NULL, offsets ? ss->end : NULL,
	    ss->nercol >= 0 ? ss->inname : NULL, s->ntok,
	    ss->contrib, ss->context ? ss->ctx : NULL);
	for (i = 0; i < s->ntok; i++) {
		size_t n = fmt3(buf, sizeof(buf), ss->contrib[i]);

		lede_sent_set(s, i, k, buf, n);
		if (ss->context) {
			n = fmt3(buf, sizeof(buf), ss->ctx[i]);
			lede_sent_set(s, i, k + 1, buf, n);
		}
	}
	fmt3(buf, sizeof(buf), score);
	if (!strcmp(buf, "0"))
		strcpy(buf, "0.000");
	lede_sent_setmeta(s, "sentiment", buf);
}
