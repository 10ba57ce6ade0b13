/* See LICENSE file for copyright and license details. */
#ifndef LEDE_SENTIMENT_H
#define LEDE_SENTIMENT_H

#include <stddef.h>

#include "lexicon.h"

/*
 * Sentence tone from a valence lexicon and context rules (docs/SENTIMENT.md):
 * multi-word terms and emoticons, negation with a scope, intensifiers and
 * diminishers, contrast and concession, capitals and elongated words,
 * exclamation marks, and direction-times-quantity pairs (profit rose, loss
 * narrowed).  Each token gets a signed contribution; their sum S is mapped
 * into [-1, 1] by S / sqrt(S * S + LEDE_SENT_ALPHA).
 */
#define LEDE_SENT_ALPHA 16.0

typedef struct LedeSentiment LedeSentiment;

/* lx must outlive the scorer and not change while it is used. */
LedeSentiment *lede_sentiment_new(const LedeLexicon *lx);
void lede_sentiment_free(LedeSentiment *sa);

/*
 * Score one sentence of n tokens.  forms[i] is the FORM of token i;
 * start and end (both NULL when unknown) are its code-point offsets,
 * used to join adjacent tokens (":" ")" is the emoticon ":)").  Writes
 * each token's contribution to contrib[i] and, when ctx is not NULL, the
 * context factor a valence at token i was (or would have been) multiplied
 * by.  Returns the sentence's score in [-1, 1].
 */
double lede_sentiment_sentence(LedeSentiment *sa, const char *const *forms,
    const long *start, const long *end, size_t n, double *contrib,
    double *ctx);

/*
 * The same, with inname[i] nonzero for a token inside a name (its NER
 * tag is not O; NULL: none is).  Such a token is scored as a word that
 * is not in the lexicon: it contributes 0, is no negator, booster,
 * contrast, direction or quantity, starts and continues no multi-word
 * term or emoticon, adds no emphasis ('!', capitals) and does not make
 * the sentence mixed-case; it still counts in the distances of the rules
 * ("Standard and Poor's", "Moody's", "United Airlines", "Yahoo!").
 */
double lede_sentiment_sentence_names(LedeSentiment *sa,
    const char *const *forms, const long *start, const long *end,
    const unsigned char *inname, size_t n, double *contrib, double *ctx);

/*
 * What depends on a token's FORM alone is worked out once per form and
 * kept; the cache is dropped at the start of a sentence once it holds
 * maxforms forms (0: the default, 100,000; lib/sentiment.c gives the
 * memory it takes).  Scores never depend on it.  For tests and callers
 * short of memory.
 */
void lede_sentiment_set_cache(LedeSentiment *sa, size_t maxforms);

/* S / sqrt(S * S + LEDE_SENT_ALPHA). */
double lede_sentiment_norm(double s);

#endif
