/* See LICENSE file for copyright and license details. */
#ifndef LEDE_STREAM_H
#define LEDE_STREAM_H

#include <stdint.h>
#include <stdio.h>

#include "util.h"

/*
 * The token stream (docs/FORMAT.md): a reader that yields one sentence at a
 * time (or one document), with its comment lines and its rows split into
 * columns, and a writer that prints it back with the tool's own columns
 * appended or replaced.  Unknown columns and comments pass through byte for
 * byte.
 *
 * Limits (docs/FORMAT.md): a line holds at most LEDE_LINE_MAX bytes, a row
 * at most LEDE_COLS_MAX columns, a sentence at most LEDE_SENT_MAX rows, a
 * document read whole at most lede_doc_max() rows.
 */
#define LEDE_LINE_MAX ((size_t)16 << 20)
#define LEDE_COLS_MAX 64
#define LEDE_SENT_MAX ((size_t)1 << 20)
/*
 * A document read whole (lede_read_doc) holds at most LEDE_DOC_MAX rows;
 * the environment variable LEDE_DOC_MAX can lower the limit (for tests, or
 * machines with little memory).  lede_doc_max() is the limit in force.
 */
#define LEDE_DOC_MAX ((size_t)1 << 24)
size_t lede_doc_max(void);

/* A bump allocator whose pointers stay valid until it is reset. */
typedef struct LedeArenaChunk LedeArenaChunk;
typedef struct {
	LedeArenaChunk *head, *cur;
	size_t next;		/* size of the next chunk */
} LedeArena;

void *lede_arena_alloc(LedeArena *a, size_t n);
char *lede_arena_strndup(LedeArena *a, const char *s, size_t n);
void lede_arena_reset(LedeArena *a);
void lede_arena_free(LedeArena *a);

/*
 * One sentence: the comment lines before it (whole lines such as
 * "# text = Hello.", without the newline) and ntok rows of ncols fields
 * each.  A block may have comments and no rows (an empty document).
 */
typedef struct {
	char **comment;
	size_t ncomment, ccomment;
	char **field;		/* ntok * ncols field pointers, row-major */
	uint32_t *flen;		/* their lengths in bytes */
	size_t ntok, cfield;	/* rows; capacity of field (in fields) */
	size_t ncols;
	const char *newdoc;	/* id of "# newdoc id = X" ("" without id), or NULL */
	const char *file;	/* where the block came from, for messages */
	unsigned long line;	/* line number of its first line */
	unsigned long rowline;	/* line number of its first row (0: no rows) */
	unsigned gen;		/* schema generation it was read under */
	const struct LedeSchema *schema;	/* its columns (owned by the reader) */
	LedeArena arena;
} LedeSent;

/* Field of row tok (0-based) and column col (0-based). */
static inline const char *
lede_field(const LedeSent *s, size_t tok, int col)
{
	return s->field[tok * s->ncols + (size_t)col];
}

/* Its length in bytes (fields hold no NUL bytes: strlen gives the same). */
static inline size_t
lede_fieldlen(const LedeSent *s, size_t tok, int col)
{
	return s->flen[tok * s->ncols + (size_t)col];
}

/*
 * Value of the comment "# key = value" (the first one), or NULL; *len (may
 * be NULL) gets its length.
 */
const char *lede_sent_meta(const LedeSent *s, const char *key, size_t *len);
/*
 * Line number of that comment (its sentence's first line when there is
 * none): the comments of a sentence stand right before its rows.  Row k
 * is at line s->rowline + k.
 */
unsigned long lede_sent_meta_line(const LedeSent *s, const char *key);
/* 1 when a "# newpar" (or "# newpar id = P") comment stands before s. */
int lede_sent_newpar(const LedeSent *s);
/*
 * The text of s: its "# text", or else (none, or an empty one) its forms
 * (FORM column formcol) joined by single spaces, built in b.  *len gets
 * its length.
 */
const char *lede_sent_text(const LedeSent *s, int formcol, LedeBuf *b,
    size_t *len);
/*
 * Set "# key = value", replacing the first comment with that key (and
 * dropping any later one) or adding one after the others.  value must not
 * hold a newline.
 */
void lede_sent_setmeta(LedeSent *s, const char *key, const char *value);
/*
 * Set the value of the tool's output column k (0-based, in the order given
 * to lede_reader_outcols) for row tok.  The bytes are copied; an empty
 * value is written as "_".  TAB and newlines must not occur in it.
 */
void lede_sent_set(LedeSent *s, size_t tok, int k, const char *val, size_t n);
/* Index of the column called name in the schema s was read under, or -1. */
int lede_sent_col(const LedeSent *s, const char *name);
void lede_sent_free(LedeSent *s);

typedef struct LedeReader LedeReader;

