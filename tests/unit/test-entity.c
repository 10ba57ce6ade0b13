/* See LICENSE file for copyright and license details. */
/* Unit tests of lib/entity: keys, names, merging, partial reports. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "entity.h"
#include "stage.h"
#include "stream.h"
#include "text.h"
#include "util.h"

#define CHECK(c) check(c, "%s", "")

static void
check_key(const char *in, const char *want)
{
	LedeBuf b = {0};

	lede_ent_key(&b, in, strlen(in));
	check(!strcmp(b.p ? b.p : "", want), "key(%s) = '%s', want '%s'", in,
	    b.p ? b.p : "", want);
	lede_buf_free(&b);
}

static void
test_names(void)
{
	int32_t a[16], b[16];
	size_t i;

	check_key("Redes Energéticas Nacionais", "redes energeticas nacionais");
	check_key("Rede\xCC\x81s", "redes");	/* decomposed mark */
	check_key("U.S.", "us");
	check_key("Rolls-Royce", "rolls royce");
	check_key("Rolls - Royce", "rolls royce");
	check_key("O\xE2\x80\x99" "Brien", "o'brien");
	check_key("Straße", "strasse");
	check_key("STRASSE", "strasse");
	check_key("  Atlantic   Tidal, Inc. ", "atlantic tidal inc");
	check_key("...", "");

	CHECK(lede_ent_unpossess("Portugal's", 10) == 8);
	CHECK(lede_ent_unpossess("Portugal\xE2\x80\x99s", 12) == 8);
	CHECK(lede_ent_unpossess("Portugal 's", 11) == 8);
	CHECK(lede_ent_unpossess("Reuters'", 8) == 7);
	CHECK(lede_ent_unpossess("'s", 2) == 2);
	CHECK(lede_ent_unpossess("Boss", 4) == 4);

	CHECK(lede_ent_untitle("Dr. Ewan MacLeod", 16) == 4);
	CHECK(lede_ent_untitle("Prime Minister Ana Costa", 24) == 15);
	CHECK(lede_ent_untitle("MR. SMITH", 9) == 4);
	CHECK(lede_ent_untitle("President", 9) == 0);
	CHECK(lede_ent_untitle("Dr Mr", 5) == 3);	/* one word is kept */
	CHECK(lede_ent_untitle("Ewan MacLeod", 12) == 0);

	CHECK(lede_ent_isacronym("EIB", 3));
	CHECK(lede_ent_isacronym("U.S.", 4));
	CHECK(lede_ent_isacronym("AT&T", 4));
	CHECK(!lede_ent_isacronym("A", 1));
	CHECK(!lede_ent_isacronym("Eib", 3));
	CHECK(!lede_ent_isacronym("ABCDEFGHIJK", 11));
	CHECK(!lede_ent_isacronym("", 0));

	for (i = 0; i < 6; i++)
		a[i] = "kitten"[i];
	for (i = 0; i < 7; i++)
		b[i] = "sitting"[i];
	CHECK(lede_ent_distance(a, 6, b, 7, 5) == 3);
	CHECK(lede_ent_distance(a, 6, b, 7, 2) == 3);	/* over the max */
	CHECK(lede_ent_distance(a, 6, a, 6, 2) == 0);
	a[0] = 'a', a[1] = 'b', b[0] = 'b', b[1] = 'a';
	CHECK(lede_ent_distance(a, 2, b, 2, 2) == 1);	/* transposition */
}

/* A document; mentions given as "TYPE:text" in order, one sentence each. */
static LedeEntDoc *
doc(const char *const *m, size_t n, const long long *tone)
{
	LedeEntDoc *d = lede_entdoc_new();
	size_t i;

	for (i = 0; i < n; i++) {
		const char *c = strchr(m[i], ':');

		lede_entdoc_sentence(d, tone != NULL, tone ? tone[i] : 0);
		lede_entdoc_mention(d, m[i], (size_t)(c - m[i]), c + 1, strlen(c + 1),
		    (long)i * 10, i);
	}
	return d;
}

static const LedeEntity *
find(LedeEntDoc *d, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const LedeEntity *e = lede_entdoc_entity(d, i);

		if (e->namelen == strlen(name) && !memcmp(e->name, name, e->namelen))
			return e;
	}
	return NULL;
}

