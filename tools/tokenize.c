/* See LICENSE file for copyright and license details. */
#include <sys/stat.h>

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io.h"
#include "json.h"
#include "segment.h"
#include "stream.h"
#include "text.h"
#include "util.h"

/* Default limit on the size of one document. */
#define DOC_MAX ((size_t)64 << 20)

static const char *cols[] = {"ID", "FORM", "START", "END"};
static const char *ud_cols[] = {
	"ID", "FORM", "START", "END", "LEMMA", "UPOS", "XPOS", "FEATS", "HEAD",
	"DEPREL", "DEPS", "MISC",
};

static LedeSeg *seg;
static size_t maxdoc = DOC_MAX;
static int replace;
static int cp1252;		/* --cp1252: bytes not UTF-8 read as Windows-1252 */
static unsigned long first_line = 1, last_line;	/* --lines; 0: to the end */
static const char *stdin_name;	/* --name: standard input's, for ids and messages */
static int keep_empty = 1;	/* write a document without a token (not an empty stdin) */
static int status;
static int header_done;
static unsigned long ndocs_in, ndocs_out, nsents_out;
static LedeBuf clean;		/* a document with invalid bytes replaced */

static void
usage(FILE *fp)
{
	fprintf(fp,
	    "usage: %s [--jsonl | --conllu] [options] [FILE...]\n"
	    "Split text into sentences and tokens and write a token stream with\n"
	    "the columns ID FORM START END.  Each FILE is one document.\n"
	    "\n"
	    "      --jsonl            read JSON Lines, one article a line\n"
	    "      --id-field NAME    JSONL member with the document id (default id)\n"
	    "      --title-field NAME JSONL member with the title (default title)\n"
	    "      --text-field NAME  JSONL member with the text (default text)\n"
	    "      --conllu           convert CoNLL-U (syntactic words) into a stream\n"
	    "      --hyphens RULE     split (default: UD, prefixes kept) or keep (PTB)\n"
	    "      --paragraphs MODE  auto (default), line or blank: what ends a paragraph\n"
	    "      --abbr-period RULE split (default) or keep a sentence-final\n"
	    "                         abbreviation's period\n"
	    "      --replace          replace invalid UTF-8 and NUL bytes by U+FFFD\n"
	    "      --cp1252           read bytes that are not UTF-8 as Windows-1252\n"
	    "                         (Latin-1); valid UTF-8 is kept as it is\n"
	    "      --max-size BYTES   skip documents larger than BYTES (default 64 MiB)\n"
	    "      --lines FIRST-LAST with --jsonl: only these lines of each file\n"
	    "      --name NAME        name standard input NAME in ids and messages\n"
	    "      --stats            print documents and sentences in and out on stderr\n"
	    "      --help             print this help and exit\n"
	    "      --version          print the version and exit\n",
	    argv0);
}

static void
header(const char **names, int n)
{
	if (!header_done) {
		lede_write_columns(stdout, names, n);
		header_done = 1;
	}
}

static const unsigned long long powers10[20] = {
	1ULL, 10ULL, 100ULL, 1000ULL, 10000ULL, 100000ULL, 1000000ULL,
	10000000ULL, 100000000ULL, 1000000000ULL, 10000000000ULL,
	100000000000ULL, 1000000000000ULL, 10000000000000ULL,
	100000000000000ULL, 1000000000000000ULL, 10000000000000000ULL,
	100000000000000000ULL, 1000000000000000000ULL, 10000000000000000000ULL,
};

