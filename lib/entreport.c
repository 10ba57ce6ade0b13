/* See LICENSE file for copyright and license details. */
/*
 * The entity report of a document read sentence by sentence
 * (tools/entities.c, lede --fused): see stage.h.
 */
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "boiler.h"
#include "text.h"
#include "stage.h"

static const char *names[] = {"doc", "entity", "type", "mentions", "first",
    "aliases", "tone", "similar"};
static const LedeColKind kinds[] = {LEDE_COL_STR, LEDE_COL_STR, LEDE_COL_STR,
    LEDE_COL_NUM, LEDE_COL_NUM, LEDE_COL_LIST, LEDE_COL_NUM, LEDE_COL_LIST};

/* Mentions of the current sentence, for the parentheses. */
typedef struct {
	size_t first, last;	/* tokens in the sentence */
	size_t m;		/* mention index in the document */
} Span;

struct LedeEntReport {
	LedeTable *table;
	LedeFormat format;
	long top;		/* 0: all */
	char **types;		/* or NULL: all */
	size_t ntypes;
	LedeEntCorpus *corpus;
	unsigned long nrows;
	LedeEntDoc *d;
	LedeBuf docid;
	size_t doctok;		/* tokens of the document before this sentence */
	int keepboil;		/* 1: mentions in boilerplate lines count too */
	int noise;		/* the current sentence is such a line (-1: not known yet) */
	long dateline;		/* its wire dateline's tokens */
	LedeDatePlaces pl;	/* the places of its dateline */
	const char *pltag[4];	/* the type a tagged place takes, or NULL */
	struct {		/* columns of the current schema */
		unsigned gen;
		int form, ner, start, end;
	} col;
	Span *span;
	size_t nspan, cspan;
	LedeBuf text, aliasbuf, errbuf;
	int alloffsets;		/* every mention of the document has a START */
	int indoc, skipdoc;	/* lede_ent_report_add: in a document, a damaged one */
};

LedeTable *
lede_ent_table_new(FILE *fp, LedeFormat fmt)
{
	return lede_table_new(fp, fmt, names, kinds, fmt == LEDE_FMT_JSONL ? 8 : 7);
}

LedeEntReport *
lede_ent_report_new(LedeTable *table, LedeFormat fmt, long top, char **types,
    size_t ntypes, LedeEntCorpus *corpus)
{
	LedeEntReport *er = ecalloc(1, sizeof(*er));

	er->table = table;
	er->format = fmt;
	er->top = top;
	er->types = types;
	er->ntypes = ntypes;
	er->corpus = corpus;
	er->d = lede_entdoc_new();
	/* its partial says how it was made (unless partials were read into it) */
	if (corpus && !lede_entcorpus_has_settings(corpus))
		lede_entcorpus_set_settings(corpus, 0);
	return er;
}

void
lede_ent_report_free(LedeEntReport *er)
{
	if (!er)
		return;
	lede_entdoc_free(er->d);
	lede_buf_free(&er->docid);
	free(er->span);
	lede_buf_free(&er->text);
	lede_buf_free(&er->aliasbuf);
	lede_buf_free(&er->errbuf);
	free(er);
}

unsigned long
lede_ent_report_rows(const LedeEntReport *er)
{
	return er->nrows;
}

const char *
lede_ent_report_error(const LedeEntReport *er)
{
	return er->errbuf.p ? er->errbuf.p : "no error";
}

const char *
lede_ent_report_docid(const LedeEntReport *er)
{
	return er->docid.p ? er->docid.p : "-";
}

static int
wanted(const LedeEntReport *er, const char *type)
{
	size_t i;

	if (!er->types)
		return 1;
	/* "per" is PER: types are written in capitals, users may not */
	for (i = 0; i < er->ntypes; i++)
		if (!strcasecmp(er->types[i], type))
			return 1;
	return 0;
}

/*
 * Offset column value of a token: 1 and *v for a number, 0 for "_", -1
 * for anything else.
 */
static int
offset(const LedeSent *s, size_t tok, int c, long *v)
{
	const char *f;

	if (c < 0)
		return 0;
	f = lede_field(s, tok, c);
	if (!strcmp(f, "_"))
		return 0;
	if (lede_strtol(f, 0, LONG_MAX, v) < 0)
		return -1;
	return 1;
}

/* 1 when tag is O or _: outside any name. */
static int
outside(const char *tag)
{
	return (tag[0] == 'O' || tag[0] == '_') && tag[1] == '\0';
}

