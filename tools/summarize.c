/* See LICENSE file for copyright and license details. */
#include <getopt.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "df.h"
#include "io.h"
#include "json.h"
#include "report.h"
#include "stage.h"
#include "stream.h"
#include "sumrank.h"
#include "util.h"

static void
usage(FILE *fp)
{
	fprintf(fp,
	    "usage: %s [-n N | --words N | --ratio R] [-f FORMAT]\n"
	    "          [--keep-boilerplate] [--skip REGEX]... [--rank METHOD]\n"
	    "          [--df FILE | --no-df] [--param K=V]... [--model FILE]\n"
	    "          [FILE...]\n"
	    "       %s --features [-n N | --words N | --ratio R] [-f tsv|jsonl]\n"
	    "          [--keep-boilerplate] [--skip REGEX]... [--df FILE | --no-df]\n"
	    "          [--param K=V]... [FILE...]\n"
	    "       %s --boilerplate [-f tsv|jsonl] [--keep-boilerplate]\n"
	    "          [--skip REGEX]... [FILE...]\n"
	    "Summarize each document of a token stream with its own sentences.\n"
	    "\n"
	    "  -n, --sentences N     N sentences (default 3)\n"
	    "      --words N         sentences until N words\n"
	    "      --ratio R         sentences until R times the document's words\n"
	    "  -f, --format FMT      text (default), jsonl or tsv\n"
	    "      --keep-boilerplate  score bylines, credits, etc. like the rest\n"
	    "      --skip REGEX      also set aside sentences that REGEX (PCRE2)\n"
	    "                        matches (repeatable)\n"
	    "      --boilerplate     print the lines set aside, with their rule (TSV\n"
	    "                        or JSON Lines)\n"
	    "      --rank METHOD     default, lead, frequency or lexrank\n"
	    "      --df FILE         background document frequencies (default\n"
	    "                        data/keywords/df-en.tsv)\n"
	    "      --no-df           use no background table\n"
	    "      --param K=V       set a knob of the scoring (see summarize(1))\n"
	    "      --model FILE      score with a linear model over the features\n"
	    "      --features        print the features of each sentence (TSV or\n"
	    "                        JSON Lines)\n"
	    "      --stats           print documents and sentences read on stderr\n"
	    "      --help            print this help and exit\n"
	    "      --version         print the version and exit\n",
	    argv0, argv0, argv0);
}

static const struct {
	const char *name;
	LedeSumMethod m;
} methods[] = {
	{"default", LEDE_SUM_DEFAULT},
	{"lead", LEDE_SUM_LEAD},
	{"frequency", LEDE_SUM_FREQ},
	{"lexrank", LEDE_SUM_LEXRANK},
};

static const char *tsv_cols[] = {"doc", "sent", "text"};
static const LedeColKind tsv_kinds[] = {LEDE_COL_STR, LEDE_COL_NUM, LEDE_COL_STR};

/* --param NAME=VALUE: the scoring's knobs, for experiments (summarize(1)). */
#define KNOB(name, min, max, field) {name, min, max, offsetof(LedeSumParams, field), 0}
static const LedeKnob knobs[] = {
	KNOB("position", 0, 100, w_pos), KNOB("frequency", 0, 100, w_freq),
	KNOB("centrality", 0, 100, w_cent), KNOB("title", 0, 100, w_title),
	KNOB("position-exp", 0, 10, pos_exp), KNOB("length-exp", 0, 2, len_exp),
	KNOB("similarity", 0, 1, sim_min), KNOB("mmr", 0, 10, mmr),
	KNOB("density", 0, 2, density), KNOB("fragment", 0, 100, w_frag),
	KNOB("pronoun", 0, 100, w_pron), KNOB("centroid", 0, 100, w_centroid),
	KNOB("position-decay", 0, 100, pos_decay),
};

/* Read a whole data file into b, or exit naming it. */
static void
slurp(const char *path, LedeBuf *b)
{
	FILE *fp = fopen(path, "rb");
	int rc;

	if (!fp)
		eprintf("%s:", path);
	rc = lede_slurp(fp, b, LEDE_DATA_MAX);
	if (rc == -1)
		eprintf("%s: read error:", path);	/* with errno's reason */
	fclose(fp);
	if (rc < 0)
		eprintf("%s: file too large", path);
}