/* Write the decimal digits of v at p; return the end. */
static inline char *
put_num(char *p, size_t v)
{
	static const char pairs[] =
	    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
	    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
	    "8081828384858687888990919293949596979899";
	size_t n;
	char *e;

	if (v < 10000)
		n = v < 10 ? 1 : v < 100 ? 2 : v < 1000 ? 3 : 4;
	else if (v < 100000000)
		n = v < 100000 ? 5 : v < 1000000 ? 6 : v < 10000000 ? 7 : 8;
	else
		for (n = 9; n < 20 && v >= powers10[n]; n++)
			;
	e = p + n;
	while (v >= 100) {
		e -= 2;
		memcpy(e, pairs + 2 * (v % 100), 2);
		v /= 100;
	}
	if (v >= 10) {
		e -= 2;
		memcpy(e, pairs + 2 * v, 2);
	} else {
		*--e = (char)('0' + v);
	}
	return p + n;
}

/* Output is gathered here and written in large blocks. */
static LedeBuf out;
#define OUT_FLUSH ((size_t)1 << 18)

static void
flush_out(void)
{
	if (out.len)
		fwrite(out.p, 1, out.len, stdout);
	lede_buf_clear(&out);
}

static void
put_comment(const char *key, const char *v, size_t n)
{
	lede_buf_adds(&out, "# ");
	lede_buf_adds(&out, key);
	lede_buf_adds(&out, " = ");
	lede_buf_comment_value(&out, v, n);
	lede_buf_addc(&out, '\n');
}

/*
 * Validate text[0..n): 0 when it is valid UTF-8 without NUL bytes, else
 * the offset of the first bad byte plus one.
 */
static size_t
check_text(const char *text, size_t n)
{
	size_t bad = lede_utf8_check(text, n);
	const char *nul = memchr(text, '\0', bad);

	if (nul)
		return (size_t)(nul - text) + 1;
	return bad == n ? 0 : bad + 1;
}

/*
 * Windows-1252's characters for the bytes 0x80 to 0x9F (0: none); the
 * bytes 0xA0 to 0xFF are U+00A0 to U+00FF, as in Latin-1.
 */
