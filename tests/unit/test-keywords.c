/* Unit tests of the keyword and summary library: df tables, word lists,
 * corpus partials, PageRank, boilerplate rules and sentence picking. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "boiler.h"
#include "check.h"
#include "df.h"
#include "formtab.h"
#include "keyphrase.h"
#include "kwcorpus.h"
#include "rank.h"
#include "stream.h"
#include "sumrank.h"

static const char good_df[] =
    "lede-df 1\ndocs 10\nterms 3\nmindf 2\nstemmer english\n"
    "grid\t4\nport\t10\ntidal\t2\n";

/* The table must fail with the reason starting with want ("LINE: ..."). */
static void
bad_df(const char *buf, const char *want)
{
	char err[256] = "";
	LedeDf *df = lede_df_parse(buf, strlen(buf), err, sizeof(err));

	check(df == NULL, "accepted a bad table (%s)", want);
	check(strncmp(err, want, strlen(want)) == 0, "got '%s', want '%s'", err, want);
	lede_df_free(df);
}

static void
test_df(void)
{
	char err[256];
	LedeDf *df = lede_df_parse(good_df, strlen(good_df), err, sizeof(err));

	check(df != NULL, "%s", err);
	if (!df)
		return;
	check(lede_df_docs(df) == 10, "docs");
	check(lede_df_get(df, "grid", 4) == 4, "df of grid");
	check(lede_df_get(df, "gri", 3) == 0, "df of an absent term");
	check(fabs(lede_df_idf(df, "port", 4) - log(2.0)) < 1e-12, "idf of port");
	/* absent: df taken as mindf / 2 = 1 */
	check(fabs(lede_df_idf(df, "wave", 4) - log(11.0)) < 1e-12, "idf of wave");
	check(strcmp(lede_df_stemmer(df), "english") == 0, "stemmer");
	lede_df_free(df);

	bad_df("", "1: empty file");
	bad_df("lede-df 2\n", "1: not a df table");
	bad_df("lede-df 1\ndocs 1\nterms 1\nmindf 1\nstemmer english\nb\t1\na\t1\n", "7:");
	bad_df("lede-df 1\ndocs 1\nterms 1\nmindf 1\nstemmer english\na\t2\n", "6: document frequency");
	bad_df("lede-df 1\ndocs 1\nterms 2\nmindf 1\nstemmer english\na\t1\n", "6: 1 rows");
	bad_df("lede-df 1\ndocs 1\nterms 1\nstemmer english\na\t1\n", "5: a header key");
	bad_df("lede-df 1\ndocs x\n", "2: bad or repeated value");
	bad_df("lede-df 1\nterms 1\nterms 1\n", "3: bad or repeated value");
	bad_df("lede-df 1\nfoo 1\n", "2: unknown header key");
	bad_df("lede-df 1\ndocs 1\nterms 1\nmindf 1\nstemmer english\na b\t1\n", "6: empty term");
	bad_df("lede-df 1\ndocs 1\nterms 1\nmindf 1\nstemmer english\n\xff\t1\n", "6: invalid UTF-8");
	bad_df("lede-df 1\ndocs 1\nterms 1\nmindf 1\nstemmer english\na\t1\nb\t1\n", "7: more rows");
}

