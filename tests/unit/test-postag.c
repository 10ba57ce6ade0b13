/* Unit tests of the part-of-speech tagger of keywords: tag folding,
 * training a small model, its file image, tagging, and damaged images. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "postag.h"
#include "util.h"

static const char *sents[][8] = {
	{"The", "crew", "fixed", "the", "old", "turbine", ".", NULL},
	{"A", "new", "turbine", "runs", "fast", ".", NULL},
	{"They", "fixed", "a", "grid", ".", NULL},
	{"The", "grid", "runs", ".", NULL},
};
static const char *gold[][8] = {
	{"DT", "NN", "VBD", "DT", "JJ", "NN", ".", NULL},
	{"DT", "JJ", "NN", "VBZ", "RB", ".", NULL},
	{"PRP", "VBD", "DT", "NN", ".", NULL},
	{"DT", "NN", "VBZ", ".", NULL},
};

static void
test_fold(void)
{
	check(lede_pos_fold("NNS", 3) == LEDE_POS_NNS, "NNS");
	check(lede_pos_fold("NNPS", 4) == LEDE_POS_NNP, "NNPS");
	check(lede_pos_fold("JJR", 3) == LEDE_POS_JJ, "JJR");
	check(lede_pos_fold("VBP", 3) == LEDE_POS_VB, "VBP");
	check(lede_pos_fold("HYPH", 4) == LEDE_POS_PUNCT, "HYPH");
	check(lede_pos_fold("NNX", 3) == -1, "unknown tag");
	check(strcmp(lede_pos_name(LEDE_POS_VBN), "VBN") == 0, "name");
	check(lede_pos_number("1,987.5", 7) && !lede_pos_number("B-52", 4) &&
	    !lede_pos_number("--", 2), "numbers");
}

/* Tag sentence i with m; returns the number of tokens tagged wrong. */
static int
errors(const LedePosModel *m, int i)
{
	LedePosW blk[8][LEDE_POS_BLOCK];
	const LedePosW *bp[8];
	int tags[8], n, j, bad = 0;
	LedeBuf low = {0};

	for (n = 0; sents[i][n]; n++) {
		lede_pos_block(m, sents[i][n], strlen(sents[i][n]), blk[n], &low);
		bp[n] = blk[n];
	}
	lede_pos_tag(m, bp, (size_t)n, tags);
	for (j = 0; j < n; j++)
		bad += tags[j] != lede_pos_fold(gold[i][j], strlen(gold[i][j]));
	lede_buf_free(&low);
	return bad;
}

static void
test_train(void)
{
	LedePosTrainer *t = lede_pos_trainer_new();
	LedePosModel *m;
	char *img, *img2, err[256];
	size_t len, len2, i, n;
	int e;
	double acc = 0;

	for (i = 0; i < LEDE_LEN(sents); i++) {
		size_t lens[8];
		int tags[8];

		for (n = 0; sents[i][n]; n++) {
			lens[n] = strlen(sents[i][n]);
			tags[n] = lede_pos_fold(gold[i][n], strlen(gold[i][n]));
		}
		lede_pos_trainer_add(t, sents[i], lens, tags, n);
	}
	for (e = 0; e < 10; e++)
		acc = lede_pos_train_epoch(t, (unsigned long)e);
	check(acc == 1.0, "training accuracy %f", acc);
	lede_pos_save_mem(t, 0, &img, &len);
	m = lede_pos_load_mem(img, len, err, sizeof(err));
	check(m != NULL, "%s", err);
	if (m) {
		for (i = 0; i < LEDE_LEN(sents); i++)
			check(errors(m, (int)i) == 0, "sentence %zu mistagged", i);
		lede_pos_free(m);
	}
	/* the same training gives the same bytes */
	lede_pos_save_mem(t, 0, &img2, &len2);
	check(len == len2 && !memcmp(img, img2, len), "image not reproducible");
	free(img2);

	/* damaged images */
	check(!lede_pos_load_mem(img, 10, err, sizeof(err)) &&
	    !strcmp(err, "bad magic"), "short: %s", err);
	img[0] = 'X';
	check(!lede_pos_load_mem(img, len, err, sizeof(err)) &&
	    !strcmp(err, "bad magic"), "magic: %s", err);
	img[0] = 'L';
	img[len / 2] ^= 1;
	check(!lede_pos_load_mem(img, len, err, sizeof(err)) &&
	    !strcmp(err, "bad checksum"), "checksum: %s", err);
	img[len / 2] ^= 1;
	check(!lede_pos_load_mem(img, len - 1, err, sizeof(err)), "truncated");
	m = lede_pos_load_mem(img, len, err, sizeof(err));
	check(m != NULL, "restored image: %s", err);
	lede_pos_free(m);
	free(img);
	lede_pos_trainer_free(t);
}

int
main(void)
{
	test_fold();
	test_train();
	return check_done();
}