static const uint16_t cp1252_c1[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* The character of a byte that is not UTF-8 under --cp1252, or 0. */
static int32_t
from_cp1252(unsigned char c)
{
	if (!cp1252 || c < 0x80)
		return 0;
	return c < 0xA0 ? cp1252_c1[c - 0x80] : c;
}

/*
 * Offset + 1 of the first byte of text that cannot be read: a NUL, or a
 * byte that is not UTF-8 and, under --cp1252, has no Windows-1252
 * character; 0 when there is none.
 */
static size_t
unreadable(const char *text, size_t n)
{
	size_t i = 0;
	int32_t cp;
	int len;

	while (i < n) {
		len = lede_utf8_decode(text + i, n - i, &cp);
		if (len < 0 ? !from_cp1252((unsigned char)text[i]) : cp == 0)
			return i + 1;
		i += len < 0 ? 1 : (size_t)len;
	}
	return 0;
}

/*
 * Copy text into b with each byte that is not UTF-8 read as Windows-1252
 * under --cp1252, and each other invalid byte and NUL replaced by U+FFFD.
 */
static void
repair(LedeBuf *b, const char *text, size_t n)
{
	size_t i = 0;
	int32_t cp;
	char u[4];
	int len;

	lede_buf_clear(b);
	while (i < n) {
		len = lede_utf8_decode(text + i, n - i, &cp);
		if (len < 0 || cp == 0) {
			if (len < 0 && (cp = from_cp1252((unsigned char)text[i])))
				lede_buf_add(b, u, (size_t)lede_utf8_encode(cp, u));
			else
				lede_buf_add(b, "\xEF\xBF\xBD", 3);
			i++;
		} else {
			lede_buf_add(b, text + i, (size_t)len);
			i += (size_t)len;
		}
	}
}

/* Line number (from 1) of byte off in text. */
static unsigned long
line_of(const char *text, size_t off)
{
	unsigned long line = 1;
	const char *p = text, *end = text + off, *nl;

	while ((nl = memchr(p, '\n', (size_t)(end - p)))) {
		line++;
		p = nl + 1;
	}
	return line;
}

/* What a file that starts with a UTF-16 byte-order mark is said to be. */
#define UTF16_TEXT "UTF-16 text, not UTF-8 (iconv -f UTF-16 -t UTF-8 converts it)"

/* 1 when s[0..n) starts with a UTF-16 byte-order mark (FF FE or FE FF). */
static int
utf16(const char *s, size_t n)
{
	return n >= 2 && (!memcmp(s, "\xFF\xFE", 2) || !memcmp(s, "\xFE\xFF", 2));
}

/*
 * Text that the stream cannot hold: invalid UTF-8 or a NUL byte, in the
 * document's text (what NULL), or in its id or title (a JSON "\u0000", a
 * file name that is not UTF-8).  The document is skipped (-1, reported at
 * line, or at the bad byte's line of the text when line is 0; named by
 * id when id is not NULL) unless --replace, which writes U+FFFD into b.
 */
static int
check_field(const char *name, unsigned long line, const char *what,
    const char *id, size_t idlen, const char **s, size_t *n, LedeBuf *b)
{
	size_t bad = check_text(*s, *n);
	char in[16] = "";

	if (!bad)
		return 0;
	if (cp1252)
		bad = unreadable(*s, *n);
	if (bad && !replace) {
		unsigned char c = (unsigned char)(*s)[bad - 1];

		if (what)
			snprintf(in, sizeof(in), " in the %s", what);
		if (!what && utf16(*s, *n)) {
			weprintf("%s:1: " UTF16_TEXT "; document %.*s%sskipped",
			    name, (int)idlen, id ? id : "", id ? " " : "");
			status = 1;
			return -1;
		}
		if (!line)
			line = line_of(*s, bad - 1);
		if (c)
			weprintf("%s:%lu: invalid UTF-8 (byte 0x%02X%s)%s; document "
			    "%.*s%sskipped", name, line, c,
			    cp1252 ? ", not in Windows-1252" : "", in, (int)idlen,
			    id ? id : "", id ? " " : "");
		else
			weprintf("%s:%lu: NUL byte%s; document %.*s%sskipped", name,
			    line, in, (int)idlen, id ? id : "", id ? " " : "");
		status = 1;
		return -1;
	}
	repair(b, *s, *n);
	*s = b->p;
	*n = b->len;
	return 0;
}

/*
 * Open an input: "-" is standard input, named --name's NAME or "<stdin>"
 * in messages and "stdin" in ids; a file is named by its path in both.
 * NULL (reported, status 1) when the file cannot be opened.
 */
static FILE *
open_input(const char *path, const char **name, const char **id)
{
	FILE *fp;

	if (!strcmp(path, "-")) {
		*name = stdin_name ? stdin_name : "<stdin>";
		*id = stdin_name ? stdin_name : "stdin";
		return stdin;
	}
	if (!(fp = fopen(path, "r"))) {
		weprintf("%s:", path);
		status = 1;
		return NULL;
	}
	*name = *id = path;
	return fp;
}

/*
 * Tokenize one document and write it.  name and line (0: count lines in
 * the text) place errors; id names the document in the stream.
 */
static void
document(const char *name, unsigned long line, const char *id, size_t idlen,
    const char *title, size_t titlelen, const char *text, size_t n)
{
	static LedeBuf cleanid, cleantitle;
	const LedeTok *tok;
	size_t ntok, i, nsent = 0;

	ndocs_in++;
	if (check_field(name, line ? line : 1, "id", NULL, 0, &id, &idlen,
	    &cleanid) < 0 || check_field(name, line ? line : 1, "title", NULL, 0,
	    &title, &titlelen, &cleantitle) < 0)
		return;
	if (n > maxdoc) {
		weprintf("%s:%lu: document %.*s longer than %zu bytes; skipped",
		    name, line ? line : 1, (int)idlen, id, maxdoc);
		status = 1;
		return;
	}
	if (check_field(name, line, NULL, id, idlen, &text, &n, &clean) < 0)
		return;
	lede_seg_start(seg, text, n);
	while ((ntok = lede_seg_next(seg, &tok)) > 0) {
		const LedeTok *last = &tok[ntok - 1];
		char *p;

		if (nsent == 0) {
			put_comment("newdoc id", id, idlen);
			if (titlelen && title != text)
				put_comment("title", title, titlelen);
			ndocs_out++;
		}
		nsent++;
		if (tok[0].flags & LEDE_TOK_PAR)
			lede_buf_adds(&out, "# newpar\n");
		lede_buf_adds(&out, "# sent_id = ");
		lede_buf_comment_value(&out, id, idlen);
		lede_buf_grow(&out, 32);
		p = out.p + out.len;
		*p++ = '-';
		p = put_num(p, nsent);
		*p++ = '\n';
		out.len = (size_t)(p - out.p);
		put_comment("text", text + tok[0].off, last->off + last->len - tok[0].off);
		/*
		 * A row: three numbers of at most 20 digits, 4 bytes, its text,
		 * and room for the fixed 16-byte copy of a short text.
		 */
		lede_buf_grow(&out, last->off + last->len - tok[0].off + 80 * ntok + 1);
		p = out.p + out.len;
		for (i = 0; i < ntok; i++) {
			if (i < 9) {
				*p++ = (char)('1' + i);
			} else {
				p = put_num(p, i + 1);
			}
			*p++ = '\t';
			if (tok[i].len <= 16 && tok[i].off + 16 <= n)
				memcpy(p, text + tok[i].off, 16);	/* fixed size: no call */
			else
				memcpy(p, text + tok[i].off, tok[i].len);
			p += tok[i].len;
			*p++ = '\t';
			p = put_num(p, tok[i].start);
			*p++ = '\t';
			p = put_num(p, tok[i].start + tok[i].cplen);
			*p++ = '\n';
		}
		*p++ = '\n';
		out.len = (size_t)(p - out.p);
		if (out.len >= OUT_FLUSH)
			flush_out();
	}
	if (nsent == 0 && titlelen && title != text) {
		/* no text, but a title: the title is the text */
		ndocs_in--;
		document(name, line, id, idlen, title, titlelen, title, titlelen);
		return;
	}
	if (nsent == 0 && keep_empty) {
		/* no token: the document is kept, as one without sentences */
		put_comment("newdoc id", id, idlen);
		lede_buf_addc(&out, '\n');
		ndocs_out++;
	}
	nsents_out += nsent;
}

/* Strip a UTF-8 byte-order mark. */
static void
strip_bom(const char **text, size_t *n)
{
	size_t bom = lede_bom(*text, *n);

	*text += bom;
	*n -= bom;
}

static void
plain_file(const char *path)
{
	static LedeBuf buf;
	struct stat st;
	FILE *fp;
	const char *name, *id, *text;
	size_t n;
	int rc;

	if (!(fp = open_input(path, &name, &id)))
		return;
	rc = lede_slurp(fp, &buf, maxdoc);
	if (rc == -1) {
		weprintf("%s: read error:", name);
		status = 1;
	} else if (rc == -2) {
		ndocs_in++;
		weprintf("%s: document %s longer than %zu bytes; skipped", name,
		    id, maxdoc);
		status = 1;
	} else {
		text = buf.p ? buf.p : "";
		n = buf.len;
		strip_bom(&text, &n);
		/*
		 * a file is a document, even empty (and so is what lede names
		 * with --name); an empty standard input, FIFO or device is none
		 */
		keep_empty = fp == stdin ? stdin_name != NULL :
		    fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode);
		document(name, 0, id, strlen(id), "", 0, text, n);
		keep_empty = 1;
	}
	if (fp != stdin)
		fclose(fp);
}