/* The hash a partial records: of the table's content, not of its bytes. */
static void
test_dfhash(void)
{
	static const char *same[] = {
		/* line ends, a byte-order mark and the order of the header */
		"lede-df 1\r\ndocs 10\r\nterms 3\r\nmindf 2\r\nstemmer english\r\n"
		    "grid\t4\r\nport\t10\r\ntidal\t2\r\n",
		"\xEF\xBB\xBFlede-df 1\nstemmer english\nmindf 2\nterms 3\ndocs 10\n"
		    "grid\t4\nport\t10\ntidal\t2\n",
	};
	static const char *other[] = {
		"lede-df 1\ndocs 10\nterms 3\nmindf 2\nstemmer english\n"
		    "grid\t4\nport\t9\ntidal\t2\n",
		"lede-df 1\ndocs 11\nterms 3\nmindf 2\nstemmer english\n"
		    "grid\t4\nport\t10\ntidal\t2\n",
		"lede-df 1\ndocs 10\nterms 3\nmindf 1\nstemmer english\n"
		    "grid\t4\nport\t10\ntidal\t2\n",
		"lede-df 1\ndocs 10\nterms 3\nmindf 2\nstemmer english\n"
		    "grid\t4\nport\t10\ntidals\t2\n",
		"lede-df 1\ndocs 10\nterms 2\nmindf 2\nstemmer english\n"
		    "grid\t4\nport\t10\n",
	};
	char err[256];
	LedeDf *df = lede_df_parse(good_df, strlen(good_df), err, sizeof(err)), *d2;
	uint64_t h;
	size_t i;

	if (!df)
		return;
	h = lede_df_hash(df);
	lede_df_free(df);
	for (i = 0; i < LEDE_LEN(same); i++) {
		d2 = lede_df_parse(same[i], strlen(same[i]), err, sizeof(err));
		check(d2 && lede_df_hash(d2) == h, "same table %zu: another hash", i);
		lede_df_free(d2);
	}
	for (i = 0; i < LEDE_LEN(other); i++) {
		d2 = lede_df_parse(other[i], strlen(other[i]), err, sizeof(err));
		check(d2 && lede_df_hash(d2) != h, "other table %zu: the same hash", i);
		lede_df_free(d2);
	}
}

/* What shapes a keyphrase context's scores, as a partial records it. */
static void
test_kpsettings(void)
{
	LedeKpParams p;
	LedeKp *kp;
	LedeBuf b = {0};
	LedeKpMethod m;
	char err[256];
	LedeDf *df = lede_df_parse(good_df, strlen(good_df), err, sizeof(err));

	lede_kp_defaults(&p);
	kp = lede_kp_new(&p);
	lede_kp_settings(kp, &b);
	check(!strncmp(b.p, "rank=default df=none window=2 damping=0.5 ", 42),
	    "defaults: %s", b.p);
	check(strlen(b.p) > 10 && !strcmp(b.p + strlen(b.p) - 10, " data=none"),
	    "data: %s", b.p);
	check(strstr(b.p, " short=300 ") != NULL, "short: %s", b.p);
	lede_kp_free(kp);

	p.method = LEDE_KP_TF;
	p.damping = 0.85;
	p.window = 5;
	kp = lede_kp_new(&p);
	lede_kp_set_df(kp, df);
	lede_kp_add_data(kp, "a", "x", 1);
	lede_buf_clear(&b);
	lede_kp_settings(kp, &b);
	check(!strncmp(b.p, "rank=tf df=10:", 14) && strstr(b.p, " window=5 damping=0.85 "),
	    "changed: %s", b.p);
	check(strstr(b.p, " data=none") == NULL && strstr(b.p, " data="), "data: %s", b.p);
	lede_kp_free(kp);
	lede_df_free(df);
	lede_buf_free(&b);

	check(lede_kp_method_parse("positionrank", &m) == 0 && m == LEDE_KP_POSITIONRANK &&
	    !strcmp(lede_kp_method_name(m), "positionrank"), "method names");
	check(lede_kp_method_parse("pagerank", &m) < 0, "an unknown method");
}

static void
test_dfbuild(void)
{
	LedeDfBuild *b = lede_dfb_new();
	char buf[512] = "", err[256];
	FILE *fp = fmemopen(buf, sizeof(buf) - 1, "w");
	LedeDf *df;

	lede_dfb_term(b, "port", 4);
	lede_dfb_term(b, "port", 4);
	lede_dfb_term(b, "grid", 4);
	lede_dfb_enddoc(b);
	lede_dfb_enddoc(b);	/* empty: not counted */
	lede_dfb_term(b, "port", 4);
	lede_dfb_enddoc(b);
	check(lede_dfb_write(b, fp, 1, "english") >= 0, "write");
	fclose(fp);
	check(strcmp(buf, "lede-df 1\ndocs 2\nterms 2\nmindf 1\nstemmer english\n"
	    "grid\t1\nport\t2\n") == 0, "built table:\n%s", buf);
	df = lede_df_parse(buf, strlen(buf), err, sizeof(err));
	check(df != NULL, "the built table does not load: %s", err);
	lede_df_free(df);
	lede_dfb_free(b);
}

