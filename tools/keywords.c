/* See LICENSE file for copyright and license details. */
#include <getopt.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "df.h"
#include "io.h"
#include "keyphrase.h"
#include "kwcorpus.h"
#include "postag.h"
#include "report.h"
#include "stage.h"
#include "stream.h"
#include "text.h"
#include "util.h"

static void
usage(FILE *fp)
{
	fprintf(fp,
	    "usage: %s [-n N] [-f FORMAT] [--df FILE | --no-df] [--rank METHOD]\n"
	    "          [--corpus] [FILE...]\n"
	    "       %s --corpus --partial [--df FILE | --no-df] [--rank METHOD]\n"
	    "          [FILE...]\n"
	    "       %s --merge [-n N] [-f FORMAT] [FILE...]\n"
	    "       %s --build-df [--min-df N] [FILE...]\n"
	    "Report the keyphrases of each document of a token stream.\n"
	    "\n"
	    "  -n, --top N        phrases per document (default 10)\n"
	    "  -f, --format FMT   tsv (default), jsonl or text\n"
	    "      --df FILE      background document frequencies (default\n"
	    "                     data/keywords/df-en.tsv)\n"
	    "      --no-df        use no background table\n"
	    "      --rank METHOD  default, positionrank, textrank, tfidf, tf\n"
	    "                     or position\n"
	    "      --corpus       the top phrases of the whole input\n"
	    "      --partial      with --corpus: write a mergeable partial report\n"
	    "      --merge        merge partial reports into a --corpus report\n"
	    "      --build-df     write a document-frequency table of the input\n"
	    "      --min-df N     with --build-df: leave out terms in fewer than\n"
	    "                     N documents (default 2)\n"
	    "      --keep-boilerplate  take phrases from bylines, credits, etc. too\n"
	    "      --param K=V    set a knob of the ranking (see keywords(1))\n"
	    "      --stats        print documents and sentences read on stderr\n"
	    "      --help         print this help and exit\n"
	    "      --version      print the version and exit\n",
	    argv0, argv0, argv0, argv0);
}

static int
merge(char **files, int nfiles, LedeKwCorpus *c)
{
	static char *stdin_name[] = {"-"};
	int i, status = 0;

	if (nfiles == 0) {
		files = stdin_name;
		nfiles = 1;
	}
	for (i = 0; i < nfiles; i++) {
		int isstdin = !strcmp(files[i], "-");
		const char *name = isstdin ? "<stdin>" : files[i];
		FILE *fp = isstdin ? stdin : fopen(files[i], "rb");
		LedeLines *l;
		char *line, err[256];
		size_t len;
		int rc, bad = 0;

		if (!fp) {
			weprintf("%s:", files[i]);
			status = 1;
			continue;
		}
		l = lede_lines_open(fp, name, LEDE_LINE_MAX);
		while ((rc = lede_lines_next(l, &line, &len)) != LEDE_IO_EOF) {
			if (rc == LEDE_IO_ERROR) {
				weprintf("%s: read error:", name);
				bad = 1;
				break;
			}
			if (rc == LEDE_IO_TOOLONG) {
				weprintf("%s:%lu: line too long", name,
				    lede_lines_lineno(l));
				bad = 1;
				break;
			}
			if (lede_kwc_line(c, line, len, err, sizeof(err)) < 0) {
				weprintf("%s:%lu: %s", name, lede_lines_lineno(l), err);
				bad = 1;
				break;
			}
		}
		if (!bad && lede_kwc_end(c, err, sizeof(err)) < 0) {
			/* a 0-byte file's error is at its line 1 */
			weprintf("%s:%lu: %s", name, lede_lines_lineno(l) ?
			    lede_lines_lineno(l) : 1, err);
			bad = 1;
		}
		lede_kwc_end(c, err, sizeof(err));
		lede_lines_free(l);
		if (!isstdin)
			fclose(fp);
		status |= bad;
	}
	return status;
}

