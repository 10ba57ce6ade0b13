/* See LICENSE file for copyright and license details. */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

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
	T_EMOTICON = 1 << 24,	/* :) and the like */
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
	size_t wrap;		/* the width of hard-wrapped text, or 0 */
	size_t linestart;	/* code-point offset of the current line */
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
	uint32_t special_flags;	/* flags of the token special() found */
	/* the current paragraph */
	LedeTok *tok;
	size_t ntok, ctok;
	LedeTok *out;		/* its tokens after periods are split off */
	LedeTok *outbuf;	/* where out points when they are */
	size_t nout, cout;
	size_t ndot;		/* periods to split off */
	size_t next;		/* next sentence in out */
	size_t nsent_tok;	/* tokens in the sentence being built */
};

/* classes of ASCII bytes; 0 for bytes >= 0x80 (part of a longer character) */
static uint32_t ascii_cls[256];

static void init_words(void);

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
	init_words();
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
	free(sg->outbuf);
	free(sg);
}

int
lede_seg_para(const LedeSeg *sg)
{
	return sg->mode;
}

/* Length in code points of s[0..n) without trailing white space. */
static size_t
line_len(const char *s, size_t n)
{
	size_t k, len = 0;

	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	for (k = 0; k < n; k++)
		len += ((unsigned char)s[k] & 0xC0) != 0x80;
	return len;
}

/* Length in code points of the first word of s[0..n). */
static size_t
first_word(const char *s, size_t n)
{
	size_t k = 0, len = 0;

	while (k < n && (s[k] == ' ' || s[k] == '\t'))
		k++;
	for (; k < n && s[k] != ' ' && s[k] != '\t' && s[k] != '\r'; k++)
		len += ((unsigned char)s[k] & 0xC0) != 0x80;
	return len;
}

/*
 * Is the text hard-wrapped (lines cut at a fixed width inside paragraphs,
 * which blank lines separate)?  Then the width W is about the length of
 * the longest lines, and almost no line inside a paragraph is short
 * enough that the next line's first word would have fitted after it
 * (at most a quarter, for headings and ends of paragraphs; text with
 * one paragraph a line has nine in ten).
 * Text with one paragraph a line has lines of any length.  Looks at the
 * first MiB; returns W, or 0 when the text is not wrapped.
 */
static size_t
detect_wrap(const char *s, size_t n)
{
	enum { HMAX = 512 };
	size_t hist[HMAX + 1] = {0}, inner = 0, fits = 0, w = 0, acc, k;
	size_t i, pass;

	if (n > ((size_t)1 << 20))
		n = (size_t)1 << 20;
	for (pass = 0; pass < 2; pass++) {
		size_t prevlen = 0;
		int prevnonblank = 0;

		for (i = 0; i < n; ) {
			const char *nl = memchr(s + i, '\n', n - i);
			size_t end = nl ? (size_t)(nl - s) : n;
			size_t len = line_len(s + i, end - i);

			if (len && prevnonblank) {
				/* the line before this one is inside a paragraph */
				if (pass == 0) {
					hist[prevlen < HMAX ? prevlen : HMAX]++;
					inner++;
				} else if (prevlen + 1 + first_word(s + i, end - i) <= w) {
					fits++;
				}
			}
			prevnonblank = len != 0;
			prevlen = len;
			i = end + 1;
		}
		if (pass == 0) {
			if (inner < 3)
				return 0;
			/* W: the 90th percentile of the lengths */
			for (k = 0, acc = 0; k <= HMAX; k++) {
				acc += hist[k];
				if (acc * 10 >= inner * 9)
					break;
			}
			w = k;
			if (w < 30 || w > 160)
				return 0;
		}
	}
	return fits * 4 <= inner ? w : 0;
}

