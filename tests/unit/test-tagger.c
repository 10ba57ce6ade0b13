/* See LICENSE file for copyright and license details. */
/*
 * The NER model loader on damaged buffers (every truncation, every
 * single-byte change), the label constraints, and conlleval scoring.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io.h"
#include "nerrules.h"
#include "tagger.h"
#include "util.h"

static int failures;

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "%s:%d: %s\n", __FILE__, \
	__LINE__, #c); failures++; } } while (0)

static void
tiny_model(LedeBuf *out)
{
	static const char *types[] = {"PER", "LOC"};
	LedeNerLex *lex = lede_nerlex_new();
	LedeNerLexEnt *e;
	LedeNerFeats f = {0};
	uint64_t keys[64];
	float w[64 * 9], trans[10 * 10];
	LedeNerModelSpec sp;
	size_t i, n;
	char path[] = "/tmp/lede-test-tagger-XXXXXX";
	int fd = mkstemp(path);
	FILE *fp;

	CHECK(fd >= 0);
	close(fd);
	e = lede_nerlex_put(lex, "Paris", 5);
	e->cl[0] = 3;
	e->cap = 9;
	e->gaz = 1u << 1;
	lede_nerlex_put(lex, "Ann", 3)->cl[1] = 7;
	lede_ner_typefeats(lex, LEDE_NF_ALL, "Paris", 5, &f, NULL);
	lede_ner_typefeats(lex, LEDE_NF_ALL, "Ann", 3, &f, NULL);
	for (i = 0, n = 0; i < f.n && n < 64; i++) {
		size_t j;

		for (j = 0; j < n && keys[j] != f.key[i]; j++)
			;
		if (j == n)
			keys[n++] = f.key[i];
	}
	for (i = 0; i < n * 9; i++)
		w[i] = (float)((int)(i % 7) - 3) * 0.25f;
	for (i = 0; i < 100; i++)
		trans[i] = (float)(i % 5) * 0.1f;
	sp.fset = LEDE_NF_ALL;
	sp.ntypes = 2;
	sp.types = types;
	sp.lex = lex;
	sp.trans = trans;
	sp.nfeat = n;
	sp.keys = keys;
	sp.w = w;
	CHECK(lede_ner_save(path, &sp) == 0);
	fp = fopen(path, "rb");
	CHECK(fp != NULL);
	CHECK(lede_slurp(fp, out, 1 << 20) == 0);
	fclose(fp);
	unlink(path);
	lede_nerfeats_free(&f);
	lede_nerlex_free(lex);
}

static void
test_loader(void)
{
	LedeBuf b = {0};
	LedeNerModel *m;
	LedeNerTagger *t;
	char err[128], *copy;
	size_t i;
	const char *forms[] = {"Ann", "saw", "Paris"};
	size_t len[] = {3, 3, 5};
	int out[3];

	tiny_model(&b);
	m = lede_ner_load_mem(b.p, b.len, err, sizeof(err));
	CHECK(m != NULL);
	if (!m) {
		fprintf(stderr, "load: %s\n", err);
		return;
	}
	CHECK(lede_ner_ntypes(m) == 2);
	CHECK(!strcmp(lede_ner_typename(m, 1), "LOC"));
	CHECK(lede_ner_nlex(m) == 2);
	t = lede_ner_tagger_new(m);
	lede_ner_tag(t, forms, len, 3, out);
	for (i = 0; i < 3; i++) {
		CHECK(out[i] >= 0 && out[i] < 9);
		CHECK(lede_ner_allowed(i ? out[i - 1] : -1, out[i]));
	}
	CHECK(lede_ner_endok(out[2]));
	lede_ner_tagger_free(t);
	lede_ner_free(m);

	copy = emalloc(b.len);
	for (i = 0; i < b.len; i++) {	/* every truncation fails */
		memcpy(copy, b.p, i);
		m = lede_ner_load_mem(copy, i, err, sizeof(err));
		CHECK(m == NULL);
		lede_ner_free(m);
	}
	for (i = 0; i < b.len; i++) {	/* every changed byte fails */
		memcpy(copy, b.p, b.len);
		copy[i] ^= 0x5a;
		m = lede_ner_load_mem(copy, b.len, err, sizeof(err));
		CHECK(m == NULL);
		lede_ner_free(m);
	}
	free(copy);
	lede_buf_free(&b);
}

static void
test_labels(void)
{
	int B = lede_ner_label(0, 0), I = lede_ner_label(0, 1),
	    Ll = lede_ner_label(0, 2), U = lede_ner_label(0, 3),
	    B2 = lede_ner_label(1, 0);

	CHECK(lede_ner_allowed(-1, 0) && lede_ner_allowed(-1, B) &&
	    lede_ner_allowed(-1, U));
	CHECK(!lede_ner_allowed(-1, I) && !lede_ner_allowed(-1, Ll));
	CHECK(lede_ner_allowed(B, I) && lede_ner_allowed(B, Ll) &&
	    lede_ner_allowed(I, Ll));
	CHECK(!lede_ner_allowed(B, 0) && !lede_ner_allowed(B, B2) &&
	    !lede_ner_allowed(B, lede_ner_label(1, 1)));
	CHECK(lede_ner_allowed(Ll, B2) && lede_ner_allowed(U, U));
	CHECK(lede_ner_endok(0) && lede_ner_endok(Ll) && lede_ner_endok(U));
	CHECK(!lede_ner_endok(B) && !lede_ner_endok(I));
}