static void
test_wordlists(void)
{
	LedeKp *kp = lede_kp_new(NULL);
	char err[256] = "";
	const char *pos = "lede-pos 1\nwords 2\nsaid\tV\nthe\tO\n";
	const char *stop = "lede-stop 1\nwords 2\nof\nthe\n";
	const LedeKpPhrase *ph;
	size_t n;
	static const char *forms[] = {"The", "tidal", "power", "station", "said", "the",
	    "tidal", "power", "plan", "of", "the", "city", "."};

	check(lede_kp_load_pos(kp, pos, strlen(pos), err, sizeof(err)) == 0, "%s", err);
	check(lede_kp_load_stop(kp, stop, strlen(stop), err, sizeof(err)) == 0, "%s", err);
	check(lede_kp_load_pos(kp, "lede-pos 1\nwords 1\nx\tQ\n", 22, err,
	    sizeof(err)) < 0 && strncmp(err, "3: word classes", 15) == 0, "%s", err);
	check(lede_kp_load_stop(kp, "lede-stop 1\nwords 2\nb\na\n", 23, err,
	    sizeof(err)) < 0 && strncmp(err, "4: words not", 12) == 0, "%s", err);
	check(lede_kp_load_stop(kp, "lede-stop 1\n", 12, err, sizeof(err)) < 0,
	    "no count line");
	lede_kp_begin(kp, NULL, 0);
	for (size_t i = 0; i < LEDE_LEN(forms); i++)
		lede_kp_token(kp, forms[i], strlen(forms[i]), NULL, 0, NULL, i > 0 &&
		    forms[i][0] == '.');
	lede_kp_endsent(kp);
	n = lede_kp_rank(kp, 3, &ph);
	check(n == 3, "%zu phrases", n);
	if (n == 3) {
		/* "tidal power station", "tidal power plan", "city": merged by stems */
		check(ph[0].len == 19 && !memcmp(ph[0].phrase, "tidal power station", 19),
		    "first: %.*s", (int)ph[0].len, ph[0].phrase);
		check(ph[0].keylen == 19 && !memcmp(ph[0].key, "tidal power station", 19),
		    "key: %.*s", (int)ph[0].keylen, ph[0].key);
		check(fabs(ph[0].score - ph[0].score) == 0 && ph[0].count == 1, "count");
	}
	lede_kp_free(kp);
}

#define KWP "# lede-partial keywords 2\n# settings rank=default df=none\n"