void
lede_seg_start(LedeSeg *sg, const char *text, size_t len)
{
	sg->text = text;
	sg->len = len;
	sg->pos = sg->cpos = sg->linestart = 0;
	sg->ntok = sg->nout = sg->next = 0;
	sg->mode = sg->para;
	sg->wrap = 0;
	if (sg->mode != LEDE_PARA_LINE) {
		sg->wrap = detect_wrap(text, len);
		if (sg->mode == LEDE_PARA_AUTO)
			sg->mode = sg->wrap ? LEDE_PARA_BLANK : LEDE_PARA_LINE;
	}
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

/*
 * Emit units [i, j) of the chunk as a token.  One longer than
 * LEDE_SEG_TOKEN_MAX bytes is cut into pieces of at most that many: each
 * after the last cluster that fits, or, when the first cluster alone is
 * longer than the limit, inside it after the last code point that fits.
 */
static void
emit(LedeSeg *sg, size_t i, size_t j, uint32_t extra)
{
	const Unit *u = sg->u;
	const unsigned char *s = (const unsigned char *)sg->text + sg->coff;
	LedeTok *t;
	uint32_t f = extra, k = u[i].cls, b, cp, nb, ncp, q;
	size_t e;

	if (i >= j)
		return;
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
	/* the piece starts at byte b, code point cp of the chunk, in unit i */
	b = u[i].b;
	cp = u[i].cp;
	while (u[j].b - b > LEDE_SEG_TOKEN_MAX) {
		if (u[i + 1].b - b <= LEDE_SEG_TOKEN_MAX) {
			/* i + 1 < j: the last cluster boundary that fits */
			for (e = i + 1; u[e + 1].b - b <= LEDE_SEG_TOKEN_MAX; e++)
				;
			nb = u[e].b;
			ncp = u[e].cp;
			i = e;
		} else {
			/* a cluster longer than the limit */
			nb = b + LEDE_SEG_TOKEN_MAX;
			while ((s[nb] & 0xC0) == 0x80)
				nb--;
			for (ncp = cp, q = b; q < nb; q++)
				ncp += (s[q] & 0xC0) != 0x80;
		}
		t = push_tok(sg);
		t->off = sg->coff + b;
		t->start = sg->ccp + cp;
		t->len = nb - b;
		t->cplen = ncp - cp;
		t->flags = f;
		f &= ~(uint32_t)(T_SPACE | T_NL);
		b = nb;
		cp = ncp;
	}
	t = push_tok(sg);
	t->off = sg->coff + b;
	t->start = sg->ccp + cp;
	t->len = u[j].b - b;
	t->cplen = u[j].cp - cp;
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
	"pt", "pts", "mil", "ref", "mgr", "asst", "assoc", "sept", "eg", "ie",
	NULL,
};

/* Abbreviations that take a period only when capitalized as here. */
static const char *const abbr_cap[] = {
	"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
	"Dec", "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla",
	"Ga", "Ill", "Ind", "Kan", "Kans", "Ky", "La", "Md", "Mass", "Mich",
	"Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa",
	"Penn", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo", "Ont", "Que",
	"Alta", "Sask", "Mex", "Fr", "Cal", "Msgr", "Gens", "Reps", "Sens",
	"Govs", "Sgts", "Wm", "Geo", "Chas", "Thos", "Jas", "Ald", "Brig",
	"Cpl", "Pvt", "Gov", "Det", "Insp", "Supt", "Amb", "Mon", "Tue", "Tues",
	"Wed", "Thu", "Thur", "Thurs", "Fri", NULL,
};

/* Abbreviations that take a period only before a number ("No. 5"). */
static const char *const abbr_num[] = {
	"no", "nos", "p", "pp", "art", "arts", "para", "ch", "nr", "op", "c",
	NULL,
};

/* Abbreviations before a name: they never end a sentence. */
static const char *const abbr_title[] = {
	"mr", "mrs", "ms", "messrs", "dr", "prof", "hon", "rev", "gen",
	"sen", "rep", "gov", "lt", "col", "maj", "capt", "cmdr", "sgt", "adm",
	"pres", "supt", "atty", "mme", "msgr", "fr", "gens", "reps", "sens",
	"govs", "sgts", "brig", "cpl", "pvt", "det", "insp", "amb", "mssrs",
	"no", "nos", "vs", "pp", "p", "art", "ch", "nr", "op", "e.g", "i.e",
	"eg", "ie", "p.s", "P.S",
	"c", "ca", "cf", "viz", "approx", NULL,
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
	"uni", "poly", "auto", "cyber", "eco", "geo", "bio", "mono",
	"proto", "retro", "supra", "tele", "neuro", "hydro", "electro",
	"photo", "thermo", "agro", "euro", "afro", "sino", "franco",
	"anglo", "russo", "greco", "judeo", "austro", NULL,
};

static const char *const emoticons[] = {
	":)", ":-)", ":(", ":-(", ";)", ";-)", ":D", ":-D", ":P", ":-P",
	":p", ":-p", ":/", ":-/", ":'(", ":O", ":o", ":-O", ":|", ":-|",
	";D", ":]", ":[", "=)", "=(", "<3", "</3", "^_^", "^^", "-_-", "o_O",
	"O_o", ":*", ":-*", "XD", "xD", ":S", ":$", ":3", NULL,
};

/*
 * The lists above in two hash tables, one keyed by the lower-cased word
 * and one by the word as written, each entry with the lists it is on.
 */
enum {
	W_ABBR = 1 << 0,	/* abbr_any, or abbr_cap as written */
	W_NUM = 1 << 1,		/* abbr_num */
	W_TITLE = 1 << 2,	/* abbr_title */
	W_TWO = 1 << 3,		/* twowords */
	W_PREFIX = 1 << 4,	/* prefixes */
	W_STARTER = 1 << 5,	/* starters, as written */
	W_EMOTICON = 1 << 6,	/* emoticons, as written */
};

#define WMAX 15			/* longest word in a list */
#define WSLOTS 2048

typedef struct {
	char w[WMAX + 1];
	uint8_t n;
	uint8_t cut;
	uint16_t bits;
} WEntry;

static WEntry wfold[WSLOTS], wexact[WSLOTS];
/* first and last letters of the twowords of each length: a quick filter */
static uint32_t two_first[WMAX + 1], two_last[WMAX + 1];

static uint32_t
whash(const char *s, size_t n, int fold)
{
	uint32_t h = 2166136261u;
	size_t k;

	for (k = 0; k < n; k++) {
		unsigned char c = (unsigned char)s[k];

		if (fold && c >= 'A' && c <= 'Z')
			c += 32;
		h = (h ^ c) * 16777619u;
	}
	return h;
}

static void
wadd(WEntry *tab, const char *w, int fold, unsigned bits, int cut)
{
	size_t n = strlen(w);
	uint32_t h = whash(w, n, fold) & (WSLOTS - 1);

	while (tab[h].n && !(tab[h].n == n && !memcmp(tab[h].w, w, n)))
		h = (h + 1) & (WSLOTS - 1);
	memcpy(tab[h].w, w, n);
	tab[h].n = (uint8_t)n;
	tab[h].bits |= (uint16_t)bits;
	if (cut)
		tab[h].cut = (uint8_t)cut;
}

static const WEntry *
wfind(const WEntry *tab, const char *s, size_t n, int fold)
{
	uint32_t h;
	size_t k;

	if (n == 0 || n > WMAX)
		return NULL;
	h = whash(s, n, fold) & (WSLOTS - 1);
	for (; tab[h].n; h = (h + 1) & (WSLOTS - 1)) {
		if (tab[h].n != n)
			continue;
		for (k = 0; k < n; k++) {
			unsigned char c = (unsigned char)s[k];

			if (fold && c >= 'A' && c <= 'Z')
				c += 32;
			if ((char)c != tab[h].w[k])
				break;
		}
		if (k == n)
			return &tab[h];
	}
	return NULL;
}

/* The lists s[0..n) is on, ignoring case (fold) or as written. */
static unsigned
wbits(const char *s, size_t n, int fold)
{
	const WEntry *e = wfind(fold ? wfold : wexact, s, n, fold);

	return e ? e->bits : 0;
}

static void
init_words(void)
{
	const char *const *l;
	int k;

	if (wfold[whash("mr", 2, 1) & (WSLOTS - 1)].n)
		return;
	for (l = abbr_any; *l; l++)
		wadd(wfold, *l, 1, W_ABBR, 0);
	for (l = abbr_cap; *l; l++)
		wadd(wexact, *l, 0, W_ABBR, 0);
	for (l = abbr_num; *l; l++)
		wadd(wfold, *l, 1, W_NUM, 0);
	for (l = abbr_title; *l; l++)
		wadd(wfold, *l, 1, W_TITLE, 0);
	for (k = 0; twowords[k].w; k++) {
		const char *w = twowords[k].w;
		size_t n = strlen(w);

		wadd(wfold, w, 1, W_TWO, twowords[k].cut);
		two_first[n] |= 1u << (w[0] - 'a');
		two_last[n] |= 1u << (w[n - 1] - 'a');
	}
	for (l = prefixes; *l; l++)
		wadd(wfold, *l, 1, W_PREFIX, 0);
	for (l = starters; *l; l++)
		wadd(wexact, *l, 0, W_STARTER, 0);
	for (l = emoticons; *l; l++)
		wadd(wexact, *l, 0, W_EMOTICON, 0);
}

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

	if (c == 'h' || c == 'H' || c == 'f' || c == 'F' || c == 'w' || c == 'W' ||
	    c == 'm' || c == 'M') {
		size_t pre = 0;

		if (rest > 7 && eqi(s, 7, "http://"))
			pre = 7;
		else if (rest > 8 && eqi(s, 8, "https://"))
			pre = 8;
		else if (rest > 6 && eqi(s, 6, "ftp://"))
			pre = 6;
		else if (rest > 7 && eqi(s, 7, "mailto:"))
			pre = 7;
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
		if (j > i + 1 && letter)
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
			/* user@HOST, S&P written S@P: one token too */
			if (k > j + 1 && !(CLS(k) & C_WORD) && (U(j - 1).cls & C_WORD))
				return k;
		}
	}
	if (c == '.' && (i == 0 || !(CLS(i - 1) & C_WORD)) && (CLS(i + 1) & C_WORD)) {
		/* .04 and .doc */
		j = word_end(sg, i + 1);
		if (all_cls(sg, i + 1, j, C_DIGIT) && !(CLS(j) & C_LETTER))
			return j;
		if (j - i <= 5 && all_cls(sg, i + 1, j, C_LOWER) && i > 0 && j == n)
			return j;
	}
	if (c == '+' && (CLS(i + 1) & C_DIGIT) && (i == 0 || !(CLS(i - 1) & C_WORD))) {
		/* a telephone number: +44 */
		for (j = i + 1; j < n && (U(j).cls & C_DIGIT); j++)
			;
		if (!(CLS(j) & C_LETTER))
			return j;
	}
	if (sg->has_colon || c == '<' || c == ';' || c == '^' || c == '=' ||
	    c == 'X' || c == 'x' || c == '-' || c == 'O' || c == 'o' || c == 'B' ||
	    c == '8') {
		if (wbits(s, rest, 0) & W_EMOTICON) {
			sg->special_flags = T_EMOTICON;
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
			    (const char *const[]){"s", "m", "d", "ll", "re", "ve", "em", NULL}, 1))
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

