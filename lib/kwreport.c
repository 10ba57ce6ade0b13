/* See LICENSE file for copyright and license details. */
/*
 * The keyphrase report of a document (tools/keywords.c, lede --fused):
 * see stage.h.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "boiler.h"
#include "io.h"
#include "stage.h"
#include "text.h"

/* Phrases of each document that count towards --corpus. */
#define CORPUS_PER_DOC 20

const char *lede_kw_cols[5] = {"doc", "rank", "phrase", "score", "count"};
const LedeColKind lede_kw_kinds[5] = {
	LEDE_COL_STR, LEDE_COL_NUM, LEDE_COL_STR, LEDE_COL_NUM, LEDE_COL_NUM,
};

/*
 * The file rel of the shipped data into b; 0, or -1 with the message in
 * err.  *pathp gets its path (to free).
 */
static int
slurp_data(const char *rel, LedeBuf *b, char **pathp, LedeBuf *err)
{
	char *path = lede_datapath(rel);
	FILE *fp;
	int rc;

	*pathp = path;
	lede_buf_clear(err);
	if (!path) {
		lede_buf_printf(err, "cannot find %s (%s)", rel, lede_datahint());
		return -1;
	}
	if (!(fp = fopen(path, "rb"))) {
		lede_buf_printf(err, "%s: %s", path, strerror(errno));
		return -1;
	}
	rc = lede_slurp(fp, b, LEDE_DATA_MAX);
	if (rc == -1)
		lede_buf_printf(err, "%s: %s", path, strerror(errno));
	fclose(fp);
	if (rc == -2)
		lede_buf_printf(err, "%s: file too large", path);
	return rc < 0 ? -1 : 0;
}

/*
 * Read a lexicon of the shipped data into kp; with identity, fold its
 * bytes into kp's identity (lede_kp_add_data).
 */
static int
load_lexicon(LedeKp *kp, const char *rel,
    int (*load)(LedeKp *, const char *, size_t, char *, size_t), int identity,
    LedeBuf *err)
{
	char *path, msg[256];
	LedeBuf b = {0};
	int rc;

	if ((rc = slurp_data(rel, &b, &path, err)) == 0 &&
	    (rc = load(kp, b.p ? b.p : "", b.len, msg, sizeof(msg))) < 0)
		lede_buf_printf(err, "%s:%s", path, msg);
	if (rc == 0 && identity)
		lede_kp_add_data(kp, rel, b.p ? b.p : "", b.len);
	lede_buf_free(&b);
	free(path);
	return rc < 0 ? -1 : 0;
}

/* The tagger's model of the shipped data, or NULL (identity as above). */
static LedePosModel *
load_tagger(LedeKp *kp, const char *rel, int identity, LedeBuf *err)
{
	char *path, msg[256];
	LedeBuf b = {0};
	LedePosModel *m = NULL;

	if (slurp_data(rel, &b, &path, err) == 0 &&
	    !(m = lede_pos_load_mem(b.p ? b.p : "", b.len, msg, sizeof(msg))))
		lede_buf_printf(err, "%s: %s", path, msg);
	if (m && identity)
		lede_kp_add_data(kp, rel, b.p ? b.p : "", b.len);
	lede_buf_free(&b);
	free(path);
	return m;
}

int
lede_kw_load(LedeKp *kp, const LedeKpParams *params, const char *dfpath,
    int nodf, int identity, LedePosModel **pos, LedeDf **df, LedeBuf *err)
{
	char *dfalloc = NULL, msg[512];

	*pos = NULL;
	*df = NULL;
	if (load_lexicon(kp, "data/keywords/pos-en.tsv", lede_kp_load_pos,
	    identity, err) < 0 ||
	    load_lexicon(kp, "data/keywords/stopwords-en.txt", lede_kp_load_stop,
	    identity, err) < 0 ||
	    load_lexicon(kp, "data/keywords/nophrase-en.txt", lede_kp_load_stop,
	    identity, err) < 0)
		return -1;
	if (params->tagger) {
		if (!(*pos = load_tagger(kp, "data/keywords/postag-en.model",
		    identity, err)))
			return -1;
		lede_kp_set_tagger(kp, *pos);
	}
	if (nodf)
		return 0;
	if (!dfpath && !(dfpath = dfalloc = lede_datapath("data/keywords/df-en.tsv"))) {
		lede_buf_clear(err);
		lede_buf_printf(err, "cannot find data/keywords/df-en.tsv "
		    "(%s, or --no-df)", lede_datahint());
		return -1;
	}
	*df = lede_df_load(dfpath, msg, sizeof(msg));
	free(dfalloc);
	if (!*df) {
		lede_buf_clear(err);
		lede_buf_printf(err, "%s", msg);
		return -1;
	}
	lede_kp_set_df(kp, *df);
	return 0;
}