int
main(int argc, char *argv[])
{
	enum { O_WORDS = 256, O_RATIO, O_KEEP, O_BOIL, O_RANK, O_DF, O_NODF,
		O_STATS, O_PARAM, O_SKIP, O_MODEL, O_FEAT };
	static const struct option longopts[] = {
		{"sentences", required_argument, NULL, 'n'},
		{"words", required_argument, NULL, O_WORDS},
		{"ratio", required_argument, NULL, O_RATIO},
		{"format", required_argument, NULL, 'f'},
		{"keep-boilerplate", no_argument, NULL, O_KEEP},
		{"boilerplate", no_argument, NULL, O_BOIL},
		{"skip", required_argument, NULL, O_SKIP},
		{"rank", required_argument, NULL, O_RANK},
		{"df", required_argument, NULL, O_DF},
		{"no-df", no_argument, NULL, O_NODF},
		{"param", required_argument, NULL, O_PARAM},
		{"model", required_argument, NULL, O_MODEL},
		{"features", no_argument, NULL, O_FEAT},
		{"stats", no_argument, NULL, O_STATS},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	LedeSumParams params;
	LedeFormat fmt = LEDE_FMT_TEXT;
	LedeSum *sum;
	LedeBoilPat *pats = NULL;
	LedeDf *df = NULL;
	LedeTable *t = NULL;
	LedeReader *r;
	LedeDoc d = {0};
	LedeBuf textbuf = {0};
	const char *dfpath = NULL, *modelpath = NULL;
	const char *sumopt = NULL;	/* an option of the summary (not --boilerplate) */
	char *dfalloc = NULL, err[512];
	long nsent = 0, nwords = 0, docs = 0;
	unsigned long sents_out = 0;
	double ratio = 0;
	int c, status = 0, nodf = 0, showboil = 0, stats = 0, nlimits = 0;
	int showfeat = 0, rankset = 0, fmtset = 0;
	size_t i;

	lede_init(argv[0]);
	lede_sum_defaults(&params);
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":n:f:", longopts, NULL)) != -1) {
		switch (c) {
		case 'n':
			if (lede_strtol(optarg, 1, 1000000, &nsent) < 0)
				uprintf("-n: expected a number from 1 to 1000000");
			nlimits++;
			sumopt = "-n";
			break;
		case O_WORDS:
			if (lede_strtol(optarg, 1, 100000000, &nwords) < 0)
				uprintf("--words: expected a positive number");
			nlimits++;
			sumopt = "--words";
			break;
		case O_RATIO:
			if (lede_strtod(optarg, 0, 1, &ratio) < 0 || ratio <= 0)
				uprintf("--ratio: expected a number in (0, 1]");
			nlimits++;
			sumopt = "--ratio";
			break;
		case 'f':
			if (lede_format_parse(optarg, &fmt) < 0)
				uprintf("-f: unknown format '%s' (text, jsonl, tsv)", optarg);
			fmtset = 1;
			break;
		case O_KEEP:
			params.boiler = 0;
			break;
		case O_BOIL:
			showboil = 1;
			break;
		case O_SKIP:
			if (!pats)
				pats = lede_boilpat_new();
			if (lede_boilpat_add(pats, optarg, err, sizeof(err)) < 0)
				uprintf("--skip '%s': %s", optarg, err);
			break;
		case O_RANK:
			for (i = 0; i < LEDE_LEN(methods); i++)
				if (!strcmp(optarg, methods[i].name))
					break;
			if (i == LEDE_LEN(methods))
				uprintf("--rank: unknown method '%s'", optarg);
			params.method = methods[i].m;
			rankset = 1;
			sumopt = "--rank";
			break;
		case O_DF:
			dfpath = optarg;
			sumopt = "--df";
			break;
		case O_NODF:
			nodf = 1;
			sumopt = "--no-df";
			break;
		case O_STATS:
			stats = 1;
			break;
		case O_MODEL:
			modelpath = optarg;
			sumopt = "--model";
			break;
		case O_FEAT:
			showfeat = 1;
			break;
		case O_PARAM:
			lede_knob_set(&params, knobs, LEDE_LEN(knobs), optarg);
			sumopt = "--param";
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
	if (nlimits > 1)
		uprintf("-n, --words and --ratio exclude each other");
	if (modelpath && rankset)
		uprintf("--model and --rank exclude each other");
	if (showfeat && showboil)
		uprintf("--features and --boilerplate exclude each other");
	if (dfpath && nodf)
		uprintf("--df and --no-df exclude each other");
	/* options that would do nothing, silently: say so */
	if (showfeat && (rankset || modelpath))
		uprintf("--features and %s exclude each other (--features prints "
		    "the features, not a summary)", rankset ? "--rank" : "--model");
	if (showboil && sumopt)
		uprintf("--boilerplate and %s exclude each other (--boilerplate "
		    "prints the sentences set aside, not a summary: it takes -f, "
		    "--skip and --keep-boilerplate)", sumopt);
	if (showboil && !params.boiler && !pats)
		uprintf("--boilerplate with --keep-boilerplate sets aside only "
		    "what --skip matches: without --skip it would print nothing");
	if ((showfeat || showboil) && fmtset && fmt == LEDE_FMT_TEXT)
		uprintf("%s prints tsv or jsonl, not text",
		    showfeat ? "--features" : "--boilerplate");
	if (nlimits == 0)
		nsent = 3;

	sum = lede_sum_new(&params);
	lede_sum_set_patterns(sum, pats);
	{
		char *path = lede_datapath("data/keywords/stopwords-en.txt");
		LedeBuf b = {0};

		if (!path)
			eprintf("cannot find data/keywords/stopwords-en.txt (%s)",
			    lede_datahint());
		slurp(path, &b);
		if (lede_sum_load_stop(sum, b.p ? b.p : "", b.len, err, sizeof(err)) < 0)
			eprintf("%s:%s", path, err);
		lede_buf_free(&b);
		free(path);
	}
	if (showfeat)
		lede_sum_want_features(sum, 1);
	if (modelpath) {
		LedeBuf b = {0};

		slurp(modelpath, &b);
		if (lede_sum_load_model(sum, b.p ? b.p : "", b.len, err, sizeof(err)) < 0)
			eprintf("%s:%s", modelpath, err);
		lede_buf_free(&b);
	}
	if (!nodf) {
		if (!dfpath && !(dfpath = dfalloc = lede_datapath("data/keywords/df-en.tsv")))
			eprintf("cannot find data/keywords/df-en.tsv (%s, or --no-df)",
			    lede_datahint());
		if (!(df = lede_df_load(dfpath, err, sizeof(err))))
			eprintf("%s", err);
		lede_sum_set_df(sum, df);
	}
	if (!showfeat && (fmt == LEDE_FMT_TSV || (showboil && fmt != LEDE_FMT_JSONL)))
		t = lede_table_new(stdout, LEDE_FMT_TSV, tsv_cols, tsv_kinds, 3);

	r = lede_reader_open(argv + optind, argc - optind);
	lede_reader_require(r, (const char *[]){"ID", "FORM"}, 2);
	if (showfeat && fmt != LEDE_FMT_JSONL) {
		fputs("doc\tsent", stdout);
		for (i = 0; lede_sum_feature_name(i); i++)
			fprintf(stdout, "\t%s", lede_sum_feature_name(i));
		fputc('\n', stdout);
	}
	while (lede_next_doc(r, &d, &status)) {
		const size_t *pick;
		size_t np;

		lede_sum_doc(sum, &d, &textbuf);
		np = lede_sum_pick(sum, nsent, nwords, ratio, &pick);
		docs++;
		{
			const char *msg;
			size_t nf = lede_sum_pattern_failures(sum, &msg);

			if (nf) {
				weprintf("%s:%lu: document %s: %s in %zu sentence%s (kept)",
				    d.nsent ? d.sent[0].file : "<stdin>",
				    d.nsent ? d.sent[0].line : 0UL, d.id, msg, nf,
				    nf == 1 ? "" : "s");
				status = 1;
			}
		}
		if (showfeat) {
			size_t n = lede_sum_nsent(sum), j;

			for (i = 0; i < n; i++) {
				const double *f = lede_sum_features(sum, i);

				if (!f)
					continue;
				if (fmt == LEDE_FMT_JSONL) {
					/* the TSV's columns, by name */
					fputs("{\"doc\": ", stdout);
					lede_json_str(stdout, d.id, strlen(d.id));
					fprintf(stdout, ", \"sent\": %zu", i + 1);
					for (j = 0; j < LEDE_SUM_NFEAT; j++) {
						fprintf(stdout, ", \"%s\": ",
						    lede_sum_feature_name(j));
						if (isfinite(f[j]))
							fprintf(stdout, "%.6g", f[j]);
						else
							fputs("null", stdout);
					}
					fputs("}\n", stdout);
					continue;
				}
				lede_tsv_field(stdout, d.id, strlen(d.id));
				fprintf(stdout, "\t%zu", i + 1);
				for (j = 0; j < LEDE_SUM_NFEAT; j++)
					fprintf(stdout, "\t%.6g", f[j]);
				fputc('\n', stdout);
			}
			continue;
		}
		if (showboil) {
			size_t n = lede_sum_nsent(sum);

			for (i = 0; i < n; i++) {
				LedeBoil b = lede_sum_boiler(sum, i);
				const char *name = lede_boil_name(b);
				size_t len;
				const char *tx = lede_sum_text(sum, i, &len);

				if (b == LEDE_BOIL_NONE)
					continue;
				if (fmt == LEDE_FMT_JSONL) {
					fputs("{\"doc\": ", stdout);
					lede_json_str(stdout, d.id, strlen(d.id));
					fprintf(stdout, ", \"sent\": %zu, \"rule\": \"%s\", \"text\": ",
					    i + 1, name);
					lede_json_str(stdout, tx, len);
					fputs("}\n", stdout);
				} else {
					lede_tsv_field(stdout, d.id, strlen(d.id));
					fprintf(stdout, "\t%zu\t%s\t", i + 1, name);
					lede_tsv_field(stdout, tx, len);
					fputc('\n', stdout);
				}
			}
			continue;
		}
		sents_out += np;
		if (fmt == LEDE_FMT_JSONL) {
			fputs("{\"doc\": ", stdout);
			lede_json_str(stdout, d.id, strlen(d.id));
			fputs(", \"summary\": [", stdout);
			for (i = 0; i < np; i++) {
				size_t len;
				const char *tx = lede_sum_text(sum, pick[i], &len);

				if (i)
					fputs(", ", stdout);
				lede_json_str(stdout, tx, len);
			}
			fputs("]}\n", stdout);
		} else if (fmt == LEDE_FMT_TSV) {
			for (i = 0; i < np; i++) {
				size_t len;
				const char *tx = lede_sum_text(sum, pick[i], &len);

				lede_table_str(t, d.id, strlen(d.id));
				lede_table_int(t, (long long)pick[i] + 1);
				lede_table_str(t, tx, len);
				lede_table_endrow(t);
			}
		} else {
			if (docs > 1)
				fputc('\n', stdout);
			for (i = 0; i < np; i++) {
				size_t len;
				const char *tx = lede_sum_text(sum, pick[i], &len);

				lede_text_field(stdout, tx, len);
				fputc('\n', stdout);
			}
		}
		if (ferror(stdout))
			break;
	}
	if (t) {
		if (!showboil)
			lede_table_flush(t);
		lede_table_free(t);
	}
	if (stats)
		fprintf(stderr, "%s: %lu documents, %lu sentences in; %ld documents, "
		    "%lu sentences out\n", argv0, lede_reader_ndocs(r),
		    lede_reader_nsents(r), docs, sents_out);
	status |= fshut(stdout, "<stdout>");
	lede_reader_free(r);
	lede_doc_free(&d);
	lede_sum_free(sum);
	lede_boilpat_free(pats);
	lede_buf_free(&textbuf);
	lede_df_free(df);
	free(dfalloc);
	return status;
}
