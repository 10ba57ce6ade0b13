/* See LICENSE file for copyright and license details. */
/*
 * The tone report of a document (tools/tone.c, lede --fused): see
 * stage.h.
 */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "sentiment.h"
#include "stage.h"
#include "text.h"

/* Sentence texts in reports are cut to this many characters. */
#define SHOW_MAX 100

static const char *doc_names[] = {"doc", "score", "tone", "positive", "negative",
    "polarity", "words", "sentences", "most_positive", "most_negative"};
static const char *corpus_names[] = {"documents", "score", "tone", "positive",
    "negative", "polarity", "words", "sentences", "most_positive",
    "most_negative"};
static const LedeColKind doc_kinds[] = {LEDE_COL_STR, LEDE_COL_NUM,
    LEDE_COL_NUM, LEDE_COL_NUM, LEDE_COL_NUM, LEDE_COL_NUM, LEDE_COL_NUM,
    LEDE_COL_NUM, LEDE_COL_STR, LEDE_COL_STR};
static const LedeColKind corpus_kinds[] = {LEDE_COL_NUM, LEDE_COL_NUM,
    LEDE_COL_NUM, LEDE_COL_NUM, LEDE_COL_NUM, LEDE_COL_NUM, LEDE_COL_NUM,
    LEDE_COL_NUM, LEDE_COL_STR, LEDE_COL_STR};
static const char *ent_names[] = {"entity", "type", "mentions", "sentences",
    "score", "positive", "negative"};
static const LedeColKind ent_kinds[] = {LEDE_COL_STR, LEDE_COL_STR,
    LEDE_COL_NUM, LEDE_COL_NUM, LEDE_COL_NUM, LEDE_COL_NUM, LEDE_COL_NUM};

struct LedeToneReport {
	LedeTone *tone;
	FILE *fp;		/* document rows, or NULL */
	LedeFormat fmt;
	int width, byent;
	LedeTable *tb;		/* document rows in tsv or jsonl */
	int64_t *scores;	/* of the sentences of the document */
	size_t nscores, cscores;
	LedeBuf head, scratch, err;
	LedeEntReport *er;	/* the entities, or NULL */
	unsigned gen;
	int formcol, sentcol, nercol;
};

/*
 * A score written with decimals ("0.125", "-1", "0") into micro-units;
 * -1 when it is not such a number in [-1, 1].
 */
static int
parse_score(const char *s, int64_t *out)
{
	int64_t v = 0, frac = 0;
	int neg = 0, nd = 0, nf = 0;

	if (*s == '-')
		neg = 1, s++;
	for (; *s >= '0' && *s <= '9'; s++, nd++) {
		if (nd > 2)
			return -1;
		v = v * 10 + (*s - '0');
	}
	if (nd == 0)
		return -1;
	if (*s == '.') {
		for (s++; *s >= '0' && *s <= '9'; s++, nf++)
			if (nf < 6)
				frac = frac * 10 + (*s - '0');
		if (nf == 0)
			return -1;
		for (int k = nf; k < 6; k++)
			frac *= 10;
	}
	if (*s)
		return -1;
	v = v * LEDE_TONE_MICRO + frac;
	if (v > LEDE_TONE_MICRO)
		return -1;
	*out = neg ? -v : v;
	return 0;
}

#define SENT_MAX 10000		/* |SENT| of one token, in whole units */

/*
 * A SENT value ("-1.250", "0") into micro-units in *out; returns its sign
 * (1, -1, 0), or 2 when it is not such a number (digits, at most one '.',
 * at most 5 digits before it, |value| at most SENT_MAX).
 */