/* An offset of the START or END column: the common case without strtol. */
static int
offset(const char *s, long *v)
{
	long x = 0;
	int i;

	for (i = 0; s[i] >= '0' && s[i] <= '9' && i < 12; i++)
		x = 10 * x + (s[i] - '0');
	if (i > 0 && s[i] == '\0') {
		*v = x;
		return 0;
	}
	return lede_strtol(s, 0, 1L << 40, v);
}

/* 1 when sentence i of d opens a paragraph. */
static int
newpar(const LedeDoc *d, size_t i)
{
	return i == 0 || lede_sent_newpar(&d->sent[i]);
}

/*
 * 1 when the text of d begins with its title t[0..tn): the letters and
 * digits of its first sentences, case aside, are those of the title.
 */
static int
titlerepeat(const LedeDoc *d, const char *t, size_t tn)
{
	size_t i, j = 0, len;
	const char *text;

	for (i = 0; i < d->nsent; i++) {
		if (!(text = lede_sent_meta(&d->sent[i], "text", &len)) ||
		    !lede_boil_titlepart(t, tn, &j, text, len))
			return 0;
		if (len > 0 && lede_boil_titledone(t, tn, j))
			return 1;
	}
	return 0;
}

/*
 * 1 when the case of the title t[0..tn) tells nothing: it is in capitals
 * ("COBANCO INC <CBCO> YEAR NET"), or each of its words of four letters
 * or more, two at least, is capitalised ("Tidal Turbine Plan Approved").
 */
static int
blindcase(const char *t, size_t tn)
{
	size_t i, j, upper = 0, lower = 0, cap = 0, nocap = 0;

	for (i = 0; i < tn; i = j + (j == i)) {
		for (j = i; j < tn && lede_boil_wordbyte((unsigned char)t[j]); j++)
			if (t[j] >= 'a' && t[j] <= 'z')
				lower++;
			else if (t[j] >= 'A' && t[j] <= 'Z')
				upper++;
		if (j - i >= 4 && t[i] >= 'A' && t[i] <= 'Z')
			cap++;
		else if (j - i >= 4 && t[i] >= 'a' && t[i] <= 'z')
			nocap++;
	}
	return (upper > 0 && lower == 0) || (cap >= 2 && nocap == 0);
}

/* 1 when a[0..n) and b[0..n) are the same bytes, ASCII case aside. */
static int
samefold(const char *a, const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (a[i] != b[i] && ((a[i] | 32) != (b[i] | 32) ||
		    (a[i] | 32) < 'a' || (a[i] | 32) > 'z'))
			return 0;
	return 1;
}

/*
 * Into b, the title t[0..tn) in the case of the text of d, for the
 * tagger, which reads a title in capitals or in title case badly: each
 * run of letters and digits that the text holds as a token, other than
 * the first of its sentence, as the first such token writes it ("TIDAL
 * TURBINE PLAN APPROVED" -> "tidal turbine plan approved"; a run the text
 * lacks stays as it is).  Only the first TITLE_WORDS runs are looked up.
 */
