/* See LICENSE file for copyright and license details. */
/*
 * lede_hash: its value, which models and tables depend on (the tagger of
 * keywords checks its model by it), for every length of key and every
 * alignment, against the sum of the key's bytes as a little-endian word
 * that it is defined by.
 */
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "util.h"

/* The definition, a byte at a time: 8-byte words, then the tail. */
static uint64_t
ref_hash(const unsigned char *p, size_t n)
{
	uint64_t h = 0x9E3779B97F4A7C15ULL ^ (n * 0xC2B2AE3D27D4EB4FULL), w;
	size_t i;

	for (; n >= 8; p += 8, n -= 8) {
		for (w = 0, i = 0; i < 8; i++)
			w |= (uint64_t)p[i] << (8 * i);
		h = (h ^ w) * 0xBF58476D1CE4E5B9ULL;
		h ^= h >> 31;
	}
	for (w = 0, i = 0; i < n; i++)
		w |= (uint64_t)p[i] << (8 * i);
	h = (h ^ w) * 0x94D049BB133111EBULL;
	h ^= h >> 29;
	h *= 0xBF58476D1CE4E5B9ULL;
	h ^= h >> 32;
	return h;
}

int
main(void)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	unsigned char buf[64 + 8];
	size_t n, off, i;
	uint64_t x = 88172645463325252ULL;

	for (i = 0; i < sizeof(buf); i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		buf[i] = (unsigned char)x;
	}
	for (n = 0; n <= 64; n++)
		for (off = 0; off < 8; off++)
			check(lede_hash(buf + off, n) == ref_hash(buf + off, n),
			    "length %zu at offset %zu", n, off);
	/* values that must not move: the postag model's checksum uses them */
	check(lede_hash("", 0) == 0x0a3f46e79293b578ULL, "empty");
	check(lede_hash("a", 1) == 0x9475e7b3c0f2a3f3ULL, "a");
	check(lede_hash("lede", 4) == 0x4ae27e057e79b4ceULL, "lede");
	check(lede_hash("Reuters", 7) == 0x6b16bd459af753efULL, "Reuters");
	check(lede_hash("tidal power station", 19) == 0x9e4356e9064e9730ULL,
	    "tidal power station");
#endif
	return check_done();
}
