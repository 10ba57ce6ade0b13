/* See LICENSE file for copyright and license details. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "stage.h"
#include "stream.h"
#include "util.h"

static void
usage(FILE *fp)
{
	fprintf(fp,
	    "usage: %s [-l LANG] [FILE...]\n"
	    "       %s --list\n"
	    "Add a STEM column to a token stream: the Snowball stem of each\n"
	    "token's lower-cased FORM.\n"
	    "\n"
	    "  -l, --lang LANG   stemmer language (default english; see --list)\n"
	    "      --list        print the available languages, one a line\n"
	    "      --stats       print documents and sentences read on stderr\n"
	    "      --help        print this help and exit\n"
	    "      --version     print the version and exit\n",
	    argv0, argv0);
}

static const char *cols_in[] = {"ID", "FORM"};
static const char *cols_out[] = {"STEM"};

static void
filter(void *stage, LedeSent *s, int k)
{
	lede_stem_stage_sent(stage, s, k);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{"lang", required_argument, NULL, 'l'},
		{"list", no_argument, NULL, 'L'},
		{"stats", no_argument, NULL, 'S'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	const char *lang = "english", *langopt = NULL;
	const char **lp;
	LedeStemStage *st;
	int c, status = 0, stats = 0, list = 0;

	lede_init(argv[0]);
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":l:", longopts, NULL)) != -1) {
		switch (c) {
		case 'l':
			lang = langopt = optarg;
			break;
		case 'L':
			list = 1;
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
	if (list) {
		/* every language: there is nothing for the others to do */
		if (langopt)
			uprintf("--list prints every language: -l does not apply");
		if (stats)
			uprintf("--stats and --list exclude each other (--stats "
			    "counts the token stream stemmed)");
		if (optind < argc)
			uprintf("--list reads no file ('%s')", argv[optind]);
		for (lp = sb_stemmer_list(); *lp; lp++)
			puts(*lp);
		return fshut(stdout, "<stdout>");
	}
	if (!(st = lede_stem_stage_new(lang)))
		uprintf("unknown language '%s' (see --list)", lang);

	status = lede_filter_run(argv + optind, argc - optind, cols_in, 2,
	    cols_out, 1, filter, st, stats);
	lede_stem_stage_free(st);
	return status;
}