#define TITLE_WORDS 64
static void
truecase(const LedeDoc *d, const char *t, size_t tn, LedeBuf *b)
{
	size_t i, j, k, m, nw = 0;
	unsigned gen = (unsigned)-1;
	int formcol = -1;

	lede_buf_clear(b);
	lede_buf_add(b, t, tn);
	for (i = 0; i < tn && nw < TITLE_WORDS; i = j + (j == i)) {
		const char *f = NULL;

		for (j = i; j < tn && lede_boil_wordbyte((unsigned char)t[j]); j++)
			;
		if (j == i)
			continue;
		nw++;
		for (k = 0; !f && k < d->nsent; k++) {
			const LedeSent *s = &d->sent[k];

			if (s->gen != gen) {
				gen = s->gen;
				formcol = lede_sent_col(s, "FORM");
			}
			for (m = 1; !f && m < s->ntok; m++)
				if (lede_fieldlen(s, m, formcol) == j - i &&
				    samefold(lede_field(s, m, formcol), t + i, j - i))
					f = lede_field(s, m, formcol);
		}
		if (f)
			memcpy(b->p + i, f, j - i);
	}
}

/*
 * Sentences that are boilerplate (summarize(1)'s rules) carry no
 * keyphrases; a heading alone on its line does.  par and nextpar: whether
 * the sentence and the next one (1 at the end) open a paragraph.
 */
static int
boilerplate(const LedeSent *s, int par, int nextpar, int formcol)
{
	LedeBoilCtx ctx;
	LedeBoil b;
	size_t len;
	const char *text;

	/* no rule applies past LEDE_BOIL_MAXWORDS words */
	ctx.words = lede_boil_words(s, formcol);
	if (ctx.words > LEDE_BOIL_MAXWORDS || !(text = lede_sent_meta(s, "text", &len)))
		return 0;
	ctx.alone = par && nextpar;
	b = lede_boil_check(text, len, &ctx);
	return b != LEDE_BOIL_NONE && b != LEDE_BOIL_HEADING;
}

/* Does the form f hold a digit? */
static int
hasdigit(const char *f)
{
	for (; *f; f++)
		if (*f >= '0' && *f <= '9')
			return 1;
	return 0;
}

/*
 * A line of figures of a wire's earnings table ("Net 1,210,000 vs
 * 904,000", "Avg shrs 5,070,000 vs 4,721,000", after a dateline or not):
 * from token k on, at most four words, then a number, "vs" and a number.
 * Its labels ("Net", "Revs") are the table's, not the story's.  A
 * headline of figures ("Hoechst AG 1986 world group pretax profit 3.21
 * billion marks vs 3.16 billion") has more words before its "vs".
 */
static int
figures(const LedeSent *s, int formcol, size_t k)
{
	size_t words = 0, j;
	int num = 0;

	for (; k < s->ntok; k++) {
		const char *f = lede_field(s, k, formcol);

		if (!((f[0] == 'v' || f[0] == 'V') && f[1] == 's' &&
		    (!f[2] || (f[2] == '.' && !f[3])))) {
			if (hasdigit(f))
				num = 1;
			else if (lede_hasletter(f, strlen(f)) && ++words > 4)
				return 0;
			continue;
		}
		if (!num)
			return 0;
		for (j = k + 1; j < s->ntok; j++)
			if (hasdigit(lede_field(s, j, formcol)))
				return 1;
		return 0;
	}
	return 0;
}

