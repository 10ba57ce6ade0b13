/* See LICENSE file for copyright and license details. */
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "sentiment.h"
#include "stream.h"
#include "util.h"

static void
usage(FILE *fp)
{
	fprintf(fp,
	    "usage: %s [--lexicon FILE]... [--no-default-lexicon] [--context] [FILE...]\n"
	    "       %s --check-lexicon [--lexicon FILE]...\n"
	    "Score the tone of every sentence of a token stream: add a SENT column\n"
	    "(each token's signed contribution, 0 when neutral) and a\n"
	    "'# sentiment = X' comment per sentence, X in [-1, 1].\n"
	    "\n"
	    "      --lexicon FILE        add FILE to the lexicon (repeatable; later\n"
	    "                            files override earlier ones)\n"
	    "      --no-default-lexicon  use only the --lexicon files\n"
	    "      --context             add a SENTCTX column: the context factor\n"
	    "                            (negation, boosters, contrast) at each token\n"
	    "      --check-lexicon       load the lexicon, print its size and exit\n"
	    "      --stats               print documents and sentences read on stderr\n"
	    "      --help                print this help and exit\n"
	    "      --version             print the version and exit\n",
	    argv0, argv0);
}

static const char *cols_in[] = {"ID", "FORM"};
static const char *cols_out[] = {"SENT", "SENTCTX"};

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

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{"lexicon", required_argument, NULL, 'x'},
		{"no-default-lexicon", no_argument, NULL, 'N'},
		{"context", no_argument, NULL, 'C'},
		{"check-lexicon", no_argument, NULL, 'K'},
		{"stats", no_argument, NULL, 'S'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	const char **lexfiles = NULL;
	const char **forms = NULL;
	long *start = NULL, *end = NULL;
	double *contrib = NULL, *ctx = NULL, score;
	size_t nlex = 0, cap = 0, i;
	int c, rc, status = 0, stats = 0, nodefault = 0, context = 0, check = 0;
	int formcol = -1, startcol = -1, endcol = -1, offsets;
	unsigned gen = 0;
	LedeLexicon *lx;
	LedeSentiment *sa;
	LedeReader *r;
	LedeWriter *w;
	LedeSent s = {0};
	LedeBuf err = {0};
	char *path, buf[64];

	lede_init(argv[0]);
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		switch (c) {
		case 'x':
			lexfiles = ereallocarray(lexfiles, nlex + 1, sizeof(*lexfiles));
			lexfiles[nlex++] = optarg;
			break;
		case 'N':
			nodefault = 1;
			break;
		case 'C':
			context = 1;
			break;
		case 'K':
			check = 1;
			break;
		case 'S':
			stats = 1;
			break;
		case 'h':
			usage(stdout);
			return fshut(stdout, "<stdout>");
		case 'V':
			lede_version();
			break;
		default:
			lede_badopt(c, argv);
		}
	}
	if (nodefault && nlex == 0)
		uprintf("--no-default-lexicon needs at least one --lexicon FILE");

	lx = lede_lexicon_new();
	if (!nodefault) {
		if (!(path = lede_datapath(LEDE_LEXICON_DEFAULT)))
			eprintf("cannot find the lexicon %s (set LEDE_DATA)",
			    LEDE_LEXICON_DEFAULT);
		if (lede_lexicon_load_file(lx, path, &err) < 0)
			eprintf("%s", err.p);
		free(path);
	}
	for (i = 0; i < nlex; i++)
		if (lede_lexicon_load_file(lx, lexfiles[i], &err) < 0)
			eprintf("%s", err.p);
	if (check) {
		printf("%zu terms\n", lede_lexicon_size(lx));
		status = fshut(stdout, "<stdout>");
		lede_lexicon_free(lx);
		lede_buf_free(&err);
		free(lexfiles);
		return status;
	}
	sa = lede_sentiment_new(lx);

	r = lede_reader_open(argv + optind, argc - optind);
	lede_reader_require(r, cols_in, 2);
	lede_reader_outcols(r, cols_out, context ? 2 : 1);
	w = lede_writer_new(stdout);
	for (;;) {
		rc = lede_read_sent(r, &s);
		if (rc == 0)
			break;
		if (rc < 0) {
			weprintf("%s", lede_reader_error(r));
			status = 1;
			continue;
		}
		if (s.gen != gen) {
			gen = s.gen;
			formcol = lede_sent_col(&s, "FORM");
			startcol = lede_sent_col(&s, "START");
			endcol = lede_sent_col(&s, "END");
		}
		if (s.ntok > cap) {
			cap = s.ntok > 256 ? s.ntok : 256;
			forms = ereallocarray(forms, cap, sizeof(*forms));
			start = ereallocarray(start, cap, sizeof(*start));
			end = ereallocarray(end, cap, sizeof(*end));
			contrib = ereallocarray(contrib, cap, sizeof(*contrib));
			ctx = ereallocarray(ctx, cap, sizeof(*ctx));
		}
		offsets = startcol >= 0 && endcol >= 0;
		for (i = 0; i < s.ntok; i++) {
			forms[i] = lede_field(&s, i, formcol);
			if (offsets && (parse_offset(lede_field(&s, i, startcol), &start[i]) < 0 ||
			    parse_offset(lede_field(&s, i, endcol), &end[i]) < 0))
				offsets = 0;
		}
		if (s.ntok) {
			score = lede_sentiment_sentence(sa, forms,
			    offsets ? start : NULL, offsets ? end : NULL, s.ntok,
			    contrib, context ? ctx : NULL);
			for (i = 0; i < s.ntok; i++) {
				size_t n = fmt3(buf, sizeof(buf), contrib[i]);

				lede_sent_set(&s, i, 0, buf, n);
				if (context) {
					n = fmt3(buf, sizeof(buf), ctx[i]);
					lede_sent_set(&s, i, 1, buf, n);
				}
			}
			fmt3(buf, sizeof(buf), score);
			if (!strcmp(buf, "0"))
				strcpy(buf, "0.000");
			lede_sent_setmeta(&s, "sentiment", buf);
		}
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
	lede_sentiment_free(sa);
	lede_lexicon_free(lx);
	lede_buf_free(&err);
	free(lexfiles);
	free(forms);
	free(start);
	free(end);
	free(contrib);
	free(ctx);
	return status;
}
