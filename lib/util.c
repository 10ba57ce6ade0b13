/* See LICENSE file for copyright and license details. */
#ifdef __linux__
#define _GNU_SOURCE	/* F_SETPIPE_SZ */
#endif
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

const char *argv0 = "lede";

/*
 * The line is made whole and written at once: standard error is
 * unbuffered, and written piece by piece the messages of the tools that
 * share it (a pipeline, lede's chains, a batch job's log) ran into each
 * other, one tool's name before another's message.
 */
void
vweprintf(const char *fmt, va_list ap)
{
	char small[4096], *p = small;
	const char *why = NULL;
	int saved = errno, m;
	size_t n = strlen(fmt), len, need;
	va_list aq;

	if (n && fmt[n - 1] == ':')
		why = strerror(saved);
	fflush(stdout);
	va_copy(aq, ap);
	m = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (m < 0)
		m = 0;
	/* "argv0: message why\n" and the NUL of the last sprintf */
	need = strlen(argv0) + 2 + (size_t)m + (why ? 1 + strlen(why) : 0) + 2;
	if (need > sizeof(small) && !(p = malloc(need))) {
		p = small;	/* no memory: the message is cut */
		why = NULL;
		m = (int)(sizeof(small) / 2);
	}
	snprintf(p, sizeof(small) / 2, "%s: ", argv0);
	len = strlen(p);
	vsnprintf(p + len, (size_t)m + 1, fmt, ap);
	len += strlen(p + len);
	if (why)
		len += (size_t)sprintf(p + len, " %s", why);
	p[len++] = '\n';
	fwrite(p, 1, len, stderr);
	if (p != small)
		free(p);
	errno = saved;
}

void
weprintf(const char *fmt, ...)
{
	va_list ap;
	int saved = errno;

	va_start(ap, fmt);
	errno = saved;
	vweprintf(fmt, ap);
	va_end(ap);
}

void
lede_lineerr(char *err, size_t errlen, unsigned long line, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (!errlen)
		return;
	n = snprintf(err, errlen, "%lu: ", line);
	if (n < 0 || (size_t)n >= errlen)
		return;
	va_start(ap, fmt);
	vsnprintf(err + n, errlen - (size_t)n, fmt, ap);
	va_end(ap);
}

_Noreturn void
eprintf(const char *fmt, ...)
{
	va_list ap;
	int saved = errno;

	va_start(ap, fmt);
	errno = saved;
	vweprintf(fmt, ap);
	va_end(ap);
	exit(LEDE_EXIT_ERR);
}

_Noreturn void
uprintf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vweprintf(fmt, ap);
	va_end(ap);
	fprintf(stderr, "Try '%s --help' for more information.\n", argv0);
	exit(LEDE_EXIT_USAGE);
}

void *
emalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		eprintf("out of memory (%zu bytes)", n);
	return p;
}

void *
ecalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		eprintf("out of memory (%zu x %zu bytes)", n, size);
	return p;
}

void *
erealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		eprintf("out of memory (%zu bytes)", n);
	return p;
}

void *
ereallocarray(void *p, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		eprintf("out of memory (%zu x %zu bytes overflows)", n, size);
	return erealloc(p, n * size);
}

char *
estrdup(const char *s)
{
	return estrndup(s, strlen(s));
}

