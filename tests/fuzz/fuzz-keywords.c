/* libFuzzer harness: the parsers of keywords' outside input (df tables,
 * word lists, corpus partials and their settings lines, tagger models).
 * A partial that parses writes back to a partial that parses to the same
 * statistics and settings; a settings line equals itself.  The input
 * is also read as a tagger model with its checksum made right, so that
 * the checks after the checksum are reached; a model that loads tags. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "df.h"
#include "keyphrase.h"
#include "kwcorpus.h"
#include "postag.h"
#include "report.h"
#include "util.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	char err[256];
	LedeDf *df;
	LedeKp *kp;
	LedeKwCorpus *c, *c2;

	if ((df = lede_df_parse(buf, size, err, sizeof(err)))) {
		(void)lede_df_idf(df, "a", 1);
		lede_df_free(df);
	}
	kp = lede_kp_new(NULL);
	(void)lede_kp_load_pos(kp, buf, size, err, sizeof(err));
	(void)lede_kp_load_stop(kp, buf, size, err, sizeof(err));
	lede_kp_free(kp);

	{
		unsigned char *img = malloc(size + 8);
		uint64_t h = lede_hash(data, size);
		LedePosModel *m;

		memcpy(img, data, size);
		for (int i = 0; i < 8; i++)
			img[size + i] = (unsigned char)(h >> (8 * i));
		if ((m = lede_pos_load_mem(img, size + 8, err, sizeof(err)))) {
			LedePosW blk[2][LEDE_POS_BLOCK];
			const LedePosW *bp[2] = {blk[0], blk[1]};
			LedeBuf low = {0};
			int tags[2];

			lede_pos_block(m, "Grid", 4, blk[0], &low);
			lede_pos_block(m, "strains", 7, blk[1], &low);
			lede_pos_tag(m, bp, 2, tags);
			if (tags[0] < 0 || tags[0] >= LEDE_POS_NTAGS)
				__builtin_trap();
			lede_buf_free(&low);
			lede_pos_free(m);
		}
		free(img);
	}

	if (lede_settings_check(buf, size) == 0) {
		LedeSettingsDiff d;

		if (lede_settings_diff(buf, size, buf, size, &d) != 0)
			__builtin_trap();
	}

	c = lede_kwc_new();
	if (lede_kwc_parse(c, buf, size, err, sizeof(err)) == 0) {
		char *out = NULL;
		size_t len = 0;
		FILE *fp = open_memstream(&out, &len);
		const LedeKwRow *r1, *r2;
		size_t n1, n2;

		lede_kwc_write(c, fp);
		fclose(fp);
		c2 = lede_kwc_new();
		if (lede_kwc_parse(c2, out, len, err, sizeof(err)) != 0)
			__builtin_trap();
		if (strcmp(lede_kwc_settings(c), lede_kwc_settings(c2)))
			__builtin_trap();
		n1 = lede_kwc_rank(c, &r1);
		n2 = lede_kwc_rank(c2, &r2);
		if (n1 != n2)
			__builtin_trap();
		for (size_t i = 0; i < n1; i++)
			if (r1[i].score != r2[i].score || r1[i].docs != r2[i].docs ||
			    r1[i].count != r2[i].count)
				__builtin_trap();
		lede_kwc_free(c2);
		free(out);
	}
	lede_kwc_free(c);
	return 0;
}
