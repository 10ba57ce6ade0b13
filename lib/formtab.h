/* See LICENSE file for copyright and license details. */
#ifndef LEDE_FORMTAB_H
#define LEDE_FORMTAB_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

/*
 * A cache of word forms for the per-token loops of keywords and summarize:
 * a hash table whose entries hold what a token needs (the key bytes of
 * short forms too), so that a token costs one or two cache misses, and a
 * batch of look-ups can have its slots fetched ahead (lede_ft_prefetch).
 * The values are the caller's: v[] and flags, zero in a new entry, and a
 * remembered STEM value (col, cs, cslen) for lede_ft_colstem.
 */
#define LEDE_FT_INLINE 16

typedef struct {
	uint32_t len;
	int32_t v[3];		/* the caller's */
	int32_t col;		/* stem id last given by a STEM column, -1 */
	uint32_t cslen;		/* its bytes: cs[0..cslen) */
	const char *cs;
	size_t off;		/* key bytes in the table when len > LEDE_FT_INLINE */
	uint16_t flags;		/* the caller's */
	char k[LEDE_FT_INLINE];
} LedeFtEnt;

typedef struct LedeFt LedeFt;

LedeFt *lede_ft_new(void);
void lede_ft_free(LedeFt *t);
/* Forget every form. */
void lede_ft_clear(LedeFt *t);
size_t lede_ft_size(const LedeFt *t);
/*
 * Hash of a form (lede_hash).  Hints for a batch: fetch the slot of each
 * hash first (lede_ft_prefetch), then, when they have come, the entries
 * (lede_ft_prefetch_entry reads the slot), then look the forms up.
 */
uint64_t lede_ft_hash(const char *s, size_t n);
void lede_ft_prefetch(const LedeFt *t, uint64_t h);
void lede_ft_prefetch_entry(const LedeFt *t, uint64_t h);
/*
 * The entry of s[0..n) of hash h; *added is set when it is new (its
 * values zero, col -1).  The pointer is valid until the next call.
 */
LedeFtEnt *lede_ft_get(LedeFt *t, const char *s, size_t n, uint64_t h,
    int *added);
/* Entry i (0 .. size - 1), in the order they were added. */
LedeFtEnt *lede_ft_ent(LedeFt *t, size_t i);

#endif
