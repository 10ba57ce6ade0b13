/* See LICENSE file for copyright and license details. */
/*
 * pos-train: train the part-of-speech tagger of keywords (lib/postag.h)
 * on CoNLL-U files with Penn Treebank tags (XPOS), and write the model.
 *
 * usage: pos-train [-n EPOCHS] [-s SEED] [-w MINW] -o MODEL
 *                  [-d DEV.conllu]... TRAIN.conllu...
 *
 * Each epoch goes over the training sentences in a shuffled order; the
 * averaged weights are then scored on the dev files (token accuracy over
 * the 21 folded tags), and the epoch whose first dev file scores best is
 * written.  Progress goes to stderr.  Deterministic for a seed.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "io.h"
#include "stream.h"
#include "postag.h"
#include "util.h"

typedef struct {
	char **forms;
	size_t *lens;
	int *tags;
	size_t n;
} Sent;

typedef struct {
	Sent *s;
	size_t n, cap;
	unsigned long ntok;
} Corpus;

static void
usage(void)
{
	uprintf("usage: pos-train [-n EPOCHS] [-s SEED] [-w MINW] -o MODEL "
	    "[-d DEV.conllu]... TRAIN.conllu...");
}

/* Read the words of a CoNLL-U file (no multiword or empty nodes). */
static void
readconllu(const char *path, Corpus *c)
{
	FILE *fp = fopen(path, "rb");
	LedeLines *l;
	char *line;
	size_t len, cap = 0;
	Sent cur = {0};
	int rc;

	if (!fp)
		eprintf("%s:", path);
	l = lede_lines_open(fp, path, LEDE_LINE_MAX);
	for (;;) {
		rc = lede_lines_next(l, &line, &len);
		if (rc == LEDE_IO_ERROR || rc == LEDE_IO_TOOLONG)
			eprintf("%s:%lu: cannot read", path, lede_lines_lineno(l));
		if (rc == LEDE_IO_EOF || len == 0) {
			if (cur.n) {
				if (c->n == c->cap) {
					c->cap = c->cap ? c->cap * 2 : 1024;
					c->s = ereallocarray(c->s, c->cap, sizeof(*c->s));
				}
				c->s[c->n++] = cur;
				c->ntok += cur.n;
				memset(&cur, 0, sizeof(cur));
				cap = 0;
			}
			if (rc == LEDE_IO_EOF)
				break;
			continue;
		}
		if (line[0] == '#')
			continue;
		{
			char *f[10], *p = line;
			int k;

			for (k = 0; k < 10 && p; k++) {
				f[k] = p;
				p = strchr(p, '\t');
				if (p)
					*p++ = '\0';
			}
			if (k < 5)
				eprintf("%s:%lu: expected 10 columns", path,
				    lede_lines_lineno(l));
			if (strchr(f[0], '-') || strchr(f[0], '.'))
				continue;
			if (cur.n == cap) {
				cap = cap ? cap * 2 : 32;
				cur.forms = ereallocarray(cur.forms, cap, sizeof(char *));
				cur.lens = ereallocarray(cur.lens, cap, sizeof(size_t));
				cur.tags = ereallocarray(cur.tags, cap, sizeof(int));
			}
			cur.forms[cur.n] = estrdup(f[1]);
			cur.lens[cur.n] = strlen(f[1]);
			cur.tags[cur.n] = lede_pos_fold(f[4], strlen(f[4]));
			if (cur.tags[cur.n] < 0)
				eprintf("%s:%lu: unknown tag '%s'", path,
				    lede_lines_lineno(l), f[4]);
			cur.n++;
		}
	}
	lede_lines_free(l);
	fclose(fp);
}