static void
test_corpus(void)
{
	const char *a = KWP "key\tsurface\tdocs\tcount\tscore\n"
	    "port\tport\t2\t3\t1500000\nport\tPort\t1\t3\t1000000\n";
	/* the same settings in another order */
	const char *b = "# lede-partial keywords 2\n# settings df=none rank=default\n"
	    "key\tsurface\tdocs\tcount\tscore\ngrid\tgrid\t3\t1\t2500000\n";
	const char *bad[] = {
		"key\tsurface\tdocs\tcount\tscore\n",
		KWP "port\tport\t1\t1\t1\n",
		KWP "key\tsurface\tdocs\tcount\tscore\nport\tport\t1\t1\n",
		KWP "key\tsurface\tdocs\tcount\tscore\nport\tport\t1\t1\t2000000\n",
		KWP "key\tsurface\tdocs\tcount\tscore\nport\tport\t01\t1\t1\n",
		KWP "key\tsurface\tdocs\tcount\tscore\n\tport\t1\t1\t1\n",
		"# lede-partial keywords 2\n",
		KWP,
		/* version 1, which has no settings line, and a later one */
		"# lede-partial keywords 1\nkey\tsurface\tdocs\tcount\tscore\n",
		"# lede-partial keywords 3\n# settings rank=default\n"
		    "key\tsurface\tdocs\tcount\tscore\n",
		/* damaged settings lines */
		"# lede-partial keywords 2\nkey\tsurface\tdocs\tcount\tscore\n",
		"# lede-partial keywords 2\n# settings \nkey\tsurface\tdocs\tcount\tscore\n",
		"# lede-partial keywords 2\n# settings rank\nkey\tsurface\tdocs\tcount\tscore\n",
		"# lede-partial keywords 2\n# settings rank=\nkey\tsurface\tdocs\tcount\tscore\n",
		"# lede-partial keywords 2\n# settings =tf\nkey\tsurface\tdocs\tcount\tscore\n",
		"# lede-partial keywords 2\n# settings rank=tf  df=none\n"
		    "key\tsurface\tdocs\tcount\tscore\n",
		"# lede-partial keywords 2\n# settings rank=tf df=none \n"
		    "key\tsurface\tdocs\tcount\tscore\n",
		"# lede-partial keywords 2\n# settings Rank=tf\nkey\tsurface\tdocs\tcount\tscore\n",
		"# lede-partial keywords 2\n# settings rank=t=f\nkey\tsurface\tdocs\tcount\tscore\n",
		"# lede-partial keywords 2\n# settings rank=tf rank=tf\n"
		    "key\tsurface\tdocs\tcount\tscore\n",
		"# lede-partial keywords 2\n# settings rank=tf df=none rank=tf\n"
		    "key\tsurface\tdocs\tcount\tscore\n",
		/* a second partial made otherwise, in the same buffer */
		KWP "key\tsurface\tdocs\tcount\tscore\n"
		    "# lede-partial keywords 2\n# settings rank=tf df=none\n"
		    "key\tsurface\tdocs\tcount\tscore\n",
	};
	/* settings that differ, and what the refusal says */
	static const struct {
		const char *settings, *want;
	} differ[] = {
		{"rank=tf df=none", "2: made with --rank tf, the first partial with --rank default"},
		{"rank=default df=7:00000000000000ab", "2: made with a df table of 7 documents "
		    "(hash 00000000000000ab), the first partial with --no-df"},
		{"rank=default df=none window=3", "2: made with --param window=3, "
		    "the first partial without a 'window' setting"},
		{"rank=default", "2: made without a 'df' setting, the first partial "
		    "with --no-df"},
		{"rank=default df=none keep-boilerplate=yes", "2: made with "
		    "--keep-boilerplate, the first partial without a 'keep-boilerplate' setting"},
	};
	LedeKwCorpus *x = lede_kwc_new(), *y = lede_kwc_new();
	const LedeKwRow *rx, *ry;
	size_t nx, ny, i;
	char err[256];

	check(lede_kwc_parse(x, a, strlen(a), err, sizeof(err)) == 0, "%s", err);
	check(lede_kwc_parse(x, b, strlen(b), err, sizeof(err)) == 0, "%s", err);
	check(lede_kwc_parse(y, b, strlen(b), err, sizeof(err)) == 0, "%s", err);
	check(lede_kwc_parse(y, a, strlen(a), err, sizeof(err)) == 0, "%s", err);
	nx = lede_kwc_rank(x, &rx);
	ny = lede_kwc_rank(y, &ry);
	check(nx == 2 && ny == 2, "%zu and %zu phrases", nx, ny);
	for (i = 0; i < nx && i < ny; i++)
		check(rx[i].keylen == ry[i].keylen && !memcmp(rx[i].key, ry[i].key,
		    rx[i].keylen) && rx[i].score == ry[i].score &&
		    rx[i].docs == ry[i].docs && rx[i].count == ry[i].count &&
		    rx[i].len == ry[i].len && !memcmp(rx[i].phrase, ry[i].phrase, rx[i].len),
		    "row %zu differs with the order of the parts", i);
	if (nx == 2) {
		check(rx[0].score == 2500000 && rx[0].docs == 3 && rx[0].count == 6,
		    "port: %lld %lld %lld", rx[0].score, rx[0].docs, rx[0].count);
		/* surface: most occurrences, then the smallest in byte order */
		check(rx[0].len == 4 && !memcmp(rx[0].phrase, "Port", 4), "surface");
	}
	for (i = 0; i < LEDE_LEN(bad); i++) {
		LedeKwCorpus *z = lede_kwc_new();

		check(lede_kwc_parse(z, bad[i], strlen(bad[i]), err, sizeof(err)) < 0,
		    "accepted bad partial %zu", i);
		lede_kwc_free(z);
	}
	for (i = 0; i < LEDE_LEN(differ); i++) {
		LedeKwCorpus *z = lede_kwc_new();
		char buf[512];

		snprintf(buf, sizeof(buf), "# lede-partial keywords 2\n# settings %s\n"
		    "key\tsurface\tdocs\tcount\tscore\n", differ[i].settings);
		check(lede_kwc_parse(z, a, strlen(a), err, sizeof(err)) == 0, "%s", err);
		check(lede_kwc_parse(z, buf, strlen(buf), err, sizeof(err)) < 0 &&
		    !strcmp(err, differ[i].want), "settings %zu: %s", i, err);
		lede_kwc_free(z);
	}
	{
		/* set settings: what is written, and what partials must have */
		LedeKwCorpus *z = lede_kwc_new();
		const char *set = "# settings rank=tf df=none";
		char *out = NULL;
		size_t len = 0;
		FILE *fp = open_memstream(&out, &len);

		check(lede_kwc_write(z, fp) < 0, "wrote a partial without settings");
		lede_kwc_set_settings(z, set, strlen(set));
		check(lede_kwc_settings(z) && !strcmp(lede_kwc_settings(z), set), "settings");
		check(lede_kwc_parse(z, a, strlen(a), err, sizeof(err)) < 0 &&
		    !strcmp(err, "2: made with --rank default, the first partial with --rank tf"),
		    "%s", err);
		check(lede_kwc_write(z, fp) == 0, "write");
		fclose(fp);
		check(len > 0 && !strcmp(out, "# lede-partial keywords 2\n# settings rank=tf "
		    "df=none\nkey\tsurface\tdocs\tcount\tscore\n"), "written: %s", out);
		free(out);
		lede_kwc_free(z);
	}
	lede_kwc_free(x);
	lede_kwc_free(y);
}