static const char *id_field = "id", *text_field = "text", *title_field = "title";

static int
blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

static void
jsonl_file(const char *path)
{
	static LedeBuf vals[3], fixed;
	const char *keys[3] = {id_field, text_field, title_field};
	const char *name, *base;
	char err[128], idbuf[64];
	int found[3], rc;
	FILE *fp;
	LedeLines *lines;
	char *line;
	size_t len, bom;
	unsigned long lineno;

	if (!(fp = open_input(path, &name, &base)))
		return;
	/* a JSON string may take up to six bytes a byte of text */
	lines = lede_lines_open(fp, name, maxdoc > SIZE_MAX / 6 ? SIZE_MAX : maxdoc * 6);
	while ((rc = lede_lines_next(lines, &line, &len)) != LEDE_IO_EOF) {
		lineno = lede_lines_lineno(lines);
		/* --lines: another run (lede -j) has the others */
		if (rc != LEDE_IO_ERROR && lineno < first_line)
			continue;
		if (last_line && lineno > last_line)
			break;
		if (rc == LEDE_IO_ERROR) {
			weprintf("%s: read error:", name);
			status = 1;
			break;
		}
		if (rc == LEDE_IO_TOOLONG) {
			weprintf("%s:%lu: line longer than %zu bytes; skipped", name,
			    lineno, maxdoc * 6);
			status = 1;
			continue;
		}
		if (lineno == 1 && (bom = lede_bom(line, len))) {
			line += bom;
			len -= bom;
		}
		if (lineno == 1 && utf16(line, len)) {
			/* every line would be refused */
			weprintf("%s:1: " UTF16_TEXT "; file skipped", name);
			status = 1;
			break;
		}
		if (blank(line, len))
			continue;
		/* raw bytes that are not UTF-8, before the parser refuses them */
		if ((replace || cp1252) && check_text(line, len)) {
			size_t bad = replace ? 0 : unreadable(line, len);

			if (bad && !line[bad - 1]) {
				weprintf("%s:%lu: NUL byte; line skipped", name, lineno);
				status = 1;
				continue;
			} else if (bad) {
				weprintf("%s:%lu: invalid UTF-8 (byte 0x%02X, not in "
				    "Windows-1252); line skipped", name, lineno,
				    (unsigned char)line[bad - 1]);
				status = 1;
				continue;
			}
			repair(&fixed, line, len);
			line = fixed.p;
			len = fixed.len;
		}
		if (lede_json_pick(line, len, keys, 3, vals, found, err, sizeof(err)) < 0) {
			weprintf("%s:%lu: invalid JSON (%s); line skipped", name, lineno, err);
			status = 1;
			continue;
		}
		if (!found[1]) {
			weprintf("%s:%lu: no \"%s\" member; line skipped", name, lineno,
			    text_field);
			status = 1;
			continue;
		}
		if (found[0] && vals[0].len) {
			document(name, lineno, vals[0].p, vals[0].len,
			    found[2] ? vals[2].p : "", found[2] ? vals[2].len : 0,
			    vals[1].p, vals[1].len);
		} else {
			int k = snprintf(idbuf, sizeof(idbuf), ":%lu", lineno);
			LedeBuf id = {0};

			lede_buf_adds(&id, base);
			lede_buf_add(&id, idbuf, (size_t)k);
			document(name, lineno, id.p, id.len,
			    found[2] ? vals[2].p : "", found[2] ? vals[2].len : 0,
			    vals[1].p, vals[1].len);
			lede_buf_free(&id);
		}
	}
	lede_lines_free(lines);
	if (fp != stdin)
		fclose(fp);
}

