/* See LICENSE file for copyright and license details. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "stage.h"
#include "stream.h"
#include "util.h"

static void
usage(FILE *fp)
{
	fprintf(fp,
	    "usage: %s [--lexicon FILE]... [--no-default-lexicon] [--context]\n"
	    "          [FILE...]\n"
	    "       %s --check-lexicon [--lexicon FILE]... [--no-default-lexicon]\n"
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

static void
filter(void *stage, LedeSent *s, int k)
{
	lede_sent_stage_sent(stage, s, k);
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
	size_t nlex = 0;
	int c, status = 0, stats = 0, nodefault = 0, context = 0, check = 0;
	LedeLexicon *lx;
	LedeSentStage *ss;
	LedeBuf err = {0};

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
	/* options that would do nothing, silently: say so */
	if (check && optind < argc)
		uprintf("--check-lexicon reads no token stream ('%s'): name a "
		    "lexicon with --lexicon", argv[optind]);
	if (check && context)
		uprintf("--check-lexicon and --context exclude each other");
	if (check && stats)
		uprintf("--check-lexicon and --stats exclude each other (--stats "
		    "counts the token stream scored)");

	lx = lede_lexicon_new();
	if (lede_sent_lexicon_load(lx, nodefault, lexfiles, nlex, &err) < 0)
		eprintf("%s", err.p);
	if (check) {
		printf("%zu terms\n", lede_lexicon_size(lx));
		status = fshut(stdout, "<stdout>");
		lede_lexicon_free(lx);
		lede_buf_free(&err);
		free(lexfiles);
		return status;
	}
	/* with --no-default-lexicon and files of no term, every score is 0 */
	if (lede_lexicon_size(lx) == 0)
		eprintf("the lexicon has no term (the --lexicon files hold none)");
	ss = lede_sent_stage_new(lx, context);

	status = lede_filter_run(argv + optind, argc - optind, cols_in, 2,
	    cols_out, context ? 2 : 1, filter, ss, stats);
	lede_sent_stage_free(ss);
	lede_lexicon_free(lx);
	lede_buf_free(&err);
	free(lexfiles);
	return status;
}
