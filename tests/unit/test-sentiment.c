/* Unit tests of the lexicon and tone-partial parsers on memory buffers. */
#include <stdio.h>
#include <string.h>

#include "lexicon.h"
#include "sentiment.h"
#include "tone.h"

static int fails;

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, #c); fails++; } } while (0)

static int
lex(const char *buf, const char *want_err)
{
	LedeLexicon *lx = lede_lexicon_new();
	LedeBuf err = {0};
	int rc = lede_lexicon_load_mem(lx, buf, strlen(buf), "t", &err);

	if (want_err)
		CHECK(rc < 0 && err.p && strstr(err.p, want_err));
	else
		CHECK(rc == 0);
	lede_lexicon_free(lx);
	lede_buf_free(&err);
	return rc;
}

/* A tone partial read as tone --merge (--by-entity when needents). */
static int
partial_as(const char *buf, const char *want_err, int needents)
{
	LedeTone t;
	LedeBuf err = {0};
	int rc;

	lede_tone_init(&t);
	t.needents = needents;
	rc = lede_tone_read_partial(&t, buf, strlen(buf), "p", &err);
	if (want_err)
		CHECK(rc < 0 && err.p && strstr(err.p, want_err));
	else
		CHECK(rc == 0);
	lede_tone_free(&t);
	lede_buf_free(&err);
	return rc;
}

static int
partial(const char *buf, const char *want_err)
{
	return partial_as(buf, want_err, 0);
}

/*
 * A scorer that drops its form cache at every sentence past 3 forms scores
 * like one that keeps it: multi-word terms, joined emoticons (one that
 * starts with a symbol whose lower case differs), forms with a space.
 */
static void
cache_drop(LedeBuf *err)
{
	static const char src[] = "# lede-lexicon 1\ngood\t2\nnot\t-0.5\tnegate\n"
	    "not bad\t1\nnot bad at all\t2.5\nvery\t0.5\tboost\n:-)\t2\n"
	    "\xE2\x93\x90:)\t-3\nbad\t-2\nthe\t0.5\nthe end\t-1\n"
	    "although\t0.5\tthough\nbut\t1.5\tbut\n";
	static const char *const sent[][8] = {
		{"The", "film", "was", "not", "bad", "at", "all", NULL},
		{"not", "bad", "at", "the", "end", "good", NULL},
		{"very", "GOOD", ":", "-", ")", "not", "bad", NULL},
		{"\xE2\x92\xB6", ":", ")", "the", "end", NULL},
		{"not", "bad at", "all", "", "good", NULL},
		{"although", "good", ",", "bad", "but", "good", NULL},
		{"not bad", "at all", "the end", "The", "End", NULL},
	};
	long st[8], en[8];
	double c1[8], c2[8], x1[8], x2[8], r1, r2;
	size_t i, k, n;
	LedeLexicon *lx = lede_lexicon_new();
	LedeSentiment *a, *b;
	int round, joined = 0;

	CHECK(lede_lexicon_load_mem(lx, src, strlen(src), "t", err) == 0);
	a = lede_sentiment_new(lx);
	b = lede_sentiment_new(lx);
	lede_sentiment_set_cache(b, 3);
	for (round = 0; round < 3; round++) {
		for (i = 0; i < LEDE_LEN(sent); i++) {
			for (n = 0, k = 0; sent[i][n]; n++) {
				st[n] = (long)k;
				k += strlen(sent[i][n]);
				en[n] = (long)k;
				if (!sent[i][n + 1] || !sent[i][n + 1][0] ||
				    !strchr(":-)", sent[i][n + 1][0]))
					k++;	/* ":", "-", ")" touch what is before */
			}
			r1 = lede_sentiment_sentence(a, sent[i], st, en, n, c1, x1);
			r2 = lede_sentiment_sentence(b, sent[i], st, en, n, c2, x2);
			CHECK(r1 == r2);
			CHECK(!memcmp(c1, c2, n * sizeof(*c1)));
			CHECK(!memcmp(x1, x2, n * sizeof(*x1)));
			if (i == 3)
				joined = c1[0] == -3 && c1[1] == 0 && c1[2] == 0;
		}
	}
	CHECK(joined);
	lede_sentiment_free(a);
	lede_sentiment_free(b);
	lede_lexicon_free(lx);
}