static void
conllu_file(const char *path)
{
	LedeConllu *c;
	FILE *fp;
	LedeLines *lines;
	const char *name, *base;
	char *line, err[512], what[64];
	size_t len, bom;
	int rc;
	unsigned long lineno;

	if (!(fp = open_input(path, &name, &base)))
		return;
	c = lede_conllu_new(base);
	lines = lede_lines_open(fp, name, LEDE_LINE_MAX);
	for (;;) {
		rc = lede_lines_next(lines, &line, &len);
		lineno = lede_lines_lineno(lines);
		if (rc == LEDE_IO_EOF || rc == LEDE_IO_ERROR) {
			if (rc == LEDE_IO_ERROR) {
				weprintf("%s: read error:", name);
				status = 1;
			}
			if (lede_conllu_end(c, &out, err, sizeof(err)) < 0) {
				weprintf("%s:%s", name, err);
				status = 1;
			}
			break;
		}
		if (rc == LEDE_IO_TOOLONG) {
			snprintf(what, sizeof(what), "line longer than %zu bytes", LEDE_LINE_MAX);
			rc = lede_conllu_fail(c, lineno, what, err, sizeof(err));
		} else {
			if (lineno == 1 && (bom = lede_bom(line, len))) {
				line += bom;
				len -= bom;
			}
			rc = lede_conllu_line(c, line, len, lineno, &out, err, sizeof(err));
		}
		if (rc < 0) {
			weprintf("%s:%s", name, err);
			status = 1;
		}
		if (out.len >= OUT_FLUSH)
			flush_out();
	}
	ndocs_in += lede_conllu_ndocs(c);
	ndocs_out += lede_conllu_ndocs(c);
	nsents_out += lede_conllu_nsents(c);
	lede_conllu_free(c);
	lede_lines_free(lines);
	if (fp != stdin)
		fclose(fp);
}

