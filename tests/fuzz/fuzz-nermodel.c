/* See LICENSE file for copyright and license details. */
/*
 * libFuzzer harness: the NER model loader (lede_ner_load_mem); seeds in
 * tests/fuzz/corpus-nermodel (small models from ner-train).
 *
 * Checks: no crash or sanitizer report on any buffer; an accepted model
 * tags a sentence with labels the BILOU constraints allow.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tagger.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *forms[] = {"Anna", "Berg", "flew", "to", "OSLO", "-", "x"};
	static const size_t len[] = {4, 4, 4, 2, 4, 1, 1};
	char err[256];
	LedeNerModel *m;
	LedeNerTagger *t;
	int out[7], i;
	uint8_t *copy;

	/* as given, then with the checksum made right to reach the parser */
	if ((m = lede_ner_load_mem(data, size, err, sizeof(err))))
		lede_ner_free(m);
	if (size < 16)
		return 0;
	copy = malloc(size);
	if (!copy)
		abort();
	memcpy(copy, data, size);
	{
		uint64_t h = lede_ner_checksum(copy, size - 8);

		for (i = 0; i < 8; i++)
			copy[size - 8 + (size_t)i] = (uint8_t)(h >> (8 * i));
	}
	m = lede_ner_load_mem(copy, size, err, sizeof(err));
	free(copy);
	if (!m)
		return 0;
	t = lede_ner_tagger_new(m);
	lede_ner_tag(t, forms, len, 7, out);
	for (i = 0; i < 7; i++)
		if (!lede_ner_allowed(i ? out[i - 1] : -1, out[i]))
			abort();
	if (!lede_ner_endok(out[6]))
		abort();
	lede_ner_tagger_free(t);
	lede_ner_free(m);
	return 0;
}