static void
test_eval(void)
{
	/* gold: [PER Ann Lee] met [LOC Rome]; guess: [PER Ann] [PER Lee] met [ORG Rome] */
	const char *gold[] = {"B-PER", "I-PER", "O", "B-LOC"};
	const char *guess[] = {"B-PER", "B-PER", "O", "I-ORG"};
	const char *iob1[] = {"I-PER", "I-PER", "O", "I-LOC"};
	LedeNerEval e;

	memset(&e, 0, sizeof(e));
	CHECK(lede_ner_eval_add(&e, gold, guess, 4) == 0);
	CHECK(e.gold == 2 && e.guess == 3 && e.correct == 0);
	CHECK(e.tokens == 4 && e.correct_tags == 2);
	memset(&e, 0, sizeof(e));
	CHECK(lede_ner_eval_add(&e, gold, iob1, 4) == 0);
	CHECK(e.gold == 2 && e.guess == 2 && e.correct == 2);
	CHECK(lede_ner_eval_f1(&e) > 99.99);
}

static void
test_rules(void)
{
	const char *f[] = {"in", "May", "prices", "rose", "5", "%", "to", "$",
	    "3", "million", "on", "May", "5", ",", "1996", "at", "16:40", "GMT"};
	size_t len[18], i, n = 18;
	unsigned char fr[18];
	int out[18];
	static const int want[18] = {-1, -1, -1, -1, 6, 7, -1, 4, 5, 5, -1,
	    0, 1, 1, 1, -1, 2, -1};

	for (i = 0; i < n; i++) {
		len[i] = strlen(f[i]);
		fr[i] = i != 17;	/* GMT is in a name */
	}
	lede_nerx_tag(f, len, n, fr, ~0u, out);
	for (i = 0; i < n; i++)
		CHECK(out[i] == want[i]);
	/* a type left out, and a span that runs into a name */
	lede_nerx_tag(f, len, n, fr, ~0u & ~(1u << LEDE_NX_MONEY), out);
	CHECK(out[7] == -1 && out[8] == -1 && out[4] == 6);
	fr[13] = 0;
	lede_nerx_tag(f, len, n, fr, ~0u, out);
	CHECK(out[11] == -1 && out[12] == -1);
	CHECK(!strcmp(lede_nerx_name(LEDE_NX_QUANTITY), "QUANTITY"));
}

/*
 * A sentence of more new word types than the tagger's reserved mapping
 * holds (1 << 17): the vectors move to the heap in the middle of it, and
 * the words met again after the move ("Ann saw Paris" at the end) are
 * read from the copies.  Tagged a second time, after the cache is
 * dropped, every vector is computed anew on the heap; the tags must be
 * the same.
 */
static void
test_spill(void)
{
	enum { FILL = 140000, PAT = 4 };
	static const char *pat[PAT] = {"Ann", "saw", "Paris", "."};
	LedeBuf b = {0};
	LedeNerModel *m;
	LedeNerTagger *t;
	char err[128], *words;
	const char **forms;
	size_t *len, n = FILL + 2 * PAT, i;
	int *out1, *out2, same = 1;

	tiny_model(&b);
	m = lede_ner_load_mem(b.p, b.len, err, sizeof(err));
	CHECK(m != NULL);
	if (!m)
		return;
	forms = emalloc(n * sizeof(*forms));
	len = emalloc(n * sizeof(*len));
	out1 = emalloc(n * sizeof(*out1));
	out2 = emalloc(n * sizeof(*out2));
	words = emalloc((size_t)FILL * 8);
	for (i = 0; i < PAT; i++) {
		forms[i] = forms[n - PAT + i] = pat[i];
		len[i] = len[n - PAT + i] = strlen(pat[i]);
	}
	for (i = 0; i < FILL; i++) {
		snprintf(words + i * 8, 8, "w%06zu", i);
		forms[PAT + i] = words + i * 8;
		len[PAT + i] = 7;
	}
	t = lede_ner_tagger_new(m);
	lede_ner_tag(t, forms, len, n, out1);
	lede_ner_tagger_newdoc(t);
	lede_ner_tag(t, forms, len, n, out2);
	for (i = 0; i < n; i++)
		if (out1[i] != out2[i])
			same = 0;
	CHECK(same);
	/* the labels of the words read from the copies are labels */
	for (i = 0; i < PAT; i++)
		CHECK(out1[n - PAT + i] >= 0 && out1[n - PAT + i] < 9);
	lede_ner_tagger_free(t);
	lede_ner_free(m);
	free(words);
	free(out1);
	free(out2);
	free(len);
	free(forms);
	lede_buf_free(&b);
}

int
main(void)
{
	test_rules();
	test_labels();
	test_eval();
	test_loader();
	test_spill();
	if (failures)
		fprintf(stderr, "%d failures\n", failures);
	return failures != 0;
}