static void
test_pagerank(void)
{
	LedeGraph *g = lede_graph_new();
	double s[4], sum = 0;

	lede_graph_reset(g, 4);
	lede_graph_add(g, 0, 1, 1);
	lede_graph_add(g, 0, 2, 1);
	lede_graph_add(g, 0, 3, 1);
	lede_pagerank(g, NULL, 0.85, 100, 1e-12, s);
	for (int i = 0; i < 4; i++)
		sum += s[i];
	check(fabs(sum - 1) < 1e-9, "scores sum to %g", sum);
	check(s[0] > s[1] && fabs(s[1] - s[2]) < 1e-12 && fabs(s[2] - s[3]) < 1e-12,
	    "the hub first: %g %g %g %g", s[0], s[1], s[2], s[3]);
	lede_graph_free(g);
}

static void
test_boiler(void)
{
	static const struct {
		const char *text;
		int alone;
		long words;
		LedeBoil want;
	} cases[] = {
		{"By Jane Roe", 1, 3, LEDE_BOIL_BYLINE},
		{"By the end of the year, prices rose.", 0, 8, LEDE_BOIL_NONE},
		{"Photo: The harbour at dawn.", 0, 5, LEDE_BOIL_PHOTO},
		{"Read more: Grids in winter", 1, 4, LEDE_BOIL_READMORE},
		{"\xc2\xa9 2024 Example News", 1, 3, LEDE_BOIL_COPYRIGHT},
		{"Sign up for our newsletter", 1, 5, LEDE_BOIL_SUBSCRIBE},
		{"The newsletter reached a million readers, the firm said.", 0, 9,
		    LEDE_BOIL_NONE},
		{"Published 3 May 2024 | Updated 10:02 GMT", 1, 7, LEDE_BOIL_DATELINE},
		{"News | Sport | Weather", 1, 3, LEDE_BOIL_NAV},
		{"Port strike ends after three days", 1, 6, LEDE_BOIL_HEADING},
		{"Port strike ends after three days", 0, 6, LEDE_BOIL_NONE},
		{"Sponsored: Ten gadgets for summer.", 1, 5, LEDE_BOIL_DISCLOSURE},
	};

	for (size_t i = 0; i < LEDE_LEN(cases); i++) {
		LedeBoilCtx ctx = {cases[i].alone, cases[i].words};
		LedeBoil b = lede_boil_check(cases[i].text, strlen(cases[i].text), &ctx);

		check(b == cases[i].want, "'%s': %s, want %s", cases[i].text,
		    lede_boil_name(b), lede_boil_name(cases[i].want));
	}
}

/*
 * lede_boil_dateline (which 0) or lede_boil_label (which 1) on one
 * sentence: toks are its forms, blank-separated;
 * "~" joins tokens with no blank between them (for START and END); ner is
 * the NER tag of the first token, or NULL for a stream without NER.
 */