static int
possessive(const char *f)
{
	if (f[0] != '\'' && (unsigned char)f[0] != 0xE2)
		return 0;	/* most tokens: no call */
	return !strcmp(f, "'s") || !strcmp(f, "\xE2\x80\x99s") || !strcmp(f, "'") ||
	    !strcmp(f, "\xE2\x80\x99") || !strcmp(f, "'S") || !strcmp(f, "\xE2\x80\x99S");
}

/* Whether f ends in an s or S: "'s", not an apostrophe alone. */
static int
endss(const char *f)
{
	size_t n = strlen(f);

	return n > 0 && (f[n - 1] == 's' || f[n - 1] == 'S');
}

/*
 * Words that need a subject, after a name that ends in a possessive:
 * "Moody's said", "Standard and Poor's affirmed" (sorted).
 */
static const char *const subjverbs[] = {
	"added", "affirmed", "agreed", "declined", "downgraded", "expects",
	"had", "has", "lowered", "rated", "said", "says", "upgraded", "will",
	"would",
};

/*
 * Whether the mention of tokens first..last ends in a possessive that is
 * its name's: a verb after it, or, after "by", "and", a comma or the end
 * of the sentence ("rated by Moody's and by Standard and Poor's.").  Not
 * the end of the sentence alone: "worth twice as much as Rainbow's."
 */
static int
ownposs(const LedeEntReport *er, const LedeSent *s, size_t first,
    size_t last)
{
	const char *f = lede_field(s, last, er->col.form), *nx;
	size_t n = strlen(f);

	if (!(last > first && possessive(f)) && !(n > 2 && f[n - 1] == 's' &&
	    (!strcmp(f + n - 2, "'s") || (n > 4 &&
	    !strcmp(f + n - 4, "\xE2\x80\x99s")))))
		return 0;
	nx = last + 1 < s->ntok ? lede_field(s, last + 1, er->col.form) : ".";
	if (first > 0 && !strcmp(lede_field(s, first - 1, er->col.form), "by") &&
	    (!strcmp(nx, "and") || !strcmp(nx, ",") || (!strcmp(nx, ".") &&
	    last + 2 >= s->ntok)))
		return 1;
	return lede_inlist(subjverbs, LEDE_LEN(subjverbs), nx, strlen(nx));
}

static unsigned long
rowline(const LedeSent *s, size_t tok)
{
	return s->rowline + tok;
}

/* Keep "FILE:LINE: reason" for the message; returns -1. */
static int
fail(LedeEntReport *er, const LedeSent *s, unsigned long line, const char *fmt, ...)
{
	va_list ap;

	lede_buf_clear(&er->errbuf);
	lede_buf_printf(&er->errbuf, "%s:%lu: ", s->file, line);
	va_start(ap, fmt);
	{
		char msg[256];

		vsnprintf(msg, sizeof(msg), fmt, ap);
		lede_buf_adds(&er->errbuf, msg);
	}
	va_end(ap);
	return -1;
}

