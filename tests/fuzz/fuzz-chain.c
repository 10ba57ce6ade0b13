/*
 * libFuzzer harness: the whole chain, as `lede --fused` runs it.  The
 * input is text, cut into documents at form feeds, tokenized as
 * `tokenize` does and written as a token stream; or, when it starts with
 * "# global.columns", a token stream as it is, tags and comments as the
 * fuzzer made them.  The stream is read back and each sentence goes
 * through the stem, ner-tag (every other input with `-t all`) and
 * sentiment stages (the shipped model and lexicon) to every
 * report: keywords, entities, tone (by entity too) and summarize per
 * document, and the corpus reports of keywords, entities and tone.  The
 * reports go to /dev/null: what is checked is that nothing crashes,
 * leaks or trips a sanitizer, whatever the text or the tags.  The data
 * is found as the tools find it (LEDE_DATA, which scripts/fuzz-run sets
 * to the top of the tree).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "df.h"
#include "keyphrase.h"
#include "kwcorpus.h"
#include "io.h"
#include "lexicon.h"
#include "postag.h"
#include "report.h"
#include "segment.h"
#include "stage.h"
#include "stream.h"
#include "sumrank.h"
#include "tagger.h"
#include "text.h"
#include "tone.h"
#include "util.h"

static LedeSeg *seg;
static LedeStemStage *stem;
static LedeNerModel *model;
static LedeNerStage *ner, *nerall;
static LedeLexicon *lx;
static LedeSentStage *sent;
static LedeKpParams params;
static LedeKp *kp;
static LedePosModel *pos;
static LedeDf *df;
static LedeSum *sum;
static FILE *devnull;

/* The shipped data file rel into b, or exit. */
static void
slurp(const char *rel, LedeBuf *b)
{
	char *path = lede_datapath(rel);
	FILE *fp;

	if (!path || !(fp = fopen(path, "rb")) || lede_slurp(fp, b, LEDE_DATA_MAX) < 0) {
		fprintf(stderr, "fuzz-chain: cannot read %s (set LEDE_DATA)\n", rel);
		exit(1);
	}
	fclose(fp);
	free(path);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char msg[256], *path;
	LedeBuf err = {0}, stop = {0};

	(void)argc;
	(void)argv;
	seg = lede_seg_new(0, LEDE_PARA_AUTO);
	stem = lede_stem_stage_new("english");
	if (!(path = lede_datapath(LEDE_NER_MODEL_DEFAULT)) ||
	    !(model = lede_ner_load(path, msg, sizeof(msg)))) {
		fprintf(stderr, "fuzz-chain: cannot load %s (set LEDE_DATA)\n",
		    LEDE_NER_MODEL_DEFAULT);
		exit(1);
	}
	free(path);
	ner = lede_ner_stage_new(model, lede_ner_keep_default(model));
	nerall = lede_ner_stage_new(model, lede_ner_keep_all(model));
	lx = lede_lexicon_new();
	if (lede_sent_lexicon_load(lx, 0, NULL, 0, &err) < 0 ||
	    (lede_kp_defaults(&params), kp = lede_kp_new(&params),
	    lede_kw_load(kp, &params, NULL, 0, 1, &pos, &df, &err) < 0)) {
		fprintf(stderr, "fuzz-chain: %s\n", err.p);
		exit(1);
	}
	sent = lede_sent_stage_new(lx, 0);
	{
		LedeSumParams sp;

		lede_sum_defaults(&sp);
		sum = lede_sum_new(&sp);
	}
	slurp("data/keywords/stopwords-en.txt", &stop);
	if (lede_sum_load_stop(sum, stop.p, stop.len, msg, sizeof(msg)) < 0)
		exit(1);
	lede_buf_free(&stop);
	lede_sum_set_df(sum, df);
	devnull = fopen("/dev/null", "w");
	lede_buf_free(&err);
	return 0;
}

/* Text: documents at form feeds, tokenized into a stream as `tokenize` writes it. */
static void
tokenize(const char *text, size_t size, LedeBuf *out)
{
	const LedeTok *tok;
	size_t a = 0, b, ntok, i, doc = 0;

	lede_buf_adds(out, "# global.columns = ID FORM START END\n");
	while (a <= size) {
		const char *ff = memchr(text + a, '\f', size - a);

		b = ff ? (size_t)(ff - text) : size;
		lede_buf_printf(out, "# newdoc id = d%zu\n", ++doc);
		lede_seg_start(seg, text + a, b - a);
		while ((ntok = lede_seg_next(seg, &tok)) > 0) {
			const LedeTok *last = &tok[ntok - 1];

			if (tok[0].flags & LEDE_TOK_PAR)
				lede_buf_adds(out, "# newpar\n");
			lede_buf_adds(out, "# text = ");
			lede_buf_comment_value(out, text + a + tok[0].off,
			    last->off + last->len - tok[0].off);
			lede_buf_addc(out, '\n');
			for (i = 0; i < ntok; i++) {
				lede_buf_printf(out, "%zu\t", i + 1);
				lede_buf_add(out, text + a + tok[i].off, tok[i].len);
				lede_buf_printf(out, "\t%zu\t%zu\n", tok[i].start,
				    tok[i].start + tok[i].cplen);
			}
			lede_buf_addc(out, '\n');
		}
		a = b + 1;
	}
}

