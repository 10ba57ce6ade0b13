/*
 * libFuzzer harness: the lexicon loader (lede_lexicon_load_mem), then the
 * scorer with what was loaded, over the input's own words as a sentence
 * (so that multi-word terms, roles and emoticon joins meet odd lexicons).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "sentiment.h"

#define MAXTOK 256

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	LedeLexicon *lx = lede_lexicon_new();
	LedeSentiment *sa;
	LedeBuf err = {0};
	const char *forms[MAXTOK];
	long start[MAXTOK], end[MAXTOK];
	double contrib[MAXTOK], ctx[MAXTOK], s;
	char *copy = malloc(size + 1), *p, *tok;
	size_t n = 0;

	if (lede_lexicon_load_mem(lx, (const char *)data, size, "<fuzz>", &err) < 0 &&
	    (!err.p || !err.len))
		abort();	/* an error always has a reason */
	(void)lede_lexicon_size(lx);
	sa = lede_sentiment_new(lx);
	memcpy(copy, data, size);
	copy[size] = '\0';
	for (p = copy; n < MAXTOK && (tok = strtok(p, " \t\n")); p = NULL) {
		forms[n] = tok;
		start[n] = tok - copy;
		end[n] = start[n] + (long)strlen(tok);
		n++;
	}
	if (n) {
		s = lede_sentiment_sentence(sa, forms, start, end, n, contrib, ctx);
		if (!(s >= -1 && s <= 1))
			abort();
		s = lede_sentiment_sentence(sa, forms, NULL, NULL, n, contrib, NULL);
		if (!(s >= -1 && s <= 1))
			abort();
	}
	lede_sentiment_free(sa);
	lede_lexicon_free(lx);
	lede_buf_free(&err);
	free(copy);
	return 0;
}