static void
test_doc(void)
{
	static const char *const m[] = {
		"PER:Dr. Ewan MacLeod", "ORG:European Investment Bank", "PER:MacLeod",
		"ORG:EIB", "PER:MacLeod's", "LOC:EIB", "PER:Ewan MacLead",
	};
	static const long long tone[] = {500000, 0, -250000, 1, 1, 1, 1};
	LedeEntDoc *d = doc(m, LEDE_LEN(m), tone);
	const LedeEntity *e;
	size_t n = lede_entdoc_resolve(d);

	CHECK(n == 3);
	e = lede_entdoc_entity(d, 0);
	CHECK(e->mentions == 3);
	CHECK(!strcmp(e->type, "PER"));
	CHECK(e->namelen == 12 && !memcmp(e->name, "Ewan MacLeod", 12));
	CHECK(e->namen == 0);
	CHECK(e->nalias == 3);
	CHECK(e->tonen == 3 && e->tonesum == 250001);
	CHECK(e->start == 0 && e->tok == 0);
	CHECK(e->nsimilar == 1 && e->similarlen[0] == 12 &&
	    !memcmp(e->similar[0], "Ewan MacLead", 12));
	e = lede_entdoc_entity(d, 1);
	CHECK(e->mentions == 3);
	CHECK(!strcmp(e->type, "ORG"));	/* two ORG, one LOC */
	CHECK(e->nalias == 1 && e->aliasn[0] == 2);
	CHECK(find(d, n, "Ewan MacLead") != NULL);

	/* reset and reuse */
	lede_entdoc_reset(d);
	CHECK(lede_entdoc_resolve(d) == 0);
	lede_entdoc_free(d);
}

static char *
partial(LedeEntCorpus *c, size_t *len)
{
	char *p = NULL;
	FILE *fp = open_memstream(&p, len);

	if (!fp)
		eprintf("open_memstream:");
	CHECK(lede_entcorpus_write(c, fp) == 0);
	fclose(fp);
	return p;
}

static LedeEntCorpus *
corpus(int reverse)
{
	static const char *const d1[] = {"PER:Marta Oliveira", "PER:Oliveira", "LOC:Lisbon"};
	static const char *const d2[] = {"LOC:LISBON", "ORG:REN", "LOC:Lisbon\\x"};
	static const char *const d3[] = {"PER:Oliveira", "LOC:Lisbon", "ORG:REN"};
	static const long long t[] = {-1000000, 1000000, 333333};
	const char *const *docs[] = {d1, d2, d3};
	LedeEntCorpus *c = lede_entcorpus_new();
	int i;

	for (i = 0; i < 3; i++) {
		LedeEntDoc *d = doc(docs[reverse ? 2 - i : i], 3, i == 1 ? NULL : t);

		lede_entdoc_resolve(d);
		lede_entcorpus_add(c, d);
		lede_entdoc_free(d);
	}
	return c;
}

static void
test_corpus(void)
{
	LedeEntCorpus *a = corpus(0), *b = corpus(1), *m;
	const LedeEntity *e;
	LedeBuf err = {0};
	size_t la, lb, lm, n, i;
	char *pa = partial(a, &la), *pb = partial(b, &lb), *pm;
	unsigned seed = 12345;

	CHECK(la == lb && !memcmp(pa, pb, la));	/* order does not matter */
	n = lede_entcorpus_result(a, &e);
	CHECK(n == 5);
	CHECK(e[0].mentions == 3 && e[0].ndocs == 3 && e[0].namelen == 6 &&
	    !memcmp(e[0].name, "Lisbon", 6));

	/* round trip */
	m = lede_entcorpus_new();
	CHECK(lede_entcorpus_load(m, pa, la, "a", &err) == 0);
	pm = partial(m, &lm);
	CHECK(lm == la && !memcmp(pm, pa, la));
	free(pm);
	lede_entcorpus_free(m);

	/* damaged partials: an error with a place, and nothing added */
	for (i = 0; i < 20000; i++) {
		char *buf = malloc(la + 1);
		size_t len = la, k, j;
		int rc, nmut = 1 + (int)(i % 3);

		memcpy(buf, pa, la);
		for (j = 0; j < (size_t)nmut; j++) {
			seed = seed * 1103515245 + 12345;
			k = (seed >> 8) % len;
			switch ((seed >> 4) % 4) {
			case 0: buf[k] = (char)(seed >> 16); break;
			case 1: len = k + 1; break;
			case 2: buf[k] = "\t\n\\0-9e"[(seed >> 16) % 7]; break;
			case 3: memmove(buf + k, buf + k + 1, len - k - 1); len--; break;
			}
			if (len == 0)
				break;
		}
		m = lede_entcorpus_new();
		rc = lede_entcorpus_load(m, buf, len, "f", &err);
		if (rc < 0) {
			CHECK(err.len > 2 && !memcmp(err.p, "f:", 2));
			pm = partial(m, &lm);
			CHECK(lm == strlen("# lede-partial entities 3\n"
			    "# settings keep-boilerplate=no\n"));
			free(pm);
		} else {
			const LedeEntity *r;

			(void)lede_entcorpus_result(m, &r);
		}
		lede_entcorpus_free(m);
		free(buf);
	}
	free(pa);
	free(pb);
	lede_buf_free(&err);
	lede_entcorpus_free(a);
	lede_entcorpus_free(b);
}