int
main(int argc, char *argv[])
{
	enum { O_DF = 256, O_NODF, O_RANK, O_CORPUS, O_PARTIAL, O_MERGE,
		O_BUILD, O_MINDF, O_STATS, O_PARAM, O_KEEP };
	static const struct option longopts[] = {
		{"top", required_argument, NULL, 'n'},
		{"format", required_argument, NULL, 'f'},
		{"df", required_argument, NULL, O_DF},
		{"no-df", no_argument, NULL, O_NODF},
		{"rank", required_argument, NULL, O_RANK},
		{"corpus", no_argument, NULL, O_CORPUS},
		{"partial", no_argument, NULL, O_PARTIAL},
		{"merge", no_argument, NULL, O_MERGE},
		{"build-df", no_argument, NULL, O_BUILD},
		{"min-df", required_argument, NULL, O_MINDF},
		{"param", required_argument, NULL, O_PARAM},
		{"keep-boilerplate", no_argument, NULL, O_KEEP},
		{"stats", no_argument, NULL, O_STATS},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	LedeKpParams params;
	LedeFormat fmt = LEDE_FMT_TSV;
	const char *dfpath = NULL;
	LedeBuf err = {0};
	long top = 10, mindf = 2;
	int c, status = 0, nodf = 0, corpus = 0, partial = 0, domerge = 0;
	int build = 0, stats = 0, keepboil = 0, mindfset = 0, ranked = 0;
	int topset = 0, fmtset = 0;
	long nterms = -1;	/* --build-df: the terms written */
	LedeKp *kp = NULL;
	LedeDf *df = NULL;
	LedePosModel *pos = NULL;
	LedeDfBuild *dfb = NULL;
	LedeKwCorpus *kwc = NULL;
	LedeTable *t = NULL;
	LedeKwReport kr;
	LedeReader *r;
	LedeDoc d = {0};
	size_t i, k;

	lede_init(argv[0]);
	lede_kp_defaults(&params);
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":n:f:", longopts, NULL)) != -1) {
		switch (c) {
		case 'n':
			if (lede_strtol(optarg, 1, 1000000, &top) < 0)
				uprintf("-n: expected a number from 1 to 1000000");
			topset = 1;
			break;
		case 'f':
			if (lede_format_parse(optarg, &fmt) < 0)
				uprintf("-f: unknown format '%s' (tsv, jsonl, text)", optarg);
			fmtset = 1;
			break;
		case O_DF:
			dfpath = optarg;
			break;
		case O_NODF:
			nodf = 1;
			break;
		case O_RANK:
			if (lede_kp_method_parse(optarg, &params.method) < 0)
				uprintf("--rank: unknown method '%s'", optarg);
			ranked = 1;
			break;
		case O_CORPUS:
			corpus = 1;
			break;
		case O_PARTIAL:
			partial = 1;
			break;
		case O_MERGE:
			domerge = 1;
			break;
		case O_BUILD:
			build = 1;
			break;
		case O_MINDF:
			if (lede_strtol(optarg, 1, 1000000000, &mindf) < 0)
				uprintf("--min-df: expected a positive number");
			mindfset = 1;
			break;
		case O_STATS:
			stats = 1;
			break;
		case O_PARAM:
			lede_knob_set(&params, lede_kp_knobs, lede_kp_nknobs, optarg);
			ranked = 1;
			break;
		case O_KEEP:
			keepboil = 1;
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
	if (build + domerge + corpus > 1)
		uprintf("--build-df, --merge and --corpus exclude each other");
	if (partial && !corpus)
		uprintf("--partial needs --corpus");
	if (dfpath && nodf)
		uprintf("--df and --no-df exclude each other");
	/* options that would do nothing, silently: say so */
	if (mindfset && !build)
		uprintf("--min-df needs --build-df");
	if (domerge && (ranked || dfpath || nodf || keepboil))
		uprintf("--merge takes -n and -f: the partials were ranked when "
		    "made (give --rank, --df, --no-df, --param and "
		    "--keep-boilerplate to keywords --corpus --partial)");
	if (domerge && stats)
		uprintf("--stats counts the token stream read: --merge reads "
		    "partials");
	if (partial && (topset || fmtset))
		uprintf("--partial writes statistics, not a report: %s applies to "
		    "keywords --merge", topset ? "-n" : "-f");
	if (build && (topset || fmtset || ranked || dfpath || nodf || keepboil))
		uprintf("--build-df writes a document-frequency table of the "
		    "words: %s would do nothing", topset ? "-n" : fmtset ? "-f" :
		    ranked ? "--rank or --param" : dfpath ? "--df" : nodf ?
		    "--no-df" : "--keep-boilerplate");

	if (domerge) {
		kwc = lede_kwc_new();
		status = merge(argv + optind, argc - optind, kwc);
		t = lede_table_new(stdout, fmt, lede_kw_cols, lede_kw_kinds, 5);
		lede_kw_report_corpus(kwc, t, top);
		lede_table_flush(t);
		lede_table_free(t);
		lede_kwc_free(kwc);
		status |= fshut(stdout, "<stdout>");
		return status;
	}

	kp = lede_kp_new(&params);
	if (build) {
		dfb = lede_dfb_new();
	} else {
		if (lede_kw_load(kp, &params, dfpath, nodf, partial, &pos, &df,
		    &err) < 0)
			eprintf("%s", err.p);
		if (corpus)
			kwc = lede_kwc_new();
		else
			t = lede_table_new(stdout, fmt, lede_kw_cols, lede_kw_kinds, 5);
	}

	kr.kp = kp;
	kr.keepboil = keepboil;
	kr.top = top;
	kr.table = corpus ? NULL : t;
	kr.corpus = kwc;
	lede_kw_report_settings(&kr);
	r = lede_reader_open(argv + optind, argc - optind);
	lede_reader_require(r, (const char *[]){"ID", "FORM"}, 2);
	while (lede_next_doc(r, &d, &status)) {
		unsigned gen = (unsigned)-1;
		int formcol = -1, stemcol = -1;

		if (build) {
			for (i = 0; i < d.nsent; i++) {
				LedeSent *s = &d.sent[i];

				if (s->gen != gen) {
					gen = s->gen;
					formcol = lede_sent_col(s, "FORM");
					stemcol = lede_sent_col(s, "STEM");
				}
				for (k = 0; k < s->ntok; k++) {
					const char *f = lede_field(s, k, formcol), *st;
					size_t n = strlen(f), sl;

					if (!lede_hasletter(f, n))
						continue;
					if (stemcol >= 0) {
						st = lede_field(s, k, stemcol);
						sl = strlen(st);
					} else {
						st = lede_kp_stem(kp, f, n, &sl);
					}
					lede_dfb_term(dfb, st, sl);
				}
			}
			lede_dfb_enddoc(dfb);
			continue;
		}
		lede_kw_report_doc(&kr, &d);
		if (ferror(stdout))
			break;
	}
	if (build) {
		nterms = lede_dfb_write(dfb, stdout, mindf, "english");
		lede_dfb_free(dfb);
	} else if (corpus && partial) {
		lede_kwc_write(kwc, stdout);
	} else if (corpus) {
		t = lede_table_new(stdout, fmt, lede_kw_cols, lede_kw_kinds, 5);
		lede_kw_report_corpus(kwc, t, top);
	}
	if (t) {
		lede_table_flush(t);
		lede_table_free(t);
	}
	if (stats && build && nterms >= 0)
		fprintf(stderr, "%s: %s; %ld terms out\n", argv0,
		    lede_stats_text(r, NULL, -1), nterms);
	else if (stats)
		fprintf(stderr, "%s: %s\n", argv0, lede_stats_text(r, NULL,
		    build || partial ? -1 : lede_table_rows()));
	status |= fshut(stdout, "<stdout>");
	lede_reader_free(r);
	lede_doc_free(&d);
	lede_kp_free(kp);
	lede_pos_free(pos);
	lede_df_free(df);
	lede_buf_free(&err);
	lede_kwc_free(kwc);
	return status;
}