static int
value_sign(const char *s, int64_t *out)
{
	int64_t v = 0, frac = 0;
	int neg = 0, nonzero = 0, digits = 0, dot = 0, nf = 0;

	if (*s == '-')
		neg = 1, s++;
	for (; *s; s++) {
		if (*s >= '0' && *s <= '9') {
			if (*s != '0')
				nonzero = 1;
			if (dot) {
				if (nf++ < 6)
					frac = frac * 10 + (*s - '0');
			} else {
				if (++digits > 5)
					return 2;
				v = v * 10 + (*s - '0');
			}
		} else if (*s == '.' && !dot) {
			dot = 1;
		} else {
			return 2;
		}
	}
	if (!digits && !nf)
		return 2;
	if (v > SENT_MAX)
		return 2;
	for (; nf < 6; nf++)
		frac *= 10;
	v = v * LEDE_TONE_MICRO + frac;
	*out = neg ? -v : v;
	return nonzero ? (neg ? -1 : 1) : 0;
}

/*
 * The document score (docs/SENTIMENT.md): the raw sums S of the sentences
 * that carry tone (S != 0), added and divided by the square root of their
 * number, then mapped into [-1, 1] like a sentence score; in micro-units.
 */
static int64_t
doc_score(int64_t rawsum, int64_t ntoned)
{
	double x;

	if (ntoned == 0)
		return 0;
	x = (double)rawsum / LEDE_TONE_MICRO / sqrt((double)ntoned);
	return (int64_t)llround(lede_sentiment_norm(x) * LEDE_TONE_MICRO);
}

static int
is_word(const char *s)
{
	size_t n = strlen(s), i = 0;
	int32_t cp;
	int len;

	while (i < n) {
		if ((len = lede_utf8_decode(s + i, n - i, &cp)) < 0)
			return 0;
		if (lede_isletter(cp) || lede_isnumber(cp))
			return 1;
		i += (size_t)len;
	}
	return 0;
}

/* s cut to SHOW_MAX characters with an ellipsis, into b. */
static void
shorten(LedeBuf *b, const char *s)
{
	size_t n = strlen(s), i = 0, k = 0;
	int32_t cp;
	int len;

	lede_buf_clear(b);
	while (i < n) {
		if ((len = lede_utf8_decode(s + i, n - i, &cp)) < 0)
			len = 1;
		if (++k > SHOW_MAX - 1 && lede_utf8_count(s + i, n - i) > 1) {
			lede_buf_adds(b, "\xE2\x80\xA6");
			return;
		}
		lede_buf_add(b, s + i, (size_t)len);
		i += (size_t)len;
	}
	if (!b->p)
		lede_buf_adds(b, "");
}

static double
pct(int64_t a, int64_t b)
{
	return b ? 100.0 * (double)a / (double)b : 0;
}

/* The arc: one cell per score, above and below a zero line. */
static void
arc(FILE *fp, const int64_t *score, size_t n, int width)
{
	static const char *up[] = {" ", "\xE2\x96\x81", "\xE2\x96\x82",
	    "\xE2\x96\x83", "\xE2\x96\x84", "\xE2\x96\x85", "\xE2\x96\x86",
	    "\xE2\x96\x87", "\xE2\x96\x88"};
	static const char *down[] = {" ", "\xE2\x96\x94", "\xE2\x96\x80",
	    "\xE2\x96\x88"};
	size_t per = width > 8 ? (size_t)width - 4 : 4, i, j, end;
	int row;

	for (i = 0; i < n; i += per) {
		end = i + per < n ? i + per : n;
		for (row = 0; row < 3; row++) {
			fputs(row == 0 ? "  + " : row == 1 ? "  0 " : "  - ", fp);
			for (j = i; j < end; j++) {
				int64_t s = score[j];
				int lvl;

				if (row == 0) {
					lvl = s > 0 ? (int)((s * 8 + LEDE_TONE_MICRO - 1) / LEDE_TONE_MICRO) : 0;
					fputs(up[lvl > 8 ? 8 : lvl], fp);
				} else if (row == 1) {
					fputs(s > LEDE_TONE_BAND || s < -LEDE_TONE_BAND ?
					    "\xE2\x94\x80" : "\xC2\xB7", fp);
				} else {
					s = -s;
					lvl = s <= 0 ? 0 : s <= 250000 ? 1 : s <= 600000 ? 2 : 3;
					fputs(down[lvl], fp);
				}
			}
			putc('\n', fp);
		}
	}
}

