/* See LICENSE file for copyright and license details. */
#ifndef LEDE_ENTITY_H
#define LEDE_ENTITY_H

#include <stdio.h>

#include "util.h"

/*
 * Entities of a document: the mentions a tagger found (spans of a type),
 * grouped into one entity per real-world referent by the rules of
 * docs/ENTITIES.md (case, possessive and title variants; surname and full
 * name; acronym and expansion; ORG short forms), with a canonical name,
 * the other surface forms as aliases, a majority type, the mean tone of
 * the sentences that mention it, and near-misspellings of person names
 * flagged rather than merged.
 *
 * And a corpus: entities summed over documents by canonical name and
 * type, which can be written as a partial report and read back, so that
 * parts of a corpus processed apart merge into exactly the report of one
 * run over the whole.
 *
 * Nothing here prints (except the partial writer, to the FILE it is given)
 * or exits; parsers return -1 and a reason.
 */

/* Tone is summed in fixed point, units of 1e-6, so sums are exact. */
#define LEDE_TONE_SCALE 1000000
/* A sentence scoring above 0.05 is positive, below -0.05 negative. */
#define LEDE_TONE_BAND 50000

typedef struct {
	const char *name;	/* canonical name (the fullest form) */
	size_t namelen;
	const char *type;	/* majority type of the mentions */
	const char *key;	/* matching key of the name (folded) */
	long mentions;
	long start;		/* code-point offset of the first mention, or -1 */
	size_t tok;		/* token index of the first mention in the document */
	long namen;		/* mentions written exactly as the name */
	const char **alias;	/* the other surface forms, most used first */
	size_t *aliaslen;
	long *aliasn;		/* mentions written so */
	size_t nalias;
	const char **similar;	/* canonical names of near-misspelled PER entities */
	size_t *similarlen;
	size_t nsimilar;
	long long tonesum;	/* sum of sentence tones, fixed point */
	long tonen;		/* sentences with a tone that mention it */
	long tonepos, toneneg;	/* of them, above and below the band */
	long ndocs;		/* corpus: documents that mention it */
} LedeEntity;

typedef struct LedeEntDoc LedeEntDoc;

LedeEntDoc *lede_entdoc_new(void);
void lede_entdoc_free(LedeEntDoc *d);
/* Forget the document, keeping the memory for the next one. */
void lede_entdoc_reset(LedeEntDoc *d);

/*
 * Add a sentence; tone_known says whether it has a tone (fixed point,
 * see LEDE_TONE_SCALE).  Mentions added after it belong to it.
 */
void lede_entdoc_sentence(LedeEntDoc *d, int tone_known, long long tone);

/*
 * Add a mention of the current sentence: its type, its surface text as in
 * the document (valid UTF-8), its code-point offset (-1 when unknown) and
 * the index of its first token in the document.  Mentions are added in
 * document order.  Returns the mention's index.
 */
size_t lede_entdoc_mention(LedeEntDoc *d, const char *type, size_t typelen,
    const char *text, size_t len, long start, size_t tok);

/*
 * Mention m takes no tone from its sentence: it names where a wire story
 * was filed (its dateline), not what the sentence says of it.
 */
void lede_entdoc_notone(LedeEntDoc *d, size_t m);

/*
 * Mention m, which ends in a possessive, is followed by a word that needs
 * a subject ("Moody's said", "Standard and Poor's affirmed"), or comes
 * after "by" and before "and", a comma or the end of its sentence: the
 * possessive is part of its name when it is an ORG and the name without
 * it is no other mention's (docs/ENTITIES.md, "Names and keys").
 */
void lede_entdoc_ownposs(LedeEntDoc *d, size_t m);

/*
 * Mention m is the place of a wire dateline (typed LOC or GPE by the
 * caller): its key's mentions, and the entity they join, take its type,
 * unless most of the others are ORG and an ORG mention's key starts with
 * the key and more words: then its mentions are an entity apart.
 */
void lede_entdoc_place(LedeEntDoc *d, size_t m);