/* Add the mention of tokens first..last of s; 0, or -1 (fail). */
static int
mention(LedeEntReport *er, const LedeSent *s, size_t first, size_t last,
    const char *type, size_t typelen)
{
	size_t k;
	long st = -1, prevend = -1;
	int have, own;
	const char *nx = last + 1 < s->ntok ?
	    lede_field(s, last + 1, er->col.form) : "";

	/*
	 * a possessive 's the tagger left out that is the name's: "Poor's
	 * said" (not an apostrophe alone, which may close a quotation)
	 */
	if (possessive(nx) && endss(nx) &&
	    outside(lede_field(s, last + 1, er->col.ner)) &&
	    ownposs(er, s, first, last + 1)) {
		last++;
		own = 1;
	} else {
		own = ownposs(er, s, first, last);
	}
	lede_buf_clear(&er->text);
	for (k = first; k <= last; k++) {
		const char *f = lede_field(s, k, er->col.form);
		long b = -1, e = -1;

		if ((have = offset(s, k, er->col.start, &b)) < 0 ||
		    offset(s, k, er->col.end, &e) < 0) {
			return fail(er, s, rowline(s, k), "bad START or END value");
		}
		if (!have)
			b = -1;
		if (k == first) {
			st = b;
		} else {
			if (b >= 0 && prevend >= 0 ? b > prevend : !possessive(f))
				lede_buf_addc(&er->text, ' ');
		}
		prevend = e;
		lede_buf_adds(&er->text, f);
	}
	/* checked, not counted: boilerplate (looked at once a sentence has a name) */
	if (er->noise < 0)
		er->noise = !er->keepboil && lede_boil_nomentions(s, er->col.form);
	if (er->noise)
		return 0;
	if (st < 0)
		er->alloffsets = 0;
	if (er->nspan == er->cspan) {
		er->cspan = er->cspan ? er->cspan * 2 : 16;
		er->span = ereallocarray(er->span, er->cspan, sizeof(*er->span));
	}
	er->span[er->nspan].first = first;
	er->span[er->nspan].last = last;
	er->span[er->nspan].m = lede_entdoc_mention(er->d, type, typelen,
	    er->text.p, er->text.len, st, er->doctok + first);
	if (own)
		lede_entdoc_ownposs(er->d, er->span[er->nspan].m);
	for (k = 0; k < er->pl.n; k++)
		if (er->pltag[k] && first >= er->pl.p[k][0] &&
		    last < er->pl.p[k][1])
			lede_entdoc_place(er->d, er->span[er->nspan].m);
	/* a dateline's place is where the story was filed: no tone */
	if ((long)first < er->dateline)
		lede_entdoc_notone(er->d, er->span[er->nspan].m);
	er->nspan++;
	return 0;
}

static int
is(const LedeEntReport *er, const LedeSent *s, size_t tok, const char *form)
{
	return tok < s->ntok && !strcmp(lede_field(s, tok, er->col.form), form);
}

/* 1 when tag is B-, I-, E- or S- and a type: inside a name. */
static int
nametag(const char *tag)
{
	return (tag[0] == 'B' || tag[0] == 'I' || tag[0] == 'E' ||
	    tag[0] == 'S') && tag[1] == '-' && tag[2] != '\0';
}

static int
continues(const char *tag)
{
	return (tag[0] == 'I' || tag[0] == 'E') && tag[1] == '-';
}

/*
 * The places of the sentence's wire dateline ("DENVER, March 3 -",
 * "BOCA RATON, Fla., March 3 -"): the words of a place from the first
 * the tagger tagged to the last (as any type) are one mention of a
 * place, LOC (GPE when one of them is tagged GPE).  Words before or
 * after them stay out: the tagger's
 * "ZURICH" of "ZURICH GOLD CLOSING, March 3 -", a headline, is right.
 * Not when a mention runs into the place or out of it, or a tag in it
 * is bad (the loop reports it).
 */
static void
dateplaces(LedeEntReport *er, const LedeSent *s)
{
	size_t g, k;

	er->dateline = (long)lede_boil_sentdateplaces(s, er->col.form,
	    er->col.ner, &er->pl);
	for (g = 0; g < er->pl.n; g++) {
		size_t b = er->pl.p[g][0], e = er->pl.p[g][1], tb = e, te = e;
		int gpe = 0, ok = 1;

		er->pltag[g] = NULL;
		for (k = b; k < e && ok; k++) {
			const char *t = lede_field(s, k, er->col.ner);

			ok = outside(t) || nametag(t);
			if (ok && t[1] == '-') {
				if (tb == e)
					tb = k;
				te = k + 1;
				gpe |= !strcmp(t + 2, "GPE");
			}
		}
		if (!ok || tb == e)
			continue;
		b = er->pl.p[g][0] = tb;
		e = er->pl.p[g][1] = te;
		if (continues(lede_field(s, b, er->col.ner)) && b > 0 &&
		    lede_field(s, b - 1, er->col.ner)[1] == '-')
			continue;	/* a mention runs into it */
		if (e < s->ntok && continues(lede_field(s, e, er->col.ner)))
			continue;	/* or out of it */
		er->pltag[g] = gpe ? "GPE" : "LOC";
	}
}

/* The NER tag of token i, a dateline's place retagged. */
static const char *
nertag(LedeEntReport *er, const LedeSent *s, size_t i)
{
	static char tag[2][8];
	size_t g;

	for (g = 0; g < er->pl.n; g++)
		if (er->pltag[g] && i >= er->pl.p[g][0] && i < er->pl.p[g][1]) {
			int in = i > er->pl.p[g][0];

			snprintf(tag[in], sizeof(tag[in]), "%c-%s", in ? 'I' : 'B',
			    er->pltag[g]);
			return tag[in];
		}
	return lede_field(s, i, er->col.ner);
}

