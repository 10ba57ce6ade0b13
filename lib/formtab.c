/* See LICENSE file for copyright and license details. */
#include <stdlib.h>
#include <string.h>

#include "formtab.h"
#include "util.h"

typedef struct {
	uint32_t hash, id;	/* id + 1; 0 = empty */
} Slot;

struct LedeFt {
	LedeFtEnt *e;
	size_t n, cap;
	Slot *slot;
	size_t nslot;
	LedeBuf keys;		/* bytes of the long forms */
};

LedeFt *
lede_ft_new(void)
{
	return ecalloc(1, sizeof(LedeFt));
}

void
lede_ft_free(LedeFt *t)
{
	if (!t)
		return;
	free(t->e);
	free(t->slot);
	lede_buf_free(&t->keys);
	free(t);
}

void
lede_ft_clear(LedeFt *t)
{
	t->n = 0;
	lede_buf_clear(&t->keys);
	if (t->slot)
		memset(t->slot, 0, t->nslot * sizeof(*t->slot));
}

size_t
lede_ft_size(const LedeFt *t)
{
	return t->n;
}

uint64_t
lede_ft_hash(const char *s, size_t n)
{
	return lede_hash(s, n);
}

void
lede_ft_prefetch(const LedeFt *t, uint64_t h)
{
	if (t->slot)
		LEDE_PREFETCH(&t->slot[(size_t)h & (t->nslot - 1)]);
}

void
lede_ft_prefetch_entry(const LedeFt *t, uint64_t h)
{
	if (t->slot) {
		const Slot *s = &t->slot[(size_t)h & (t->nslot - 1)];

		if (s->id)
			LEDE_PREFETCH(&t->e[s->id - 1]);
	}
}

static const char *
key(const LedeFt *t, const LedeFtEnt *e)
{
	return e->len > LEDE_FT_INLINE ? t->keys.p + e->off : e->k;
}

static void
rehash(LedeFt *t)
{
	size_t i, j, mask;

	free(t->slot);
	t->nslot = t->nslot ? t->nslot * 2 : 16384;
	t->slot = ecalloc(t->nslot, sizeof(*t->slot));
	mask = t->nslot - 1;
	for (i = 0; i < t->n; i++) {
		uint64_t h = lede_hash(key(t, &t->e[i]), t->e[i].len);

		for (j = (size_t)h & mask; t->slot[j].id; j = (j + 1) & mask)
			;
		t->slot[j].hash = (uint32_t)(h >> 32);
		t->slot[j].id = (uint32_t)i + 1;
	}
}

LedeFtEnt *
lede_ft_get(LedeFt *t, const char *s, size_t n, uint64_t h, int *added)
{
	uint32_t hi = (uint32_t)(h >> 32);
	size_t mask, i;
	LedeFtEnt *e;

	if (!t->slot)
		rehash(t);
	mask = t->nslot - 1;
	for (i = (size_t)h & mask; t->slot[i].id; i = (i + 1) & mask) {
		if (t->slot[i].hash != hi)
			continue;
		e = &t->e[t->slot[i].id - 1];
		if (e->len == n && !memcmp(key(t, e), s, n)) {
			*added = 0;
			return e;
		}
	}
	if (n > UINT32_MAX || t->n >= UINT32_MAX - 1)
		eprintf("out of memory (too many or too long forms)");
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 8192;
		t->e = ereallocarray(t->e, t->cap, sizeof(*t->e));
	}
	e = &t->e[t->n];
	memset(e, 0, sizeof(*e));
	e->len = (uint32_t)n;
	e->col = -1;
	if (n > LEDE_FT_INLINE) {
		e->off = t->keys.len;
		lede_buf_add(&t->keys, s, n);
	} else {
		memcpy(e->k, s, n);
	}
	t->slot[i].hash = hi;
	t->slot[i].id = (uint32_t)++t->n;
	if (t->n * 2 > t->nslot)
		rehash(t);
	*added = 1;
	return &t->e[t->n - 1];
}

LedeFtEnt *
lede_ft_ent(LedeFt *t, size_t i)
{
	return &t->e[i];
}
