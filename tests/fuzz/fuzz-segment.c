/*
 * libFuzzer harness: the sentence splitter and tokenizer.  Input that is
 * valid UTF-8 without NUL goes through every option and paragraph mode;
 * tokens must come in order, never overlap, never be empty nor longer than
 * LEDE_SEG_TOKEN_MAX bytes, and their code-point offsets must agree with
 * their byte offsets.
 */
#include <stdint.h>
#include <string.h>

#include "segment.h"
#include "text.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static LedeSeg *sg[4];
	const char *text = (const char *)data;
	const LedeTok *t;
	size_t n, i, end, cp, at;
	int k;

	if (!sg[0]) {
		sg[0] = lede_seg_new(0, LEDE_PARA_AUTO);
		sg[1] = lede_seg_new(LEDE_SEG_HYPHEN_KEEP, LEDE_PARA_LINE);
		sg[2] = lede_seg_new(LEDE_SEG_ABBR_KEEP, LEDE_PARA_BLANK);
		sg[3] = lede_seg_new(LEDE_SEG_HYPHEN_KEEP | LEDE_SEG_ABBR_KEEP, LEDE_PARA_AUTO);
	}
	if (memchr(data, '\0', size) || lede_utf8_check(text, size) != size)
		return 0;
	for (k = 0; k < 4; k++) {
		end = 0;
		at = cp = 0;	/* code points in text[0..at), counted as we go */
		lede_seg_start(sg[k], text, size);
		while ((n = lede_seg_next(sg[k], &t)) > 0) {
			if (n > LEDE_SEG_SENT_MAX + 1 || !(t[0].flags & LEDE_TOK_SENT))
				__builtin_trap();
			for (i = 0; i < n; i++) {
				if (t[i].len == 0 || t[i].len > LEDE_SEG_TOKEN_MAX ||
				    t[i].off < end || t[i].off + t[i].len > size)
					__builtin_trap();
				cp += lede_utf8_count(text + at, t[i].off - at);
				at = t[i].off;
				if (cp != t[i].start ||
				    lede_utf8_count(text + t[i].off, t[i].len) != t[i].cplen ||
				    lede_utf8_check(text + t[i].off, t[i].len) != t[i].len)
					__builtin_trap();
				end = t[i].off + t[i].len;
			}
		}
	}
	return 0;
}