/* "Expansion (ACR)" and "ACR (Expansion)" in the sentence. */
static void
definitions(LedeEntReport *er, const LedeSent *s)
{
	const Span *span = er->span;
	size_t i, nspan = er->nspan;

	for (i = 0; i < nspan; i++) {
		size_t e = span[i].last;
		const char *f;

		if (!is(er, s, e + 1, "("))
			continue;
		if (is(er, s, e + 3, ")")) {
			f = lede_field(s, e + 2, er->col.form);
			if (lede_ent_isacronym(f, strlen(f))) {
				lede_entdoc_define(er->d, span[i].m, f, strlen(f));
				continue;
			}
		}
		f = lede_field(s, span[i].first, er->col.form);
		if (span[i].first == e && lede_ent_isacronym(f, strlen(f)) &&
		    i + 1 < nspan && span[i + 1].first == e + 2 &&
		    is(er, s, span[i + 1].last + 1, ")"))
			lede_entdoc_define(er->d, span[i + 1].m, f, strlen(f));
	}
}

void
lede_ent_report_begin(LedeEntReport *er, const char *docid)
{
	lede_buf_clear(&er->docid);
	lede_buf_adds(&er->docid, docid);
	lede_entdoc_reset(er->d);
	er->alloffsets = 1;
	er->doctok = 0;
}

int
lede_ent_report_sent(LedeEntReport *er, const LedeSent *s)
{
	const char *v, *otype = NULL;
	size_t i, open = 0, otlen = 0, vlen;
	int isopen = 0, tone_known = 0;
	long long tone = 0;
	double x;

	if (s->gen != er->col.gen) {
		er->col.gen = s->gen;
		er->col.form = lede_sent_col(s, "FORM");
		er->col.ner = lede_sent_col(s, "NER");
		er->col.start = lede_sent_col(s, "START");
		er->col.end = lede_sent_col(s, "END");
	}
	/* entities(1) has its reader require them; a library caller may not */
	if (er->col.form < 0 || er->col.ner < 0)
		return fail(er, s, s->line, "no %s column (run %s first)",
		    er->col.form < 0 ? "FORM" : "NER",
		    er->col.form < 0 ? "tokenize" : "ner-tag");
	if ((v = lede_sent_meta(s, "sentiment", &vlen))) {
		if (lede_strtod(v, -1, 1, &x) < 0)
			return fail(er, s, lede_sent_meta_line(s, "sentiment"),
			    "bad sentiment value '%.40s' (a number in [-1, 1])", v);
		tone_known = 1;
		tone = llround(x * LEDE_TONE_SCALE);
	}
	lede_entdoc_sentence(er->d, tone_known, tone);
	er->nspan = 0;
	er->noise = -1;
	dateplaces(er, s);
	for (i = 0; i < s->ntok; i++) {
		const char *tag = nertag(er, s, i), *type;
		size_t tlen;
		char p;

		if (outside(tag)) {
			if (isopen && mention(er, s, open, i - 1, otype, otlen) < 0)
				return -1;
			isopen = 0;
			continue;
		}
		p = tag[0];
		if (!nametag(tag)) {
			return fail(er, s, rowline(s, i),
			    "bad NER tag '%.40s' (O, B-TYPE, I-TYPE, E-TYPE or S-TYPE)", tag);
		}
		type = tag + 2;
		tlen = strlen(type);
		/* I- or E- goes on a mention of its type; anything else starts one */
		if (!isopen || p == 'B' || p == 'S' || tlen != otlen ||
		    memcmp(type, otype, tlen)) {
			if (isopen && mention(er, s, open, i - 1, otype, otlen) < 0)
				return -1;
			isopen = 1;
			open = i;
			otype = type;
			otlen = tlen;
		}
		if (p == 'E' || p == 'S') {
			if (mention(er, s, open, i, otype, otlen) < 0)
				return -1;
			isopen = 0;
		}
	}
	if (isopen && mention(er, s, open, s->ntok - 1, otype, otlen) < 0)
		return -1;
	definitions(er, s);	/* of the spans kept */
	er->doctok += s->ntok;
	return 0;
}

