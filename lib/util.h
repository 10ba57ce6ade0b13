/* See LICENSE file for copyright and license details. */
#ifndef LEDE_UTIL_H
#define LEDE_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * The bottom layer: error reporting for tools, allocation that never
 * returns NULL, growable byte buffers, hashing and number parsing.
 *
 * Exit statuses are a contract shared by every tool:
 *   0  success
 *   1  data or runtime error (bad input, I/O error, missing model)
 *   2  usage error (unknown option, bad option argument)
 */
enum {
	LEDE_EXIT_OK = 0,
	LEDE_EXIT_ERR = 1,
	LEDE_EXIT_USAGE = 2,
};

/* Name the tool uses in messages; set it first thing in main(). */
extern const char *argv0;

/*
 * eprintf prints "argv0: message" to stderr and exits 1; weprintf prints
 * the same and returns.  A format ending in ':' appends strerror(errno).
 * uprintf is for usage errors: it prints and exits 2.
 */
#if defined(__GNUC__) || defined(__clang__)
#define LEDE_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define LEDE_PRINTF(f, a)
#endif
_Noreturn void eprintf(const char *fmt, ...) LEDE_PRINTF(1, 2);
void weprintf(const char *fmt, ...) LEDE_PRINTF(1, 2);
_Noreturn void uprintf(const char *fmt, ...) LEDE_PRINTF(1, 2);
void vweprintf(const char *fmt, va_list ap);

/*
 * The message of a table loader's error: "LINE: " and the formatted text
 * into err[0..errlen), cut to fit (nothing when errlen is 0).
 */
void lede_lineerr(char *err, size_t errlen, unsigned long line,
    const char *fmt, ...) LEDE_PRINTF(4, 5);

/* Allocation that exits with status 1 and a message when memory runs out. */
void *emalloc(size_t n);
void *ecalloc(size_t n, size_t size);
void *erealloc(void *p, size_t n);
/* erealloc for arrays: checks n * size for overflow. */
void *ereallocarray(void *p, size_t n, size_t size);
char *estrdup(const char *s);
char *estrndup(const char *s, size_t n);

/*
 * fshut flushes and closes fp (unless it is stdin/stdout/stderr, which are
 * only flushed) and reports a write error as "argv0: name: reason".
 * Returns 0 on success, 1 on error.  Tools call it on stdout before exit so
 * that a full disk is an error and not a silent truncation.
 */
int fshut(FILE *fp, const char *name);

/*
 * Called once in main() of every filter: standard streams in binary-safe
 * fully buffered mode, SIGPIPE left at its default so that `tool | head`
 * ends quietly.
 */
void lede_init(const char *name);

/*
 * The usage error for getopt_long's return c of '?' or ':' (use an
 * optstring that starts with ':' and set opterr = 0): names the option and
 * exits 2.
 */
void lede_badopt(int c, char **argv);

/* Print "argv0 VERSION" to stdout and exit 0. */
void lede_version(void);

/*
 * Parse a whole decimal integer in [min, max].  Returns 0 and sets *out,
 * or -1 when s is empty, not a number, has trailing junk or is out of range.
 */
int lede_strtol(const char *s, long min, long max, long *out);
/* Same for a finite double in [min, max], in the "C" locale's syntax. */
int lede_strtod(const char *s, double min, double max, double *out);

/*
 * A numeric knob of a parameter struct, for `--param NAME=VALUE`: its name,
 * its range, where it is (offsetof) and whether it is an int or a double.
 */
typedef struct {
	const char *name;
	double min, max;
	size_t off;
	int isint;
} LedeKnob;

/*
 * Set the knob that arg ("NAME=VALUE") names in the struct at base, from
 * the n knobs of k.  Exits with a usage error (naming argv0's man page)
 * when the name is unknown or the value not a number in range.
 */
void lede_knob_set(void *base, const LedeKnob *k, size_t n, const char *arg);

/*
 * A growable byte buffer.  p is always NUL-terminated when cap > 0.
 * Zero-initialise ({0}) before use; lede_buf_free releases it.
 */
typedef struct {
	char *p;
	size_t len;
	size_t cap;
} LedeBuf;

