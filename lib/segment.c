/* See LICENSE file for copyright and license details. */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "segment.h"
#include "text.h"
#include "util.h"

/*
 * The segmenter works in three steps over one paragraph at a time:
 *
 * 1. The text is cut at white space into chunks; each chunk is split into
 *    units, its grapheme clusters, each with the class of its first code
 *    point (so no cluster is ever split).
 * 2. Each chunk is cut into tokens by left-to-right rules over the units
 *    (words, numbers, clitics, abbreviations, URLs, punctuation ...).
 * 3. The paragraph's tokens are grouped into sentences.
 *
 * The rules are described in docs/TOKENIZE.md.
 */

/* Classes of a unit (of its first code point). */
enum {
	C_LOWER = 1 << 0,
	C_UPPER = 1 << 1,
	C_LETTER = 1 << 2,	/* any letter (L*), or an unassigned code point */
	C_DIGIT = 1 << 3,	/* Nd */
	C_NUMBER = 1 << 4,	/* Nl, No */
	C_MARK = 1 << 5,	/* M*, a mark that starts a chunk */
	C_PUNCT = 1 << 6,	/* P* */
	C_SYMBOL = 1 << 7,	/* S*, controls, private use */
	C_SPACE = 1 << 8,	/* white space */
	C_BREAK = 1 << 9,	/* a line break */
	C_FORMAT = 1 << 10,	/* Cf: glued to its neighbours */
	C_WORD = C_LETTER | C_DIGIT | C_NUMBER | C_MARK,
};

/* Private token flags (LedeTok.flags above the public bits). */
enum {
	T_SPACE = 1 << 8,	/* white space before it */
	T_NL = 1 << 9,		/* a line break before it */
	T_ABBR = 1 << 10,	/* ends in an abbreviation's period */
	T_TITLE = 1 << 11,	/* an abbreviation that never ends a sentence */
	T_TERM = 1 << 12,	/* . ! ? and runs of them */
	T_CLOSE = 1 << 13,	/* a closing bracket or quote */
	T_OPEN = 1 << 14,	/* an opening bracket or quote */
	T_LOWER = 1 << 15,	/* starts with a lower-case letter */
	T_UPPER = 1 << 16,	/* starts with an upper-case letter */
	T_DIGIT = 1 << 17,	/* starts with a digit */
	T_QUOTE = 1 << 18,	/* a straight quote: opening or closing */
	T_HARD = 1 << 19,	/* ends a sentence whatever follows (CJK 。) */
	T_ELLIPSIS = 1 << 20,	/* ... or U+2026 */
	T_LETTER = 1 << 21,	/* starts with a letter */
	T_DOT = 1 << 22,	/* the period of an abbreviation to split off */
	T_PUNCT = 1 << 23,	/* punctuation */
	T_LINEEND = 1 << 24,	/* the last token of a line (BLANK mode) */
};

#define CHUNK_MAX ((size_t)1 << 16)	/* bytes in a chunk */

typedef struct {
	uint32_t b;		/* byte offset in the chunk */
	uint32_t cp;		/* code-point offset in the chunk */
	int32_t c;		/* first code point */
	uint32_t cls;
} Unit;

struct LedeSeg {
	unsigned opts;
	int para;		/* the option */
	int mode;		/* LINE or BLANK for this document */
	const char *text;
	size_t len;
	size_t pos, cpos;	/* where the next paragraph starts */
	int at_start;
	/* the current chunk */
	Unit *u;
	size_t nu, cu;
	size_t coff, ccp;	/* its byte and code-point offsets */
	uint32_t cbefore;	/* T_SPACE | T_NL for its first token */
	int has_at, has_colon;
	/* the current paragraph */
	LedeTok *tok;
	size_t ntok, ctok;
	LedeTok *out;		/* its tokens after periods are split off */
	size_t nout, cout;
	size_t next;		/* next sentence in out */
	size_t nsent_tok;	/* tokens in the sentence being built */
};

static uint32_t ascii_cls[128];

static void
init_ascii(void)
{
	int c;

	if (ascii_cls['a'])
		return;
	for (c = 0; c < 128; c++) {
		uint32_t k;

		if (c >= 'a' && c <= 'z')
			k = C_LETTER | C_LOWER;
		else if (c >= 'A' && c <= 'Z')
			k = C_LETTER | C_UPPER;
		else if (c >= '0' && c <= '9')
			k = C_DIGIT;
		else if (c == ' ' || c == '\t')
			k = C_SPACE;
		else if (c >= 0x0A && c <= 0x0D)
			k = C_SPACE | C_BREAK;
		else if (c < 0x20 || c == 0x7F)
			k = C_SYMBOL;
		else if (strchr("$+<=>^`|~", c))
			k = C_SYMBOL;
		else
			k = C_PUNCT;
		ascii_cls[c] = k;
	}
}