/* One row of the report. */
static void
row(LedeEntReport *er, const char *doc, const LedeEntity *e, long first)
{
	LedeTable *table = er->table;
	const char **items;
	size_t *lens, n = 0, i, *offs;

	lede_table_str(table, doc, strlen(doc));
	lede_table_str(table, e->name, e->namelen);
	lede_table_str(table, e->type, strlen(e->type));
	lede_table_int(table, e->mentions);
	lede_table_int(table, first);
	items = emalloc((e->nalias + e->nsimilar + 1) * sizeof(*items));
	lens = emalloc((e->nalias + e->nsimilar + 1) * sizeof(*lens));
	offs = emalloc((e->nsimilar + 1) * sizeof(*offs));
	for (i = 0; i < e->nalias; i++, n++) {
		items[n] = e->alias[i];
		lens[n] = e->aliaslen[i];
	}
	if (er->format != LEDE_FMT_JSONL) {
		/* near-misspellings as "?Name" after the aliases */
		lede_buf_clear(&er->aliasbuf);
		for (i = 0; i < e->nsimilar; i++) {
			offs[i] = er->aliasbuf.len;
			lede_buf_addc(&er->aliasbuf, '?');
			lede_buf_add(&er->aliasbuf, e->similar[i], e->similarlen[i]);
		}
		for (i = 0; i < e->nsimilar; i++, n++) {
			items[n] = er->aliasbuf.p + offs[i];
			lens[n] = e->similarlen[i] + 1;
		}
	}
	lede_table_list(table, items, lens, n);
	if (e->tonen > 0)
		lede_table_num(table, (double)e->tonesum / (double)e->tonen /
		    LEDE_TONE_SCALE, 3);
	else
		lede_table_null(table);
	if (er->format == LEDE_FMT_JSONL)
		lede_table_list(table, e->similar, e->similarlen, e->nsimilar);
	lede_table_endrow(table);
	er->nrows++;
	free(items);
	free(lens);
	free(offs);
}

/* Rows of a document (first = START or token index) or of the corpus. */
static void
report(LedeEntReport *er, const char *doc, const LedeEntity *const *e, size_t n,
    int corpus)
{
	size_t i;
	long k = 0;

	for (i = 0; i < n && (!er->top || k < er->top); i++) {
		if (!wanted(er, e[i]->type))
			continue;
		row(er, doc, e[i], corpus ? e[i]->ndocs :
		    er->alloffsets ? e[i]->start : (long)e[i]->tok);
		k++;
	}
}

void
lede_ent_report_end(LedeEntReport *er)
{
	size_t n = lede_entdoc_resolve(er->d), i;
	const LedeEntity **e;

	if (er->table) {
		e = emalloc((n ? n : 1) * sizeof(*e));
		for (i = 0; i < n; i++)
			e[i] = lede_entdoc_entity(er->d, i);
		report(er, er->docid.p ? er->docid.p : "-", e, n, 0);
		free(e);
	}
	if (er->corpus)
		lede_entcorpus_add(er->corpus, er->d);
}

void
lede_ent_report_keep_boilerplate(LedeEntReport *er, int keep)
{
	er->keepboil = keep;
	if (er->corpus)
		lede_entcorpus_set_settings(er->corpus, keep);
}

int
lede_ent_report_add(LedeEntReport *er, const LedeSent *s)
{
	if (s->newdoc || !er->indoc) {
		lede_ent_report_finish(er);
		lede_ent_report_begin(er, s->newdoc && *s->newdoc ? s->newdoc : "-");
		er->indoc = 1;
	}
	if (er->skipdoc)
		return 0;
	if (lede_ent_report_sent(er, s) < 0) {
		er->skipdoc = 1;
		return -1;
	}
	return 0;
}

int
lede_ent_report_indoc(const LedeEntReport *er)
{
	return er->indoc;
}

void
lede_ent_report_finish(LedeEntReport *er)
{
	if (er->indoc && !er->skipdoc)
		lede_ent_report_end(er);
	er->indoc = er->skipdoc = 0;
}

void
lede_ent_report_drop(LedeEntReport *er)
{
	er->indoc = er->skipdoc = 0;
}

void
lede_ent_report_corpus(LedeEntReport *er, LedeTable *t)
{
	const LedeEntity *res, **e;
	size_t n = lede_entcorpus_result(er->corpus, &res), i;

	er->table = t;
	e = emalloc((n ? n : 1) * sizeof(*e));
	for (i = 0; i < n; i++)
		e[i] = &res[i];
	report(er, "*", e, n, 1);
	free(e);
}
