/* See LICENSE file for copyright and license details. */
#ifndef LEDE_REPORT_H
#define LEDE_REPORT_H

#include <stdio.h>

#include "util.h"

/*
 * Report output shared by keywords, entities and tone: one table, written
 * as TSV with a header row, as JSON Lines (one object a row), or as an
 * aligned text table for people.
 *
 * TSV escaping (docs/FORMAT.md): a field never holds a raw TAB, CR, LF or
 * other control character: backslash is written "\\", TAB "\t", LF "\n",
 * CR "\r" and any other byte below 0x20 and DEL "\xHH".  JSON strings
 * are escaped per RFC 8259 and are valid for any valid UTF-8 input.
 * In text, control characters are spaces (lede_text_buf).
 */
typedef enum {
	LEDE_FMT_TSV,
	LEDE_FMT_JSONL,
	LEDE_FMT_TEXT,
} LedeFormat;

/* "tsv", "jsonl" or "text" into *f; 0, or -1 for another name. */
int lede_format_parse(const char *s, LedeFormat *f);

/* Column kinds: how a cell is written in JSON and aligned in text. */
typedef enum {
	LEDE_COL_STR,	/* JSON string, left-aligned */
	LEDE_COL_NUM,	/* JSON number, right-aligned */
	LEDE_COL_LIST,	/* JSON array of strings; "; "-joined in TSV and text */
} LedeColKind;

typedef struct LedeTable LedeTable;

/*
 * A table of ncols columns written to fp in format fmt.  names and kinds
 * must outlive the table.  TSV and JSON Lines rows are written as they
 * end; text rows are kept until lede_table_flush, which aligns them.
 */
LedeTable *lede_table_new(FILE *fp, LedeFormat fmt, const char **names,
    const LedeColKind *kinds, int ncols);
/* Cells of the current row, left to right; each call fills the next one. */
void lede_table_str(LedeTable *t, const char *s, size_t n);
void lede_table_int(LedeTable *t, long long v);
/* A number with a fixed count of decimals (output is byte-identical). */
void lede_table_num(LedeTable *t, double v, int decimals);
void lede_table_list(LedeTable *t, const char *const *items, const size_t *lens,
    size_t n);
/* A missing value: an empty cell in TSV and text, null in JSON. */
void lede_table_null(LedeTable *t);
/* End the row; every cell must have been filled. */
void lede_table_endrow(LedeTable *t);
/* Write kept rows (text format); returns -1 on a write error. */
int lede_table_flush(LedeTable *t);
void lede_table_free(LedeTable *t);
/* Rows ended by all tables so far (for --stats). */
long long lede_table_rows(void);

/* Escaping helpers, for tools that write reports without a table. */
void lede_tsv_field(FILE *fp, const char *s, size_t n);
void lede_tsv_buf(LedeBuf *b, const char *s, size_t n);
/*
 * s[0..n) for people (the text format, docs/FORMAT.md): each control
 * character, C0 (below 0x20: TAB, LF, ESC...), DEL and C1 (U+0080 to
 * U+009F), becomes one space, so the text stays on its line and sends
 * no terminal escape.  Other bytes are copied.
 */
void lede_text_buf(LedeBuf *b, const char *s, size_t n);
void lede_text_field(FILE *fp, const char *s, size_t n);
/*
 * Undo lede_tsv_buf: s[0..n) into dst (which may be s itself: the result
 * is never longer), NUL-terminated; *len (may be NULL) gets its length.
 * Returns 0, or -1 for a backslash not followed by one of \\ t n r or
 * xHH (HH a control character, below 20 or 7F, as lede_tsv_buf writes).
 */
int lede_tsv_unescape(char *dst, const char *s, size_t n, size_t *len);

/*
 * The settings line of a partial report (keywords 2, entities 3): right
 * after its "# lede-partial KIND N" line,
 *
 *	# settings NAME=VALUE NAME=VALUE ...
 *
 * names what shaped its rows (the options, tables and data they were made
 * with), so that partials made in ways that cannot be merged are refused.
 * NAME is of a-z, 0-9 and '-'; VALUE of printable ASCII other than space
 * and '='; items are separated by one space; a NAME appears once; the
 * line is at most LEDE_SETTINGS_MAX bytes.
 */
#define LEDE_SETTINGS_PREFIX "# settings "
/* A settings line is at most this long (bytes). */
#define LEDE_SETTINGS_MAX 4096

/* 0 when line[0..n) is a settings line, else -1. */
int lede_settings_check(const char *line, size_t n);

/* The first difference of two settings lines (lede_settings_diff). */
typedef struct {
	const char *name;	/* the item's name */
	size_t namelen;
	const char *va, *vb;	/* its values in a and b (NULL: it has none) */
	size_t valen, vblen;
} LedeSettingsDiff;

/*
 * Compare the items of two checked settings lines, whatever their order.
 * Returns 0 when they are the same; else 1, with d set to the first item
 * of a that b gives another value or lacks, or failing that to the first
 * item of b that a lacks.
 */
int lede_settings_diff(const char *a, size_t an, const char *b, size_t bn,
    LedeSettingsDiff *d);

/*
 * How a partial whose item name[0..nl) has the value v[0..vl) was made,
 * appended to b for a message: "without a 'NAME' setting" when v is NULL,
 * "with --keep-boilerplate" or "without --keep-boilerplate", else "with
 * NAME=VALUE".  A report with other items describes them and calls this
 * for the rest.
 */
typedef void LedeSettingsDescribe(LedeBuf *b, const char *name, size_t nl,
    const char *v, size_t vl);
LedeSettingsDescribe lede_settings_describe;
/*
 * The reason of d, from lede_settings_diff(partial, first partial), into
 * out: "made HOW, the first partial HOW", each HOW from describe.
 */
void lede_settings_why(LedeBuf *out, const LedeSettingsDiff *d,
    LedeSettingsDescribe *describe);

/*
 * Display width of valid UTF-8 s[0..n) in a terminal (wide East Asian
 * characters count 2, combining marks 0).
 */
size_t lede_display_width(const char *s, size_t n);

#endif