static uint32_t
cls_of(int32_t c)
{
	if (c < 128)
		return ascii_cls[c];
	if (c == 0x85 || c == 0x2028 || c == 0x2029)
		return C_SPACE | C_BREAK;
	switch (utf8proc_category(c)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LT:
		return C_LETTER | C_UPPER;
	case UTF8PROC_CATEGORY_LL:
		return C_LETTER | C_LOWER;
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_CN:
		return C_LETTER;
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
		return C_MARK;
	case UTF8PROC_CATEGORY_ND:
		return C_DIGIT;
	case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return C_NUMBER;
	case UTF8PROC_CATEGORY_PC:
	case UTF8PROC_CATEGORY_PD:
	case UTF8PROC_CATEGORY_PS:
	case UTF8PROC_CATEGORY_PE:
	case UTF8PROC_CATEGORY_PI:
	case UTF8PROC_CATEGORY_PF:
	case UTF8PROC_CATEGORY_PO:
		return C_PUNCT;
	case UTF8PROC_CATEGORY_ZS:
		return C_SPACE;
	case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP:
		return C_SPACE | C_BREAK;
	case UTF8PROC_CATEGORY_CF:
		return C_FORMAT;
	default:		/* S*, Cc, Co */
		return C_SYMBOL;
	}
}

/* Decode the code point at s (valid UTF-8); returns its length. */
static inline int
decode(const char *s, int32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;

	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if (p[0] < 0xE0) {
		*cp = ((p[0] & 0x1F) << 6) | (p[1] & 0x3F);
		return 2;
	}
	if (p[0] < 0xF0) {
		*cp = ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
		return 3;
	}
	*cp = ((p[0] & 0x07) << 18) | ((p[1] & 0x3F) << 12) |
	    ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
	return 4;
}

LedeSeg *
lede_seg_new(unsigned opts, int para)
{
	LedeSeg *sg = ecalloc(1, sizeof(*sg));

	init_ascii();
	sg->opts = opts;
	sg->para = para;
	return sg;
}

void
lede_seg_free(LedeSeg *sg)
{
	if (!sg)
		return;
	free(sg->u);
	free(sg->tok);
	free(sg->out);
	free(sg);
}

int
lede_seg_para(const LedeSeg *sg)
{
	return sg->mode;
}

/*
 * Hard-wrapped text (lines cut at a fixed width inside paragraphs, which
 * are separated by blank lines) has most lines of a paragraph between 40
 * and 100 bytes long, few of them ending a sentence.  Text with one
 * paragraph a line has long lines or lines that end in punctuation.
 * Look at the first MiB.
 */
static int
detect_mode(const char *s, size_t n)
{
	size_t i = 0, start, end, inner = 0, shortl = 0, midl = 0, term = 0;
	int prevnonblank = 0;
	size_t plen = 0;
	char plast = 0;

	if (n > ((size_t)1 << 20))
		n = (size_t)1 << 20;
	while (i < n) {
		const char *nl = memchr(s + i, '\n', n - i);
		size_t k;
		int blank = 1;
		char last = 0;

		start = i;
		end = nl ? (size_t)(nl - s) : n;
		i = end + 1;
		for (k = start; k < end; k++) {
			if (s[k] != ' ' && s[k] != '\t' && s[k] != '\r') {
				blank = 0;
				last = s[k];
			}
		}
		if (!blank && prevnonblank) {
			/* the line before this one is an inner line */
			inner++;
			if (plen <= 100)
				shortl++;
			if (plen >= 40)
				midl++;
			if (strchr(".!?:;\"'", plast))
				term++;
		}
		prevnonblank = !blank;
		plen = end - start;
		plast = last;
	}
	if (inner >= 3 && shortl * 10 >= inner * 9 && midl * 2 >= inner &&
	    term * 10 <= inner * 4)
		return LEDE_PARA_BLANK;
	return LEDE_PARA_LINE;
}

void
lede_seg_start(LedeSeg *sg, const char *text, size_t len)
{
	sg->text = text;
	sg->len = len;
	sg->pos = sg->cpos = 0;
	sg->ntok = sg->nout = sg->next = 0;
	sg->mode = sg->para;
	if (sg->mode == LEDE_PARA_AUTO)
		sg->mode = detect_mode(text, len);
}

/* ---- tokens ---------------------------------------------------------- */

static LedeTok *
push_tok(LedeSeg *sg)
{
	if (sg->ntok == sg->ctok) {
		sg->ctok = sg->ctok ? sg->ctok * 2 : 256;
		sg->tok = ereallocarray(sg->tok, sg->ctok, sizeof(*sg->tok));
	}
	return &sg->tok[sg->ntok++];
}

static int
is_opening(int32_t c)
{
	switch (c) {
	case '(': case '[': case '{': case 0x201C: case 0x2018: case 0xAB:
	case 0x2039: case 0x201E: case 0x201A: case 0x300C: case 0x300E:
	case 0xFF08:
		return 1;
	}
	return 0;
}

static int
is_closing(int32_t c)
{
	switch (c) {
	case ')': case ']': case '}': case 0x201D: case 0x2019: case 0xBB:
	case 0x203A: case 0x300D: case 0x300F: case 0xFF09:
		return 1;
	}
	return 0;
}

static int
is_hardterm(int32_t c)
{
	switch (c) {
	case 0x3002: case 0xFF01: case 0xFF1F: case 0xFF0E: case 0x0964:
	case 0x0965: case 0x061F: case 0x06D4: case 0x037E: case 0x0589:
	case 0x1362: case 0x104B: case 0x0F0D:
		return 1;
	}
	return 0;
}