void
lede_kw_report_doc(LedeKwReport *kr, const LedeDoc *d)
{
	LedeKp *kp = kr->kp;
	const LedeKpPhrase *ph;
	size_t nph, i, k;
	unsigned gen = (unsigned)-1;
	int formcol = -1, stemcol = -1, nercol = -1, startcol = -1, endcol = -1;
	int par, nextpar = 1;	/* each sentence's "# newpar" looked up once */

	{
		size_t tl = 0;
		const char *title = d->nsent ?
		    lede_sent_meta(&d->sent[0], "title", &tl) : NULL;

		lede_kp_begin(kp, title, tl);
		if (title && lede_kp_wants_headline(kp) &&
		    !titlerepeat(d, title, tl)) {
			LedeBuf cased = {0};

			if (blindcase(title, tl))
				truecase(d, title, tl, &cased);
			lede_kp_headline(kp, title, cased.p, tl);
			lede_buf_free(&cased);
		}
	}
	for (i = 0; i < d->nsent; i++) {
		const LedeSent *s = &d->sent[i];
		long prevend = -1;

		if (s->gen != gen) {
			gen = s->gen;
			formcol = lede_sent_col(s, "FORM");
			stemcol = lede_sent_col(s, "STEM");
			nercol = lede_sent_col(s, "NER");
			startcol = lede_sent_col(s, "START");
			endcol = lede_sent_col(s, "END");
		}
		/* whether this and the next sentence open a paragraph */
		par = nextpar;
		nextpar = kr->keepboil || i + 1 == d->nsent || newpar(d, i + 1);
		if (!kr->keepboil && boilerplate(s, par, nextpar, formcol))
			continue;
		/*
		 * A wire dateline names the place and the wire, a label
		 * ("NOTE:") the kind of line: neither the story.
		 */
		k = 0;
		if (!kr->keepboil && par &&
		    !(k = lede_boil_dateline(s, formcol, nercol)))
			k = lede_boil_label(s, formcol);
		if (!kr->keepboil && lede_kp_figures(kp) && figures(s, formcol, k))
			continue;
		for (; k < s->ntok; k++) {
			const char *f = lede_field(s, k, formcol);
			const char *st = stemcol >= 0 ? lede_field(s, k, stemcol) : NULL;
			const char *ner = nercol >= 0 ? lede_field(s, k, nercol) : NULL;
			int glued = -1;
			long a, b;

			if (startcol >= 0 && endcol >= 0 &&
			    offset(lede_field(s, k, startcol), &a) == 0 &&
			    offset(lede_field(s, k, endcol), &b) == 0) {
				glued = k > 0 && a == prevend;
				prevend = b;
			}
			/* a field holds no NUL (the reader refuses one) */
			lede_kp_token(kp, f, lede_fieldlen(s, k, formcol), st,
			    st ? lede_fieldlen(s, k, stemcol) : 0, ner, glued);
		}
		lede_kp_endsent(kp);
	}
	nph = lede_kp_rank(kp, kr->corpus ? CORPUS_PER_DOC : 0, &ph);
	if (kr->corpus) {
		double max = nph ? ph[0].score : 0;

		for (i = 0; i < nph && i < CORPUS_PER_DOC; i++) {
			double w = max > 0 ? ph[i].score / max : 0;
			long long fx = (long long)(w * LEDE_KWC_UNIT + 0.5);

			lede_kwc_add(kr->corpus, ph[i].key, ph[i].keylen, ph[i].phrase,
			    ph[i].len, 1, ph[i].count, fx);
		}
	}
	if (!kr->table)
		return;
	for (i = 0; i < nph && (long)i < kr->top; i++) {
		double max = ph[0].score;

		lede_table_str(kr->table, d->id, strlen(d->id));
		lede_table_int(kr->table, (long long)i + 1);
		lede_table_str(kr->table, ph[i].phrase, ph[i].len);
		lede_table_num(kr->table, max > 0 ? ph[i].score / max : 0, 4);
		lede_table_int(kr->table, ph[i].count);
		lede_table_endrow(kr->table);
	}
}

void
lede_kw_report_settings(LedeKwReport *kr)
{
	LedeBuf b = {0};

	if (!kr->corpus)
		return;
	lede_buf_adds(&b, LEDE_SETTINGS_PREFIX);
	lede_kp_settings(kr->kp, &b);
	lede_buf_printf(&b, " keep-boilerplate=%s", kr->keepboil ? "yes" : "no");
	lede_kwc_set_settings(kr->corpus, b.p, b.len);
	lede_buf_free(&b);
}

void
lede_kw_report_corpus(LedeKwCorpus *c, LedeTable *t, long top)
{
	const LedeKwRow *rows;
	size_t n = lede_kwc_rank(c, &rows), i;

	for (i = 0; i < n && (long)i < top; i++) {
		lede_table_str(t, "*", 1);
		lede_table_int(t, (long long)i + 1);
		lede_table_str(t, rows[i].phrase, rows[i].len);
		lede_table_num(t, (double)rows[i].score / (double)LEDE_KWC_UNIT, 4);
		lede_table_int(t, rows[i].count);
		lede_table_endrow(t);
	}
}
