/* See LICENSE file for copyright and license details. */
#ifndef LEDE_STAGE_H
#define LEDE_STAGE_H

#include <stdio.h>

#include "df.h"
#include "entity.h"
#include "keyphrase.h"
#include "kwcorpus.h"
#include "lexicon.h"
#include "postag.h"
#include "report.h"
#include "stream.h"
#include "tagger.h"
#include "tone.h"
#include "util.h"

/*
 * The stages of the chain as library calls: one implementation of each,
 * called by the tool of that name (tools/stem.c, ner-tag.c, sentiment.c,
 * keywords.c, entities.c, tone.c) on the sentences it reads, and by
 * `lede --fused` on the sentences of one in-memory chain (no text
 * between the stages).
 *
 * The filters work on one sentence read with the tool's output columns
 * declared (lede_reader_outcols); k is the index of the stage's column
 * among them.  They look the input columns up again when the schema of
 * the sentence changes.
 */

/*
 * A filter tool's loop: read files[0..nfiles) (stdin when there is none)
 * with the columns cols_in[0..nin) required and cols_out[0..nout)
 * declared, run fn(stage, s, 0) on each sentence and write it to stdout;
 * with stats, the --stats line on stderr.  A damaged block is reported
 * (tool: file:line: reason) and skipped, and the run goes on; the
 * writer stops at a write error.  Returns the exit status: 0, or 1 after
 * any error of the input or of stdout.
 */
typedef void LedeFilterFn(void *stage, LedeSent *s, int k);

/*
 * The read of a tool's loop: the next sentence (or document) of r into s
 * (d).  A damaged block is reported (tool: file:line: reason), sets
 * *status to 1 and is skipped.  1 when s (d) holds the next one, 0 at
 * the end.
 */
int lede_next_sent(LedeReader *r, LedeSent *s, int *status);
int lede_next_doc(LedeReader *r, LedeDoc *d, int *status);

int lede_filter_run(char **files, int nfiles, const char **cols_in, int nin,
    const char **cols_out, int nout, LedeFilterFn *fn, void *stage, int stats);

/* stem: the STEM column, the Snowball stem of each lower-cased FORM. */
typedef struct LedeStemStage LedeStemStage;

/* NULL for a language the stemmer does not know. */
LedeStemStage *lede_stem_stage_new(const char *lang);
void lede_stem_stage_sent(LedeStemStage *st, LedeSent *s, int k);
void lede_stem_stage_free(LedeStemStage *st);

/* ner-tag: the NER column of BIO tags. */
typedef struct LedeNerStage LedeNerStage;

/* The model ner-tag loads by default (found with lede_datapath). */
#define LEDE_NER_MODEL_DEFAULT "models/ner-en.model"

/* The types a model tags by default: its own (bits 0..ntypes-1). */
unsigned lede_ner_keep_default(const LedeNerModel *m);
/* Every type, the model's and the rule-based ones (-t all). */
unsigned lede_ner_keep_all(const LedeNerModel *m);
/*
 * m must outlive the stage.  keep: the types tagged, bit t for the
 * model's type t, bits ntypes.. for the rule-based ones (nerrules.h).
 */
LedeNerStage *lede_ner_stage_new(const LedeNerModel *m, unsigned keep);
/* Tag s; a sentence that opens a document resets the document history. */
void lede_ner_stage_sent(LedeNerStage *ns, LedeSent *s, int k);
/*
 * Tag n tokens given as forms (ner-tag --eval): their BIO tags, valid
 * until the next call.  lede_ner_stage_newdoc starts a document.
 */
const char *const *lede_ner_stage_tokens(LedeNerStage *ns,
    const char *const *forms, const size_t *len, size_t n);
void lede_ner_stage_newdoc(LedeNerStage *ns);
void lede_ner_stage_free(LedeNerStage *ns);

/*
 * sentiment: the SENT column (column k) and the "# sentiment" comment;
 * with context, also the SENTCTX column (column k + 1).  lx must outlive
 * the stage.
 */
typedef struct LedeSentStage LedeSentStage;

/*
 * Load the shipped lexicon (unless nodefault) and then files[0..n) into
 * lx; 0, or -1 with the message in err.
 */
int lede_sent_lexicon_load(LedeLexicon *lx, int nodefault,
    const char *const *files, size_t n, LedeBuf *err);

LedeSentStage *lede_sent_stage_new(const LedeLexicon *lx, int context);
void lede_sent_stage_sent(LedeSentStage *ss, LedeSent *s, int k);
void lede_sent_stage_free(LedeSentStage *ss);

/*
 * keywords: the keyphrases of a document (a stream read with STEM, NER,
 * START and END when it has them).  The fields are set by the caller;
 * rows (doc, rank, phrase, score, count) go to table when it is not
 * NULL, and the top phrases of each document to corpus when that is not
 * NULL: both from one ranking.
 */