/* Emit units [i, j) of the chunk as a token (cut when too long). */
static void
emit(LedeSeg *sg, size_t i, size_t j, uint32_t extra)
{
	const Unit *u = sg->u;
	LedeTok *t;
	uint32_t f = extra, k = u[i].cls;
	size_t e;

	if (i == 0)
		f |= sg->cbefore;
	if (k & C_LETTER)
		f |= T_LETTER;
	if (k & C_LOWER)
		f |= T_LOWER;
	else if (k & C_UPPER)
		f |= T_UPPER;
	else if (k & C_DIGIT)
		f |= T_DIGIT;
	if (k & C_PUNCT) {
		int32_t c = u[i].c;

		f |= T_PUNCT;
		if (c == '.' || c == '!' || c == '?') {
			if (c == '.' && j - i >= 2)
				f |= T_ELLIPSIS;
			f |= T_TERM;
		} else if (c == 0x2026) {
			f |= T_TERM | T_ELLIPSIS;
		} else if (c == '"' || c == '\'') {
			f |= T_QUOTE;
		} else if (is_closing(c)) {
			f |= T_CLOSE;
		} else if (is_opening(c) || c == '`') {
			f |= T_OPEN;
		} else if (is_hardterm(c)) {
			f |= T_TERM | T_HARD;
		}
	}
	while (u[j].b - u[i].b > LEDE_SEG_TOKEN_MAX) {
		/* cut an overlong token into pieces */
		for (e = i + 1; u[e + 1].b - u[i].b <= LEDE_SEG_TOKEN_MAX; e++)
			;
		t = push_tok(sg);
		t->off = sg->coff + u[i].b;
		t->start = sg->ccp + u[i].cp;
		t->len = u[e].b - u[i].b;
		t->cplen = u[e].cp - u[i].cp;
		t->flags = f;
		f &= ~(uint32_t)(T_SPACE | T_NL);
		i = e;
	}
	t = push_tok(sg);
	t->off = sg->coff + u[i].b;
	t->start = sg->ccp + u[i].cp;
	t->len = u[j].b - u[i].b;
	t->cplen = u[j].cp - u[i].cp;
	t->flags = f;
}

/* ---- word lists ------------------------------------------------------ */

/* Compare s[0..n) with the NUL-terminated w, ignoring ASCII case. */
static int
eqi(const char *s, size_t n, const char *w)
{
	size_t k;

	for (k = 0; k < n; k++) {
		unsigned char a = (unsigned char)s[k], b = (unsigned char)w[k];

		if (!b)
			return 0;
		if (a >= 'A' && a <= 'Z')
			a += 32;
		if (a != b)
			return 0;
	}
	return w[n] == '\0';
}

static int
in_list(const char *s, size_t n, const char *const *list, int icase)
{
	for (; *list; list++) {
		if (icase ? eqi(s, n, *list) :
		    (strlen(*list) == n && !memcmp(s, *list, n)))
			return 1;
	}
	return 0;
}

/* Abbreviations that take a period, in any case. */
static const char *const abbr_any[] = {
	"mr", "mrs", "ms", "messrs", "dr", "prof", "jr", "sr", "st", "vs",
	"etc", "inc", "corp", "ltd", "co", "bros", "cos", "approx", "dept",
	"univ", "assn", "ave", "blvd", "hwy", "govt", "est", "cf", "viz",
	"al", "ca", "esp", "misc", "sq", "ft", "mt", "rd", "hon", "rev", "gen",
	"sen", "rep", "gov", "lt", "col", "maj", "capt", "cmdr", "sgt", "adm",
	"pres", "supt", "atty", "mfg", "intl", "natl", "mme", "mssrs", "ph",
	"vol", "vols", "ed", "eds", "fig", "figs", "apt", "tel", "ext", "dist",
	"oz", "lb", "lbs", "yr", "yrs", "wk", "min", "hr", "hrs", "sec",
	"pt", "pts", "mil", "ref", "mgr", "asst", "assoc", "sept", NULL,
};

/* Abbreviations that take a period only when capitalized as here. */
static const char *const abbr_cap[] = {
	"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
	"Dec", "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla",
	"Ga", "Ill", "Ind", "Kan", "Kans", "Ky", "La", "Md", "Mass", "Mich",
	"Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa",
	"Penn", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo", "Ont", "Que",
	"Alta", "Sask", "Man", "Mex", "Fr", "Msgr", "Gens", "Reps", "Sens",
	"Govs", "Sgts", "Wm", "Geo", "Chas", "Thos", "Jas", "Ald", "Brig",
	"Cpl", "Pvt", "Gov", "Det", "Insp", "Supt", "Amb", "No", "Nos", NULL,
};

/* Abbreviations that take a period only before a number ("No. 5"). */
static const char *const abbr_num[] = {
	"no", "nos", "p", "pp", "art", "arts", "para", "ch", "nr", "op", NULL,
};