void lede_buf_grow(LedeBuf *b, size_t extra);
/* lede_buf_add and lede_buf_addc when the buffer must grow first. */
void lede_buf_add_grow(LedeBuf *b, const void *s, size_t n);
void lede_buf_addc_grow(LedeBuf *b, int c);
/*
 * Append n bytes (or one byte c).  Inline: when the room is there (n
 * bytes and the NUL after them), a copy and no call.
 */
static inline void
lede_buf_add(LedeBuf *b, const void *s, size_t n)
{
	if (n < b->cap - b->len) {	/* cap 0: len 0, never */
		if (n)
			memcpy(b->p + b->len, s, n);
		b->len += n;
		b->p[b->len] = '\0';
	} else
		lede_buf_add_grow(b, s, n);
}
static inline void
lede_buf_addc(LedeBuf *b, int c)
{
	if (b->cap - b->len > 1) {
		b->p[b->len++] = (char)c;
		b->p[b->len] = '\0';
	} else
		lede_buf_addc_grow(b, c);
}
void lede_buf_adds(LedeBuf *b, const char *s);
void lede_buf_printf(LedeBuf *b, const char *fmt, ...);
static inline void
lede_buf_clear(LedeBuf *b)
{
	b->len = 0;
	if (b->cap)
		b->p[0] = '\0';
}
void lede_buf_free(LedeBuf *b);

/* 64-bit hash of n bytes (FNV-1a mixed with a final avalanche). */
uint64_t lede_hash(const void *s, size_t n);

/*
 * Plain 64-bit FNV-1a of n bytes, continuing from h (LEDE_FNV_INIT to
 * start): a byte at a time, so the same on every machine, for identities
 * written into files (the df table and data a keywords partial was made
 * with).  Slower than lede_hash; not for hash tables.
 */
#define LEDE_FNV_INIT 0xCBF29CE484222325ULL
uint64_t lede_fnv1a(uint64_t h, const void *s, size_t n);

/*
 * A string-interning table: maps byte strings to dense ids 0, 1, 2, ...
 * in insertion order.  Keys are copied.  Used for caches keyed by word
 * type and for feature dictionaries.
 */
typedef struct LedeDict LedeDict;

LedeDict *lede_dict_new(void);
void lede_dict_free(LedeDict *d);
/* Id of key, or -1 when absent. */
long lede_dict_get(const LedeDict *d, const char *key, size_t n);
/* Id of key, adding it when absent; *added (may be NULL) tells which. */
long lede_dict_put(LedeDict *d, const char *key, size_t n, int *added);
size_t lede_dict_size(const LedeDict *d);
/*
 * The key of id (NUL-terminated, owned by the dict; the pointer stays valid
 * until the dict is freed); *n gets its length.
 */
const char *lede_dict_key(const LedeDict *d, long id, size_t *n);

/*
 * Locate a file of the shipped data (e.g. "models/ner-en.model").  Order:
 * $LEDE_DATA; the installed layout beside the executable
 * (BINDIR/../share/lede); the source tree the executable was built in
 * (bin/..); the compiled-in DATADIR.  Returns a malloc'd path of the
 * first that exists, or NULL (then the caller reports what it looked for).
 */
char *lede_datapath(const char *rel);
/*
 * What to say of a data file lede_datapath did not find: "set LEDE_DATA",
 * or "not in LEDE_DATA=DIR" when it is set (valid until the next call).
 */
const char *lede_datahint(void);

/*
 * qsort that accepts an empty array (qsort's base must not be NULL, even
 * for n == 0, which a never-grown array is).
 */
static inline void
lede_sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(base, n, size, cmp);
}

/* Byte order of a[0..na) and b[0..nb); a proper prefix comes first. */
static inline int
lede_bytecmp(const void *a, size_t na, const void *b, size_t nb)
{
	int r = memcmp(a, b, na < nb ? na : nb);

	return r ? r : (na > nb) - (na < nb);
}

#define LEDE_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* A hint to load the cache line of p: look-ups whose misses overlap. */
#if defined(__GNUC__)
#define LEDE_PREFETCH(p) __builtin_prefetch(p)
#else
#define LEDE_PREFETCH(p) ((void)(p))
#endif

#endif
