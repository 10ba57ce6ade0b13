/* See LICENSE file for copyright and license details. */
#ifndef LEDE_POSTAG_H
#define LEDE_POSTAG_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

/*
 * Part-of-speech tagging for keyphrase candidates (docs/KEYWORDS.md): an
 * averaged perceptron over word, affix and shape features of the word and
 * its neighbours (-1..+1) and the two tags before it, decoded greedily
 * left to right.  The tags are the Penn Treebank's, folded into the 21
 * below.  Every static feature belongs to one word type at one offset, so
 * the tagger sums the weights of a type once (lede_pos_block) and a token
 * costs three vector additions (and two for the tags before it).
 *
 * Nothing here prints or exits (except allocation failure).
 */

enum {
	LEDE_POS_NN, LEDE_POS_NNS, LEDE_POS_NNP, LEDE_POS_JJ, LEDE_POS_VB,
	LEDE_POS_VBD, LEDE_POS_VBG, LEDE_POS_VBN, LEDE_POS_VBZ, LEDE_POS_MD,
	LEDE_POS_RB, LEDE_POS_IN, LEDE_POS_TO, LEDE_POS_DT, LEDE_POS_CC,
	LEDE_POS_CD, LEDE_POS_PRP, LEDE_POS_POS, LEDE_POS_RP, LEDE_POS_PUNCT,
	LEDE_POS_X,
	LEDE_POS_NTAGS
};

/* Offsets of the neighbours whose features count: -1..+1. */
#define LEDE_POS_NGROUPS 3
/*
 * The block of one word type: its summed weights at each group, as 16-bit
 * integers in units of the model's scale, LEDE_POS_LANES a group (the tags
 * and padding, so that the sums vectorise).
 */
#define LEDE_POS_LANES 24
#define LEDE_POS_BLOCK (LEDE_POS_NGROUPS * LEDE_POS_LANES)
typedef int16_t LedePosW;

/* Name of a tag ("NN"); the tag of a Penn Treebank tag, -1 if unknown. */
const char *lede_pos_name(int tag);
int lede_pos_fold(const char *xpos, size_t n);

/*
 * The static feature keys of the word form s[0..n) (valid UTF-8) at
 * group g (0..2 for offsets -1..+1), appended to keys (room for 16);
 * returns their number.  low is a scratch buffer.
 */
size_t lede_pos_feats(const char *s, size_t n, int g, uint64_t *keys,
    LedeBuf *low);
/* 1 when s[0..n) is a number: digits and . , : / - only, a digit at least. */
int lede_pos_number(const char *s, size_t n);
/* Keys of the tag-history features and of the bias. */
uint64_t lede_pos_key_t1(int t1);
uint64_t lede_pos_key_t2(int t1, int t2);
uint64_t lede_pos_key_bias(void);
/* Pseudo-forms of the sentence boundaries, for neighbours out of range. */
#define LEDE_POS_BOS "\001<s>"
#define LEDE_POS_EOS "\001</s>"
/* Tag history: "no tag" before the sentence start. */
#define LEDE_POS_START LEDE_POS_NTAGS

/* A trained model, as loaded. */
typedef struct LedePosModel LedePosModel;

/*
 * Load a model from a memory buffer (the format is in postag.c and
 * docs/KEYWORDS.md).  NULL with a reason in err on a damaged model.
 */
LedePosModel *lede_pos_load_mem(const void *buf, size_t n, char *err,
    size_t errlen);
void lede_pos_free(LedePosModel *m);
size_t lede_pos_nfeat(const LedePosModel *m);

/* The block of the form s[0..n): its summed weights at each group. */
void lede_pos_block(const LedePosModel *m, const char *s, size_t n,
    LedePosW *block, LedeBuf *low);
/*
 * Tag a sentence of n tokens, given the block of each (blocks[i]):
 * tags[i] gets its tag.
 */
void lede_pos_tag(const LedePosModel *m, const LedePosW *const *blocks,
    size_t n, int *tags);
/*
 * The same, for a sentence that needs a finite verb: when the tags have
 * none (VB, VBD, VBZ, MD; nor a participle right after a noun), the
 * noun that is cheapest to make a verb agreeing with the noun before it
 * (NNS after NN or NNP becomes VBZ, "price jumps on"; NN after NNS
 * becomes VB, "workers strike at"), and not last or before punctuation,
 * gets the verb tag if that costs at most maxgap (in weight units), and
 * the words after it are tagged again.  gap holds 2n values of work
 * space.  Before that, when vonly is not NULL (a headline), the first
 * word i with vonly[i] set (a word in -s that the lexicon knows only as
 * a verb) that the tagger makes a plural or proper noun after a possible
 * subject becomes VBZ ("Worldcom ex-boss launches defence", "KRAFT
 * <KRA> SEES HIGHER"), whatever other verbs the tags hold, and the words
 * after it are tagged again.  Returns the index of the word made a verb,
 * n if none.
 */
size_t lede_pos_tag_verb(const LedePosModel *m, const LedePosW *const *blocks,
    size_t n, int *tags, int32_t *gap, double maxgap,
    const unsigned char *vonly);

/*
 * Training: sentences of forms and tags are added, then trained for a
 * number of epochs (the order shuffled with the seed); the averaged
 * weights are written with lede_pos_save.
 */
typedef struct LedePosTrainer LedePosTrainer;

LedePosTrainer *lede_pos_trainer_new(void);
void lede_pos_trainer_free(LedePosTrainer *t);
void lede_pos_trainer_add(LedePosTrainer *t, const char *const *forms,
    const size_t *lens, const int *tags, size_t n);
/* One epoch; returns the share of tokens tagged right during it. */
double lede_pos_train_epoch(LedePosTrainer *t, unsigned long seed);
/*
 * The averaged model as a file image in *out (malloc'd, *outlen bytes);
 * weights whose magnitude is below minw are left out.
 */
void lede_pos_save_mem(LedePosTrainer *t, double minw, char **out,
    size_t *outlen);

#endif