/* Abbreviations before a name: they never end a sentence. */
static const char *const abbr_title[] = {
	"mr", "mrs", "ms", "messrs", "dr", "prof", "hon", "rev", "gen",
	"sen", "rep", "gov", "lt", "col", "maj", "capt", "cmdr", "sgt", "adm",
	"pres", "supt", "atty", "mme", "msgr", "fr", "gens", "reps", "sens",
	"govs", "sgts", "brig", "cpl", "pvt", "det", "insp", "amb", "mssrs",
	"no", "nos", "vs", "pp", "p", "art", "ch", "nr", "op", NULL,
};

/*
 * Words that often start a sentence: after an abbreviation such as
 * "U.S." or "Inc." they tell that the period also ends the sentence.
 */
static const char *const starters[] = {
	"The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This",
	"That", "These", "Those", "There", "Their", "His", "Her", "Its", "Our",
	"My", "Your", "In", "On", "At", "For", "But", "And", "Or", "So", "If",
	"As", "When", "While", "After", "Before", "Although", "Though",
	"Because", "Since", "During", "Meanwhile", "However", "Also", "Other",
	"Some", "Many", "Most", "Both", "All", "Each", "Every", "One", "Not",
	"Yet", "Still", "Then", "Now", "Here", "What", "Why", "How", "Who",
	"Where", "Which", "Such", "Only", "Even", "Last", "Next", "First",
	"According", "Under", "Despite", "Without", "With", "By", "From", "To",
	"Thanks", "Please", "Is", "Are", "Was", "Were", "Do", "Does", "Did",
	"Can", "Could", "Will", "Would", "Should", "Let", "Just", "Our", "Mr.",
	"Ms.", "Mrs.", "Dr.", "Shares", "Analysts", "Officials", NULL,
};

/*
 * Words that are two syntactic words: where to cut them.  In the Penn
 * Treebank and UD: "cannot" is "can not", "gonna" "gon na" ... and the
 * apostrophe-less spellings of web text ("dont") split like "don't".
 */
static const struct {
	const char *w;
	int cut;
} twowords[] = {
	{"cannot", 3}, {"gonna", 3}, {"wanna", 3}, {"gotta", 3},
	{"lemme", 3}, {"gimme", 3}, {"dont", 2}, {"didnt", 3},
	{"doesnt", 4}, {"isnt", 2}, {"wasnt", 3}, {"werent", 4},
	{"arent", 3}, {"cant", 2}, {"couldnt", 5}, {"wouldnt", 5},
	{"shouldnt", 6}, {"havent", 4}, {"hasnt", 3}, {"hadnt", 3},
	{"aint", 2}, {"youre", 3}, {"theyre", 4}, {"im", 1}, {"ive", 1},
	{"youve", 3}, {"theyve", 4}, {"thats", 4}, {"whats", 4},
	{"wont", 2}, {"hes", 2}, {"shes", 3}, {"lets", 3}, {NULL, 0},
};

/* Prefixes kept with the rest of a hyphenated word in the UD rule. */
static const char *const prefixes[] = {
	"e", "non", "pre", "post", "anti", "re", "mid", "co", "over", "pro",
	"multi", "ex", "sub", "semi", "psycho", "neo", "cross", "un", "socio",
	"micro", "intra", "counter", "arch", "bi", "tri", "inter", "mis",
	"macro", "mega", "mini", "quasi", "pseudo", "ultra", "hyper", "infra",
	"trans", "extra", "de", "dis", "self-", "out", "up", "under", "vice",
	"uni", "poly", "auto", "cyber", "eco", "geo", "bio", "mono", "pan",
	"proto", "retro", "supra", "tele", "neuro", "hydro", "electro",
	"photo", "thermo", "agro", "euro", "afro", "indo", "sino", "franco",
	"anglo", "russo", "greco", "judeo", "austro", NULL,
};

static const char *const emoticons[] = {
	":)", ":-)", ":(", ":-(", ";)", ";-)", ":D", ":-D", ":P", ":-P",
	":p", ":-p", ":/", ":-/", ":'(", ":O", ":o", ":-O", ":|", ":-|",
	";D", ":]", ":[", "=)", "=(", "<3", "</3", "^_^", "^^", "-_-", "o_O",
	"O_o", ":*", ":-*", "XD", "xD", ":S", ":$", "B)", "8)", ":3", NULL,
};

/* ---- chunk rules ----------------------------------------------------- */

#define U(k) (sg->u[k])
#define CLS(k) ((k) < sg->nu ? sg->u[k].cls : 0)
#define CH(k) ((k) < sg->nu ? sg->u[k].c : -1)
#define BYTES(k) (sg->text + sg->coff + sg->u[k].b)
#define NBYTES(i, j) ((size_t)(sg->u[j].b - sg->u[i].b))

static int
is_apos(int32_t c)
{
	return c == '\'' || c == 0x2019 || c == '`';
}

static int
is_hyphen(int32_t c)
{
	return c == '-' || c == 0x2010 || c == 0x2011;
}

/* 1 when units [i, j) all have one of the classes in cls. */
static int
all_cls(const LedeSeg *sg, size_t i, size_t j, uint32_t cls)
{
	for (; i < j; i++)
		if (!(sg->u[i].cls & cls))
			return 0;
	return 1;
}

/* End of the run of word units from i. */
static size_t
word_end(const LedeSeg *sg, size_t i)
{
	while (i < sg->nu && (sg->u[i].cls & C_WORD))
		i++;
	return i;
}