int
main(void)
{
	LedeLexicon *lx = lede_lexicon_new();
	LedeSentiment *sa;
	LedeBuf err = {0};
	const char *src = "# lede-lexicon 1\ngood\t2\nnot\t-0.5\tnegate\nnot bad\t1\n"
	    "very\t0.5\tboost\n:)\t2\nGOOD\t3\n";
	const char *f1[] = {"very", "good"}, *f2[] = {"not", "good"},
	    *f3[] = {"not", "bad"}, *f4[] = {":", ")"};
	long s4[] = {0, 1}, e4[] = {1, 2};
	double c[4], x;
	const LedeLexEntry *e;

	CHECK(lede_lexicon_load_mem(lx, src, strlen(src), "t", &err) == 0);
	CHECK(lede_lexicon_size(lx) == 5);
	e = lede_lexicon_get(lx, "good", 4);
	CHECK(e && e->valence == 3);	/* the later line wins, lower-cased */
	e = lede_lexicon_get(lx, "not", 3);
	CHECK(e && e->role == LEDE_ROLE_NEGATE && e->mwemax == 2);
	sa = lede_sentiment_new(lx);
	x = lede_sentiment_sentence(sa, f1, NULL, NULL, 2, c, NULL);
	CHECK(c[1] > 4.49 && c[1] < 4.51 && x > 0.74);
	x = lede_sentiment_sentence(sa, f2, NULL, NULL, 2, c, NULL);
	CHECK(c[1] < -1.49 && c[1] > -1.51 && x < 0);
	x = lede_sentiment_sentence(sa, f3, NULL, NULL, 2, c, NULL);
	CHECK(c[0] == 1 && c[1] == 0 && x > 0);
	x = lede_sentiment_sentence(sa, f4, NULL, NULL, 2, c, NULL);
	CHECK(x == 0);	/* offsets unknown: no joining */
	x = lede_sentiment_sentence(sa, f4, s4, e4, 2, c, NULL);
	CHECK(c[0] == 2 && x > 0);
	{
		/* words of names: no valence, no role, no match into them */
		const unsigned char n01[] = {0, 1}, n10[] = {1, 0}, n00[] = {0, 0};

		x = lede_sentiment_sentence_names(sa, f1, NULL, NULL, n01, 2, c, NULL);
		CHECK(c[0] == 0 && c[1] == 0 && x == 0);
		x = lede_sentiment_sentence_names(sa, f1, NULL, NULL, n10, 2, c, NULL);
		CHECK(c[1] > 2.99 && c[1] < 3.01);	/* "very" boosts nothing */
		x = lede_sentiment_sentence_names(sa, f3, NULL, NULL, n01, 2, c, NULL);
		CHECK(c[0] == 0 && c[1] == 0 && x == 0);	/* not "not bad" */
		x = lede_sentiment_sentence_names(sa, f1, NULL, NULL, n00, 2, c, NULL);
		CHECK(c[1] > 4.49 && c[1] < 4.51);
		x = lede_sentiment_sentence_names(sa, f4, s4, e4, n01, 2, c, NULL);
		CHECK(x == 0);	/* no emoticon joined into a name */
	}
	CHECK(lede_sentiment_norm(0) == 0);
	lede_sentiment_free(sa);
	lede_lexicon_free(lx);

	/* rule 13: a topic word counts x its factor in a review sentence */
	{
		const char *rsrc = "# lede-lexicon 1\nfilm\t0\twork\n"
		    "murder\t-2\nmurder\t0.25\ttopic\nbad\t-2\n"
		    "not\t-0.5\tnegate\n";
		const char *r1[] = {"murder"}, *r2[] = {"film", "murder"},
		    *r3[] = {"not", "bad"};

		lx = lede_lexicon_new();
		CHECK(lede_lexicon_load_mem(lx, rsrc, strlen(rsrc), "t", &err) == 0);
		e = lede_lexicon_get(lx, "murder", 6);
		CHECK(e && e->valence == -2 && e->role == LEDE_ROLE_TOPIC);
		sa = lede_sentiment_new(lx);
		(void)lede_sentiment_sentence(sa, r1, NULL, NULL, 1, c, NULL);
		CHECK(c[0] == -2);
		(void)lede_sentiment_sentence(sa, r2, NULL, NULL, 2, c, NULL);
		CHECK(c[0] == 0 && c[1] == -0.5);
		/* a negated negative word flips at half strength */
		(void)lede_sentiment_sentence(sa, r3, NULL, NULL, 2, c, NULL);
		CHECK(c[1] == 0.5);
		lede_sentiment_free(sa);
		lede_lexicon_free(lx);
	}
	cache_drop(&err);
	lede_buf_free(&err);

	lex("", "empty file");
	lex("# lede-lexicon 1\n", NULL);
	lex("# lede-lexicon 1\r\ngood\t1\r\n", NULL);
	lex("# lede-lexicon 1\ngood\t1e400\n", "value 1e400 out of range");
	lex("# lede-lexicon 1\ngood\t1e300\n", "value 1e300 out of range");
	lex("# lede-lexicon 1\ngood\t-inf\n", "out of range");
	lex("# lede-lexicon 1\ngood\t1e-400\n", NULL);
	lex("# lede-lexicon 1\ngood\tnan\n", "not a number");
	lex("# lede-lexicon 1\ngood\t1x\n", "not a number");
	lex("# lede-lexicon 1\nbut\t0.5\tbut\n", "out of range");
	lex("# lede-lexicon 1\nwar\t-0.1\ttopic\n", "out of range");
	lex("# lede-lexicon 1\nfilm\t0\twork\nwar\t1\ttopic\n", NULL);

	partial("# lede-partial tone 2\nstats\t1\t2\t3\t1\t1\t-5\n", NULL);
	partial("# lede-partial tone 2\nstats\t1\t2\t3\t1\t1\t-5\n# lede-partial tone 2\n", NULL);
	partial("# lede-partial tone 2\nbest\t1000001\tx\n", "bad score");
	partial("# lede-partial tone 2\nentity\tPER\tAnn\t1\t1\t0\t0\t0\n", "unknown row");
	partial("# lede-partial tone 1\nstats\t1\t2\t3\t1\t1\t-5\n", "version 2");
	/* an entities section, up to the next tone header, then more rows */
	partial("# lede-partial tone 2\nstats\t1\t2\t3\t1\t1\t-5\n"
	    "# lede-partial entities 3\n# settings keep-boilerplate=no\n"
	    "e\tPER\tann\t1\t1\t0\t1\t0\t0\nn\tAnn\t1\ns\tAnn\t1\n"
	    "# lede-partial tone 2\nstats\t1\t2\t3\t1\t1\t-5\n", NULL);
	partial("# lede-partial tone 2\n# lede-partial entities 3\n"
	    "# settings keep-boilerplate=no\ne\tPER\t\t1\t1\t0\t0\t0\t0\n",
	    ":4: empty type or key");
	partial("# lede-partial entities 3\n", "not a tone partial");
	/* entities of version 2, which does not say how they were counted */
	partial("# lede-partial tone 2\n# lede-partial entities 2\n"
	    "e\tPER\tann\t1\t1\t0\t1\t0\t0\nn\tAnn\t1\ns\tAnn\t1\n", "p:2: a version 2");
	/*
	 * entities counted with and without --keep-boilerplate: refused by
	 * --merge --by-entity, merged by --merge, which does not report them
	 */
#define TONE_ENTS(keep) "# lede-partial tone 2\nstats\t1\t2\t3\t1\t1\t-5\n" \
	    "# lede-partial entities 3\n# settings keep-boilerplate=" keep "\n" \
	    "e\tPER\tann\t1\t1\t0\t1\t0\t0\nn\tAnn\t1\ns\tAnn\t1\n"
	partial_as(TONE_ENTS("no") TONE_ENTS("no"), NULL, 1);
	partial_as(TONE_ENTS("no") TONE_ENTS("yes"), "p:11: made with --keep-boilerplate, "
	    "the first partial without --keep-boilerplate", 1);
	partial(TONE_ENTS("no") TONE_ENTS("yes"), NULL);
	partial("# lede-partial tone 2\nstats\t1\t2\t3\t1\t1\t-5\textra\n", "7 fields");
	partial("# lede-partial tone 2\nstats\t-1\t2\t3\t1\t1\t0\n", "bad number");
	partial("", "empty");
	if (fails)
		return 1;
	puts("ok");
	return 0;
}