static size_t
sentence(const char *toks, const char *ner, int which)
{
	char stream[1024], buf[256], *tok, *save;
	size_t n = 0, k = 0, len;
	long pos = 0;
	int id = 0;
	FILE *fp;
	LedeReader *r;
	LedeSent s = {0};

	n += (size_t)snprintf(stream + n, sizeof(stream) - n,
	    "# global.columns = ID FORM START END%s\n", ner ? " NER" : "");
	snprintf(buf, sizeof(buf), "%s", toks);
	for (tok = strtok_r(buf, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) {
		char *part, *save2;

		for (part = strtok_r(tok, "~", &save2); part;
		    part = strtok_r(NULL, "~", &save2)) {
			len = strlen(part);
			id++;
			n += (size_t)snprintf(stream + n, sizeof(stream) - n,
			    "%d\t%s\t%ld\t%ld%s%s\n", id, part, pos, pos + (long)len,
			    ner ? "\t" : "", ner ? (id == 1 ? ner : "O") : "");
			pos += (long)len;
		}
		pos++;
	}
	snprintf(stream + n, sizeof(stream) - n, "\n");
	fp = fmemopen(stream, strlen(stream), "r");
	r = lede_reader_open_fp(fp, "test");
	if (lede_read_sent(r, &s) == 1)
		k = which ? lede_boil_label(&s, lede_sent_col(&s, "FORM")) :
		    lede_boil_dateline(&s, lede_sent_col(&s, "FORM"),
		    lede_sent_col(&s, "NER"));
	else
		check(0, "'%s': %s", toks, lede_reader_error(r));
	lede_sent_free(&s);
	lede_reader_free(r);
	fclose(fp);
	return k;
}

static size_t
dateline(const char *toks, const char *ner)
{
	return sentence(toks, ner, 0);
}

static size_t
label(const char *toks)
{
	return sentence(toks, NULL, 1);
}

static void
test_dateline(void)
{
	static const struct {
		const char *toks, *ner;
		size_t want;
	} cases[] = {
		{"LISBON , March 14 ( Meridian Wire ) \xe2\x80\x94 The port", NULL, 9},
		{"WASHINGTON ( AP ) _ Senators met", NULL, 5},
		{"SALVADOR , Feb 26 - Showers fell", NULL, 5},
		{"AMSTERDAM , 2 March - The bank", NULL, 5},
		{"LITTLE ROCK , Ark. , March 2 ( AP ) _ The state", NULL, 11},
		{"RICHMOND , Va. Feb 26 - Qtly div", NULL, 6},
		{"COLUMBUS , IND~. , Feb 26 - Arvin said", NULL, 8},
		{"WINSTON~-~SALEM , N.C. , June 2 - Tobacco rose", NULL, 9},
		{"GRONINGEN , the Netherlands , March 31 - Countries", NULL, 8},
		{"( Reuters ) - Oil rose", NULL, 4},
		{"Lisbon , March 14 - The port", NULL, 5},
		/* a place alone before the dash: only when tagged a location */
		{"BEIJING \xe2\x80\x94 Output slowed", "B-LOC", 2},
		{"BEIJING \xe2\x80\x94 Output slowed", NULL, 0},
		{"NASA \xe2\x80\x94 the agency said", "B-ORG", 0},
		{"M - 2A rose", "B-LOC", 0},
		/* not datelines */
		{"Gould Inc ( GLD ) - Offering", NULL, 0},
		{"Smith , Jones and Co - x", NULL, 0},
		{"The port , March 14 - x", NULL, 0},
		{"LISBON , March 14 -", NULL, 0},	/* nothing after it */
		{"LISBON , March 14 -~x", NULL, 0},	/* a hyphen, not a dash */
		{"Sales rose in March .", NULL, 0},
	};

	for (size_t i = 0; i < LEDE_LEN(cases); i++) {
		size_t k = dateline(cases[i].toks, cases[i].ner);

		check(k == cases[i].want, "'%s' (%s): %zu tokens, want %zu",
		    cases[i].toks, cases[i].ner ? cases[i].ner : "no NER", k,
		    cases[i].want);
	}
	check(label("NOTE : The dividend") == 2 && label("Update : shares rose") == 2 &&
	    label("Notes : x y") == 2 && label("Smith : I agree") == 0 &&
	    label("NOTE :") == 0 && label("Note that x") == 0, "labels");
	check(lede_boil_month("Sept.", 5) && lede_boil_month("MARCH", 5) &&
	    lede_boil_month("dec", 3) && !lede_boil_month("Marc", 4) &&
	    !lede_boil_month("decade", 6) && !lede_boil_month("may", 2),
	    "month names");
}

static void
sent(LedeSum *s, const char *text, int newpar)
{
	char buf[256];
	char *tok, *save;

	lede_sum_sent(s, text, strlen(text), newpar);
	snprintf(buf, sizeof(buf), "%s", text);
	for (tok = strtok_r(buf, " ", &save); tok; tok = strtok_r(NULL, " ", &save))
		lede_sum_token(s, tok, strlen(tok), NULL, 0);
}

static void
test_summary(void)
{
	LedeSumParams p;
	LedeSum *s;
	const size_t *idx;
	size_t n;

	lede_sum_defaults(&p);
	p.method = LEDE_SUM_LEAD;
	s = lede_sum_new(&p);
	lede_sum_begin(s, "Bridge to be rebuilt", 20);
	sent(s, "By Jane Roe", 1);
	sent(s, "The council will rebuild the bridge .", 1);
	sent(s, "The bridge opens in 2027 .", 0);
	sent(s, "The council will rebuild the bridge .", 1);
	sent(s, "Work starts in May .", 1);
	n = lede_sum_pick(s, 2, 0, 0, &idx);
	check(n == 2 && idx[0] == 1 && idx[1] == 2, "lead: %zu picked", n);
	check(lede_sum_boiler(s, 0) == LEDE_BOIL_BYLINE, "byline");
	check(lede_sum_boiler(s, 3) == LEDE_BOIL_REPEAT, "repeat");
	/* a word budget keeps the sentence that crosses it */
	n = lede_sum_pick(s, 0, 8, 0, &idx);
	check(n == 2, "--words 8: %zu picked", n);
	n = lede_sum_pick(s, 0, 0, 0.01, &idx);
	check(n == 1, "--ratio 0.01: %zu picked", n);
	lede_sum_free(s);
}

/* The form cache: short and long keys, growth, clearing. */
static void
test_formtab(void)
{
	LedeFt *t = lede_ft_new();
	char buf[64];
	int added, i, bad = 0;
	LedeFtEnt *e;
	const char *longform = "electroencephalographically";

	e = lede_ft_get(t, longform, strlen(longform),
	    lede_ft_hash(longform, strlen(longform)), &added);
	check(added && e->col == -1 && e->v[0] == 0, "new entry");
	e->v[0] = 42;
	/* enough forms to grow the table several times */
	for (i = 0; i < 40000; i++) {
		int n = snprintf(buf, sizeof(buf), "w%d", i);

		lede_ft_prefetch(t, lede_ft_hash(buf, (size_t)n));
		e = lede_ft_get(t, buf, (size_t)n, lede_ft_hash(buf, (size_t)n), &added);
		bad += !added;
		e->v[0] = i;
	}
	check(bad == 0 && lede_ft_size(t) == 40001, "%d old, %zu forms", bad,
	    lede_ft_size(t));
	for (i = 0; i < 40000; i += 997) {
		int n = snprintf(buf, sizeof(buf), "w%d", i);

		lede_ft_prefetch_entry(t, lede_ft_hash(buf, (size_t)n));
		e = lede_ft_get(t, buf, (size_t)n, lede_ft_hash(buf, (size_t)n), &added);
		check(!added && e->v[0] == i, "w%d: %d", i, e->v[0]);
	}
	e = lede_ft_get(t, longform, strlen(longform),
	    lede_ft_hash(longform, strlen(longform)), &added);
	check(!added && e->v[0] == 42 && lede_ft_ent(t, 0) == e, "long form kept");
	lede_ft_clear(t);
	check(lede_ft_size(t) == 0, "cleared");
	e = lede_ft_get(t, "w1", 2, lede_ft_hash("w1", 2), &added);
	check(added, "a cleared table forgets");
	lede_ft_free(t);
}

int
main(void)
{
	test_formtab();
	test_df();
	test_dfhash();
	test_kpsettings();
	test_dfbuild();
	test_wordlists();
	test_corpus();
	test_pagerank();
	test_boiler();
	test_dateline();
	test_summary();
	return check_done();
}
