/* See LICENSE file for copyright and license details. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "io.h"
#include "stream.h"
#include "text.h"

#define HEADER "# global.columns ="
/*
 * An arena's chunks grow from ARENA_FIRST to ARENA_CHUNK bytes, each twice
 * the last: the sentences of a document read whole each keep an arena of
 * their own (for the comments a tool adds, or the strings of the sentence
 * that opens the next document), and a first chunk of 64 KiB for a
 * sentence of 1 KiB made such a document take about ten times the memory
 * of its stream.
 */
#define ARENA_FIRST ((size_t)1 << 11)
#define ARENA_CHUNK ((size_t)1 << 16)

struct LedeArenaChunk {
	LedeArenaChunk *next;
	size_t used, size;
	max_align_t data[];
};

void *
lede_arena_alloc(LedeArena *a, size_t n)
{
	LedeArenaChunk *c;
	void *p;

	n = (n + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
	for (c = a->cur; c; c = c->next) {
		if (c->size - c->used >= n)
			break;
	}
	if (!c) {
		size_t size = a->next ? a->next : ARENA_FIRST;

		a->next = size < ARENA_CHUNK ? size * 2 : ARENA_CHUNK;
		if (size < n)
			size = n;

		c = emalloc(sizeof(*c) + size);
		c->size = size;
		c->used = 0;
		c->next = NULL;
		if (a->cur) {
			/* append after cur, keeping any later chunks for reuse */
			c->next = a->cur->next;
			a->cur->next = c;
		} else {
			c->next = a->head;
			a->head = c;
		}
	}
	a->cur = c;
	p = (char *)c->data + c->used;
	c->used += n;
	return p;
}

char *
lede_arena_strndup(LedeArena *a, const char *s, size_t n)
{
	char *p = lede_arena_alloc(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void
lede_arena_reset(LedeArena *a)
{
	LedeArenaChunk *c;

	for (c = a->head; c; c = c->next)
		c->used = 0;
	a->cur = a->head;
}

void
lede_arena_free(LedeArena *a)
{
	LedeArenaChunk *c, *next;

	for (c = a->head; c; c = next) {
		next = c->next;
		free(c);
	}
	a->head = a->cur = NULL;
	a->next = 0;
}

static void
sent_reset(LedeSent *s)
{
	lede_arena_reset(&s->arena);
	s->ncomment = 0;
	s->ntok = 0;
	s->newdoc = NULL;
	s->line = 0;
	s->rowline = 0;
}

void
lede_sent_free(LedeSent *s)
{
	free(s->comment);
	free(s->field);
	free(s->flen);
	lede_arena_free(&s->arena);
	memset(s, 0, sizeof(*s));
}

static void
add_comment(LedeSent *s, char *line)
{
	if (s->ncomment == s->ccomment) {
		s->ccomment = s->ccomment ? s->ccomment * 2 : 8;
		s->comment = ereallocarray(s->comment, s->ccomment, sizeof(*s->comment));
	}
	s->comment[s->ncomment++] = line;
}

/* Value of "# key = value" in line, or NULL. */
static const char *
comment_value(const char *line, const char *key, size_t keylen)
{
	const char *p = line;

	if (p[0] != '#')
		return NULL;
	for (p++; *p == ' '; p++)
		;
	/* the first byte first: a call to strncmp for each comment line */
	if ((keylen > 0 && *p != key[0]) || strncmp(p, key, keylen))
		return NULL;
	p += keylen;
	while (*p == ' ')
		p++;
	if (*p != '=')
		return NULL;
	for (p++; *p == ' '; p++)
		;
	return p;
}

const char *
lede_sent_meta(const LedeSent *s, const char *key, size_t *len)
{
	size_t i, keylen = strlen(key);
	const char *v;

	for (i = 0; i < s->ncomment; i++) {
		if ((v = comment_value(s->comment[i], key, keylen))) {
			if (len)
				*len = strlen(v);
			return v;
		}
	}
	return NULL;
}

unsigned long
lede_sent_meta_line(const LedeSent *s, const char *key)
{
	size_t i, keylen = strlen(key);

	for (i = 0; i < s->ncomment; i++)
		if (comment_value(s->comment[i], key, keylen))
			return s->rowline ? s->rowline - (s->ncomment - i) : s->line + i;
	return s->line;
}

int
lede_sent_newpar(const LedeSent *s)
{
	size_t i;
	const char *c;

	/* "# newpar" or "# newpar id = P", not "# newparX" */
	for (i = 0; i < s->ncomment; i++)
		if ((c = s->comment[i])[1] == ' ' && c[2] == 'n' &&
		    !strncmp(c, "# newpar", 8) &&
		    (c[8] == '\0' || c[8] == ' ' || c[8] == '='))
			return 1;
	return 0;
}

const char *
lede_sent_text(const LedeSent *s, int formcol, LedeBuf *b, size_t *len)
{
	const char *text;
	size_t i;

	/* an empty "# text =" holds none: the words are not lost */
	if ((text = lede_sent_meta(s, "text", len)) && *len > 0)
		return text;
	lede_buf_clear(b);
	for (i = 0; i < s->ntok; i++) {
		if (i)
			lede_buf_addc(b, ' ');
		lede_buf_adds(b, lede_field(s, i, formcol));
	}
	*len = b->len;
	return b->p ? b->p : "";
}

void
lede_sent_setmeta(LedeSent *s, const char *key, const char *value)
{
	size_t i, j, keylen = strlen(key), n;
	char *line;
	int set = 0;

	n = 2 + keylen + 3 + strlen(value);
	line = lede_arena_alloc(&s->arena, n + 1);
	snprintf(line, n + 1, "# %s = %s", key, value);
	/* the first comment with the key gets the value; the others go */
	for (i = j = 0; i < s->ncomment; i++) {
		if (comment_value(s->comment[i], key, keylen)) {
			if (set)
				continue;
			s->comment[i] = line;
			set = 1;
		}
		s->comment[j++] = s->comment[i];
	}
	s->ncomment = j;
	if (!set)
		add_comment(s, line);
}

struct LedeSchema {
	char **in;		/* input column names */
	int nin;
	char **out;		/* output names: input + appended tool columns */
	int nout;
	int *outidx;		/* tool column k -> output index */
	char *line;		/* the header line as read, to compare */
	const char *missing;	/* a required column it lacks, or NULL */
	int toowide;		/* the tool's columns would pass LEDE_COLS_MAX */
	int idcol, formcol;	/* the ID and FORM columns, or -1 */
	unsigned gen;
	struct LedeSchema *prev;	/* older schemas stay alive for held sentences */
};

struct LedeReader {
	FILE *given;		/* lede_reader_open_fp */
	const char *givenname;
	char **files;
	int nfiles, fileidx;
	FILE *fp;
	LedeLines *lines;
	const char *name;
	struct LedeSchema *schema;	/* current; NULL before the first header */
	const char **toolcols;
	int ntool;
	const char **required;
	int nrequired;
	unsigned gen;
	int have_schema;	/* this file has had its header */
	int skipping;		/* after an error: drop lines to the next document */
	int newfile;		/* the next block starts a new document */
	LedeBuf err;
	unsigned long ndocs, nsents;
	int pending;		/* lookahead of lede_read_doc */
	size_t *tabs, ctabs;	/* TAB offsets of the row being read */
	int errnewdoc;		/* the block of the last error opened a document */
	int errpending;		/* lede_read_doc owes the caller that error */
	int linenewdoc;		/* the line that failed was a "# newdoc" line */
	LedeBuf lineid;		/* the id that line gives */
	int errnodoc;		/* the last error is not a document's (a header, a file) */
	unsigned long headline;	/* line of this file's last header */
	unsigned long badhead;	/* line of a header of this file refused, or 0 */
	int headblocks;		/* blocks read since that header */
	LedeArena *into;	/* lede_read_doc: the arena of a block's strings */
};

LedeReader *
lede_reader_open(char **files, int nfiles)
{
	LedeReader *r = ecalloc(1, sizeof(*r));
	static char *stdin_name[] = {"-"};

	if (nfiles <= 0) {
		r->files = stdin_name;
		r->nfiles = 1;
	} else {
		r->files = files;
		r->nfiles = nfiles;
	}
	r->fileidx = -1;
	return r;
}

LedeReader *
lede_reader_open_fp(FILE *fp, const char *name)
{
	static char *given_name[] = {"<given>"};
	LedeReader *r = lede_reader_open(given_name, 1);

	r->given = fp;
	r->givenname = name;
	return r;
}

static void
free_names(char **names, int n)
{
	int i;

	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

static void
free_schemas(LedeReader *r)
{
	struct LedeSchema *sc, *prev;

	for (sc = r->schema; sc; sc = prev) {
		prev = sc->prev;
		free_names(sc->in, sc->nin);
		free(sc->out);
		free(sc->outidx);
		free(sc->line);
		free(sc);
	}
	r->schema = NULL;
}

static void
close_file(LedeReader *r)
{
	if (r->lines)
		lede_lines_free(r->lines);
	r->lines = NULL;
	if (r->fp && r->fp != stdin && r->fp != r->given)
		fclose(r->fp);
	r->fp = NULL;
}

void
lede_reader_free(LedeReader *r)
{
	if (!r)
		return;
	close_file(r);
	free_schemas(r);
	lede_buf_free(&r->err);
	lede_buf_free(&r->lineid);
	free(r->tabs);
	free(r);
}

void
lede_reader_outcols(LedeReader *r, const char **names, int n)
{
	r->toolcols = names;
	r->ntool = n;
}

void
lede_reader_require(LedeReader *r, const char **names, int n)
{
	r->required = names;
	r->nrequired = n;
}

const char *
lede_reader_error(const LedeReader *r)
{
	return r->err.p ? r->err.p : "no error";
}

static int
fail(LedeReader *r, unsigned long line, const char *fmt, ...)
{
	va_list ap;
	char msg[512];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	lede_buf_clear(&r->err);
	if (line)
		lede_buf_printf(&r->err, "%s:%lu: %s", r->name, line, msg);
	else
		lede_buf_printf(&r->err, "%s: %s", r->name, msg);
	r->skipping = 1;
	r->headblocks++;	/* a block under the header, if a damaged one */
	return -1;
}

/* A comment or row with no header in force (or only one refused above). */
static int
no_header(LedeReader *r, unsigned long line, const char *what)
{
	if (r->badhead)
		return fail(r, line, "no usable '# global.columns' header (the one "
		    "at line %lu was refused)", r->badhead);
	return fail(r, line, "no '# global.columns' header before the first %s "
	    "(not a token stream? run tokenize first)", what);
}

static int
schema_col(const struct LedeSchema *sc, const char *name)
{
	int i;

	if (!sc)
		return -1;
	for (i = 0; i < sc->nout; i++)
		if (!strcmp(sc->out[i], name))
			return i;
	return -1;
}

int
lede_reader_col(const LedeReader *r, const char *name)
{
	return schema_col(r->schema, name);
}

int
lede_sent_col(const LedeSent *s, const char *name)
{
	return schema_col(s->schema, name);
}

unsigned
lede_reader_gen(const LedeReader *r)
{
	return r->gen;
}

int
lede_reader_ncols(const LedeReader *r)
{
	return r->schema ? r->schema->nout : 0;
}

const char *
lede_reader_colname(const LedeReader *r, int col)
{
	return col >= 0 && col < lede_reader_ncols(r) ? r->schema->out[col] : NULL;
}

unsigned long
lede_reader_ndocs(const LedeReader *r)
{
	return r->ndocs;
}

unsigned long
lede_reader_nsents(const LedeReader *r)
{
	return r->nsents;
}

/* The tool that writes a column of the format (docs/FORMAT.md), or NULL. */
static const char *
col_writer(const char *col)
{
	static const char *w[][2] = {
		{"ID", "tokenize"}, {"FORM", "tokenize"}, {"START", "tokenize"},
		{"END", "tokenize"}, {"STEM", "stem"}, {"NER", "ner-tag"},
		{"SENT", "sentiment"},
	};
	size_t i;

	for (i = 0; i < LEDE_LEN(w); i++)
		if (!strcmp(col, w[i][0]))
			return w[i][1];
	return NULL;
}

/* Does each document under this header fail (fail_missing)? */
static int
schema_fails(const struct LedeSchema *sc)
{
	return sc->missing || sc->toowide;
}

/*
 * The error of a block (or a file) under a header that lacks a column,
 * or that names so many that the tool's own would pass the limit.
 */
static int
fail_missing(LedeReader *r, unsigned long line)
{
	const char *col = r->schema->missing, *w;
	char at[64] = "", run[64] = "";

	if (line != r->headline)
		snprintf(at, sizeof(at), " at line %lu", r->headline);
	if (r->schema->toowide)
		return fail(r, line, "the header%s names %d columns; with this "
		    "tool's there would be more than %d", at, r->schema->nin,
		    LEDE_COLS_MAX);
	if ((w = col_writer(col)))
		snprintf(run, sizeof(run), "; run %s first", w);
	return fail(r, line, "no %s column in the header%s%s", col, at, run);
}

/* Install the schema of a header line; 0 or -1 (message set). */
static int
set_schema(LedeReader *r, const char *line, unsigned long lineno)
{
	struct LedeSchema *sc;
	const char *p;
	char **names = NULL;
	int n = 0, i, j, k;

	p = line + strlen(HEADER);
	for (;;) {
		const char *start;

		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			break;
		start = p;
		while (*p && *p != ' ' && *p != '\t')
			p++;
		if (n == LEDE_COLS_MAX) {
			free_names(names, n);
			return fail(r, lineno, "header names more than %d columns",
			    LEDE_COLS_MAX);
		}
		names = ereallocarray(names, (size_t)n + 1, sizeof(*names));
		names[n++] = estrndup(start, (size_t)(p - start));
	}
	if (n == 0)
		return fail(r, lineno, "header names no columns");
	for (i = 0; i < n; i++) {
		for (j = 0; j < i; j++) {
			if (!strcmp(names[i], names[j])) {
				int rc = fail(r, lineno, "column %s named twice in header", names[i]);

				free_names(names, n);
				return rc;
			}
		}
	}
	sc = ecalloc(1, sizeof(*sc));
	/*
	 * A required column missing fails each document under the header
	 * (read_block), by its own id, rather than the header once and then
	 * every document as headerless.
	 */
	for (i = 0; i < r->nrequired && !sc->missing; i++) {
		for (j = 0; j < n && strcmp(names[j], r->required[i]); j++)
			;
		if (j == n)
			sc->missing = r->required[i];
	}
	sc->in = names;
	sc->nin = n;
	sc->idcol = sc->formcol = -1;
	for (i = 0; i < n; i++) {
		if (!strcmp(names[i], "ID"))
			sc->idcol = i;
		else if (!strcmp(names[i], "FORM"))
			sc->formcol = i;
	}
	sc->line = estrdup(line);
	sc->out = ecalloc((size_t)(n + r->ntool) + 1, sizeof(*sc->out));
	sc->outidx = ecalloc((size_t)r->ntool + 1, sizeof(*sc->outidx));
	for (i = 0; i < n; i++)
		sc->out[i] = names[i];
	sc->nout = n;
	for (k = 0; k < r->ntool; k++) {
		for (j = 0; j < n && strcmp(names[j], r->toolcols[k]); j++)
			;
		if (j == n) {
			j = sc->nout++;
			sc->out[j] = (char *)r->toolcols[k];
		}
		sc->outidx[k] = j;
	}
	if (sc->nout > LEDE_COLS_MAX)
		sc->toowide = 1;	/* each document fails (read_block) */
	sc->gen = ++r->gen;
	sc->prev = r->schema;
	r->schema = sc;
	r->have_schema = 1;
	return 0;
}

static int
is_header(const char *line)
{
	return line[0] == '#' && line[1] == ' ' && line[2] == 'g' &&
	    !strncmp(line, HEADER, strlen(HEADER));
}

static int
is_newdoc(const char *line)
{
	const char *p = line + 1;

	if (line[0] != '#')
		return 0;
	while (*p == ' ')
		p++;
	return *p == 'n' && !strncmp(p, "newdoc", 6) &&
	    (p[6] == '\0' || p[6] == ' ' || p[6] == '=');
}

/* Open the next file; 1 when one is open, 0 at the end, -1 on error. */
static int
next_file(LedeReader *r)
{
	close_file(r);
	while (++r->fileidx < r->nfiles) {
		const char *f = r->files[r->fileidx];

		r->have_schema = 0;
		r->badhead = 0;
		r->newfile = 1;
		r->skipping = 0;
		if (r->given) {
			r->fp = r->given;
			r->name = r->givenname;
		} else if (!strcmp(f, "-")) {
			r->fp = stdin;
			r->name = "<stdin>";
		} else {
			r->name = f;
			if (!(r->fp = fopen(f, "r"))) {
				r->errnodoc = 1;
				lede_buf_clear(&r->err);
				lede_buf_printf(&r->err, "%s: %s", f, strerror(errno));
				return -1;
			}
		}
		r->lines = lede_lines_open(r->fp, r->name, LEDE_LINE_MAX);
		return 1;
	}
	return 0;
}

/*
 * One pass over a row: where its TABs are, and whether it holds a NUL, a
 * CR or a byte above 0x7F (then, only then, the UTF-8 check runs).
 * Returns the number of fields; *bad gets 1 for a NUL, 3 for a CR (a
 * line break inside a field), 2 for a non-ASCII byte.
 *
 * Eight bytes at a time where the byte order allows: a word whose bytes
 * below 0x0E are all TABs has its TABs taken from a bit mask; any other
 * control byte sends the rest of the row to the byte loop, which decides.
 */
#define ONES	0x0101010101010101ULL
#define HIGHS	0x8080808080808080ULL

static size_t
scan_row(LedeReader *r, const char *line, size_t len, int *bad)
{
	const unsigned char *p = (const unsigned char *)line;
	unsigned char hi = 0;
	size_t i = 0, n = 0;

	*bad = 0;
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	{
		uint64_t hiw = 0;

		for (; i + 8 <= len; i += 8) {
			uint64_t w, low, t, tab;

			memcpy(&w, p + i, 8);
			hiw |= w;
			/* 0x80 in each byte below 0x0E; exact, no carry leaves a byte */
			low = ~(((w & ~HIGHS) + (0x80 - 0x0E) * ONES) | w) & HIGHS;
			if (!low)
				continue;
			t = w ^ ('\t' * ONES);
			tab = ~(((t & ~HIGHS) + ~HIGHS) | t) & HIGHS;
			if (low != tab)
				break;	/* a NUL, a CR or another control byte */
			while (n + 9 >= r->ctabs) {
				r->ctabs = r->ctabs ? r->ctabs * 2 : 64;
				r->tabs = ereallocarray(r->tabs, r->ctabs, sizeof(*r->tabs));
			}
			do {
				r->tabs[n++] = i + (size_t)__builtin_ctzll(tab) / 8;
				tab &= tab - 1;
			} while (tab);
		}
		if (hiw & HIGHS)
			hi = 0x80;
	}
#endif
	for (; i < len; i++) {
		unsigned char c = p[i];

		hi |= c;
		if (c <= '\r') {
			if (c == '\r') {
				*bad = 3;
				return 0;
			}
			if (c == '\t') {
				if (n + 1 >= r->ctabs) {
					r->ctabs = r->ctabs ? r->ctabs * 2 : 64;
					r->tabs = ereallocarray(r->tabs, r->ctabs, sizeof(*r->tabs));
				}
				r->tabs[n++] = i;
			} else if (c == '\0') {
				*bad = 1;
				return 0;
			}
		}
	}
	if (hi & 0x80)
		*bad = 2;
	return n + 1;
}

#undef ONES
#undef HIGHS

/* Store the fields of a row whose copy is at line, TABs at r->tabs. */
static void
split_row(LedeReader *r, LedeSent *s, char *line, size_t len, size_t nf)
{
	const struct LedeSchema *sc = r->schema;
	char **f;
	uint32_t *fl;
	size_t i, start = 0, end;
	int k;

	/* capacity in fields: the sentence may be reused under more columns */
	if ((s->ntok + 1) * (size_t)sc->nout > s->cfield) {
		size_t want = (s->ntok + 1) * (size_t)sc->nout;

		s->cfield = s->cfield ? s->cfield * 2 : 64 * (size_t)sc->nout;
		if (s->cfield < want)
			s->cfield = want;
		s->field = ereallocarray(s->field, s->cfield, sizeof(*s->field));
		s->flen = ereallocarray(s->flen, s->cfield, sizeof(*s->flen));
	}
	f = s->field + s->ntok * (size_t)sc->nout;
	fl = s->flen + s->ntok * (size_t)sc->nout;
	for (i = 0; i < nf; i++) {
		end = i + 1 < nf ? r->tabs[i] : len;
		line[end] = '\0';
		f[i] = line + start;
		fl[i] = (uint32_t)(end - start);
		start = end + 1;
	}
	for (k = sc->nin; k < sc->nout; k++) {
		f[k] = "_";
		fl[k] = 1;
	}
}

/* Whether a row's ID is a CoNLL-U multiword range (2-3) or empty node (1.1). */
static int
conllu_node(const char *id)
{
	if (*id < '0' || *id > '9')
		return 0;
	while (*id >= '0' && *id <= '9')
		id++;
	return *id == '-' || *id == '.';
}

static int
read_block(LedeReader *r, LedeSent *s)
{
	/* lede_read_doc's arena for the strings, or the sentence's own */
	LedeArena *arena = r->into ? r->into : &s->arena;
	char *line;
	size_t len, bad, nf = 0, bom;
	int rc, isbad;
	unsigned long lineno;

	sent_reset(s);
	s->ncols = r->schema ? (size_t)r->schema->nout : 0;
	for (;;) {
		if (!r->lines) {
			if ((rc = next_file(r)) <= 0)
				return rc;
		}
		rc = lede_lines_next(r->lines, &line, &len);
		lineno = lede_lines_lineno(r->lines);
		if (rc == LEDE_IO_EOF) {
			int missing = r->have_schema && schema_fails(r->schema) &&
			    !r->headblocks;

			close_file(r);
			if (r->skipping) {
				r->skipping = 0;
				sent_reset(s);
			}
			if (s->ntok || s->ncomment)
				goto done;
			if (missing) {
				/* a header alone, that lacks a column: say so once */
				r->errnodoc = 1;
				return fail_missing(r, r->headline);
			}
			continue;
		}
		if (rc == LEDE_IO_ERROR) {
			rc = fail(r, 0, "read error: %s", strerror(errno));
			/* nothing of the file read (a directory): no document lost */
			if (lineno == 0)
				r->errnodoc = 1;
			close_file(r);
			r->skipping = 0;
			return rc;
		}
		if (r->skipping) {
			/* a damaged document: drop lines up to the next one */
			if (rc == LEDE_IO_LINE && (is_newdoc(line) || is_header(line)))
				r->skipping = 0;
			else
				continue;
		}
		if (rc == LEDE_IO_TOOLONG)
			return fail(r, lineno, "line longer than %zu bytes", LEDE_LINE_MAX);
		if (lineno == 1 && (bom = lede_bom(line, len))) {
			line += bom;
			len -= bom;
		}
		r->linenewdoc = len > 0 && line[0] == '#' && is_newdoc(line);
		if (r->linenewdoc)
			lede_buf_clear(&r->lineid);	/* set once the line is checked */
		if (len > 0 && line[0] != '#') {
			/* a row: one pass finds its TABs and screens its bytes */
			nf = scan_row(r, line, len, &isbad);
			if (isbad == 1)
				return fail(r, lineno, "NUL byte in line");
			if (isbad == 3)
				return fail(r, lineno, "CR inside a row (a field holds no "
				    "line break)");
			if (isbad == 2 && (bad = lede_utf8_check(line, len)) != len)
				return fail(r, lineno, "invalid UTF-8 (byte 0x%02X at column %zu)",
				    (unsigned char)line[bad], bad + 1);
			goto row;
		}
		if (memchr(line, '\0', len))
			return fail(r, lineno, "NUL byte in line");
		if ((bad = lede_utf8_check(line, len)) != len)
			return fail(r, lineno, "invalid UTF-8 (byte 0x%02X at column %zu)",
			    (unsigned char)line[bad], bad + 1);
		if (len == 0) {
			if (s->ntok || s->ncomment)
				goto done;
			continue;
		}
		if (r->linenewdoc) {
			/* its id, for a message should the line fail */
			const char *v = comment_value(line, "newdoc id", 9);

			if (v)
				lede_buf_adds(&r->lineid, v);
		}
		if (line[0] == '#') {
			if (is_header(line)) {
				if (s->ntok) {
					/* read it again after the error: what follows is kept */
					lede_lines_unread(r->lines);
					r->linenewdoc = 0;
					return fail(r, lineno, "header inside a sentence "
					    "(missing blank line?)");
				}
				r->headline = lineno;
				r->headblocks = 0;
				if (r->schema && !strcmp(line, r->schema->line)) {
					r->have_schema = 1;	/* the same header again */
					continue;
				}
				if (set_schema(r, line, lineno) < 0) {
					r->errnodoc = 1;
					r->have_schema = 0;
					r->badhead = lineno;
					return -1;
				}
				r->badhead = 0;
				s->ncols = (size_t)r->schema->nout;
				continue;
			}
			if (!r->have_schema)
				return no_header(r, lineno, "comment or row");
			if (s->ntok) {
				if (r->linenewdoc) {
					/* the next document is whole: read it after the error */
					lede_lines_unread(r->lines);
					r->linenewdoc = 0;
				}
				return fail(r, lineno, "comment inside a sentence (missing blank line?)");
			}
			if (s->newdoc && r->linenewdoc) {
				/* a document with no sentences: it ends here */
				lede_lines_unread(r->lines);
				goto done;
			}
			if (!s->line)
				s->line = lineno;
			line = lede_arena_strndup(arena, line, len);
			add_comment(s, line);
			if (is_newdoc(line)) {
				const char *v = comment_value(line, "newdoc id", 9);

				s->newdoc = v ? v : "";
			}
			continue;
		}
row:
		if (!r->have_schema)
			return no_header(r, lineno, "row");
		if (s->ntok == LEDE_SENT_MAX)
			return fail(r, lineno, "sentence longer than %zu rows", LEDE_SENT_MAX);
		if (!s->line)
			s->line = lineno;
		if (!s->rowline)
			s->rowline = lineno;
		if (nf != (size_t)r->schema->nin)
			return fail(r, lineno, "%zu column%s, but the header names %d",
			    nf, nf == 1 ? "" : "s", r->schema->nin);
		line = lede_arena_strndup(arena, line, len);
		split_row(r, s, line, len, nf);
		if (r->schema->formcol >= 0 &&
		    !lede_fieldlen(s, s->ntok, r->schema->formcol))
			return fail(r, lineno, "empty FORM");
		if (r->schema->idcol >= 0 && conllu_node(lede_field(s, s->ntok,
		    r->schema->idcol)))
			return fail(r, lineno, "ID %s is a CoNLL-U %s, not a token; "
			    "read CoNLL-U with 'tokenize --conllu'",
			    lede_field(s, s->ntok, r->schema->idcol),
			    strchr(lede_field(s, s->ntok, r->schema->idcol), '-') ?
			    "multiword token" : "empty node");
		s->ntok++;
	}
done:
	r->headblocks++;
	if (schema_fails(r->schema))
		return fail_missing(r, s->line);
	s->file = r->name;
	s->gen = r->gen;
	s->schema = r->schema;
	if (r->newfile && !s->newdoc) {
		/* a new file is a new document; say so in the output too */
		s->newdoc = "";
		if (r->fileidx > 0) {
			add_comment(s, NULL);
			memmove(s->comment + 1, s->comment,
			    (s->ncomment - 1) * sizeof(*s->comment));
			s->comment[0] = "# newdoc";
		}
	}
	r->newfile = 0;
	if (s->newdoc)
		r->ndocs++;
	else if (r->ndocs == 0)
		r->ndocs = 1;
	if (s->ntok)
		r->nsents++;
	return 1;
}

int
lede_read_sent(LedeReader *r, LedeSent *s)
{
	int rc;

	r->linenewdoc = 0;
	r->errnodoc = 0;
	if ((rc = read_block(r, s)) < 0)
		r->errnewdoc = r->newfile || s->newdoc || r->linenewdoc;
	return rc;
}

int
lede_reader_error_newdoc(const LedeReader *r)
{
	return r->errnewdoc;
}

const char *
lede_reader_error_id(const LedeReader *r, const LedeSent *s)
{
	if (r->errnodoc)
		return NULL;
	if (r->errnewdoc && r->linenewdoc && r->lineid.len)
		return r->lineid.p;
	if (r->errnewdoc && s->newdoc && *s->newdoc)
		return s->newdoc;
	return "-";
}

void
lede_sent_set(LedeSent *s, size_t tok, int k, const char *val, size_t n)
{
	char *p;

	if (n == 0) {
		val = "_";
		n = 1;
	}
	p = lede_arena_strndup(&s->arena, val, n);
	s->field[tok * s->ncols + (size_t)s->schema->outidx[k]] = p;
	s->flen[tok * s->ncols + (size_t)s->schema->outidx[k]] = (uint32_t)n;
}

static void
doc_sent_swap(LedeSent *a, LedeSent *b)
{
	LedeSent t = *a;

	*a = *b;
	*b = t;
}

static void
doc_reset(LedeDoc *d)
{
	size_t i;

	for (i = 0; i < d->nsent; i++)
		sent_reset(&d->sent[i]);
	lede_arena_reset(&d->arena);
	d->nsent = 0;
	d->id = "-";
}

/*
 * Give s a copy of its strings in its own arena: the block that opens the
 * next document was read into the arena of the one before, which is reset
 * before the next is read.  A row's fields lie in one copy of its line.
 */
static void
sent_own(LedeSent *s)
{
	size_t i, j, n, nin = s->schema ? (size_t)s->schema->nin : 0;
	uintptr_t nd = (uintptr_t)s->newdoc;
	const char *base;
	char *p;

	for (i = 0; i < s->ncomment; i++) {
		uintptr_t c = (uintptr_t)s->comment[i];

		n = strlen(s->comment[i]);
		p = lede_arena_strndup(&s->arena, s->comment[i], n);
		if (s->newdoc && nd >= c && nd <= c + n)
			s->newdoc = p + (nd - c);
		s->comment[i] = p;
	}
	for (i = 0; nin > 0 && i < s->ntok; i++) {
		char **f = s->field + i * s->ncols;
		const uint32_t *fl = s->flen + i * s->ncols;

		base = f[0];
		n = (size_t)(f[nin - 1] - base) + fl[nin - 1];
		p = lede_arena_strndup(&s->arena, base, n);
		for (j = 0; j < nin; j++)
			f[j] = p + (f[j] - base);
	}
}

size_t
lede_doc_max(void)
{
	static size_t max;
	const char *env;
	long v;

	if (!max) {
		max = LEDE_DOC_MAX;
		if ((env = getenv("LEDE_DOC_MAX")) && lede_strtol(env, 1, (long)LEDE_DOC_MAX, &v) == 0)
			max = (size_t)v;
		else if (env)
			weprintf("LEDE_DOC_MAX: '%s' is not a number from 1 to %zu; "
			    "%zu is used", env, (size_t)LEDE_DOC_MAX, max);
	}
	return max;
}

int
lede_read_doc(LedeReader *r, LedeDoc *d)
{
	LedeSent *s;
	size_t rows, i;
	int rc;

	if (r->errpending) {
		/* an error met while finishing the document before */
		r->errpending = 0;
		doc_reset(d);
		return -1;
	}
	/* the first sentence of this document may have been read already */
	if (r->pending && d->nsent > 0) {
		doc_sent_swap(&d->sent[0], &d->sent[d->nsent]);
		for (i = 1; i < d->nsent; i++)
			sent_reset(&d->sent[i]);
		lede_arena_reset(&d->arena);	/* the first has its own */
		d->nsent = 1;
		d->id = d->sent[0].newdoc;
		if (!d->id || !*d->id)
			d->id = "-";
		r->pending = 0;
	} else {
		doc_reset(d);
	}
	rows = 0;
	for (i = 0; i < d->nsent; i++)
		rows += d->sent[i].ntok;
	for (;;) {
		if (d->nsent == d->csent) {
			d->csent = d->csent ? d->csent * 2 : 16;
			d->sent = ereallocarray(d->sent, d->csent, sizeof(*d->sent));
			memset(d->sent + d->nsent, 0, (d->csent - d->nsent) * sizeof(*d->sent));
		}
		s = &d->sent[d->nsent];
		r->into = &d->arena;	/* one arena for the document's strings */
		rc = lede_read_sent(r, s);
		r->into = NULL;
		if (rc < 0) {
			/* drop what was read of the damaged document */
			const char *id = d->nsent ? d->id : "-";
			char *msg = estrdup(lede_reader_error(r));

			if (r->errnewdoc || !d->nsent)
				id = lede_reader_error_id(r, s);
			if (id) {
				lede_buf_clear(&r->err);
				lede_buf_printf(&r->err, "%s (document %s skipped)", msg, id);
			}
			free(msg);
			if (r->errnewdoc && d->nsent > 0) {
				/* this document is whole: the error comes next */
				sent_reset(s);
				r->errpending = 1;
				return 1;
			}
			doc_reset(d);
			return -1;
		}
		if (rc == 0) {
			if (d->nsent)
				return 1;
			return 0;
		}
		if (s->newdoc && d->nsent > 0) {
			/* s opens the next document: keep it for the next call */
			sent_own(s);
			r->pending = 1;
			return 1;
		}
		if (d->nsent == 0 && s->newdoc && *s->newdoc)
			d->id = s->newdoc;
		if ((rows += s->ntok) > lede_doc_max()) {
			/* memory is bounded by the largest document: bound that */
			fail(r, s->rowline ? s->rowline : s->line,
			    "document longer than %zu rows (document %s skipped)",
			    lede_doc_max(), d->id);
			doc_reset(d);
			return -1;
		}
		/*
		 * A sentence kept in a document gives back the room for rows it
		 * does not use (64 rows at first, then doubling): with 25 tokens
		 * a sentence, that room was two thirds of a document's memory.
		 */
		if (s->cfield > 2 * s->ntok * s->ncols + 64) {
			s->cfield = s->ntok * s->ncols + 1;
			s->field = ereallocarray(s->field, s->cfield, sizeof(*s->field));
			s->flen = ereallocarray(s->flen, s->cfield, sizeof(*s->flen));
		}
		d->nsent++;
	}
}

void
lede_doc_free(LedeDoc *d)
{
	size_t i;

	for (i = 0; i < d->csent; i++)
		lede_sent_free(&d->sent[i]);
	free(d->sent);
	lede_arena_free(&d->arena);
	memset(d, 0, sizeof(*d));
}

struct LedeWriter {
	FILE *fp;
	unsigned gen;
	int wrote_header;
	LedeBuf buf;
	unsigned long ndocs, nsents;	/* written, for --stats */
};

const char *
lede_stats_text(const LedeReader *r, const LedeWriter *w, long long rows)
{
	static LedeBuf b;

	lede_buf_clear(&b);
	lede_buf_printf(&b, "%lu documents, %lu sentences in", r->ndocs, r->nsents);
	if (w)
		lede_buf_printf(&b, "; %lu documents, %lu sentences out", w->ndocs, w->nsents);
	else if (rows >= 0)
		lede_buf_printf(&b, "; %lld rows out", rows);
	return b.p;
}

LedeWriter *
lede_writer_new(FILE *fp)
{
	LedeWriter *w = ecalloc(1, sizeof(*w));

	w->fp = fp;
	return w;
}

void
lede_writer_free(LedeWriter *w)
{
	if (!w)
		return;
	lede_buf_free(&w->buf);
	free(w);
}

void
lede_write_columns(FILE *fp, const char **names, int n)
{
	int i;

	fputs(HEADER, fp);
	for (i = 0; i < n; i++) {
		fputc(' ', fp);
		fputs(names[i], fp);
	}
	fputc('\n', fp);
}

void
lede_put_comment_value(FILE *fp, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i, start = 0;

	for (i = 0; i < n; i++) {
		int brk = 0, len = 1;

		if (p[i] == '\t' || (p[i] >= 0x0A && p[i] <= 0x0D)) {
			brk = 1;
		} else if (p[i] == 0xC2 && i + 1 < n && p[i + 1] == 0x85) {
			brk = 1;	/* NEL */
			len = 2;
		} else if (p[i] == 0xE2 && i + 2 < n && p[i + 1] == 0x80 &&
		    (p[i + 2] == 0xA8 || p[i + 2] == 0xA9)) {
			brk = 1;	/* LINE and PARAGRAPH SEPARATOR */
			len = 3;
		}
		if (brk) {
			fwrite(s + start, 1, i - start, fp);
			fputc(' ', fp);
			i += (size_t)len - 1;
			start = i + 1;
		}
	}
	fwrite(s + start, 1, n - start, fp);
}

void
lede_buf_comment_value(LedeBuf *b, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i, start = 0;
	char *o;

	lede_buf_grow(b, n);
	o = b->p + b->len;
	for (i = 0; i < n; i++) {
		unsigned char c;
		int len = 0;

		/* skip eight bytes at a time while none is below 0x0E or above 0x7F */
		while (i + 8 <= n) {
			uint64_t w;

			memcpy(&w, p + i, 8);
			if (((w - 0x0E0E0E0E0E0E0E0EULL) | w) & 0x8080808080808080ULL)
				break;
			i += 8;
		}
		if (i >= n)
			break;
		c = p[i];

		/* only these bytes can start a line break */
		if (c > 0x0D && c != 0xC2 && c != 0xE2)
			continue;
		if (c == '\t' || (c >= 0x0A && c <= 0x0D))
			len = 1;
		else if (c == 0xC2 && i + 1 < n && p[i + 1] == 0x85)
			len = 2;	/* NEL */
		else if (c == 0xE2 && i + 2 < n && p[i + 1] == 0x80 &&
		    (p[i + 2] == 0xA8 || p[i + 2] == 0xA9))
			len = 3;	/* LINE and PARAGRAPH SEPARATOR */
		if (len) {
			memcpy(o, s + start, i - start);
			o += i - start;
			*o++ = ' ';
			i += (size_t)len - 1;
			start = i + 1;
		}
	}
	memcpy(o, s + start, n - start);
	o += n - start;
	*o = '\0';
	b->len = (size_t)(o - b->p);
}

int
lede_write_header(LedeWriter *w, const LedeReader *r)
{
	/* a header that lacks a required column has no document to say it of */
	if (!r->schema || schema_fails(r->schema) ||
	    (w->wrote_header && w->gen == r->gen))
		return 0;
	lede_write_columns(w->fp, (const char **)r->schema->out, r->schema->nout);
	w->wrote_header = 1;
	w->gen = r->gen;
	return ferror(w->fp) ? -1 : 0;
}

int
lede_write_sent(LedeWriter *w, const LedeSent *s)
{
	LedeBuf *b = &w->buf;
	size_t i, j, k, m, n;

	if (!w->wrote_header || w->gen != s->gen) {
		lede_write_columns(w->fp, (const char **)s->schema->out, s->schema->nout);
		w->wrote_header = 1;
		w->gen = s->gen;
	}
	if (s->newdoc || (!w->ndocs && s->ntok))
		w->ndocs++;
	if (s->ntok)
		w->nsents++;
	/* one fwrite a sentence: stdio's per-call cost dominates per field */
	lede_buf_clear(b);
	for (i = 0; i < s->ncomment; i++) {
		n = strlen(s->comment[i]);
		lede_buf_grow(b, n + 1);
		memcpy(b->p + b->len, s->comment[i], n);
		b->len += n;
		b->p[b->len++] = '\n';
	}
	for (i = 0; i < s->ntok; i++) {
		const char *const *f = (const char *const *)s->field + i * s->ncols;
		const uint32_t *fl = s->flen + i * s->ncols;

		for (n = 0, j = 0; j < s->ncols; j++)
			n += fl[j] + 1;
		lede_buf_grow(b, n);
		for (j = 0; j < s->ncols; j = k) {
			/*
			 * The fields of a row as read lie in one copy, one byte
			 * apart: copy such a run at once, then put its TABs in.
			 */
			size_t span = fl[j], at = b->len;

			for (k = j + 1; k < s->ncols &&
			    (uintptr_t)f[k - 1] + fl[k - 1] + 1 == (uintptr_t)f[k]; k++)
				span += (size_t)fl[k] + 1;
			memcpy(b->p + at, f[j], span);
			for (m = j; m + 1 < k; m++) {
				at += fl[m];
				b->p[at++] = '\t';
			}
			b->len += span;
			b->p[b->len++] = '\t';
		}
		b->p[b->len - 1] = '\n';
	}
	lede_buf_addc(b, '\n');
	if (fwrite(b->p, 1, b->len, w->fp) != b->len)
		return -1;
	return 0;
}