/* The first non-space code point after the chunk, or -1. */
static int32_t
peek_after(const LedeSeg *sg)
{
	size_t p = sg->coff + sg->u[sg->nu].b;
	int32_t c;

	while (p < sg->len) {
		p += (size_t)decode(sg->text + p, &c);
		if (!(cls_of(c) & C_SPACE))
			return c;
	}
	return -1;
}

static int
url_char_ok(int32_t c)
{
	return c > ' ' && c != '<' && c != '>' && c != '"';
}

/* A URL, e-mail address, handle, hashtag or emoticon at unit i: its end. */
static size_t
special(LedeSeg *sg, size_t i)
{
	const char *s = BYTES(i);
	size_t n = sg->nu, rest = NBYTES(i, n), j, k;
	int32_t c = U(i).c;
	const char *const *e;

	if (c == 'h' || c == 'H' || c == 'f' || c == 'F' || c == 'w' || c == 'W') {
		size_t pre = 0;

		if (rest > 7 && eqi(s, 7, "http://"))
			pre = 7;
		else if (rest > 8 && eqi(s, 8, "https://"))
			pre = 8;
		else if (rest > 6 && eqi(s, 6, "ftp://"))
			pre = 6;
		else if (rest > 4 && eqi(s, 4, "www.") && (CLS(i + 4) & C_WORD))
			pre = 4;
		if (pre) {
			int depth = 0;

			for (j = i; j < n && url_char_ok(U(j).c); j++) {
				if (U(j).c == '(')
					depth++;
				else if (U(j).c == ')')
					depth--;
			}
			/* trailing punctuation belongs to the sentence */
			while (j > i + pre) {
				int32_t d = U(j - 1).c;

				if (d == ')' && depth < 0) {
					depth++;
					j--;
				} else if (d != ')' && d != '/' && (U(j - 1).cls & C_PUNCT) &&
				    d != '_' && d != '#' && d != '%' && d != '-') {
					j--;
				} else {
					break;
				}
			}
			return j;
		}
	}
	if (c == '@' || c == '#') {
		/* @handle, #hashtag */
		int letter = 0;

		for (j = i + 1; j < n && ((U(j).cls & C_WORD) || U(j).c == '_'); j++)
			if (U(j).cls & C_LETTER)
				letter = 1;
		if (j > i + 1 && (c == '@' || letter))
			return j;
		return i;
	}
	if (sg->has_at && (U(i).cls & (C_LETTER | C_DIGIT))) {
		/* local@domain.tld */
		for (j = i; j < n && ((U(j).cls & (C_LETTER | C_DIGIT)) ||
		    (U(j).c < 128 && strchr("._%+-", U(j).c))); j++)
			;
		if (j < n && U(j).c == '@' && j > i) {
			size_t lastdot = 0;

			for (k = j + 1; k < n && ((U(k).cls & (C_LETTER | C_DIGIT)) ||
			    U(k).c == '-' || U(k).c == '.'); k++) {
				if (U(k).c == '.' && k + 1 < n && (U(k + 1).cls & C_LETTER))
					lastdot = k;
			}
			while (k > j + 1 && (U(k - 1).c == '.' || U(k - 1).c == '-'))
				k--;
			if (lastdot && lastdot < k && k - lastdot > 2)
				return k;
		}
	}
	if (sg->has_colon || c == '<' || c == ';' || c == '^' || c == '=' ||
	    c == 'X' || c == 'x' || c == '-' || c == 'O' || c == 'o' || c == 'B' ||
	    c == '8') {
		for (e = emoticons; *e; e++) {
			size_t m = strlen(*e);

			if (m == rest && !memcmp(s, *e, m))
				return n;
		}
	}
	if (is_apos(c) && i + 1 < n) {
		/* '90s, '08 */
		if ((CLS(i + 1) & C_DIGIT) && (CLS(i + 2) & C_DIGIT) &&
		    !(CLS(i + 3) & C_DIGIT)) {
			j = i + 3;
			if (CH(j) == 's')
				j++;
			if (!(CLS(j) & C_WORD))
				return j;
		}
		/* a clitic written apart: 's 're n't (tokenized input) */
		if (CLS(i + 1) & C_LETTER) {
			j = word_end(sg, i + 1);
			if ((i == 0 || !(CLS(i - 1) & C_WORD)) && j - i <= 3 &&
			    in_list(BYTES(i + 1), NBYTES(i + 1, j),
			    (const char *const[]){"s", "m", "d", "ll", "re", "ve", NULL}, 1))
				return j;
		}
	}
	return i;
}

/* Is there a clitic [j, k) after the apostrophe at j? */
static int
clitic(const LedeSeg *sg, size_t j, size_t k)
{
	static const char *const cl[] = {"s", "m", "d", "ll", "re", "ve", NULL};

	return k - j <= 3 && in_list(BYTES(j + 1), NBYTES(j + 1, k), cl, 1);
}