/* v with dec decimals, never "-0.00"; in a static buffer. */
static const char *
num(double v, int dec)
{
	static char buf[4][64];
	static int k;
	char *b = buf[k++ % 4];

	snprintf(b, 64, "%.*f", dec, v);
	if (b[0] == '-' && strspn(b + 1, "0.") == strlen(b + 1))
		memmove(b, b + 1, strlen(b));
	return b;
}

static void
summary_text(FILE *fp, const char *head, const LedeToneStats *s, int64_t score,
    const int64_t *scores, size_t nscores, const char *unit, int width)
{
	LedeBuf b = {0};

	lede_text_field(fp, head, strlen(head));
	putc('\n', fp);
	fprintf(fp, "  score %s  tone %s", num((double)score / LEDE_TONE_MICRO, 3),
	    num(pct(s->pos, s->words) - pct(s->neg, s->words), 2));
	fprintf(fp, "  positive %s%%  negative %s%%", num(pct(s->pos, s->words), 2),
	    num(pct(s->neg, s->words), 2));
	fprintf(fp, "  polarity %s%%\n", num(pct(s->pos + s->neg, s->words), 2));
	fprintf(fp, "  words %lld  sentences %lld", (long long)s->words,
	    (long long)s->sents);
	if (!strcmp(unit, "document"))
		fprintf(fp, "  documents %lld", (long long)s->docs);
	fputc('\n', fp);
	if (nscores) {
		fprintf(fp, "  tone arc, one cell a %s:\n", unit);
		arc(fp, scores, nscores, width);
	}
	if (s->best.text) {
		shorten(&b, s->best.text);
		fprintf(fp, "  most positive (%.3f): ",
		    (double)s->best.score / LEDE_TONE_MICRO);
		lede_text_field(fp, b.p, b.len);
		putc('\n', fp);
	}
	if (s->worst.text) {
		shorten(&b, s->worst.text);
		fprintf(fp, "  most negative (%.3f): ",
		    (double)s->worst.score / LEDE_TONE_MICRO);
		lede_text_field(fp, b.p, b.len);
		putc('\n', fp);
	}
	lede_buf_free(&b);
}

static void
row(LedeTable *t, const char *doc, long long ndocs, const LedeToneStats *s,
    int64_t score)
{
	LedeBuf b = {0};
	double p = pct(s->pos, s->words), q = pct(s->neg, s->words);

	if (doc)
		lede_table_str(t, doc, strlen(doc));
	else
		lede_table_int(t, ndocs);
	lede_table_num(t, (double)score / LEDE_TONE_MICRO, 3);
	lede_table_num(t, p - q, 2);
	lede_table_num(t, p, 2);
	lede_table_num(t, q, 2);
	lede_table_num(t, pct(s->pos + s->neg, s->words), 2);
	lede_table_int(t, s->words);
	lede_table_int(t, s->sents);
	shorten(&b, s->best.text ? s->best.text : "");
	lede_table_str(t, b.p, b.len);
	shorten(&b, s->worst.text ? s->worst.text : "");
	lede_table_str(t, b.p, b.len);
	lede_table_endrow(t);
	lede_buf_free(&b);
}

/* The corpus score: the mean of the document scores. */
static int64_t
corpus_score(const LedeToneStats *s)
{
	return lede_tone_mean(s->scoresum, s->docs);
}

void
lede_tone_print_corpus(FILE *fp, LedeFormat fmt, const LedeTone *t)
{
	if (fmt == LEDE_FMT_TEXT) {
		summary_text(fp, "corpus", &t->all, corpus_score(&t->all),
		    NULL, 0, "document", 0);
	} else {
		LedeTable *tb = lede_table_new(fp, fmt, corpus_names,
		    corpus_kinds, (int)LEDE_LEN(corpus_names));

		row(tb, NULL, (long long)t->all.docs, &t->all, corpus_score(&t->all));
		lede_table_flush(tb);
		lede_table_free(tb);
	}
}