/* Value of the digits [i, j) (at most 9999, more is 9999). */
static unsigned
digits_value(const LedeSeg *sg, size_t i, size_t j)
{
	unsigned v = 0;

	for (; i < j; i++) {
		v = v * 10 + (unsigned)(U(i).c - '0');
		if (v > 9999)
			return 9999;
	}
	return v;
}

/*
 * Digits / digits at [seg, j) / [j+1, k): a date stays whole (11/28/2000,
 * 9/11: month / day and more parts), other numbers are split (20 / 20).
 */
static int
slash_date(const LedeSeg *sg, size_t seg, size_t j, size_t k)
{
	if (!all_cls(sg, seg, j, C_DIGIT) || !all_cls(sg, j + 1, k, C_DIGIT))
		return 0;
	if (seg > 0 && U(seg - 1).c == '/')
		return 1;	/* the year of 11/28/2000 */
	if (k < sg->nu && U(k).c == '/')
		return 1;
	return j - seg <= 2 && k - j <= 3 && digits_value(sg, seg, j) >= 1 &&
	    digits_value(sg, seg, j) <= 12 && digits_value(sg, j + 1, k) >= 1 &&
	    digits_value(sg, j + 1, k) <= 31;
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
		    ((l & (C_LETTER | C_DIGIT)) && (r & C_LETTER));
	case ',':
		/* 20,000 and the decimal comma of 12,5 */
		return (l & C_DIGIT) && all_cls(sg, j + 1, k, C_DIGIT) &&
		    all_cls(sg, i, j, C_DIGIT | C_PUNCT);
	case ':':
		return (l & C_DIGIT) && (r & C_DIGIT);
	case '/':
		if ((l & C_LOWER) && (r & C_LOWER) && j == seg + 1 && k == j + 2)
			return 1;	/* w/o */
		return (l & C_DIGIT) && (r & C_DIGIT) && slash_date(sg, seg, j, k);
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
			/*
			 * The digit groups of the whole number, from its first:
			 * three or more stay whole (713-853-3989, 11-20-2000,
			 * 2024-03-15), two only as 3+4 digits (646-8420) or a
			 * ZIP+4 code (77042-2016); 5-10 and 1969-1970 are ranges.
			 */
			for (g = seg; g >= i + 2 && is_hyphen(U(g - 1).c) &&
			    (U(g - 2).cls & C_DIGIT); ) {
				g--;
				while (g > i && (U(g - 1).cls & C_DIGIT))
					g--;
			}
			while (g < sg->nu) {
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
			return ng >= 3 || (ng == 2 && (len[0] == 3 || len[0] == 5) &&
			    len[1] == 4);
		}
		if (j == i + 1 && !(r & C_LOWER))
			return 0;	/* e-mail, but E - J */
		return seg == i && (i == 0 || !is_hyphen(U(i - 1).c)) &&
		    (wbits(BYTES(i), NBYTES(i, j), 1) & W_PREFIX);
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
	/* units written with a capital, split as "5 km" is (5Mbps, 2Hz) */
	static const char *const units[] = {
		"Ah", "Gb", "Gbps", "Hz", "Kb", "Kbps", "Kg", "Km", "Mb", "Mbps",
		"Nm", "Pa", "Tb", "Wh", NULL,
	};
	size_t k;

	if (!(U(i).cls & C_DIGIT))
		return 0;
	for (k = i; k < j && !(U(k).cls & C_LETTER); k++)
		if (!(U(k).cls & C_DIGIT) && !(U(k).c == '.' || U(k).c == ',' ||
		    U(k).c == ':'))
			return 0;
	if (k == j || !all_cls(sg, k, j, C_LETTER) || !(U(k - 1).cls & C_DIGIT))
		return 0;
	if (in_list(BYTES(k), NBYTES(k, j), keep, 1))
		return 0;
	if (j == k + 1 && (U(k).cls & C_UPPER) && all_cls(sg, i, k, C_DIGIT))
		return 0;	/* 4G, 83N (but 13.9 M) */
	/* one digit and a capitalized word: a name (3Com, 7Up, 1Password) */
	if (k == i + 1 && j >= k + 2 && (U(k).cls & C_UPPER) &&
	    all_cls(sg, k + 1, j, C_LOWER) &&
	    !in_list(BYTES(k), NBYTES(k, j), units, 0))
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
			if (k == j + 2 && (CH(j + 1) == 's') && all_cls(sg, seg, j, C_DIGIT) &&
			    seg == i) {
				seg = j + 1;	/* the 1960's */
				continue;
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
	if (j < n && U(j).c == '.' && (CH(j + 1) != '.' ||
	    (j > i + 2 && U(j - 2).c == '.' && CH(j + 2) != '.'))) {
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
			else if ((wbits(s, m, 1) & W_ABBR) || (wbits(s, m, 0) & W_ABBR))
				abbr = 1;
			else if (j + 1 == n && (wbits(s, m, 1) & W_NUM)) {
				int32_t a = peek_after(sg);

				abbr = a >= '0' && a <= '9';
			}
			if (abbr && (wbits(s, m, 1) & W_TITLE))
				title = 1;
		}
		if (abbr) {
			emit(sg, i, j + 1, T_ABBR | (title ? T_TITLE : 0));
			return j + 1;
		}
	}
	/* a word cut short: "I kn- I know", "pre- and post-war" */
	if (j + 1 == n && is_hyphen(U(j).c) && all_cls(sg, i, j, C_LETTER) &&
	    !(sg->opts & LEDE_SEG_HYPHEN_KEEP)) {
		emit(sg, i, j + 1, 0);
		return j + 1;
	}
	/* two words in one */
	if (j - i <= 8 && U(i).c < 128 && U(j - 1).c < 128 && (U(i).cls & C_LETTER) &&
	    (U(j - 1).cls & C_LETTER) &&
	    (two_first[j - i] & (1u << ((U(i).c | 32) - 'a'))) &&
	    (two_last[j - i] & (1u << ((U(j - 1).c | 32) - 'a')))) {
		const WEntry *w = wfind(wfold, BYTES(i), NBYTES(i, j), 1);

		if (w && (w->bits & W_TWO) && NBYTES(i, j) == j - i) {
			size_t m = i + w->cut;

			emit(sg, i, m, 0);
			emit(sg, m, j, 0);
			return j;
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

	if (c == '!' || c == '?' || (c == '.' && j < n && (U(j).c == '?' || U(j).c == '!'))) {
		while (j < n && (U(j).c == '!' || U(j).c == '?' || U(j).c == '.'))
			j++;
	} else if (j < n && (c == '\'' || c == '`' || c == 0x2018 || c == 0x2019) &&
	    (U(j).c == '\'' || U(j).c == '`' || U(j).c == 0x2018 || U(j).c == 0x2019)) {
		j++;	/* '' `` and their curly forms: one double quote */
	} else if (c == '.' || c == '-' || c == '*' || c == '\'' || c == '`' || c == '"' ||
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
		sg->special_flags = 0;
		if ((j = special(sg, i)) > i) {
			emit(sg, i, j, sg->special_flags);
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
		j = i + 1;
		if (U(i).c > 0 && U(i).c < 128 && strchr("<>=+~^|*", (int)U(i).c))
			while (j < n && U(j).c == U(i).c)
				j++;
		emit(sg, i, j, 0);
		i = j;
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
	return (wbits(sg->text + t->off, t->len, 0) & W_STARTER) != 0;
}


/* Is the token all upper-case ASCII letters? */
static int
all_upper(const LedeSeg *sg, const LedeTok *t)
{
	const char *s = sg->text + t->off;
	uint32_t k;

	for (k = 0; k < t->len; k++)
		if (s[k] < 'A' || s[k] > 'Z')
			return 0;
	return 1;
}

/* Is t a list number such as "1." "*4." "a." ("(1)" is not)? */
static int
is_list_item(const LedeSeg *sg, const LedeTok *t, size_t n)
{
	const char *s;
	size_t k, len = 0;

	for (k = 0; k < n; k++)
		len += t[k].len;
	if (len > 6 || !(t[n - 1].len == 1 && sg->text[t[n - 1].off] == '.'))
		return 0;
	s = sg->text + t[0].off;
	for (k = 0; k + 1 < len; k++)
		if (!((s[k] >= '0' && s[k] <= '9') || s[k] == '*' || s[k] == '#' ||
		    (len == 2 && s[k] >= 'a' && s[k] <= 'z') ||
		    (len == 2 && s[k] >= 'A' && s[k] <= 'Z')))
			return 0;
	return 1;
}

/* A reference such as "[12]" or "[...]" at t[e]: its length in tokens. */
static size_t
reference(const LedeSeg *sg, const LedeTok *t, size_t e, size_t m)
{
	if (e + 2 < m && t[e].len == 1 && sg->text[t[e].off] == '[' &&
	    t[e + 2].len == 1 && sg->text[t[e + 2].off] == ']' &&
	    ((t[e + 1].flags & (T_DIGIT | T_ELLIPSIS)) && !(t[e + 1].flags & T_SPACE)))
		return 3;
	return 0;
}

static const char *const greetings[] = {
	"Hi", "Hello", "Hey", "Dear", "Thanks", "Thank", "Best", "Regards",
	"Cheers", "Sincerely", "Cordially", "Respectfully", "Greetings", "Love",
	"Yours", "Namaste", "Namaskar", "Congratulations", "Welcome", NULL,
};


/* Is t a date such as 07/19/2001? */
static int
is_date(const LedeSeg *sg, const LedeTok *t)
{
	const char *s = sg->text + t->off;
	uint32_t k, slashes = 0;

	if (t->len < 6 || t->len > 10)
		return 0;
	for (k = 0; k < t->len; k++) {
		if (s[k] == '/')
			slashes++;
		else if (s[k] < '0' || s[k] > '9')
			return 0;
	}
	return slashes == 2;
}

/* Can punctuation starting with c go on a sentence? */
static int
continues(char c)
{
	return c == ',' || c == ';' || c == ':' || c == '.' || c == ')' ||
	    c == ']' || c == '}' || c == '!' || c == '?' || c == '%' || c == '\'';
}

/* Is t (a comma) the end of a salutation ("Hi Kim," "Thanks,")? */
static int
salutation(const LedeSeg *sg, const LedeTok *t, size_t sstart, size_t k)
{
	const LedeTok *w = &t[sstart];
	size_t j;

	if (k - sstart > 3 || k == sstart || !(w->flags & LEDE_TOK_PAR))
		return 0;
	for (j = sstart; j < k; j++)
		if (!(t[j].flags & T_UPPER))
			return 0;
	return in_list(sg->text + w->off, w->len, greetings, 0);
}

static int
is_ampm(const LedeSeg *sg, const LedeTok *t)
{
	return t->len == 2 && (eqi(sg->text + t->off, 2, "am") ||
	    eqi(sg->text + t->off, 2, "pm"));
}

/*
 * Whether the capitalised word t[k] (of m) goes on a name rather than
 * starting a sentence: "One" ("BBC One"), the first part of a hyphenated
 * word ("NBA All-Star") or a word before another capitalised one that is
 * not all capitals ("USA For Africa").
 */
static int
name_goes_on(const LedeSeg *sg, const LedeTok *t, size_t k, size_t m)
{
	const LedeTok *c = k + 1 < m ? &t[k + 1] : NULL;

	if (t[k].len == 3 && !memcmp(sg->text + t[k].off, "One", 3))
		return 1;
	if (!c)
		return 0;
	if (!(c->flags & T_SPACE))
		return c->len == 1 && sg->text[c->off] == '-';
	return (c->flags & T_UPPER) && !all_upper(sg, c);
}

/*
 * Boundaries without a sentence-final mark, for the lines that web text
 * and e-mail run together: after a salutation ("Thanks, Anne"), before a
 * starter word after an upper-case word ("... 5:04 PM Here is", unless
 * name_goes_on), before a date after a name ("Sullivan@ENRON
 * 07/19/2001"), after a time stamp ("07/19/2001 05:04 PM Dear").  Is there
 * one after t[k] (of m)?
 */
static int
unmarked_end(const LedeSeg *sg, const LedeTok *t, size_t sstart, size_t k,
    size_t m)
{
	const LedeTok *a = &t[k], *b = &t[k + 1];

	if (!(b->flags & T_SPACE) || !(b->flags & (T_UPPER | T_DIGIT)))
		return 0;
	if (b->flags & T_DIGIT)
		return is_date(sg, b) && ((a->flags & T_UPPER) ||
		    memchr(sg->text + a->off, '@', a->len) ||
		    sg->text[a->off + a->len - 1] == '>');
	if (a->len == 1 && sg->text[a->off] == ',')
		return salutation(sg, t, sstart, k);
	if ((a->flags & T_UPPER) && a->len >= 2 && b->len > 1 &&
	    all_upper(sg, a) && is_starter(sg, b))
		return !name_goes_on(sg, t, k + 1, m);
	return k >= 2 && is_ampm(sg, a) && is_date(sg, &t[k - 2]);
}

/* Decide sentence boundaries among the paragraph's tokens. */
static void
split_sentences(LedeSeg *sg)
{
	LedeTok *t = sg->tok;
	size_t m = sg->ntok, k, e, sstart = 0;
	const char *x = sg->text;

	sg->ndot = 0;
	t[0].flags |= LEDE_TOK_SENT | LEDE_TOK_PAR;
	for (k = 0; k + 1 < m; k++) {
		uint32_t f = t[k].flags, nf;
		int end = 0, closed = 0;

		if (f & LEDE_TOK_SENT)
			sstart = k;
		if (!(f & (T_TERM | T_ABBR | T_EMOTICON))) {
			if (unmarked_end(sg, t, sstart, k, m))
				t[k + 1].flags |= LEDE_TOK_SENT;
			continue;
		}
		/* closing quotes and brackets go with the sentence */
		for (e = k + 1; e < m; e++) {
			uint32_t g = t[e].flags;

			if ((g & T_SPACE) || !(g & (T_CLOSE | T_QUOTE | T_TERM)))
				break;
			closed = 1;
		}
		/* and so does a reference: "... of it. [12] The" */
		if (!(f & T_EMOTICON))
			e += reference(sg, t, e, m);
		if (e >= m)
			continue;
		nf = t[e].flags;
		if (!(nf & T_SPACE) && !(f & T_HARD))
			continue;
		if (f & T_HARD) {
			end = 1;
		} else if (f & T_EMOTICON) {
			end = (nf & T_UPPER) != 0;
		} else if (f & T_ABBR) {
			end = !(f & T_TITLE) && k > sstart && is_starter(sg, &t[e]);
		} else if (f & T_ELLIPSIS) {
			end = (nf & T_UPPER) != 0;
		} else if (nf & T_LOWER) {
			/*
			 * Web text starts sentences in lower case: after ! or ?
			 * ("awesome! everyone") or after a period that ends a
			 * lower-case word ("pinkies. i"), but not after a quote.
			 */
			end = !closed && (x[t[k].off] != '.' || (k > 0 &&
			    (t[k - 1].flags & T_LOWER) && t[k - 1].len >= 3));
		} else if (x[t[e].off] == '\'' && t[e].len == 1 && e + 1 < m &&
		    !(t[e + 1].flags & T_SPACE) && (t[e + 1].flags & T_UPPER)) {
			/* an opening single quote: "... said. 'The bill" */
			end = 1;
		} else {
			end = !((nf & T_PUNCT) && continues(x[t[e].off]));
		}
		/* "1." and "*4." number list items */
		if (end && is_list_item(sg, t + sstart, k + 1 - sstart))
			end = 0;
		if (end) {
			t[e].flags |= LEDE_TOK_SENT;
			if ((f & T_ABBR) && e == k + 1 &&
			    !(sg->opts & LEDE_SEG_ABBR_KEEP)) {
				t[k].flags |= T_DOT;
				sg->ndot++;
			}
		}
	}
	/* the last token of the paragraph */
	if ((t[m - 1].flags & T_ABBR) && !(t[m - 1].flags & T_TITLE) &&
	    !(sg->opts & LEDE_SEG_ABBR_KEEP)) {
		t[m - 1].flags |= T_DOT;
		sg->ndot++;
	}
}

static LedeTok *
push_out(LedeSeg *sg)
{
	if (sg->nout == sg->cout) {
		sg->cout = sg->cout ? sg->cout * 2 : 256;
		sg->outbuf = ereallocarray(sg->outbuf, sg->cout, sizeof(*sg->outbuf));
		sg->out = sg->outbuf;
	}
	return &sg->out[sg->nout++];
}

/*
 * Cut overlong sentences and split the periods off sentence-final
 * abbreviations; the tokens are copied to outbuf only for the latter.
 */
static void
finish_paragraph(LedeSeg *sg)
{
	size_t k, ntok = 0, sstart = 0;
	LedeTok *o;

	sg->nout = 0;
	sg->next = 0;
	if (!sg->ndot) {
		for (k = 0; k < sg->ntok; k++) {
			LedeTok *t = &sg->tok[k];

			if (t->flags & LEDE_TOK_SENT) {
				ntok = 0;
				sstart = t->off;
			} else if (ntok >= LEDE_SEG_SENT_MAX ||
			    t->off + t->len - sstart > LEDE_SEG_SENT_BYTES) {
				t->flags |= LEDE_TOK_SENT;
				ntok = 0;
				sstart = t->off;
			}
			ntok++;
		}
		sg->out = sg->tok;
		sg->nout = sg->ntok;
		return;
	}
	sg->out = sg->outbuf;
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
		if ((t.flags & T_DOT) && t.len > 1 &&
		    sg->text[t.off + t.len - 1] == '.') {
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
 * The common case in one go: an ASCII word of letters or of digits, alone
 * or followed by one of , ; : . ! ? and white space, that no rule but the
 * plain one applies to.  Returns the end of the chunk, or 0 when the
 * general rules must look at it.
 */
static size_t
fast_chunk(LedeSeg *sg, size_t pos, size_t cpos, uint32_t before)
{
	const unsigned char *t = (const unsigned char *)sg->text;
	size_t q = pos, len = sg->len, wend, n;
	uint32_t all = 0, k, f;
	unsigned char c = ' ';
	LedeTok *o;

#ifdef __SSE2__
	/* sixteen bytes at a time: where the run of ASCII letters or digits ends */
	while (q + 16 <= len) {
		__m128i b = _mm_loadu_si128((const __m128i *)(t + q));
		__m128i low = _mm_or_si128(b, _mm_set1_epi8(0x20));
		__m128i let = _mm_and_si128(_mm_cmpgt_epi8(low, _mm_set1_epi8('a' - 1)),
		    _mm_cmplt_epi8(low, _mm_set1_epi8('z' + 1)));
		__m128i dig = _mm_and_si128(_mm_cmpgt_epi8(b, _mm_set1_epi8('0' - 1)),
		    _mm_cmplt_epi8(b, _mm_set1_epi8('9' + 1)));
		unsigned ml = (unsigned)_mm_movemask_epi8(let);
		unsigned md = (unsigned)_mm_movemask_epi8(dig);
		unsigned stop = ~(ml | md) & 0xFFFF;
		unsigned keep = stop ? (1u << __builtin_ctz(stop)) - 1 : 0xFFFF;

		if (ml & keep)
			all |= C_LETTER;
		if (md & keep)
			all |= C_DIGIT;
		if (stop) {
			q += (size_t)__builtin_ctz(stop);
			break;
		}
		q += 16;
		if (q - pos > 64)
			return 0;
	}
	if (q + 16 > len)
#endif
	while (q < len && ((k = ascii_cls[t[q]]) & (C_LETTER | C_DIGIT))) {
		all |= k;
		q++;
	}
	wend = q;
	n = wend - pos;
	if (n == 0 || n > 64 || ((all & C_DIGIT) && (all & C_LETTER)))
		return 0;
	if (q < len) {
		c = t[q];
		if (c == ',' || c == ';' || c == ':' || c == '.' || c == '!' || c == '?')
			q++;
		if (q < len && !(ascii_cls[t[q]] & C_SPACE))
			return 0;
	}
	if (n <= 8 && (all & C_LETTER) &&
	    (two_first[n] & (1u << ((t[pos] | 32) - 'a'))) &&
	    (two_last[n] & (1u << ((t[wend - 1] | 32) - 'a'))) &&
	    (wbits(sg->text + pos, n, 1) & W_TWO))
		return 0;
	if (c == '.' && (all & C_LETTER)) {
		if (n == 1 || (wbits(sg->text + pos, n, 1) & (W_ABBR | W_NUM)) ||
		    (wbits(sg->text + pos, n, 0) & W_ABBR))
			return 0;
	}
	k = ascii_cls[t[pos]];
	f = before;
	if (k & C_LETTER)
		f |= T_LETTER | ((k & C_LOWER) ? T_LOWER : T_UPPER);
	else
		f |= T_DIGIT;
	o = push_tok(sg);
	o->off = pos;
	o->start = cpos;
	o->len = o->cplen = (uint32_t)n;
	o->flags = f;
	if (q > wend) {
		o = push_tok(sg);
		o->off = wend;
		o->start = cpos + n;
		o->len = o->cplen = 1;
		o->flags = T_PUNCT;
		if (c == '.' || c == '!' || c == '?')
			o->flags |= T_TERM;
	}
	return q;
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
		size_t wstart = cpos, nlcpos = 0;

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
				if (ascii_cls[b] & C_BREAK)
					nlcpos = cpos;
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
			if (c == 0x2029 || c == 0x2028 || c == 0x85)
				nlcpos = cpos;
			before |= T_SPACE;
		}
		if (breaks == 1 && sg->mode == LEDE_PARA_BLANK && sg->wrap && !first &&
		    wstart - sg->linestart + 1 + first_word(t + pos, len - pos) <= sg->wrap)
			breaks = 2;	/* a short line in wrapped text: a heading */
		if (breaks) {
			before |= T_NL;
			sg->linestart = nlcpos;
		}
		if (!first && (breaks >= 2 || (breaks && sg->mode == LEDE_PARA_LINE)))
			break;
		if (pos >= len)
			break;
		first = 0;
		if ((sg->coff = fast_chunk(sg, pos, cpos, before))) {
			cpos += sg->coff - pos;
			pos = sg->coff;
			continue;
		}
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