/* May the word [i, j) go on over the connector at j into [j+1, k)? */
static int
joins(LedeSeg *sg, size_t i, size_t seg, size_t j, size_t k)
{
	int32_t c = U(j).c;
	uint32_t l = U(j - 1).cls, r = U(j + 1).cls;

	switch (c) {
	case '.':
		return ((l & C_DIGIT) && (r & C_DIGIT)) ||
		    ((l & C_LETTER) && (r & C_LETTER));
	case ',':
		return (l & C_DIGIT) && k - j == 4 && all_cls(sg, j + 1, k, C_DIGIT) &&
		    all_cls(sg, i, j, C_DIGIT | C_PUNCT);
	case ':':
	case '/':
		return (l & C_DIGIT) && (r & C_DIGIT);
	case '&':
		return j - seg <= 3 && k - j <= 4 && all_cls(sg, seg, j, C_UPPER) &&
		    all_cls(sg, j + 1, k, C_UPPER);
	case '_':
		return 1;
	}
	if (is_hyphen(c)) {
		size_t g, ng = 0, len[3] = {0, 0, 0};

		if (sg->opts & LEDE_SEG_HYPHEN_KEEP)
			return 1;
		if (all_cls(sg, seg, j, C_DIGIT) && all_cls(sg, j + 1, k, C_DIGIT)) {
			/* 713-853-3989, 11-20-2000 stay whole; 5-10 is a range */
			for (g = i; g < sg->nu; ) {
				size_t e = g;

				while (e < sg->nu && (U(e).cls & C_DIGIT))
					e++;
				if (e == g)
					break;
				if (ng < 3)
					len[ng] = e - g;
				ng++;
				if (e < sg->nu && is_hyphen(U(e).c))
					g = e + 1;
				else
					break;
			}
			return ng >= 3 || (ng == 2 && len[0] >= 3 && len[1] >= 4);
		}
		return seg == i && in_list(BYTES(i), NBYTES(i, j), prefixes, 1);
	}
	return 0;
}

/* Number then letters ("35mm", "7:30PM"): where the letters start, or 0. */
static size_t
unit_cut(const LedeSeg *sg, size_t i, size_t j)
{
	static const char *const keep[] = {
		"st", "nd", "rd", "th", "s", "d", NULL,
	};
	size_t k;

	if (!(U(i).cls & C_DIGIT))
		return 0;
	for (k = i; k < j && !(U(k).cls & C_LETTER); k++)
		if (!(U(k).cls & C_DIGIT) && !(U(k).c == '.' || U(k).c == ',' ||
		    U(k).c == ':'))
			return 0;
	if (k == j || !all_cls(sg, k, j, C_LETTER))
		return 0;
	if (in_list(BYTES(k), NBYTES(k, j), keep, 1))
		return 0;
	return k;
}

/* A word from unit i (a word unit): emit its tokens, return its end. */
static size_t
word(LedeSeg *sg, size_t i)
{
	size_t n = sg->nu, j, seg = i, k, cut;
	int32_t c;

	for (;;) {
		j = word_end(sg, seg);
		if (j + 1 >= n || !(U(j + 1).cls & C_WORD))
			break;
		c = U(j).c;
		k = word_end(sg, j + 1);
		if (is_apos(c)) {
			if (CH(j - 1) == 'n' || CH(j - 1) == 'N') {
				if (k == j + 2 && (CH(j + 1) == 't' || CH(j + 1) == 'T')) {
					/* don't -> do n't */
					if (j - 1 > i)
						emit(sg, i, j - 1, 0);
					emit(sg, j - 1, k, 0);
					return k;
				}
			}
			if (clitic(sg, j, k)) {
				emit(sg, i, j, 0);
				emit(sg, j, k, 0);
				return k;
			}
			seg = j + 1;	/* O'Brien */
			continue;
		}
		if ((U(j).cls & C_FORMAT) || joins(sg, i, seg, j, k)) {
			seg = j + 1;
			continue;
		}
		break;
	}
	/* the period of an abbreviation */
	if (j < n && U(j).c == '.' && CH(j + 1) != '.') {
		const char *s = BYTES(i);
		size_t m = NBYTES(i, j), q;
		int dotted = 0, abbr = 0, title = 0;

		if (U(i).cls & C_LETTER) {
			/* U.S, e.g, Ph.D: segments of one or two letters */
			dotted = 1;
			for (q = i, seg = i; q <= j; q++) {
				if (q == j || U(q).c == '.') {
					if (q == seg || q - seg > 2 ||
					    !all_cls(sg, seg, q, C_LETTER))
						dotted = 0;
					seg = q + 1;
				}
			}
			if (dotted && m > 2)
				abbr = 1;
			else if (j == i + 1 && (U(i).cls & C_UPPER))
				abbr = 1;	/* an initial */
			else if (in_list(s, m, abbr_any, 1) || in_list(s, m, abbr_cap, 0))
				abbr = 1;
			else if (j + 1 == n && in_list(s, m, abbr_num, 1)) {
				int32_t a = peek_after(sg);

				abbr = a >= '0' && a <= '9';
			}
			if (abbr && in_list(s, m, abbr_title, 1))
				title = 1;
		}
		if (abbr) {
			emit(sg, i, j + 1, T_ABBR | (title ? T_TITLE : 0));
			return j + 1;
		}
	}
	/* two words in one */
	if (j - i <= 8 && U(j - 1).c < 128) {
		for (k = 0; twowords[k].w; k++) {
			if (eqi(BYTES(i), NBYTES(i, j), twowords[k].w)) {
				size_t m = i + (size_t)twowords[k].cut;

				emit(sg, i, m, 0);
				emit(sg, m, j, 0);
				return j;
			}
		}
	}
	if ((cut = unit_cut(sg, i, j))) {
		emit(sg, i, cut, 0);
		emit(sg, cut, j, 0);
		return j;
	}
	emit(sg, i, j, 0);
	return j;
}