/*
 * Read the files named in files[0..nfiles) one after the other, or stdin
 * when nfiles is 0; "-" also means stdin.  Each file starts with its own
 * header and starts a new document.
 */
LedeReader *lede_reader_open(char **files, int nfiles);
/* Read an open stream fp (not closed by the reader), named name in messages. */
LedeReader *lede_reader_open_fp(FILE *fp, const char *name);
void lede_reader_free(LedeReader *r);

/*
 * Declare the columns the tool writes (e.g. {"STEM"}).  Each is appended to
 * the columns of the input, or replaces the column of that name when the
 * input has it already (running a tool twice).  Call before reading.
 */
void lede_reader_outcols(LedeReader *r, const char **names, int n);

/*
 * Columns that must be present (e.g. {"ID", "FORM"}): a header without one
 * of them is a data error.
 */
void lede_reader_require(LedeReader *r, const char **names, int n);

/*
 * Read the next sentence into s.  Returns 1, 0 at the end of all input, or
 * -1 on a data or I/O error.  After an error lede_reader_error() tells what
 * and where; the next call skips the rest of the damaged document (up to
 * the next "# newdoc" or file) and goes on.
 */
int lede_read_sent(LedeReader *r, LedeSent *s);

/* "FILE:LINE: reason" of the last error (owned by the reader). */
const char *lede_reader_error(const LedeReader *r);
/*
 * 1 when the block of the last error opened a new document (a "# newdoc"
 * line or a new file came before the damage, or was damaged): the document
 * read before it is whole.  0 when the damage is in the current document.
 */
int lede_reader_error_newdoc(const LedeReader *r);
/*
 * The id of the document the last error skips, for "(document ID
 * skipped)", when that is not the current one (s: the block read):
 * with lede_reader_error_newdoc, the id the damaged block or its
 * "# newdoc" line gives ("-" for none); NULL when the error is no
 * document's (a refused header, a file that cannot be opened, a header
 * with nothing under it); "-" otherwise.
 */
const char *lede_reader_error_id(const LedeReader *r, const LedeSent *s);

/*
 * Index of the input column called name in the current schema, or -1.
 * The schema may change at a new header (the generation, r's and each
 * sentence's gen, then differs): look columns up again when it does.
 */
int lede_reader_col(const LedeReader *r, const char *name);
unsigned lede_reader_gen(const LedeReader *r);
/* Number of columns and their names in the current output schema. */
int lede_reader_ncols(const LedeReader *r);
const char *lede_reader_colname(const LedeReader *r, int col);

/* Counts for --stats: documents and sentences read so far. */
unsigned long lede_reader_ndocs(const LedeReader *r);
unsigned long lede_reader_nsents(const LedeReader *r);

/*
 * A document: its sentences in order.  id is the "# newdoc id" value, or
 * "-" for a stream that never names its documents.
 */
typedef struct {
	LedeSent *sent;
	size_t nsent, csent;
	const char *id;
	LedeArena arena;
} LedeDoc;

/*
 * Read the next whole document into d.  Returns 1, 0 at the end, or -1 on
 * an error, after which the damaged document has been dropped whole
 * (lede_reader_error() names it) and the next call goes on with the next.
 */
int lede_read_doc(LedeReader *r, LedeDoc *d);
void lede_doc_free(LedeDoc *d);

typedef struct LedeWriter LedeWriter;

/* Write to fp (not closed by lede_writer_free), named in messages. */
LedeWriter *lede_writer_new(FILE *fp);
void lede_writer_free(LedeWriter *w);
/*
 * Write s as it now stands, preceded by the header line when this is the
 * first block or the schema has changed.  Returns 0, or -1 on a write
 * error (errno set), when the tool should stop.
 */
int lede_write_sent(LedeWriter *w, const LedeSent *s);
/*
 * Write the header alone (for a tool whose whole input was empty but must
 * still say what its output columns are).  Nothing happens when a header
 * has been written already.
 */
int lede_write_header(LedeWriter *w, const LedeReader *r);

/*
 * Helpers for tools that create a stream (tokenize): write a header line
 * of the given names, and escape text for a comment value (each TAB, CR,
 * LF and other line break becomes one space, so code-point offsets stay
 * right).
 */
void lede_write_columns(FILE *fp, const char **names, int n);
void lede_put_comment_value(FILE *fp, const char *s, size_t n);

/*
 * The --stats line of a tool (without the tool's name): documents and
 * sentences read by r; then, with w, documents and sentences written,
 * or with rows >= 0, report rows written.  Owned by the library; valid
 * until the next call.
 */
const char *lede_stats_text(const LedeReader *r, const LedeWriter *w, long long rows);
/* The same, appended to b. */
void lede_buf_comment_value(LedeBuf *b, const char *s, size_t n);

#endif
