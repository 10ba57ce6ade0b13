/* See LICENSE file for copyright and license details. */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "text.h"

int
lede_utf8_decode(const char *s, size_t n, int32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	int32_t c;
	int len, i;

	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if (p[0] < 0xC2)		/* continuation byte or overlong 2-byte lead */
		return -1;
	if (p[0] < 0xE0) {
		len = 2;
		c = p[0] & 0x1F;
	} else if (p[0] < 0xF0) {
		len = 3;
		c = p[0] & 0x0F;
	} else if (p[0] < 0xF5) {
		len = 4;
		c = p[0] & 0x07;
	} else {
		return -1;
	}
	if ((size_t)len > n)
		return -1;
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return -1;
		c = (c << 6) | (p[i] & 0x3F);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
	    c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return -1;
	*cp = c;
	return len;
}

size_t
lede_utf8_check(const char *s, size_t n)
{
	size_t i = 0;
	int32_t cp;
	int len;

	while (i < n) {
		/* skip ASCII eight bytes at a time */
		while (i + 8 <= n) {
			uint64_t w;

			memcpy(&w, s + i, 8);
			if (w & 0x8080808080808080ULL)
				break;
			i += 8;
		}
		if (i >= n)
			break;
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		if ((len = lede_utf8_decode(s + i, n - i, &cp)) < 0)
			return i;
		i += (size_t)len;
	}
	return n;
}

int
lede_utf8_encode(int32_t cp, char *out)
{
	return (int)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out);
}

size_t
lede_utf8_count(const char *s, size_t n)
{
	size_t i, count = 0;

	for (i = 0; i < n; i++)
		count += ((unsigned char)s[i] & 0xC0) != 0x80;
	return count;
}

/*
 * Lower-case s[0..n) onto out when it is all ASCII (folding and lowering
 * are the same there): 1, or 0 with out untouched.
 */
static inline int
asciilower(LedeBuf *out, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n && (unsigned char)s[i] < 0x80; i++)
		;
	if (i < n)
		return 0;
	lede_buf_grow(out, n);
	for (i = 0; i < n; i++) {
		char c = s[i];

		out->p[out->len++] = (c >= 'A' && c <= 'Z') ? c + 32 : c;
	}
	out->p[out->len] = '\0';
	return 1;
}

void
lede_fold(LedeBuf *out, const char *s, size_t n)
{
	utf8proc_uint8_t *dst = NULL;
	utf8proc_ssize_t len;

	if (asciilower(out, s, n))
		return;
	len = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &dst,
	    UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
	if (len < 0) {
		/* only invalid UTF-8 fails, and callers validate first */
		lede_buf_add(out, s, n);
		return;
	}
	lede_buf_add(out, dst, (size_t)len);
	free(dst);
}

static utf8proc_int32_t
lower1(utf8proc_int32_t cp, void *data)
{
	(void)data;
	return utf8proc_tolower(cp);
}

void
lede_lower(LedeBuf *out, const char *s, size_t n)
{
	utf8proc_uint8_t *dst = NULL;
	utf8proc_ssize_t len;

	if (asciilower(out, s, n))
		return;
	len = utf8proc_map_custom((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
	    &dst, UTF8PROC_STABLE | UTF8PROC_COMPOSE, lower1, NULL);
	if (len < 0) {
		lede_buf_add(out, s, n);
		return;
	}
	lede_buf_add(out, dst, (size_t)len);
	free(dst);
}

static utf8proc_category_t
cat(int32_t cp)
{
	return utf8proc_category(cp);
}

int
lede_isletter(int32_t cp)
{
	if (cp < 0x80)
		return (cp | 32) >= 'a' && (cp | 32) <= 'z';
	switch (cat(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
		return 1;
	default:
		return 0;
	}
}

int
lede_ismark(int32_t cp)
{
	if (cp < 0x300)
		return 0;
	switch (cat(cp)) {
	case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
		return 1;
	default:
		return 0;
	}
}

int
lede_isdigit(int32_t cp)
{
	if (cp < 0x80)
		return cp >= '0' && cp <= '9';
	return cat(cp) == UTF8PROC_CATEGORY_ND;
}

int
lede_isnumber(int32_t cp)
{
	if (cp < 0x80)
		return cp >= '0' && cp <= '9';
	switch (cat(cp)) {
	case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return 1;
	default:
		return 0;
	}
}

int
lede_isupper(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	return cat(cp) == UTF8PROC_CATEGORY_LU || cat(cp) == UTF8PROC_CATEGORY_LT;
}

int
lede_islower(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'a' && cp <= 'z';
	return cat(cp) == UTF8PROC_CATEGORY_LL;
}

int
lede_ispunct(int32_t cp)
{
	switch (cat(cp)) {
	case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD:
	case UTF8PROC_CATEGORY_PS: case UTF8PROC_CATEGORY_PE:
	case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
	case UTF8PROC_CATEGORY_PO:
		return 1;
	default:
		return 0;
	}
}

int
lede_issymbol(int32_t cp)
{
	switch (cat(cp)) {
	case UTF8PROC_CATEGORY_SM: case UTF8PROC_CATEGORY_SC:
	case UTF8PROC_CATEGORY_SK: case UTF8PROC_CATEGORY_SO:
		return 1;
	default:
		return 0;
	}
}

int
lede_isbreak(int32_t cp)
{
	return (cp >= 0x0A && cp <= 0x0D) || cp == 0x85 || cp == 0x2028 ||
	    cp == 0x2029;
}

int
lede_isspace(int32_t cp)
{
	if (cp < 0x80)
		return cp == ' ' || (cp >= 0x09 && cp <= 0x0D);
	if (cp == 0x85)
		return 1;
	switch (cat(cp)) {
	case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP:
		return 1;
	default:
		return 0;
	}
}

int
lede_iswordchar(int32_t cp)
{
	return lede_isletter(cp) || lede_isdigit(cp) || lede_ismark(cp) ||
	    cp == 0x200C || cp == 0x200D;
}

int
lede_isemoji(int32_t cp)
{
	return (cp >= 0x1F000 && cp <= 0x1FAFF) ||	/* pictographs, emoticons */
	    (cp >= 0x2600 && cp <= 0x27BF) ||		/* misc symbols, dingbats */
	    (cp >= 0x1F1E6 && cp <= 0x1F1FF) ||	/* regional indicators */
	    (cp >= 0x2B00 && cp <= 0x2BFF && cat(cp) == UTF8PROC_CATEGORY_SO) ||
	    cp == 0x00A9 || cp == 0x00AE || cp == 0x203C || cp == 0x2049 ||
	    cp == 0x2122 || cp == 0x2139 || (cp >= 0x2194 && cp <= 0x21AA) ||
	    (cp >= 0x231A && cp <= 0x23FF) || cp == 0x3030 || cp == 0x303D;
}

int
lede_hasletter(const char *s, size_t n)
{
	size_t i = 0;
	int32_t cp;
	int len;

	while (i < n) {
		if ((len = lede_utf8_decode(s + i, n - i, &cp)) < 0)
			return 0;
		if (lede_isletter(cp))
			return 1;
		i += (size_t)len;
	}
	return 0;
}

int
lede_inlist(const char *const *list, size_t nlist, const char *w, size_t n)
{
	char buf[16];
	size_t i, lo = 0, hi = nlist;

	if (n > 0 && w[n - 1] == '.')
		n--;
	if (n == 0 || n >= sizeof(buf))
		return 0;
	for (i = 0; i < n; i++)
		buf[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] + ('a' - 'A') : w[i]);
	buf[n] = '\0';
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(list[mid], buf);

		if (c == 0)
			return 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}