/* A run of punctuation from unit i: its end. */
static size_t
punct_run(const LedeSeg *sg, size_t i)
{
	size_t j = i + 1, n = sg->nu;
	int32_t c = U(i).c;

	if (c == '!' || c == '?') {
		while (j < n && (U(j).c == '!' || U(j).c == '?'))
			j++;
	} else if (c == '.' || c == '-' || c == '*' || c == '\'' || c == '`' ||
	    c == '=' || c == '_' || c == '~' || c == '#' || c == 0x2014 || c == 0x2013) {
		while (j < n && U(j).c == c)
			j++;
	}
	return j;
}

static void
scan_chunk(LedeSeg *sg)
{
	size_t i = 0, j, n = sg->nu;

	while (i < n) {
		if ((j = special(sg, i)) > i) {
			emit(sg, i, j, 0);
			i = j;
			continue;
		}
		if (U(i).cls & C_WORD) {
			i = word(sg, i);
			continue;
		}
		if (U(i).cls & C_PUNCT) {
			j = punct_run(sg, i);
			emit(sg, i, j, 0);
			i = j;
			continue;
		}
		emit(sg, i, i + 1, 0);
		i++;
	}
}

/*
 * Split the chunk that starts at byte pos (a non-space) into units; return
 * the byte offset of its end.
 */
static size_t
build_units(LedeSeg *sg, size_t pos, size_t *cpos)
{
	const char *t = sg->text;
	size_t end = sg->len, p = pos, ncp = 0, max = pos + CHUNK_MAX;
	utf8proc_int32_t state = 0;
	int32_t prev = -1, c;
	Unit *u;

	sg->nu = 0;
	sg->has_at = sg->has_colon = 0;
	if (max > end)
		max = end;
	while (p < end) {
		unsigned char b = (unsigned char)t[p];
		uint32_t k;
		int len;

		if (b < 0x80) {
			c = b;
			len = 1;
			k = ascii_cls[b];
		} else {
			len = decode(t + p, &c);
			k = cls_of(c);
		}
		if (k & C_SPACE)
			break;
		if (prev >= 0 && (b >= 0x80 || prev >= 0x80) &&
		    !utf8proc_grapheme_break_stateful(prev, c, &state)) {
			/* the same grapheme cluster */
			prev = c;
			p += (size_t)len;
			ncp++;
			if (sg->u[sg->nu - 1].cls & C_FORMAT)
				sg->u[sg->nu - 1].cls = k;
			continue;
		}
		if (prev >= 0 && (k & C_FORMAT)) {
			/* a format character is glued to the unit before it */
			prev = c;
			state = 0;
			p += (size_t)len;
			ncp++;
			continue;
		}
		state = 0;
		if (sg->nu && sg->u[sg->nu - 1].cls == C_FORMAT) {
			/* format characters that start the chunk: glue them on */
			sg->u[sg->nu - 1].c = c;
			sg->u[sg->nu - 1].cls = k;
			prev = c;
			p += (size_t)len;
			ncp++;
			continue;
		}
		if (p >= max)
			break;
		if (sg->nu + 1 >= sg->cu) {
			sg->cu = sg->cu ? sg->cu * 2 : 256;
			sg->u = ereallocarray(sg->u, sg->cu, sizeof(*sg->u));
		}
		u = &sg->u[sg->nu++];
		u->b = (uint32_t)(p - pos);
		u->cp = (uint32_t)ncp;
		u->c = c;
		u->cls = k;
		if (c == '@')
			sg->has_at = 1;
		else if (c == ':')
			sg->has_colon = 1;
		prev = c;
		p += (size_t)len;
		ncp++;
	}
	/* the sentinel */
	if (sg->nu + 1 > sg->cu) {
		sg->cu = sg->cu ? sg->cu * 2 : 256;
		sg->u = ereallocarray(sg->u, sg->cu, sizeof(*sg->u));
	}
	sg->u[sg->nu].b = (uint32_t)(p - pos);
	sg->u[sg->nu].cp = (uint32_t)ncp;
	sg->u[sg->nu].c = -1;
	sg->u[sg->nu].cls = 0;
	*cpos += ncp;
	return p;
}

/* ---- sentences ------------------------------------------------------- */

static int
is_starter(const LedeSeg *sg, const LedeTok *t)
{
	return in_list(sg->text + t->off, t->len, starters, 0);
}