/* A partial's settings line: written, carried, and checked when read. */
static void
test_settings(void)
{
	static const char row[] = "e\tLOC\tlisbon\t1\t1\t0\t0\t0\t0\nn\tLisbon\t1\n"
	    "s\tLisbon\t1\n";
	static const struct {
		const char *buf, *err;	/* err NULL: loads */
	} cases[] = {
		{"# lede-partial entities 3\n# settings keep-boilerplate=no\n", NULL},
		{"# lede-partial entities 3\n# settings keep-boilerplate=yes\n",
		    "f:2: made with --keep-boilerplate, the first partial without "
		    "--keep-boilerplate"},
		{"# lede-partial entities 3\n# settings keep-boilerplate=no types=PER\n",
		    "f:2: made with types=PER, the first partial without a 'types' setting"},
		{"# lede-partial entities 3\n# settings keep-boilerplate=no\n"
		    "# lede-partial entities 3\n# settings keep-boilerplate=yes\n",
		    "f:4: made with --keep-boilerplate, the first partial without "
		    "--keep-boilerplate"},
		{"# lede-partial entities 2\n", "f:1: a version 2 partial, which does not "
		    "say how it was made: make it again with this lede (entities "
		    "--partial or tone --partial --by-entity)"},
		{"# lede-partial entities 3\n", "f:1: partial ends before its settings line"},
		{"# lede-partial entities 3\ne\tLOC\tlisbon\t1\t1\t0\t0\t0\t0\n",
		    "f:2: expected the settings line ('# settings NAME=VALUE ...')"},
		{"# lede-partial entities 3\n# settings keep-boilerplate\n",
		    "f:2: expected the settings line ('# settings NAME=VALUE ...')"},
	};
	LedeEntCorpus *c;
	LedeBuf err = {0}, b = {0};
	char *p;
	size_t i, n;

	for (i = 0; i < LEDE_LEN(cases); i++) {
		int rc;

		c = lede_entcorpus_new();
		lede_entcorpus_set_settings(c, 0);
		lede_buf_clear(&b);
		lede_buf_adds(&b, cases[i].buf);
		if (strstr(cases[i].buf, "# settings keep-boilerplate="))
			lede_buf_adds(&b, row);
		rc = lede_entcorpus_load(c, b.p, b.len, "f", &err);
		if (cases[i].err)
			CHECK(rc < 0 && !strcmp(err.p, cases[i].err));
		else
			CHECK(rc == 0);
		lede_entcorpus_free(c);
	}

	/* without settings, the first partial read gives them, and they are written */
	c = lede_entcorpus_new();
	CHECK(!lede_entcorpus_has_settings(c));
	lede_buf_clear(&b);
	lede_buf_printf(&b, "# lede-partial entities 3\n# settings keep-boilerplate=yes\n%s",
	    row);
	CHECK(lede_entcorpus_load(c, b.p, b.len, "f", &err) == 0);
	CHECK(lede_entcorpus_has_settings(c));
	p = partial(c, &n);
	CHECK(n == b.len && !memcmp(p, b.p, n));
	free(p);
	lede_buf_clear(&b);
	lede_buf_printf(&b, "# lede-partial entities 3\n# settings keep-boilerplate=no\n%s",
	    row);
	CHECK(lede_entcorpus_load(c, b.p, b.len, "g", &err) < 0 && strstr(err.p, "g:2: "));
	/* any settings: for a reader that does not report the entities */
	lede_entcorpus_any_settings(c, 1);
	CHECK(lede_entcorpus_load(c, b.p, b.len, "g", &err) == 0);
	lede_entcorpus_free(c);

	/* a corpus given no settings writes the defaults */
	c = lede_entcorpus_new();
	p = partial(c, &n);
	CHECK(n == strlen("# lede-partial entities 3\n# settings keep-boilerplate=no\n") &&
	    !memcmp(p, "# lede-partial entities 3\n# settings keep-boilerplate=no\n", n));
	free(p);
	lede_entcorpus_free(c);
	lede_buf_free(&b);
	lede_buf_free(&err);
}

/*
 * The entity report of a stream without a NER column: entities(1) has its
 * reader require the column, but a library caller (lede --fused,
 * fuzz-chain) reads only ID and FORM; the report must say so, not read
 * tags from outside the row (found by fuzz-chain).
 */
static void
test_report_nocol(void)
{
	static char stream[] = "# global.columns = ID FORM\n# newdoc id = a\n"
	    "1\tDENVER\n2\tsaid\n\n";
	FILE *fp = fmemopen(stream, strlen(stream), "r");
	LedeReader *r = lede_reader_open_fp(fp, "s");
	LedeEntReport *er = lede_ent_report_new(NULL, LEDE_FMT_TSV, 0, NULL, 0,
	    NULL);
	LedeSent s = {0};

	lede_reader_require(r, (const char *[]){"ID", "FORM"}, 2);
	check(lede_read_sent(r, &s) == 1, "read: %s", lede_reader_error(r));
	check(lede_ent_report_add(er, &s) == -1, "%s", "no NER column accepted");
	check(!strcmp(lede_ent_report_error(er),
	    "s:2: no NER column (run ner-tag first)"), "error '%s'",
	    lede_ent_report_error(er));
	lede_ent_report_finish(er);
	lede_ent_report_free(er);
	lede_sent_free(&s);
	lede_reader_free(r);
	fclose(fp);
}

int
main(void)
{
	test_names();
	test_report_nocol();
	test_doc();
	test_corpus();
	test_settings();
	return check_done();
}