static double
accuracy(const LedePosModel *m, const Corpus *c)
{
	unsigned long right = 0, total = 0;
	LedePosW *blk = NULL;
	const LedePosW **bp = NULL;
	int *tags = NULL;
	size_t cap = 0, i, j;
	LedeBuf low = {0};

	for (i = 0; i < c->n; i++) {
		const Sent *s = &c->s[i];

		if (s->n > cap) {
			cap = s->n * 2;
			blk = ereallocarray(blk, cap * LEDE_POS_BLOCK, sizeof(*blk));
			bp = ereallocarray(bp, cap, sizeof(*bp));
			tags = ereallocarray(tags, cap, sizeof(*tags));
		}
		for (j = 0; j < s->n; j++) {
			lede_pos_block(m, s->forms[j], s->lens[j],
			    blk + j * LEDE_POS_BLOCK, &low);
			bp[j] = blk + j * LEDE_POS_BLOCK;
		}
		lede_pos_tag(m, bp, s->n, tags);
		for (j = 0; j < s->n; j++)
			right += tags[j] == s->tags[j];
		total += s->n;
	}
	free(blk);
	free(bp);
	free(tags);
	lede_buf_free(&low);
	return total ? (double)right / (double)total : 0;
}

int
main(int argc, char *argv[])
{
	Corpus train = {0}, dev[8];
	int ndev = 0, c, e, best = -1;
	long epochs = 10, seed = 1;
	double minw = 0, bestacc = -1;
	const char *out = NULL;
	char *img = NULL, *bestimg = NULL, err[256];
	size_t imglen, bestlen = 0, i;
	LedePosTrainer *t;
	FILE *fp;

	lede_init(argv[0]);
	memset(dev, 0, sizeof(dev));
	while ((c = getopt(argc, argv, "n:s:w:o:d:")) != -1) {
		switch (c) {
		case 'n':
			if (lede_strtol(optarg, 1, 1000, &epochs) < 0)
				usage();
			break;
		case 's':
			if (lede_strtol(optarg, 0, 1L << 30, &seed) < 0)
				usage();
			break;
		case 'w':
			if (lede_strtod(optarg, 0, 1e6, &minw) < 0)
				usage();
			break;
		case 'o':
			out = optarg;
			break;
		case 'd':
			if (ndev == 8)
				usage();
			readconllu(optarg, &dev[ndev++]);
			break;
		default:
			usage();
		}
	}
	if (!out || optind == argc)
		usage();
	for (; optind < argc; optind++)
		readconllu(argv[optind], &train);
	fprintf(stderr, "pos-train: %zu sentences, %lu tokens\n", train.n, train.ntok);
	t = lede_pos_trainer_new();
	for (i = 0; i < train.n; i++)
		lede_pos_trainer_add(t, (const char *const *)train.s[i].forms,
		    train.s[i].lens, train.s[i].tags, train.s[i].n);
	for (e = 0; e < epochs; e++) {
		double acc = lede_pos_train_epoch(t, (unsigned long)(seed + e));
		LedePosModel *m;
		int d;

		lede_pos_save_mem(t, minw, &img, &imglen);
		if (!(m = lede_pos_load_mem(img, imglen, err, sizeof(err))))
			eprintf("the model written does not load: %s", err);
		fprintf(stderr, "epoch %d: train %.4f, %zu features, %zu bytes", e + 1,
		    acc, lede_pos_nfeat(m), imglen);
		for (d = 0; d < ndev; d++) {
			double a = accuracy(m, &dev[d]);

			fprintf(stderr, ", dev%d %.4f", d + 1, a);
			if (d == 0 && a > bestacc) {
				bestacc = a;
				best = e;
				free(bestimg);
				bestimg = img;
				bestlen = imglen;
				img = NULL;
			}
		}
		fprintf(stderr, "\n");
		if (!ndev) {
			free(bestimg);
			bestimg = img;
			bestlen = imglen;
			img = NULL;
			best = e;
		}
		free(img);
		img = NULL;
		lede_pos_free(m);
	}
	fprintf(stderr, "pos-train: writing epoch %d\n", best + 1);
	if (!(fp = fopen(out, "wb")) || fwrite(bestimg, 1, bestlen, fp) != bestlen)
		eprintf("%s:", out);
	if (fshut(fp, out))
		return 1;
	free(bestimg);
	lede_pos_trainer_free(t);
	return 0;
}