/* By sentences, mentions, then as entities --corpus orders them. */
static int
entcmp(const void *a, const void *b)
{
	const LedeEntity *x = *(const LedeEntity *const *)a;
	const LedeEntity *y = *(const LedeEntity *const *)b;

	if (x->tonen != y->tonen)
		return x->tonen > y->tonen ? -1 : 1;
	if (x->mentions != y->mentions)
		return x->mentions > y->mentions ? -1 : 1;
	return (x > y) - (x < y);
}

void
lede_tone_print_entities(FILE *fp, LedeFormat fmt, LedeTone *t)
{
	const LedeEntity *res, **e;
	size_t n = lede_entcorpus_result(t->ents, &res), i;
	LedeTable *tb = lede_table_new(fp, fmt, ent_names, ent_kinds,
	    (int)LEDE_LEN(ent_names));

	e = emalloc((n ? n : 1) * sizeof(*e));
	for (i = 0; i < n; i++)
		e[i] = &res[i];
	lede_sort(e, n, sizeof(*e), entcmp);
	for (i = 0; i < n; i++) {
		lede_table_str(tb, e[i]->name, e[i]->namelen);
		lede_table_str(tb, e[i]->type, strlen(e[i]->type));
		lede_table_int(tb, e[i]->mentions);
		lede_table_int(tb, e[i]->tonen);
		if (e[i]->tonen > 0)
			lede_table_num(tb, (double)lede_tone_mean(e[i]->tonesum,
			    e[i]->tonen) / LEDE_TONE_MICRO, 3);
		else
			lede_table_null(tb);	/* named in datelines only */
		lede_table_int(tb, e[i]->tonepos);
		lede_table_int(tb, e[i]->toneneg);
		lede_table_endrow(tb);
	}
	lede_table_flush(tb);
	lede_table_free(tb);
	free(e);
}

void
lede_tone_report_keep_boilerplate(LedeToneReport *tr, int keep)
{
	if (tr->er)
		lede_ent_report_keep_boilerplate(tr->er, keep);
}

LedeToneReport *
lede_tone_report_new(LedeTone *tone, FILE *fp, LedeFormat fmt, int width,
    int byent)
{
	LedeToneReport *tr = ecalloc(1, sizeof(*tr));

	tr->tone = tone;
	tr->fp = fp;
	tr->fmt = fmt;
	tr->width = width;
	tr->byent = byent;
	tr->formcol = tr->sentcol = tr->nercol = -1;
	if (byent) {
		tr->er = lede_ent_report_new(NULL, fmt, 0, NULL, 0, tone->ents);
		tone->hasents = 1;	/* even with no documents */
	}
	if (fp && fmt != LEDE_FMT_TEXT)
		tr->tb = lede_table_new(fp, fmt, doc_names, doc_kinds,
		    (int)LEDE_LEN(doc_names));
	return tr;
}

void
lede_tone_report_flush(LedeToneReport *tr)
{
	if (tr->tb)
		lede_table_flush(tr->tb);
}

void
lede_tone_report_free(LedeToneReport *tr)
{
	if (!tr)
		return;
	lede_table_free(tr->tb);
	free(tr->scores);
	lede_buf_free(&tr->head);
	lede_buf_free(&tr->scratch);
	lede_buf_free(&tr->err);
	lede_ent_report_free(tr->er);
	free(tr);
}

const char *
lede_tone_report_error(const LedeToneReport *tr)
{
	return tr->err.p ? tr->err.p : "no error";
}

/* The message of a damaged document; returns -1. */
static int
bad(LedeToneReport *tr, LedeToneStats *ds, const char *fmt, ...)
{
	va_list ap;
	char msg[512];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	lede_buf_clear(&tr->err);
	lede_buf_adds(&tr->err, msg);
	lede_tone_stats_free(ds);
	return -1;
}