/* The reports of one whole document. */
static void
document(LedeKwReport *kw, LedeToneReport *tr, const LedeDoc *d)
{
	const size_t *pick;
	LedeBuf text = {0};

	lede_kw_report_doc(kw, d);
	(void)lede_tone_report_doc(tr, d);
	lede_sum_doc(sum, d, &text);
	(void)lede_sum_pick(sum, 3, 0, 0, &pick);
	lede_buf_free(&text);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *outcols[] = {"STEM", "NER", "SENT"};
	static const char *fmts[] = {"tsv", "jsonl", "text"};
	const char *text = (const char *)data;
	LedeBuf stream = {0};
	LedeFormat fmt;
	LedeReader *r;
	LedeDoc d = {0};
	LedeKwReport kw = {0};
	LedeEntCorpus *entcorpus;
	LedeEntReport *ent, *er;
	LedeTable *kwt, *entt, *t;
	LedeTone tone;
	LedeToneReport *tr;
	FILE *fp;
	int rc, chain;

	if (memchr(data, '\0', size) || lede_utf8_check(text, size) != size)
		return 0;
	chain = !(size >= 16 && !memcmp(text, "# global.columns", 16));
	if (chain)
		tokenize(text, size, &stream);
	else
		lede_buf_add(&stream, text, size);
	lede_format_parse(fmts[size % 3], &fmt);
	entcorpus = lede_entcorpus_new();

	kw.kp = kp;
	kw.top = 10;
	kw.table = kwt = lede_table_new(devnull, fmt, lede_kw_cols, lede_kw_kinds, 5);
	kw.corpus = lede_kwc_new();
	lede_kw_report_settings(&kw);
	entt = lede_ent_table_new(devnull, fmt);
	ent = lede_ent_report_new(entt, fmt, 0, NULL, 0, entcorpus);
	lede_tone_init(&tone);
	tr = lede_tone_report_new(&tone, devnull, fmt, 80, 1);

	fp = fmemopen(stream.p, stream.len, "r");
	r = lede_reader_open_fp(fp, "<fuzz>");
	lede_reader_require(r, (const char *[]){"ID", "FORM"}, 2);
	if (chain)
		lede_reader_outcols(r, outcols, 3);
	for (;;) {
		LedeSent *s;

		if (d.nsent == d.csent) {
			d.csent = d.csent ? d.csent * 2 : 16;
			d.sent = ereallocarray(d.sent, d.csent, sizeof(*d.sent));
			memset(d.sent + d.nsent, 0,
			    (d.csent - d.nsent) * sizeof(*d.sent));
		}
		s = &d.sent[d.nsent];
		if ((rc = lede_read_sent(r, s)) == 0)
			break;
		if (rc < 0)
			continue;
		if (chain) {
			lede_stem_stage_sent(stem, s, 0);
			lede_ner_stage_sent(size % 2 ? nerall : ner, s, 1);
			lede_sent_stage_sent(sent, s, 2);
		}
		(void)lede_ent_report_add(ent, s);
		if (s->newdoc && d.nsent > 0) {
			LedeSent tmp;

			document(&kw, tr, &d);
			tmp = d.sent[0];
			d.sent[0] = *s;
			*s = tmp;
			d.nsent = 0;
		}
		if (d.nsent == 0)
			d.id = s->newdoc && *s->newdoc ? s->newdoc : "-";
		d.nsent++;
	}
	if (d.nsent > 0)
		document(&kw, tr, &d);
	lede_ent_report_finish(ent);
	lede_table_flush(kwt);
	lede_table_flush(entt);
	lede_tone_report_flush(tr);

	t = lede_table_new(devnull, fmt, lede_kw_cols, lede_kw_kinds, 5);
	lede_kw_report_corpus(kw.corpus, t, kw.top);
	lede_table_flush(t);
	lede_table_free(t);
	t = lede_ent_table_new(devnull, fmt);
	er = lede_ent_report_new(NULL, fmt, 0, NULL, 0, entcorpus);
	lede_ent_report_corpus(er, t);
	lede_table_flush(t);
	lede_table_free(t);
	lede_ent_report_free(er);
	lede_tone_print_corpus(devnull, fmt, &tone);
	lede_tone_print_entities(devnull, fmt, &tone);

	lede_reader_free(r);
	fclose(fp);
	lede_doc_free(&d);
	lede_table_free(kwt);
	lede_table_free(entt);
	lede_tone_report_free(tr);
	lede_tone_free(&tone);
	lede_ent_report_free(ent);
	lede_entcorpus_free(entcorpus);
	lede_kwc_free(kw.corpus);
	lede_buf_free(&stream);
	return 0;
}