/* Decide sentence boundaries among the paragraph's tokens. */
static void
split_sentences(LedeSeg *sg)
{
	LedeTok *t = sg->tok;
	size_t m = sg->ntok, k, e;

	t[0].flags |= LEDE_TOK_SENT | LEDE_TOK_PAR;
	for (k = 0; k < m; k++) {
		uint32_t f = t[k].flags, nf;
		int end = 0;

		if (!(f & (T_TERM | T_ABBR)))
			continue;
		for (e = k + 1; e < m; e++) {
			uint32_t g = t[e].flags;

			if (g & T_SPACE)
				break;
			if (!(g & (T_CLOSE | T_QUOTE | T_TERM)))
				break;
		}
		if (e == m)
			continue;
		nf = t[e].flags;
		if (!(nf & T_SPACE) && !(f & T_HARD))
			continue;
		if (f & T_HARD) {
			end = 1;
		} else if (f & T_ABBR) {
			if (f & T_TITLE)
				continue;
			end = is_starter(sg, &t[e]);
		} else if (f & T_ELLIPSIS) {
			end = (nf & T_UPPER) != 0;
		} else {
			end = !(nf & T_LOWER) && !((nf & T_PUNCT) &&
			    !(nf & (T_OPEN | T_QUOTE)));
		}
		if (end) {
			t[e].flags |= LEDE_TOK_SENT;
			if ((f & T_ABBR) && e == k + 1 &&
			    !(sg->opts & LEDE_SEG_ABBR_KEEP))
				t[k].flags |= T_DOT;
		}
	}
	/* the last token of the paragraph */
	if ((t[m - 1].flags & T_ABBR) && !(t[m - 1].flags & T_TITLE) &&
	    !(sg->opts & LEDE_SEG_ABBR_KEEP))
		t[m - 1].flags |= T_DOT;
}

static LedeTok *
push_out(LedeSeg *sg)
{
	if (sg->nout == sg->cout) {
		sg->cout = sg->cout ? sg->cout * 2 : 256;
		sg->out = ereallocarray(sg->out, sg->cout, sizeof(*sg->out));
	}
	return &sg->out[sg->nout++];
}

/* Copy the tokens to out, splitting periods off and cutting long sentences. */
static void
finish_paragraph(LedeSeg *sg)
{
	size_t k, ntok = 0, sstart = 0;
	LedeTok *o;

	sg->nout = 0;
	sg->next = 0;
	for (k = 0; k < sg->ntok; k++) {
		LedeTok t = sg->tok[k];

		if (t.flags & LEDE_TOK_SENT) {
			ntok = 0;
			sstart = t.off;
		} else if (ntok >= LEDE_SEG_SENT_MAX ||
		    t.off + t.len - sstart > LEDE_SEG_SENT_BYTES) {
			t.flags |= LEDE_TOK_SENT;
			ntok = 0;
			sstart = t.off;
		}
		o = push_out(sg);
		*o = t;
		ntok++;
		if ((t.flags & T_DOT) && t.len > 1) {
			o->len--;
			o->cplen--;
			o = push_out(sg);
			*o = t;
			o->off = t.off + t.len - 1;
			o->start = t.start + t.cplen - 1;
			o->len = o->cplen = 1;
			o->flags = T_PUNCT | T_TERM;
			ntok++;
		}
	}
}

/*
 * Tokenize the next paragraph into sg->tok.  Returns 0 at the end of the
 * document.
 */
static int
next_paragraph(LedeSeg *sg)
{
	const char *t = sg->text;
	size_t pos = sg->pos, cpos = sg->cpos, len = sg->len;
	int breaks, first = 1;

	sg->ntok = 0;
	for (;;) {
		uint32_t before = 0;

		breaks = 0;
		while (pos < len) {
			unsigned char b = (unsigned char)t[pos];
			int32_t c;
			int n;

			if (b < 0x80) {
				if (!(ascii_cls[b] & C_SPACE))
					break;
				if (b == '\r' && pos + 1 < len && t[pos + 1] == '\n') {
					pos++;
					cpos++;
				}
				if (b == '\f')
					breaks += 2;
				else if (ascii_cls[b] & C_BREAK)
					breaks++;
				pos++;
				cpos++;
				before |= T_SPACE;
				continue;
			}
			n = decode(t + pos, &c);
			if (!(cls_of(c) & C_SPACE))
				break;
			if (c == 0x2029)
				breaks += 2;
			else if (c == 0x2028 || c == 0x85)
				breaks++;
			pos += (size_t)n;
			cpos++;
			before |= T_SPACE;
		}
		if (breaks)
			before |= T_NL;
		if (!first && (breaks >= 2 || (breaks && sg->mode == LEDE_PARA_LINE)))
			break;
		if (pos >= len)
			break;
		first = 0;
		sg->coff = pos;
		sg->ccp = cpos;
		sg->cbefore = before;
		pos = build_units(sg, pos, &cpos);
		if (sg->nu)
			scan_chunk(sg);
	}
	sg->pos = pos;
	sg->cpos = cpos;
	if (sg->ntok == 0)
		return 0;
	split_sentences(sg);
	finish_paragraph(sg);
	return 1;
}

size_t
lede_seg_next(LedeSeg *sg, const LedeTok **tok)
{
	size_t k;

	if (sg->next >= sg->nout) {
		if (!next_paragraph(sg))
			return 0;
	}
	k = sg->next + 1;
	while (k < sg->nout && !(sg->out[k].flags & LEDE_TOK_SENT))
		k++;
	*tok = sg->out + sg->next;
	k -= sg->next;
	sg->next += k;
	return k;
}
