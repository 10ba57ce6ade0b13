/* See LICENSE file for copyright and license details. */
#ifndef LEDE_TEXT_H
#define LEDE_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

/*
 * UTF-8 and Unicode character classes (through utf8proc).  Nothing here
 * prints or exits.
 */

/*
 * Decode one code point from s (n > 0 bytes available).  Returns the number
 * of bytes used (1-4) and sets *cp, or -1 for an invalid sequence: a stray
 * continuation byte, an overlong form, a surrogate, a value above U+10FFFF
 * or a sequence cut short by n.
 */
int lede_utf8_decode(const char *s, size_t n, int32_t *cp);

/* Offset of the first invalid byte of s[0..n), or n when all of it is valid. */
size_t lede_utf8_check(const char *s, size_t n);

/*
 * The length of the UTF-8 byte-order mark that s[0..n) starts with (an
 * editor's on Windows): 3, or 0 when it has none.
 */
static inline size_t
lede_bom(const char *s, size_t n)
{
	return n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3) ? 3 : 0;
}

/* Encode cp (a valid scalar value) into out[0..4); returns the length. */
int lede_utf8_encode(int32_t cp, char *out);

/* Number of code points in valid UTF-8 s[0..n). */
size_t lede_utf8_count(const char *s, size_t n);

/*
 * Append to out the comparison key of valid UTF-8 s[0..n): NFC and Unicode
 * full case folding, so "Straße", "STRASSE" and a decomposed "strasse"
 * fold alike.  ASCII input takes a fast path.
 */
void lede_fold(LedeBuf *out, const char *s, size_t n);

/*
 * Append to out the lower-case form of valid UTF-8 s[0..n): NFC and the
 * simple per-character lower-case mapping, which keeps what stemmers and
 * lexicons expect (German ß, Greek final sigma) where full case folding
 * would rewrite it.
 */
void lede_lower(LedeBuf *out, const char *s, size_t n);

/* Character classes of a code point (utf8proc general categories). */
int lede_isletter(int32_t cp);	/* L* */
int lede_ismark(int32_t cp);	/* M* */
int lede_isdigit(int32_t cp);	/* Nd */
int lede_isnumber(int32_t cp);	/* N* */
int lede_isupper(int32_t cp);	/* Lu, Lt */
int lede_islower(int32_t cp);	/* Ll */
int lede_ispunct(int32_t cp);	/* P* */
int lede_issymbol(int32_t cp);	/* S* */
int lede_isspace(int32_t cp);	/* Z*, TAB, LF, VT, FF, CR, NEL */
int lede_isbreak(int32_t cp);	/* LF, VT, FF, CR, NEL, U+2028, U+2029 */
/* 1 when a word may continue with cp: letter, mark, digit, ZWJ/ZWNJ. */
int lede_iswordchar(int32_t cp);
/* Emoji and pictographs (So in the emoji blocks, regional indicators). */
int lede_isemoji(int32_t cp);

/* 1 when s[0..n) holds at least one letter. */
int lede_hasletter(const char *s, size_t n);

/*
 * 1 when the word w[0..n), ASCII capitals lowered and one final '.'
 * dropped, is in list[0..nlist): lower-case words under 16 bytes, sorted
 * in byte order (strcmp).
 */
int lede_inlist(const char *const *list, size_t nlist, const char *w,
    size_t n);

#endif