typedef struct {
	LedeKp *kp;
	int keepboil;		/* take phrases from boilerplate too */
	long top;		/* rows per document */
	LedeTable *table;	/* or NULL */
	LedeKwCorpus *corpus;	/* or NULL */
} LedeKwReport;

extern const char *lede_kw_cols[5];
extern const LedeColKind lede_kw_kinds[5];

/*
 * Load the shipped lexicons of kp (data/keywords/), its tagger when
 * params->tagger (into *pos, to free with lede_pos_free) and the
 * background table dfpath (the shipped one when NULL; none with nodf,
 * into *df).  With identity, the bytes of the lexicons and the tagger go
 * into kp's identity (lede_kp_add_data), for the settings line of a
 * partial: give it when a partial is written or merged with kp's
 * settings, since hashing them costs about 1 ms a run.  Returns 0, or -1
 * with the message in err.
 */
int lede_kw_load(LedeKp *kp, const LedeKpParams *params, const char *dfpath,
    int nodf, int identity, LedePosModel **pos, LedeDf **df, LedeBuf *err);
/*
 * Record in kr->corpus (when not NULL) what shapes its scores, for its
 * partial's settings line: kr->kp's (lede_kp_settings) and kr->keepboil.
 * Call it once kr is filled in and kr->kp's data and df are loaded.
 */
void lede_kw_report_settings(LedeKwReport *kr);
void lede_kw_report_doc(LedeKwReport *kr, const LedeDoc *d);
/* The --corpus report: the top phrases of corpus c into table t. */
void lede_kw_report_corpus(LedeKwCorpus *c, LedeTable *t, long top);

/*
 * entities: the entities of each document, read sentence by sentence.
 * begin a document, add its sentences, end it: its rows go to table
 * (when not NULL) and it is added to corpus (when not NULL).
 */
typedef struct LedeEntReport LedeEntReport;

/* table or corpus may be NULL; types (or NULL: all) must outlive it. */
LedeEntReport *lede_ent_report_new(LedeTable *table, LedeFormat fmt, long top,
    char **types, size_t ntypes, LedeEntCorpus *corpus);
/*
 * 1: count the mentions in boilerplate lines too (lede_boil_nomentions);
 * by default they are left out.
 */
void lede_ent_report_keep_boilerplate(LedeEntReport *er, int keep);
void lede_ent_report_begin(LedeEntReport *er, const char *docid);
/* 0, or -1 with "FILE:LINE: reason" in lede_ent_report_error(). */
int lede_ent_report_sent(LedeEntReport *er, const LedeSent *s);
const char *lede_ent_report_error(const LedeEntReport *er);
/* The id of the document begun last ("-" before any). */
const char *lede_ent_report_docid(const LedeEntReport *er);
void lede_ent_report_end(LedeEntReport *er);
/*
 * The same for a stream: a sentence that opens a document (or the first)
 * ends the one before and begins one; a damaged document (-1, with the
 * message in lede_ent_report_error()) is left out whole.  finish ends the
 * last document, drop forgets the current one, indoc tells whether a
 * document is open.
 */
int lede_ent_report_add(LedeEntReport *er, const LedeSent *s);
void lede_ent_report_finish(LedeEntReport *er);
void lede_ent_report_drop(LedeEntReport *er);
int lede_ent_report_indoc(const LedeEntReport *er);
/* The rows of the --corpus report (from corpus) into t. */
void lede_ent_report_corpus(LedeEntReport *er, LedeTable *t);
unsigned long lede_ent_report_rows(const LedeEntReport *er);
void lede_ent_report_free(LedeEntReport *er);
/* The table of entity rows for fmt. */
LedeTable *lede_ent_table_new(FILE *fp, LedeFormat fmt);

/*
 * tone: the tone of each document (a stream scored by sentiment).  Every
 * document is added to tone's statistics; its row goes to table, or its
 * text summary (fmt text) to fp when fp is not NULL; with byent its
 * entities are counted too, as entities(1) counts them (into tone->ents).
 */
typedef struct LedeToneReport LedeToneReport;

LedeToneReport *lede_tone_report_new(LedeTone *tone, FILE *fp, LedeFormat fmt,
    int width, int byent);
/* 1: the entities of boilerplate lines count too (as for entities). */
void lede_tone_report_keep_boilerplate(LedeToneReport *tr, int keep);
/*
 * 0, or -1 with the message in lede_tone_report_error(): the document is
 * left out.
 */
int lede_tone_report_doc(LedeToneReport *tr, const LedeDoc *d);
const char *lede_tone_report_error(const LedeToneReport *tr);
/* The --corpus and --by-entity reports of tone to fp. */
void lede_tone_print_corpus(FILE *fp, LedeFormat fmt, const LedeTone *tone);
void lede_tone_print_entities(FILE *fp, LedeFormat fmt, LedeTone *tone);
/* Flush the document table (text rows are aligned at the end). */
void lede_tone_report_flush(LedeToneReport *tr);
void lede_tone_report_free(LedeToneReport *tr);

#endif