char *
estrndup(const char *s, size_t n)
{
	char *p = emalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

int
fshut(FILE *fp, const char *name)
{
	int ret = 0;

	/* fflush before ferror: the error may only appear when flushing */
	if (fflush(fp) == EOF || ferror(fp)) {
		weprintf("%s: write error:", name);
		ret = 1;
	}
	if (fp == stdin || fp == stdout || fp == stderr) {
		clearerr(fp);
		return ret;
	}
	if (fclose(fp) == EOF && !ret) {
		weprintf("%s: close error:", name);
		ret = 1;
	}
	return ret;
}

/*
 * A chain of filters moves each byte through every pipe between them: pipes
 * of 1 MB instead of Linux's 64 kB let each stage run longer between
 * context switches.  Best effort: the size is a hint, and a failure (an
 * older kernel, /proc/sys/fs/pipe-max-size set lower) changes nothing.
 */
static void
bigpipe(int fd)
{
#ifdef F_SETPIPE_SZ
	struct stat st;

	if (fstat(fd, &st) == 0 && S_ISFIFO(st.st_mode) &&
	    fcntl(fd, F_GETPIPE_SZ) < (1 << 20))
		(void)fcntl(fd, F_SETPIPE_SZ, 1 << 20);
#else
	(void)fd;
#endif
}

void
lede_init(const char *name)
{
	static char outbuf[1 << 16];
	const char *slash;

	slash = name ? strrchr(name, '/') : NULL;
	argv0 = slash ? slash + 1 : (name ? name : "lede");
	/* numbers are read and written in the "C" locale, whatever LANG says */
	setlocale(LC_ALL, "C");
	signal(SIGPIPE, SIG_DFL);
	setvbuf(stdout, outbuf, _IOFBF, sizeof(outbuf));
	bigpipe(0);
	bigpipe(1);
}

void
lede_badopt(int c, char **argv)
{
	extern int optind, optopt;
	const char *arg = optind > 0 ? argv[optind - 1] : "?";
	const char *eq = strchr(arg, '='), *next = argv[optind];

	if (c == ':')
		uprintf("option '%s' needs an argument", arg);
	/* a known long option that takes none, given one (--corpus=1); not
	 * a bad letter inside a cluster of short options after it */
	if (optopt && !strncmp(arg, "--", 2) && eq && !(next && next[0] == '-' &&
	    next[1] && next[1] != '-' && optopt < 256 && strchr(next + 1, optopt)))
		uprintf("option '%.*s' takes no argument", (int)(eq - arg), arg);
	if (optopt)
		uprintf("unknown option '-%c'", optopt);
	uprintf("unknown option '%s'", arg);
}

void
lede_knob_set(void *base, const LedeKnob *k, size_t n, const char *arg)
{
	const char *eq = strchr(arg, '=');
	size_t i, len = eq ? (size_t)(eq - arg) : 0;
	double v;

	for (i = 0; i < n; i++)
		if (strlen(k[i].name) == len && !strncmp(arg, k[i].name, len))
			break;
	if (!eq || i == n)
		uprintf("--param: expected NAME=VALUE with a NAME of %s(1)", argv0);
	if (lede_strtod(eq + 1, k[i].min, k[i].max, &v) < 0)
		uprintf("--param %s: expected a number in [%g, %g]", k[i].name,
		    k[i].min, k[i].max);
	if (k[i].isint)
		*(int *)(void *)((char *)base + k[i].off) = (int)v;
	else
		*(double *)(void *)((char *)base + k[i].off) = v;
}

void
lede_version(void)
{
	printf("%s (lede) %s\n", argv0, VERSION);
	exit(fshut(stdout, "<stdout>") ? LEDE_EXIT_ERR : LEDE_EXIT_OK);
}

int
lede_strtol(const char *s, long min, long max, long *out)
{
	char *end;
	long v;

	if (!s || !*s)
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || *end || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

int
lede_strtod(const char *s, double min, double max, double *out)
{
	char *end;
	double v;

	if (!s || !*s)
		return -1;
	errno = 0;
	v = strtod(s, &end);
	if (errno || *end || !isfinite(v) || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

void
lede_buf_grow(LedeBuf *b, size_t extra)
{
	size_t need;

	if (extra > SIZE_MAX - b->len - 1)
		eprintf("out of memory (buffer overflows)");
	need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	if (b->cap < 64)
		b->cap = 64;
	while (b->cap < need)
		b->cap = b->cap > SIZE_MAX / 2 ? need : b->cap * 2;
	b->p = erealloc(b->p, b->cap);
}

void
lede_buf_add_grow(LedeBuf *b, const void *s, size_t n)
{
	lede_buf_grow(b, n);
	if (n)
		memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void
lede_buf_adds(LedeBuf *b, const char *s)
{
	lede_buf_add(b, s, strlen(s));
}

void
lede_buf_addc_grow(LedeBuf *b, int c)
{
	lede_buf_grow(b, 1);
	b->p[b->len++] = (char)c;
	b->p[b->len] = '\0';
}

void
lede_buf_printf(LedeBuf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	lede_buf_grow(b, 64);
	va_start(ap, fmt);
	n = vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
	va_end(ap);
	if (n < 0)
		eprintf("vsnprintf failed");
	if ((size_t)n >= b->cap - b->len) {
		lede_buf_grow(b, (size_t)n);
		va_start(ap, fmt);
		vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
		va_end(ap);
	}
	b->len += (size_t)n;
}

void
lede_buf_free(LedeBuf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}

uint64_t
lede_fnv1a(uint64_t h, const void *s, size_t n)
{
	const unsigned char *p = s;

	while (n-- > 0)
		h = (h ^ *p++) * 0x100000001B3ULL;
	return h;
}

uint64_t
lede_hash(const void *s, size_t n)
{
	const unsigned char *p = s;
	uint64_t h = 0x9E3779B97F4A7C15ULL ^ (n * 0xC2B2AE3D27D4EB4FULL), w;

	/* eight bytes a step, then the tail; mixed as in splitmix64 */
	while (n >= 8) {
		memcpy(&w, p, 8);
		h = (h ^ w) * 0xBF58476D1CE4E5B9ULL;
		h ^= h >> 31;
		p += 8;
		n -= 8;
	}
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	/*
	 * The tail as the copy below makes it, from two loads that overlap:
	 * the copy's stores and the whole-word load after them stalled.
	 */
	if (n >= 4) {
		uint32_t lo, hi;

		memcpy(&lo, p, 4);
		memcpy(&hi, p + n - 4, 4);
		w = lo | (uint64_t)hi << (8 * (n - 4));
	} else if (n >= 2) {
		uint16_t lo, hi;

		memcpy(&lo, p, 2);
		memcpy(&hi, p + n - 2, 2);
		w = lo | (uint64_t)hi << (8 * (n - 2));
	} else {
		w = n ? p[0] : 0;
	}
#else
	w = 0;
	memcpy(&w, p, n);
#endif
	h = (h ^ w) * 0x94D049BB133111EBULL;
	h ^= h >> 29;
	h *= 0xBF58476D1CE4E5B9ULL;
	h ^= h >> 32;
	return h;
}

/*
 * Open addressing with linear probing.  A slot holds the key's hash and id,
 * so a probe touches the key bytes only when the hashes match; keys live
 * end to end in one buffer.
 */
typedef struct {
	uint32_t hash;		/* the high half of the key's hash */
	uint32_t id;		/* id + 1; 0 = empty */
} DictSlot;

/* Keys are copied into chunks that never move, so key pointers stay valid. */
typedef struct DictChunk {
	struct DictChunk *next;
	size_t used, size;
	char data[];
} DictChunk;

struct LedeDict {
	DictSlot *slots;
	size_t nslots;		/* power of two */
	const char **key;	/* key i, NUL-terminated, length len[i] */
	size_t *len;
	uint64_t *hash;		/* full hashes, for rehashing */
	size_t n, cap;
	DictChunk *chunks;
};

static const char *
dict_copy(LedeDict *d, const char *key, size_t n)
{
	DictChunk *c = d->chunks;
	char *p;

	if (!c || c->size - c->used < n + 1) {
		size_t size = n + 1 > 65536 ? n + 1 : 65536;

		c = emalloc(sizeof(*c) + size);
		c->size = size;
		c->used = 0;
		c->next = d->chunks;
		d->chunks = c;
	}
	p = c->data + c->used;
	memcpy(p, key, n);
	p[n] = '\0';
	c->used += n + 1;
	return p;
}

static DictSlot *
dict_slots(size_t n)
{
	DictSlot *s = ereallocarray(NULL, n, sizeof(*s));
	size_t i;

	for (i = 0; i < n; i++)
		s[i].id = 0;
	return s;
}

LedeDict *
lede_dict_new(void)
{
	LedeDict *d = ecalloc(1, sizeof(*d));

	d->nslots = 64;
	d->slots = dict_slots(d->nslots);
	return d;
}

void
lede_dict_free(LedeDict *d)
{
	if (!d)
		return;
	DictChunk *c, *next;

	free(d->key);
	free(d->len);
	free(d->hash);
	free(d->slots);
	for (c = d->chunks; c; c = next) {
		next = c->next;
		free(c);
	}
	free(d);
}

static size_t
dict_find(const LedeDict *d, const char *key, size_t n, uint64_t h)
{
	size_t mask = d->nslots - 1, i = (size_t)h & mask;
	uint32_t hi = (uint32_t)(h >> 32);
	const DictSlot *s;

	for (;; i = (i + 1) & mask) {
		s = &d->slots[i];
		if (!s->id)
			return i;
		if (s->hash == hi && d->len[s->id - 1] == n &&
		    !memcmp(d->key[s->id - 1], key, n))
			return i;
	}
}

long
lede_dict_get(const LedeDict *d, const char *key, size_t n)
{
	return (long)d->slots[dict_find(d, key, n, lede_hash(key, n))].id - 1;
}

static void
dict_rehash(LedeDict *d)
{
	DictSlot *old = d->slots;
	size_t i, j, mask, oldn = d->nslots;

	d->nslots *= 2;
	d->slots = dict_slots(d->nslots);
	mask = d->nslots - 1;
	for (i = 0; i < oldn; i++) {
		if (!old[i].id)
			continue;
		for (j = (size_t)d->hash[old[i].id - 1] & mask; d->slots[j].id; j = (j + 1) & mask)
			;
		d->slots[j] = old[i];
	}
	free(old);
}

long
lede_dict_put(LedeDict *d, const char *key, size_t n, int *added)
{
	uint64_t h = lede_hash(key, n);
	size_t i = dict_find(d, key, n, h);

	if (d->slots[i].id) {
		if (added)
			*added = 0;
		return (long)d->slots[i].id - 1;
	}
	if (d->n >= UINT32_MAX - 1)
		eprintf("out of memory (more than %lu dictionary keys)", (unsigned long)UINT32_MAX - 1);
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 64;
		d->key = ereallocarray(d->key, d->cap, sizeof(*d->key));
		d->len = ereallocarray(d->len, d->cap, sizeof(*d->len));
		d->hash = ereallocarray(d->hash, d->cap, sizeof(*d->hash));
	}
	d->hash[d->n] = h;
	d->key[d->n] = dict_copy(d, key, n);
	d->len[d->n] = n;
	d->slots[i].hash = (uint32_t)(h >> 32);
	d->slots[i].id = (uint32_t)d->n + 1;
	d->n++;
	if (d->n * 2 > d->nslots)
		dict_rehash(d);
	if (added)
		*added = 1;
	return (long)d->n - 1;
}

size_t
lede_dict_size(const LedeDict *d)
{
	return d->n;
}

const char *
lede_dict_key(const LedeDict *d, long id, size_t *n)
{
	if (id < 0 || (size_t)id >= d->n)
		return NULL;
	if (n)
		*n = d->len[id];
	return d->key[id];
}

static int
exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

static char *
joinpath(const char *dir, const char *rel)
{
	LedeBuf b = {0};

	lede_buf_adds(&b, dir);
	if (b.len && b.p[b.len - 1] != '/')
		lede_buf_addc(&b, '/');
	lede_buf_adds(&b, rel);
	return b.p;
}

const char *
lede_datahint(void)
{
	static char hint[PATH_MAX + 32];
	const char *env = getenv("LEDE_DATA");

	if (!env || !*env)
		return "set LEDE_DATA";
	snprintf(hint, sizeof(hint), "not in LEDE_DATA=%s", env);
	return hint;
}

char *
lede_datapath(const char *rel)
{
	char exe[PATH_MAX], *p, *slash;
	const char *env;
	ssize_t n;
	const char *cands[2] = {"/../share/lede", "/.."};
	size_t i;

	if ((env = getenv("LEDE_DATA")) && *env)
		return exists(p = joinpath(env, rel)) ? p : (free(p), NULL);
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')))
			*slash = '\0';
		for (i = 0; i < LEDE_LEN(cands); i++) {
			LedeBuf b = {0};

			lede_buf_adds(&b, exe);
			lede_buf_adds(&b, cands[i]);
			p = joinpath(b.p, rel);
			lede_buf_free(&b);
			if (exists(p))
				return p;
			free(p);
		}
	}
	if (exists(p = joinpath(DATADIR, rel)))
		return p;
	free(p);
	return NULL;
}