/*
 * Mention m was defined as an acronym in the text: "Federal Security
 * Service (FSB)" or "FSB (Federal Security Service)".  acr is the acronym.
 */
void lede_entdoc_define(LedeEntDoc *d, size_t m, const char *acr, size_t len);

/* 1 when s[0..n) looks like an acronym: 2-10 letters, all upper case. */
int lede_ent_isacronym(const char *s, size_t n);

/*
 * Group the mentions into entities, ordered by mentions (descending), then
 * by the position of the first mention.  Returns their number; the
 * entities stay valid until the next reset.
 */
size_t lede_entdoc_resolve(LedeEntDoc *d);
const LedeEntity *lede_entdoc_entity(const LedeEntDoc *d, size_t i);

/*
 * Matching key of a name (appended to out): NFC, case folding and marks
 * stripped, '.' and ',' dropped, '-' and runs of space as one space.
 */
void lede_ent_key(LedeBuf *out, const char *s, size_t n);

/*
 * Length (bytes) of name s[0..n) without a trailing possessive ('s, ’s,
 * or an apostrophe after s).
 */
size_t lede_ent_unpossess(const char *s, size_t n);

/* Offset of s[0..n) past its leading titles (Mr., Dr., President...). */
size_t lede_ent_untitle(const char *s, size_t n);

/*
 * Optimal string alignment distance between a[0..na) and b[0..nb) (code
 * points), or max + 1 when it exceeds max.
 */
int lede_ent_distance(const int32_t *a, size_t na, const int32_t *b, size_t nb,
    int max);

typedef struct LedeEntCorpus LedeEntCorpus;

LedeEntCorpus *lede_entcorpus_new(void);
void lede_entcorpus_free(LedeEntCorpus *c);
/* Add the entities of a resolved document. */
void lede_entcorpus_add(LedeEntCorpus *c, const LedeEntDoc *d);

/*
 * The settings of c's partial (its "# settings" line, report.h): whether
 * the mentions of boilerplate lines were counted (keep-boilerplate=yes).
 * Partials read into c must have been made with the same; without
 * settings set, the first partial read gives them (and a partial written
 * says keep-boilerplate=no).
 */
void lede_entcorpus_set_settings(LedeEntCorpus *c, int keepboil);
int lede_entcorpus_has_settings(const LedeEntCorpus *c);
/*
 * any = 1: read partials whatever their settings, for a caller that does
 * not report the entities (tone --merge without --by-entity).
 */
void lede_entcorpus_any_settings(LedeEntCorpus *c, int any);

/*
 * Add the partial report(s) in buf[0..len) ("# lede-partial entities 3",
 * "# settings ..." and rows; several may be concatenated).  The buffer is
 * checked whole first: on an error nothing is added, -1 is returned and
 * err holds "NAME:LINE: reason", also for a partial whose settings are
 * not c's ("made with --keep-boilerplate, the first partial without
 * --keep-boilerplate").
 */
int lede_entcorpus_load(LedeEntCorpus *c, const char *buf, size_t len,
    const char *name, LedeBuf *err);
/* The same for a buffer that starts at line line0 + 1 of file NAME. */
int lede_entcorpus_load_at(LedeEntCorpus *c, const char *buf, size_t len,
    const char *name, unsigned long line0, LedeBuf *err);

/* Write the partial report of c to fp; -1 on a write error. */
int lede_entcorpus_write(LedeEntCorpus *c, FILE *fp);

/*
 * The entities of the corpus, ordered by mentions, then documents
 * (descending), then name and type (bytes, ascending).  In each, ndocs is
 * the number of documents, name the canonical name given most mentions
 * over the corpus (ties: the smallest in byte order) or, when that one is
 * in capitals, the most mentioned that is not if it has at least a quarter
 * of its mentions (rounded up), or N's for a name N never written so
 * whose most written form is N's, when a row of its type is named "N's
 * ..."; aliases the other
 * surface forms by mentions (ties: byte order); start is -1.  Valid until
 * the next add, load or free.
 */
size_t lede_entcorpus_result(LedeEntCorpus *c, const LedeEntity **out);

#endif