int
lede_tone_report_doc(LedeToneReport *tr, const LedeDoc *d)
{
	LedeToneStats ds;
	int64_t rawsum = 0, ntoned = 0, dscore;
	size_t i, k;

	memset(&ds, 0, sizeof(ds));
	tr->nscores = 0;
	for (i = 0; i < d->nsent; i++) {
		const LedeSent *s = &d->sent[i];
		const char *m, *text;
		int64_t score, raw = 0, v;
		size_t tlen;

		if (s->gen != tr->gen) {
			tr->gen = s->gen;
			tr->formcol = lede_sent_col(s, "FORM");
			tr->sentcol = lede_sent_col(s, "SENT");
			tr->nercol = lede_sent_col(s, "NER");
		}
		if (s->ntok == 0)
			continue;
		if (!(m = lede_sent_meta(s, "sentiment", NULL)))
			return bad(tr, &ds, "%s:%lu: sentence without '# sentiment' (run sentiment first; document %s skipped)",
			    s->file, s->line, d->id);
		if (parse_score(m, &score) < 0)
			return bad(tr, &ds, "%s:%lu: bad '# sentiment' value '%s' (document %s skipped)",
			    s->file, lede_sent_meta_line(s, "sentiment"), m, d->id);
		for (k = 0; k < s->ntok; k++) {
			int sg = value_sign(lede_field(s, k, tr->sentcol), &v);

			if (sg == 2)
				return bad(tr, &ds, "%s:%lu: bad SENT value '%s' (document %s skipped)",
				    s->file, s->rowline + k, lede_field(s, k, tr->sentcol), d->id);
			raw += v;
			if (!is_word(lede_field(s, k, tr->formcol)))
				continue;
			ds.words++;
			ds.pos += sg > 0;
			ds.neg += sg < 0;
		}
		if (tr->byent && tr->nercol < 0)
			return bad(tr, &ds, "%s:%lu: no NER column for --by-entity (run ner-tag first; document %s skipped)",
			    s->file, s->line, d->id);
		ds.sents++;
		if (raw != 0) {
			rawsum += raw;
			ntoned++;
		}
		text = lede_sent_text(s, tr->formcol, &tr->scratch, &tlen);
		lede_tone_offer(&ds.best, 1, score, text, tlen);
		lede_tone_offer(&ds.worst, 0, score, text, tlen);
		if (tr->nscores == tr->cscores) {
			tr->cscores = tr->cscores ? tr->cscores * 2 : 256;
			tr->scores = ereallocarray(tr->scores, tr->cscores, sizeof(*tr->scores));
		}
		tr->scores[tr->nscores++] = score;
	}
	/* the entities, as entities(1) finds them */
	if (tr->er) {
		lede_ent_report_begin(tr->er, d->id);
		for (i = 0; i < d->nsent; i++)
			if (d->sent[i].ntok > 0 && lede_ent_report_sent(tr->er, &d->sent[i]) < 0)
				return bad(tr, &ds, "%s (document %s skipped)",
				    lede_ent_report_error(tr->er), d->id);
		lede_ent_report_end(tr->er);
	}
	dscore = doc_score(rawsum, ntoned);
	ds.docs = 1;
	ds.scoresum = dscore;
	if (tr->tb) {
		row(tr->tb, d->id, 1, &ds, dscore);
	} else if (tr->fp) {
		lede_buf_clear(&tr->head);
		lede_buf_printf(&tr->head, "%s", d->id);
		summary_text(tr->fp, tr->head.p, &ds, dscore, tr->scores, tr->nscores,
		    "sentence", tr->width);
		putc('\n', tr->fp);
	}
	lede_tone_stats_add(&tr->tone->all, &ds);
	lede_tone_stats_free(&ds);
	return 0;
}