int
main(int argc, char *argv[])
{
	enum { O_JSONL = 256, O_IDF, O_TEXTF, O_TITLEF, O_CONLLU, O_HYPH, O_PARA,
	    O_ABBR, O_REPLACE, O_CP1252, O_MAX, O_LINES, O_NAME, O_STATS, O_HELP, O_VERSION };
	static const struct option longopts[] = {
		{"jsonl", no_argument, NULL, O_JSONL},
		{"id-field", required_argument, NULL, O_IDF},
		{"text-field", required_argument, NULL, O_TEXTF},
		{"title-field", required_argument, NULL, O_TITLEF},
		{"conllu", no_argument, NULL, O_CONLLU},
		{"hyphens", required_argument, NULL, O_HYPH},
		{"paragraphs", required_argument, NULL, O_PARA},
		{"abbr-period", required_argument, NULL, O_ABBR},
		{"replace", no_argument, NULL, O_REPLACE},
		{"cp1252", no_argument, NULL, O_CP1252},
		{"max-size", required_argument, NULL, O_MAX},
		{"lines", required_argument, NULL, O_LINES},
		{"name", required_argument, NULL, O_NAME},
		{"stats", no_argument, NULL, O_STATS},
		{"help", no_argument, NULL, O_HELP},
		{"version", no_argument, NULL, O_VERSION},
		{NULL, 0, NULL, 0},
	};
	int c, i, jsonl = 0, conllu = 0, stats = 0, para = LEDE_PARA_AUTO;
	const char *jsononly = NULL;	/* an option of --jsonl given */
	const char *textonly = NULL;	/* one of text and JSON Lines given */
	int nstdin = 0;
	unsigned opts = 0;
	long v;

	lede_init(argv[0]);
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		switch (c) {
		case O_JSONL:
			jsonl = 1;
			break;
		case O_IDF:
			jsononly = "--id-field";
			id_field = optarg;
			break;
		case O_TEXTF:
			jsononly = "--text-field";
			text_field = optarg;
			break;
		case O_TITLEF:
			jsononly = "--title-field";
			title_field = optarg;
			break;
		case O_CONLLU:
			conllu = 1;
			break;
		case O_HYPH:
			textonly = "--hyphens";
			if (!strcmp(optarg, "split"))
				opts &= ~(unsigned)LEDE_SEG_HYPHEN_KEEP;
			else if (!strcmp(optarg, "keep"))
				opts |= LEDE_SEG_HYPHEN_KEEP;
			else
				uprintf("--hyphens: expected split or keep, not '%s'", optarg);
			break;
		case O_PARA:
			textonly = "--paragraphs";
			if (!strcmp(optarg, "auto"))
				para = LEDE_PARA_AUTO;
			else if (!strcmp(optarg, "line"))
				para = LEDE_PARA_LINE;
			else if (!strcmp(optarg, "blank"))
				para = LEDE_PARA_BLANK;
			else
				uprintf("--paragraphs: expected auto, line or blank, not '%s'", optarg);
			break;
		case O_ABBR:
			textonly = "--abbr-period";
			if (!strcmp(optarg, "split"))
				opts &= ~(unsigned)LEDE_SEG_ABBR_KEEP;
			else if (!strcmp(optarg, "keep"))
				opts |= LEDE_SEG_ABBR_KEEP;
			else
				uprintf("--abbr-period: expected split or keep, not '%s'", optarg);
			break;
		case O_REPLACE:
			textonly = "--replace";
			replace = 1;
			break;
		case O_CP1252:
			textonly = "--cp1252";
			cp1252 = 1;
			break;
		case O_MAX:
			if (lede_strtol(optarg, 1, 1L << 30, &v) < 0)
				uprintf("--max-size: expected a number of bytes from 1 to 1073741824, not '%s'", optarg);
			maxdoc = (size_t)v;
			textonly = "--max-size";
			break;
		case O_LINES: {
			char *dash = strchr(optarg, '-'), *end;
			unsigned long a, b = 0;

			errno = 0;
			a = strtoul(optarg, &end, 10);
			if (!dash || end != dash || a == 0 || errno)
				uprintf("--lines: expected FIRST-LAST (e.g. 1-500, or 501- for the rest), not '%s'", optarg);
			if (dash[1]) {
				b = strtoul(dash + 1, &end, 10);
				if (*end || b < a || errno)
					uprintf("--lines: expected FIRST-LAST (e.g. 1-500, or 501- for the rest), not '%s'", optarg);
			}
			first_line = a;
			last_line = b;
			jsononly = "--lines";
			break;
		}
		case O_NAME:
			if (!*optarg)
				uprintf("--name: expected a name, not ''");
			stdin_name = optarg;
			break;
		case O_STATS:
			stats = 1;
			break;
		case O_HELP:
			usage(stdout);
			return fshut(stdout, "<stdout>");
		case O_VERSION:
			lede_version();
			break;
		default:
			lede_badopt(c, argv);
		}
	}
	if (jsonl && conllu)
		uprintf("--jsonl and --conllu exclude each other");
	if (jsononly && !jsonl)
		uprintf("%s needs --jsonl", jsononly);
	/* options that would do nothing, silently: say so */
	if (conllu && textonly)
		uprintf("--conllu and %s exclude each other (CoNLL-U gives its "
		    "tokens and sentences, and is read as UTF-8)", textonly);
	/* standard input is read once: a second - would be an empty one */
	for (i = optind; i < argc; i++)
		nstdin += !strcmp(argv[i], "-");
	if (nstdin > 1)
		uprintf("standard input (-) given more than once");
	if (stdin_name && optind < argc && !nstdin)
		uprintf("--name names standard input, which is not read (no - "
		    "among the files)");
	seg = lede_seg_new(opts, para);
	if (conllu)
		header(ud_cols, (int)LEDE_LEN(ud_cols));
	else
		header(cols, (int)LEDE_LEN(cols));
	for (i = optind; i < argc || i == optind; i++) {
		const char *f = i < argc ? argv[i] : "-";

		if (jsonl)
			jsonl_file(f);
		else if (conllu)
			conllu_file(f);
		else
			plain_file(f);
		if (out.len)
			flush_out();
		if (ferror(stdout))
			break;
	}
	flush_out();
	if (stats)
		fprintf(stderr, "%s: %lu documents in, %lu out, %lu sentences out\n",
		    argv0, ndocs_in, ndocs_out, nsents_out);
	status |= fshut(stdout, "<stdout>");
	lede_seg_free(seg);
	lede_buf_free(&out);
	lede_buf_free(&clean);
	return status;
}
