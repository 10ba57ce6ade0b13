/* See LICENSE file for copyright and license details. */
/*
 * lede: the whole chain in one command.  By default it only composes the
 * tools:
 *
 *   source | stem | ner-tag | sentiment | tee -> keywords, entities, tone,
 *                                               summarize (and partials)
 *
 * once for each of -j parts of the input, and puts the reports together.
 * With --fused, one process a part runs stem, ner-tag, sentiment and the
 * keyword, entity and tone reports on each sentence in memory (the same
 * library calls as the tools, lib/stage.h), between the source and
 * summarize:
 *
 *   source | fused -> keywords, entities, tone reports (and partials)
 *                  | summarize
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "io.h"
#include "lexicon.h"
#include "stage.h"
#include "stream.h"
#include "util.h"

enum { K_TEXT, K_JSONL, K_CONLLU };
static const char *kindname[] = {"text", "jsonl", "conllu"};

typedef struct {
	char *path;		/* NULL: standard input */
	int kind;
	const char *unzip;	/* decompressor, or NULL */
	off_t size;
	long docs;		/* documents in it, or -1 when unknown */
	long first, last;	/* JSONL: only these lines (0: all) */
	int stream;		/* a FIFO, a device or /dev/fd/N: opened by the
				 * source, read once, never cut into slices */
} Item;

typedef struct {
	const char *name;	/* the tool */
	const char *file;	/* output file stem */
	const char *args[6];	/* its extra arguments */
	int corpus;		/* a --corpus --partial run */
} Report;

static Report reports[] = {
	{"keywords", "keywords", {NULL}, 0},
	{"entities", "entities", {NULL}, 0},
	{"tone", "tone", {NULL}, 0},
	{"summarize", "summaries", {NULL}, 0},
	{"keywords", "keywords-corpus", {"--corpus", "--partial", NULL}, 1},
	{"entities", "entities-corpus", {"--corpus", "--partial", NULL}, 1},
	{"tone", "tone-corpus", {"--corpus", "--partial", NULL}, 1},
};
#define NREPORTS ((int)LEDE_LEN(reports))
/* the file names given to one tokenize, in bytes: see argbytes() */
#define ARGBYTES ((size_t)256 << 10)

static const char *filters[] = {"stem", "ner-tag", "sentiment"};

/* Progress counters, shared with the tee processes. */
typedef struct {
	volatile unsigned long docs;
	volatile unsigned long long bytes;
} Counter;

/*
 * The fused parts' hand-over of the corpus reports, in shared memory: the
 * last part to finish merges the others' partials into its own counts and
 * writes the corpus reports itself (fused_close).
 */
typedef struct {
	atomic_int finished;	/* parts done with their documents */
	atomic_int written;	/* parts whose partials are written and closed */
	atomic_int merged;	/* 1: the corpus reports are written */
} Handover;

static Handover *handover;
static int nparts;

static Item *items;
static size_t nitems, citems;
static int inkind = -1;		/* --input: kind of stdin and unknown names */
static const char *format;	/* report format */
static const char *topn;
static int corpus, stats, progress = -1, jobs, fused, nosum;
static int replace;		/* tokenize --replace */
static int cp1252;		/* tokenize --cp1252 */
static const char *jsonfield[3];	/* tokenize --id-field, --title-field, --text-field */
static const char *jsonopt[3] = {"--id-field", "--title-field", "--text-field"};
static char bindir[PATH_MAX];
static char *tmpdir;
static int status;
static int stdclosed[3];	/* descriptors 0, 1, 2 found closed */

static void
usage(FILE *fp)
{
	fprintf(fp,
	    "usage: %s [-o DIR] [-f FORMAT] [-n N] [-j N] [--corpus] [--input KIND]\n"
	    "          [--replace] [--cp1252] [--id-field NAME] [--title-field NAME]\n"
	    "          [--text-field NAME] [--fused] [--no-summaries] [--progress | -q]\n"
	    "          [--stats] INPUT...\n"
	    "Run the whole lede chain (tokenize | stem | ner-tag | sentiment) on\n"
	    "articles and write the keyword, entity and tone reports and the\n"
	    "summaries.  An INPUT is a text file (one article), a JSON Lines dump\n"
	    "(.jsonl, also .gz, .zst, .bz2, .xz), a CoNLL-U file (.conllu), a FIFO\n"
	    "or device (read once, by one part), a directory (every file in it,\n"
	    "recursively) or - (standard input).\n"
	    "\n"
	    "  -o, --output DIR  write one file per report into DIR (default: all\n"
	    "                    reports on standard output, one after another)\n"
	    "  -f, --format FMT  tsv, jsonl (or json) or text (default tsv with -o,\n"
	    "                    else text)\n"
	    "  -n, --top N       keyphrases and entities per document\n"
	    "  -j, --jobs N      run N chains side by side on parts of the input\n"
	    "                    (default: the number of processors)\n"
	    "      --corpus      also the reports over the whole input\n"
	    "      --input KIND  text, jsonl or conllu: the kind of standard input\n"
	    "                    and of files whose name does not tell\n"
	    "      --replace     replace invalid UTF-8 and NUL bytes of text and JSON\n"
	    "                    Lines inputs by U+FFFD (tokenize --replace)\n"
	    "      --cp1252      read bytes that are not UTF-8 as Windows-1252\n"
	    "                    (Latin-1) (tokenize --cp1252)\n"
	    "      --id-field NAME, --title-field NAME, --text-field NAME\n"
	    "                    the members of JSON Lines records to read (tokenize's)\n"
	    "      --fused       one process a part for stem, ner-tag, sentiment\n"
	    "                    and the reports (faster; the same output)\n"
	    "      --no-summaries  the keyword, entity and tone reports only\n"
	    "      --progress    show progress on standard error even when it is\n"
	    "                    not a terminal\n"
	    "  -q, --quiet       no progress line\n"
	    "      --stats       every stage prints its counts on standard error\n"
	    "      --help        print this help and exit\n"
	    "      --version     print the version and exit\n",
	    argv0);
}

static int
parse_kind(const char *s)
{
	int k;

	for (k = 0; k < (int)LEDE_LEN(kindname); k++)
		if (!strcmp(s, kindname[k]))
			return k;
	return -1;
}

static int
endswith(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && !strcmp(s + n - m, suffix);
}

/* Count the lines of a plain JSON Lines file: its documents. */
static long
count_lines(const char *path)
{
	char buf[1 << 16];
	size_t n;
	long lines = 0;
	int last = '\n';
	FILE *fp = fopen(path, "r");

	if (!fp)
		return -1;
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0) {
		char *p = buf, *end = buf + n;

		while ((p = memchr(p, '\n', (size_t)(end - p)))) {
			lines++;
			p++;
		}
		last = buf[n - 1];
	}
	if (last != '\n')
		lines++;
	fclose(fp);
	return lines;
}

/*
 * What the first bytes of a plain file say: SNIFF_JSON when the first
 * byte that is not white space is '{', SNIFF_ARRAY when it is '[',
 * SNIFF_STREAM when the first line is a token stream's header, else
 * SNIFF_NONE.
 */
enum { SNIFF_NONE, SNIFF_JSON, SNIFF_ARRAY, SNIFF_STREAM };

static int
sniff(const char *path)
{
	static const char head[] = "# global.columns";
	char buf[4096];
	size_t n, i;
	FILE *fp = fopen(path, "rb");

	if (!fp)
		return SNIFF_NONE;	/* tokenize names the error */
	n = fread(buf, 1, sizeof(buf), fp);
	fclose(fp);
	if (n >= sizeof(head) - 1 && !memcmp(buf, head, sizeof(head) - 1))
		return SNIFF_STREAM;
	for (i = 0; i < n && strchr(" \t\r\n", buf[i]) && buf[i]; i++)
		;
	if (i < n && buf[i] == '[')
		return SNIFF_ARRAY;
	return i < n && buf[i] == '{' ? SNIFF_JSON : SNIFF_NONE;
}

/* The compressed files lede reads: their extension and the program. */
static const struct { const char *ext, *prog; } zips[] = {
	{".gz", "gzip"}, {".zst", "zstd"}, {".bz2", "bzip2"}, {".xz", "xz"},
};

/* Index in zips of the compression path's name says, or -1. */
static int
zipped(const char *path)
{
	size_t i;

	for (i = 0; i < LEDE_LEN(zips); i++)
		if (endswith(path, zips[i].ext))
			return (int)i;
	return -1;
}

static void
add_item(const char *path, off_t size, int stream)
{
	Item *it;
	char *base;
	int what = SNIFF_NONE, z;

	/* the kind of a plain file that --input does not force, by its start */
	if (path && !stream && zipped(path) < 0 && (inkind < 0 ||
	    endswith(path, ".jsonl") || endswith(path, ".ndjson") ||
	    endswith(path, ".conllu") || endswith(path, ".txt"))) {
		what = sniff(path);
		if (what == SNIFF_STREAM) {
			weprintf("%s: a token stream already ('# global.columns'), skipped: "
			    "pipe it to keywords, entities, tone or summarize (through "
			    "stem | ner-tag | sentiment if it lacks their columns)", path);
			status = 1;
			return;
		}
		if (what == SNIFF_ARRAY && inkind < 0 && endswith(path, ".json")) {
			/* tokenized as an article, it gave reports of JSON syntax */
			weprintf("%s: a JSON array, skipped: lede reads JSON Lines, one "
			    "object a line (jq -c '.[]' converts it)", path);
			status = 1;
			return;
		}
	}
	if (nitems == citems) {
		citems = citems ? citems * 2 : 64;
		items = ereallocarray(items, citems, sizeof(*items));
	}
	it = &items[nitems++];
	memset(it, 0, sizeof(*it));
	it->path = path ? estrdup(path) : NULL;
	it->size = size;
	it->kind = inkind >= 0 ? inkind : K_TEXT;
	it->docs = -1;
	it->stream = stream;
	if (!path)
		return;
	base = estrdup(path);
	if ((z = zipped(base)) >= 0) {
		it->unzip = zips[z].prog;
		base[strlen(base) - strlen(zips[z].ext)] = '\0';
	}
	if (endswith(base, ".jsonl") || endswith(base, ".ndjson"))
		it->kind = K_JSONL;
	else if (endswith(base, ".conllu"))
		it->kind = K_CONLLU;
	else if (endswith(base, ".json") && inkind < 0 && what == SNIFF_JSON)
		it->kind = K_JSONL;	/* a dump named .json */
	else if (endswith(base, ".txt") || inkind < 0)
		it->kind = K_TEXT;
	free(base);
	if (stream)
		;	/* not read twice: the number of documents is unknown */
	else if (it->kind == K_TEXT)
		it->docs = 1;
	else if (it->kind == K_JSONL && !it->unzip)
		it->docs = count_lines(path);
}

/*
 * Cut a dump of size bytes into k parts of about equal bytes, at line
 * ends: last[kk] gets the number of the last line of part kk (the line
 * that holds its share's last byte), for kk < k - 1.  0 when the file
 * cannot be read or a part would be empty (one long line, say).
 */
/* The last byte of part kk of k parts of size bytes. */
static off_t
cutbyte(off_t size, long k, long kk)
{
	return (off_t)((double)size * (double)(kk + 1) / (double)k) - 1;
}

static int
cut_lines(const char *path, off_t size, long k, long *last)
{
	char buf[1 << 16];
	size_t n;
	long line = 0, kk = 0;
	off_t base = 0, cut = cutbyte(size, k, 0);
	FILE *fp = fopen(path, "r");

	if (!fp)
		return 0;
	while (kk < k - 1 && (n = fread(buf, 1, sizeof(buf), fp)) > 0) {
		char *p = buf, *end = buf + n;

		while (kk < k - 1 && (p = memchr(p, '\n', (size_t)(end - p)))) {
			off_t pos = base + (off_t)(p - buf);

			line++;
			p++;
			/* the line ending at pos holds the cut byte of part kk */
			while (kk < k - 1 && pos >= cut) {
				last[kk++] = line;
				cut = cutbyte(size, k, kk);
			}
		}
		base += (off_t)n;
	}
	fclose(fp);
	if (kk < k - 1)
		return 0;
	for (kk = 0; kk < k - 1; kk++)
		if (last[kk] < 1 || (kk > 0 && last[kk] <= last[kk - 1]))
			return 0;
	return 1;
}

/*
 * Cut plain JSON Lines dumps into slices of lines (tokenize --lines), so
 * that one large dump still makes -j parts.
 */
static void
split_dumps(off_t total)
{
	Item *old = items;
	size_t nold = nitems, i;
	long k, kk, per, *lasts;

	items = NULL;
	nitems = citems = 0;
	for (i = 0; i < nold; i++) {
		Item it = old[i];

		k = total > 0 ? (long)((double)jobs * (double)it.size / (double)total + 0.5) : 1;
		if (it.kind != K_JSONL || it.unzip || it.stream || !it.path || it.docs < 2 ||
		    k < 2) {
			if (nitems == citems) {
				citems = citems ? citems * 2 : 64;
				items = ereallocarray(items, citems, sizeof(*items));
			}
			items[nitems++] = it;
			continue;
		}
		if (k > it.docs)
			k = it.docs;
		/* parts of equal bytes; else of equal lines */
		lasts = ereallocarray(NULL, (size_t)k, sizeof(*lasts));
		if (!cut_lines(it.path, it.size, k, lasts)) {
			per = (it.docs + k - 1) / k;
			for (kk = 0; kk < k; kk++)
				lasts[kk] = (kk + 1) * per;
		}
		lasts[k - 1] = it.docs;
		for (kk = 0; kk < k && (kk == 0 || lasts[kk - 1] < it.docs); kk++) {
			Item *sl;

			if (nitems == citems) {
				citems = citems ? citems * 2 : 64;
				items = ereallocarray(items, citems, sizeof(*items));
			}
			sl = &items[nitems++];
			*sl = it;
			if (kk)
				sl->path = estrdup(it.path);
			sl->first = kk ? lasts[kk - 1] + 1 : 1;
			sl->last = lasts[kk] < it.docs ? lasts[kk] : it.docs;
			sl->docs = sl->last - sl->first + 1;
			sl->size = it.size / k;
		}
		free(lasts);
	}
	free(old);
}

static int
namecmp(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

/* The directories read so far (device and inode), so that each is read once. */
static LedeDict *seen;

/* 1 when the directory st was read before; else note it. */
static int
seen_dir(const struct stat *st)
{
	char key[sizeof(st->st_dev) + sizeof(st->st_ino)];
	int added;

	if (!seen)
		seen = lede_dict_new();
	memcpy(key, &st->st_dev, sizeof(st->st_dev));
	memcpy(key + sizeof(st->st_dev), &st->st_ino, sizeof(st->st_ino));
	lede_dict_put(seen, key, sizeof(key), &added);
	return !added;
}

/*
 * A name of an open file descriptor (process substitution's /dev/fd/63):
 * the stage programs do not inherit lede's descriptors, so such a file
 * is opened by the part's source process.
 */
static int
fdname(const char *path)
{
	return !strncmp(path, "/dev/fd/", 8) || !strncmp(path, "/proc/self/fd/", 14) ||
	    !strcmp(path, "/dev/stdin");
}

/*
 * Add path: a file, or every file under a directory, in name order.
 * Symbolic links are followed, but a directory already read (a link
 * back up the tree, or a second link to it) is skipped with a note.
 * A FIFO or a character device (process substitution, /dev/null) is
 * read once, as one part.
 */
static void
collect(const char *path, int depth)
{
	struct stat st;
	struct dirent **ents;
	int n, i;

	if (!strcmp(path, "-")) {
		if (stdclosed[0]) {
			weprintf("<stdin>: %s", strerror(EBADF));
			status = 1;
			return;
		}
		add_item(NULL, 0, 0);
		return;
	}
	if (stat(path, &st) < 0) {
		weprintf("%s:", path);
		status = 1;
		return;
	}
	if (S_ISREG(st.st_mode)) {
		add_item(path, st.st_size, fdname(path));
		return;
	}
	if (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode)) {
		/* a FIFO is read by the source process; a device (/dev/null) by tokenize */
		add_item(path, 0, S_ISFIFO(st.st_mode) || fdname(path));
		return;
	}
	if (S_ISDIR(st.st_mode) && depth == 0) {
		/* "dir/" and "dir" name the same files */
		char *p = estrdup(path);
		size_t n = strlen(p);

		while (n > 1 && p[n - 1] == '/')
			p[--n] = '\0';
		if (strcmp(p, path)) {
			collect(p, depth);
			free(p);
			return;
		}
		free(p);
	}
	if (!S_ISDIR(st.st_mode)) {
		weprintf("%s: not a file, directory, FIFO or character device, skipped",
		    path);
		status = 1;
		return;
	}
	if (seen_dir(&st)) {
		weprintf("%s: directory already read, skipped", path);
		return;
	}
	if (depth > 64) {
		weprintf("%s: directories nested too deep, skipped", path);
		status = 1;
		return;
	}
	if ((n = scandir(path, &ents, NULL, namecmp)) < 0) {
		weprintf("%s:", path);
		status = 1;
		return;
	}
	for (i = 0; i < n; i++) {
		if (ents[i]->d_name[0] != '.') {
			LedeBuf b = {0};

			lede_buf_printf(&b, "%s/%s", path, ents[i]->d_name);
			collect(b.p, depth + 1);
			lede_buf_free(&b);
		}
		free(ents[i]);
	}
	free(ents);
}

/* The path of a stage's program: beside lede, or found in PATH. */
static const char *
program(const char *tool)
{
	static LedeBuf b;

	lede_buf_clear(&b);
	if (*bindir) {
		lede_buf_printf(&b, "%s/%s", bindir, tool);
		if (access(b.p, X_OK) == 0)
			return b.p;
	}
	return tool;
}

/*
 * Signals: on SIGINT, SIGTERM or SIGHUP lede sends SIGTERM to every child
 * it started (the source process of a part passes it on to tokenize and
 * the decompressor), waits for them, removes its temporary directory and
 * dies of the signal.  The handler only kills the recorded children and
 * sets caught; lede stops at the next check (stop_if_caught), which
 * comes soon as the children's deaths end its waits.  SIGPIPE too: when
 * the reader of the reports goes away (lede | head), the write fails,
 * lede cleans up and dies of SIGPIPE quietly, as the other tools do; a
 * write that fails with EPIPE without the signal (SIGPIPE blocked) is
 * taken for it (stdout_closed).
 */
static const int catchsigs[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};
#define NCATCH ((int)LEDE_LEN(catchsigs))
static struct sigaction oldact[NCATCH];	/* the dispositions lede started with */
static sigset_t catchset;
static volatile sig_atomic_t caught;
static int passon;		/* 1 in a part's source process: die in the handler */
enum { MAXKIDS = 256 * 16 };
static volatile pid_t kids[MAXKIDS];	/* children alive (0: reaped) */
static volatile sig_atomic_t nkids;
static pid_t mainpid;

static void
on_signal(int sig)
{
	int saved = errno;
	sig_atomic_t i;

	caught = sig;
	for (i = 0; i < nkids; i++)
		if (kids[i] > 0)
			kill(kids[i], SIGTERM);
	if (passon) {
		signal(sig, SIG_DFL);
		raise(sig);
	}
	errno = saved;
}

/* Catch the signals that are not ignored (as they are under nohup or &). */
static void
catch_signals(void)
{
	struct sigaction sa;
	int i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigemptyset(&catchset);
	for (i = 0; i < NCATCH; i++) {
		sigaddset(&sa.sa_mask, catchsigs[i]);
		sigaddset(&catchset, catchsigs[i]);
	}
	sa.sa_flags = 0;	/* no SA_RESTART: waitpid returns on a signal */
	for (i = 0; i < NCATCH; i++) {
		sigaction(catchsigs[i], NULL, &oldact[i]);
		if (oldact[i].sa_handler != SIG_IGN)
			sigaction(catchsigs[i], &sa, NULL);
	}
}

/* fork, recording the child; the child gets the dispositions lede got. */
static pid_t
xfork(void)
{
	sigset_t old;
	pid_t pid;
	int i;

	sigprocmask(SIG_BLOCK, &catchset, &old);
	if ((pid = fork()) < 0)
		eprintf("fork:");
	if (pid == 0) {
		for (i = 0; i < NCATCH; i++)
			sigaction(catchsigs[i], &oldact[i], NULL);
		nkids = 0;
		passon = 0;
	} else if (nkids < MAXKIDS) {
		kids[nkids] = pid;
		nkids++;
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	return pid;
}

/* A child is reaped: no signal is sent to its (reusable) pid any more. */
static void
forget(pid_t pid)
{
	sigset_t old;
	sig_atomic_t i;

	sigprocmask(SIG_BLOCK, &catchset, &old);
	for (i = 0; i < nkids; i++)
		if (kids[i] == pid)
			kids[i] = 0;
	sigprocmask(SIG_SETMASK, &old, NULL);
}

/* waitpid for pid, again when a signal interrupts it; -1 on error. */
static pid_t
reap(pid_t pid, int *wst)
{
	pid_t r;

	while ((r = waitpid(pid, wst, 0)) < 0 && errno == EINTR)
		;
	if (r > 0)
		forget(r);
	return r;
}

static void rmtree(const char *dir);

/* Kill the children left, wait for them and remove the temporary files. */
static void
cleanup(void)
{
	sig_atomic_t i;

	if (getpid() != mainpid)
		return;
	for (i = 0; i < nkids; i++)
		if (kids[i] > 0) {
			kill(kids[i], SIGTERM);
			while (waitpid(kids[i], NULL, 0) < 0 && errno == EINTR)
				;
			kids[i] = 0;
		}
	if (tmpdir) {
		rmtree(tmpdir);
		free(tmpdir);
		tmpdir = NULL;
	}
}

/* After a signal: clean up and die of it. */
static void
stop_if_caught(void)
{
	int sig = caught;
	sigset_t set;

	if (!sig)
		return;
	cleanup();
	signal(sig, SIG_DFL);
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(sig);
	_exit(128 + sig);
}

/*
 * After a write to standard output: when its reader is gone (EPIPE, or
 * SIGPIPE caught), clean up and die of SIGPIPE.
 */
static void
stdout_closed(int err)
{
	if (err == EPIPE && !caught)
		caught = SIGPIPE;
	stop_if_caught();
}

/* fork and exec argv with the given standard input and output. */
static pid_t
spawn(char *const argv[], int in, int out)
{
	pid_t pid = xfork();

	if (pid == 0) {
		if (in != 0 && dup2(in, 0) < 0)
			_exit(126);
		if (out != 1 && dup2(out, 1) < 0)
			_exit(126);
		closefrom(3);
		execvp(argv[0], argv);
		fprintf(stderr, "%s: %s: %s\n", argv0, argv[0], strerror(errno));
		_exit(127);
	}
	return pid;
}

/* A process of the chain, to wait for and name in messages. */
typedef struct {
	pid_t pid;
	char *what;
} Proc;

static Proc *procs;
static size_t nprocs, cprocs;

static void
track(pid_t pid, const char *what)
{
	if (nprocs == cprocs) {
		cprocs = cprocs ? cprocs * 2 : 32;
		procs = ereallocarray(procs, cprocs, sizeof(*procs));
	}
	procs[nprocs].pid = pid;
	procs[nprocs].what = estrdup(what);
	nprocs++;
}

/*
 * The room for the file names of one tokenize: a quarter of exec's room
 * for arguments and environment (ARG_MAX, 2 MiB with the usual 8 MiB
 * stack), at most ARGBYTES.
 */
static size_t
argbytes(void)
{
	long m = sysconf(_SC_ARG_MAX);

	if (m <= 0 || (size_t)m / 4 > ARGBYTES)
		return ARGBYTES;
	return (size_t)m / 4;
}

static void
argpush(char ***argv, size_t *n, const char *s)
{
	*argv = ereallocarray(*argv, *n + 2, sizeof(**argv));
	(*argv)[(*n)++] = (char *)s;
	(*argv)[*n] = NULL;
}

/*
 * The source of a part: tokenize over its items, written to out.  Runs of
 * plain files of one kind go to one tokenize; compressed files go through
 * their decompressor.  Runs in a child of its own when there is more than
 * one command.
 */
static int
run_source(Item *it, size_t n, int out)
{
	size_t i = 0, j;
	int fail = 0;

	while (i < n) {
		char **argv = NULL;
		size_t na = 0;
		int wst, fds[2] = {-1, -1}, in = 0;
		pid_t zp = -1, tp;

		argpush(&argv, &na, program("tokenize"));
		if (it[i].kind == K_JSONL) {
			int f;

			argpush(&argv, &na, "--jsonl");
			for (f = 0; f < 3; f++)
				if (jsonfield[f]) {
					argpush(&argv, &na, jsonopt[f]);
					argpush(&argv, &na, jsonfield[f]);
				}
		} else if (it[i].kind == K_CONLLU) {
			argpush(&argv, &na, "--conllu");
		}
		if (replace && it[i].kind != K_CONLLU)
			argpush(&argv, &na, "--replace");
		if (cp1252 && it[i].kind != K_CONLLU)
			argpush(&argv, &na, "--cp1252");
		if (stats)
			argpush(&argv, &na, "--stats");
		j = i;
		if (it[i].stream && (in = open(it[i].path, O_RDONLY)) < 0) {
			fprintf(stderr, "%s: %s: %s\n", argv0, it[i].path, strerror(errno));
			fail = 1;
			free(argv);
			i++;
			continue;
		}
		if (it[i].unzip) {
			char *zargv[] = {(char *)it[i].unzip, "-dc", "--", it[i].path, NULL};

			if (pipe(fds) < 0)
				eprintf("pipe:");
			/* ids and messages name the file, not standard input */
			argpush(&argv, &na, "--name");
			argpush(&argv, &na, it[i].path);
			if (it[i].stream)
				zargv[2] = NULL;	/* on standard input */
			zp = spawn(zargv, in, fds[1]);
			if (in)
				close(in);
			close(fds[1]);
			in = fds[0];
			j = i + 1;
		} else if (it[i].stream) {
			/* opened here, read on standard input */
			argpush(&argv, &na, "--name");
			argpush(&argv, &na, it[i].path);
			j = i + 1;
		} else if (it[i].first) {
			/* a slice of a dump: its own run, with its line numbers */
			char range[64];

			snprintf(range, sizeof(range), "%ld-%ld", it[i].first, it[i].last);
			argpush(&argv, &na, "--lines");
			argpush(&argv, &na, range);
			argpush(&argv, &na, "--");	/* a name may start with - */
			argpush(&argv, &na, it[i].path);
			j = i + 1;
			tp = spawn(argv, 0, out);
			if (reap(tp, &wst) < 0 || !WIFEXITED(wst) || WEXITSTATUS(wst))
				fail = 1;
			free(argv);
			i = j;
			continue;
		} else {
			size_t bytes = 0, room = argbytes();

			/* standard input in its place: tokenize's - */
			argpush(&argv, &na, "--");	/* a name may start with - */
			for (; j < n && it[j].kind == it[i].kind && !it[j].unzip &&
			    !it[j].first && !it[j].stream; j++) {
				const char *a = it[j].path ? it[j].path : "-";

				/*
				 * exec takes ARG_MAX bytes of arguments and
				 * environment: a directory of 50,000 articles
				 * is several runs of tokenize, one after the
				 * other (the stream repeats its header, which
				 * the readers drop)
				 */
				bytes += strlen(a) + 1 + sizeof(char *);
				if (j > i && bytes > room)
					break;
				argpush(&argv, &na, a);
			}
		}
		tp = spawn(argv, in, out);
		if (in)
			close(in);
		if (reap(tp, &wst) < 0 || !WIFEXITED(wst) || WEXITSTATUS(wst))
			fail = 1;
		if (zp > 0 && (reap(zp, &wst) < 0 || !WIFEXITED(wst) ||
		    WEXITSTATUS(wst))) {
			fprintf(stderr, "%s: %s: %s -dc failed\n", argv0, it[i].path, it[i].unzip);
			fail = 1;
		}
		free(argv);
		i = j;
	}
	return fail;
}

/* Copy in to every open fd of outs, counting documents and bytes. */
static void
tee(int in, int *outs, int nouts, Counter *c)
{
	static char buf[1 << 16];
	static const char mark[] = "# newdoc";
	ssize_t n, w;
	int k, m = 0;	/* bytes of mark matched at a line's start; -1: none */

	signal(SIGPIPE, SIG_IGN);
	while ((n = read(in, buf, sizeof(buf))) != 0) {
		ssize_t i;

		if (n < 0) {
			if (errno == EINTR)
				continue;
			fprintf(stderr, "%s: reading the chain: %s\n", argv0, strerror(errno));
			_exit(1);
		}
		/* a mark may be cut between two reads */
		for (i = 0; i < n; i++) {
			if (m >= 0) {
				if (buf[i] != mark[m])
					m = -1;
				else if (++m == (int)sizeof(mark) - 1) {
					c->docs++;
					m = -1;
				}
			}
			if (buf[i] == '\n')
				m = 0;
		}
		c->bytes += (unsigned long long)n;
		for (k = 0; k < nouts; k++) {
			char *p = buf;
			ssize_t left = n;

			while (outs[k] >= 0 && left > 0) {
				if ((w = write(outs[k], p, (size_t)left)) < 0) {
					if (errno == EINTR)
						continue;
					/* that report stopped (it says why): feed the others */
					close(outs[k]);
					outs[k] = -1;
					break;
				}
				p += w;
				left -= w;
			}
		}
	}
	_exit(0);
}

static char *
partfile(int part, const char *name, const char *ext)
{
	LedeBuf b = {0};

	lede_buf_printf(&b, "%s/part%d.%s.%s", tmpdir, part, name, ext);
	return b.p;
}

/* The file extension of the report format. */
static const char *
format_ext(void)
{
	if (!strcmp(format, "jsonl"))
		return "jsonl";
	if (!strcmp(format, "text"))
		return "txt";
	return "tsv";
}

static const char *
ext_of(const Report *r)
{
	return r->corpus ? "partial" : format_ext();
}

/* Start tokenize over items it[0..n) of a part; the read end of its output. */
static int
start_source(int part, Item *it, size_t n)
{
	int fds[2];
	pid_t pid;
	LedeBuf what = {0};

	if (pipe(fds) < 0)
		eprintf("pipe:");
	if ((pid = xfork()) == 0) {
		close(fds[0]);
		/* a signal goes on to tokenize and the decompressor */
		passon = 1;
		catch_signals();
		_exit(run_source(it, n, fds[1]));
	}
	lede_buf_printf(&what, "tokenize (part %d)", part + 1);
	track(pid, what.p);
	lede_buf_free(&what);
	close(fds[1]);
	return fds[0];
}

/* Start the chain of one part over items it[0..n). */
static void
start_part(int part, Item *it, size_t n, Counter *c)
{
	int fds[2], in, outs[NREPORTS], k, nouts = 0;
	size_t f;
	pid_t pid;
	LedeBuf what = {0};

	in = start_source(part, it, n);
	for (f = 0; f < LEDE_LEN(filters); f++) {
		char *argv[4] = {(char *)program(filters[f]), NULL, NULL, NULL};

		if (stats)
			argv[1] = "--stats";
		if (pipe(fds) < 0)
			eprintf("pipe:");
		pid = spawn(argv, in, fds[1]);
		lede_buf_clear(&what);
		lede_buf_printf(&what, "%s (part %d)", filters[f], part + 1);
		track(pid, what.p);
		close(fds[1]);
		close(in);
		in = fds[0];
	}
	for (k = 0; k < NREPORTS; k++) {
		Report *r = &reports[k];
		char *argv[16], *path;
		int na = 0, a, out;

		if ((r->corpus && !corpus) || (k == 3 && nosum))
			continue;
		argv[na++] = (char *)program(r->name);
		for (a = 0; r->args[a]; a++)
			argv[na++] = (char *)r->args[a];
		if (!r->corpus) {
			argv[na++] = "-f";
			argv[na++] = (char *)format;
			if (topn && strcmp(r->name, "tone") && strcmp(r->name, "summarize")) {
				argv[na++] = "-n";
				argv[na++] = (char *)topn;
			}
		}
		if (stats && !r->corpus)
			argv[na++] = "--stats";
		argv[na] = NULL;
		path = partfile(part, r->file, ext_of(r));
		if ((out = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644)) < 0)
			eprintf("%s:", path);
		if (pipe(fds) < 0)
			eprintf("pipe:");
		pid = spawn(argv, fds[0], out);
		lede_buf_clear(&what);
		lede_buf_printf(&what, "%s%s (part %d)", r->name, r->corpus ? " --corpus" : "",
		    part + 1);
		track(pid, what.p);
		close(fds[0]);
		close(out);
		outs[nouts++] = fds[1];
		free(path);
	}
	if ((pid = xfork()) == 0)
		tee(in, outs, nouts, c);
	lede_buf_clear(&what);
	lede_buf_printf(&what, "tee (part %d)", part + 1);
	track(pid, what.p);
	close(in);
	for (k = 0; k < nouts; k++)
		close(outs[k]);
	lede_buf_free(&what);
}

/* A report file of a part, opened for the fused chain. */
static FILE *
open_part(int part, int k)
{
	char *path = partfile(part, reports[k].file, ext_of(&reports[k]));
	FILE *fp = fopen(path, "w");

	if (!fp)
		eprintf("%s:", path);
	free(path);
	return fp;
}

static int
close_part(int part, int k, FILE *fp)
{
	char *path = partfile(part, reports[k].file, ext_of(&reports[k]));
	int rc = fshut(fp, path);

	free(path);
	return rc;
}

/* The stages and reports of the fused chain of a part. */
typedef struct {
	LedeStemStage *stem;
	LedeNerModel *model;
	LedeNerStage *ner;
	LedeLexicon *lx;
	LedeSentStage *sent;
	LedeKpParams params;
	LedeKwReport kw;
	LedePosModel *pos;
	LedeDf *df;
	LedeEntReport *ent;
	LedeEntCorpus *entcorpus;
	LedeTone tone;
	LedeToneReport *tr;
	LedeTable *kwtable, *enttable;
	long enttop;		/* entities -n: 0 for all */
	FILE *fp[NREPORTS];
} Fused;

static void
fused_open(Fused *f, int part)
{
	LedeFormat fmt;
	LedeBuf err = {0};
	char *path, msg[256];
	long top = 0;
	int k;

	lede_format_parse(format, &fmt);
	if (topn)
		lede_strtol(topn, 1, 1000000, &top);
	memset(f, 0, sizeof(*f));
	for (k = 0; k < NREPORTS; k++)
		if (k != 3 && (!reports[k].corpus || corpus))
			f->fp[k] = open_part(part, k);

	f->stem = lede_stem_stage_new("english");
	if (!(path = lede_datapath(LEDE_NER_MODEL_DEFAULT)))
		eprintf("cannot find %s (%s)", LEDE_NER_MODEL_DEFAULT,
		    lede_datahint());
	if (!(f->model = lede_ner_load(path, msg, sizeof(msg))))
		eprintf("%s: %s", path, msg);
	free(path);
	f->ner = lede_ner_stage_new(f->model, lede_ner_keep_default(f->model));
	f->lx = lede_lexicon_new();
	if (lede_sent_lexicon_load(f->lx, 0, NULL, 0, &err) < 0)
		eprintf("%s", err.p);
	f->sent = lede_sent_stage_new(f->lx, 0);

	lede_kp_defaults(&f->params);
	f->kw.kp = lede_kp_new(&f->params);
	if (lede_kw_load(f->kw.kp, &f->params, NULL, 0, corpus, &f->pos,
	    &f->df, &err) < 0)
		eprintf("%s", err.p);
	f->kw.top = topn ? top : 10;
	f->kwtable = lede_table_new(f->fp[0], fmt, lede_kw_cols, lede_kw_kinds, 5);
	f->kw.table = f->kwtable;
	f->kw.corpus = corpus ? lede_kwc_new() : NULL;
	lede_kw_report_settings(&f->kw);	/* what its partial says it was made with */

	f->enttable = lede_ent_table_new(f->fp[1], fmt);
	f->entcorpus = corpus ? lede_entcorpus_new() : NULL;
	f->ent = lede_ent_report_new(f->enttable, fmt, top, NULL, 0, f->entcorpus);
	f->enttop = top;

	lede_tone_init(&f->tone);
	f->tr = lede_tone_report_new(&f->tone, f->fp[2], fmt, 80, 0);
	lede_buf_free(&err);
}

/*
 * Wait until the other parts, which finished their documents first, have
 * written their partials: a few milliseconds.  0 after a minute without
 * (a part that died): then this part writes its partials too and the
 * corpus reports are merged as usual, which names what is missing.
 */
static int
others_written(void)
{
	struct timespec ms = {0, 1000000};
	int i;

	for (i = 0; i < 60000; i++) {
		if (atomic_load(&handover->written) == nparts - 1)
			return 1;
		nanosleep(&ms, NULL);
	}
	return 0;
}

/* Add the other parts' partials to the last part's counts; the exit status. */
static int
merge_others(Fused *f, int part)
{
	LedeBuf buf = {0}, err = {0};
	char msg[256];
	int p, k, st = 0;

	for (p = 0; p < nparts; p++) {
		if (p == part)
			continue;
		for (k = 4; k < NREPORTS; k++) {
			char *path = partfile(p, reports[k].file, "partial");
			FILE *fp = fopen(path, "rb");
			int rc = fp ? lede_slurp(fp, &buf, (size_t)1 << 40) : -1;

			if (fp)
				fclose(fp);
			if (rc < 0) {
				weprintf("%s:", path);
				st = 1;
			} else if (k == 4 && lede_kwc_parse(f->kw.corpus, buf.p ? buf.p : "",
			    buf.len, msg, sizeof(msg)) < 0) {
				weprintf("%s:%s", path, msg);
				st = 1;
			} else if (k == 5 && lede_entcorpus_load(f->entcorpus,
			    buf.p ? buf.p : "", buf.len, path, &err) < 0) {
				weprintf("%s", err.p);
				st = 1;
			} else if (k == 6 && lede_tone_read_partial(&f->tone,
			    buf.p ? buf.p : "", buf.len, path, &err) < 0) {
				weprintf("%s", err.p);
				st = 1;
			}
			free(path);
		}
	}
	lede_buf_free(&buf);
	lede_buf_free(&err);
	return st;
}

/*
 * The three corpus reports from the merged counts, into the files that
 * assemble() reads: what keywords, entities and tone --merge would print.
 */
static int
write_corpus(Fused *f)
{
	LedeFormat fmt;
	LedeTable *t;
	LedeEntReport *er;
	int k, st = 0;
	FILE *fp[NREPORTS] = {NULL};
	char *path[NREPORTS] = {NULL};

	lede_format_parse(format, &fmt);
	for (k = 4; k < NREPORTS; k++) {
		path[k] = partfile(-1, reports[k].file, "merged");
		if (!(fp[k] = fopen(path[k], "w")))
			eprintf("%s:", path[k]);
	}
	t = lede_table_new(fp[4], fmt, lede_kw_cols, lede_kw_kinds, 5);
	lede_kw_report_corpus(f->kw.corpus, t, f->kw.top);
	lede_table_flush(t);
	lede_table_free(t);
	t = lede_ent_table_new(fp[5], fmt);
	er = lede_ent_report_new(NULL, fmt, f->enttop, NULL, 0, f->entcorpus);
	lede_ent_report_corpus(er, t);
	lede_table_flush(t);
	lede_table_free(t);
	lede_ent_report_free(er);
	lede_tone_print_corpus(fp[6], fmt, &f->tone);
	for (k = 4; k < NREPORTS; k++) {
		if (fshut(fp[k], path[k]))
			st = 1;
		free(path[k]);
	}
	return st;
}

/*
 * Write the corpus partials (or, in the last part, the corpus reports),
 * close the files; the exit status.
 */
static int
fused_close(Fused *f, int part)
{
	int k, st = 0;

	lede_table_flush(f->kwtable);
	lede_table_flush(f->enttable);
	lede_tone_report_flush(f->tr);
	if (corpus && atomic_fetch_add(&handover->finished, 1) + 1 == nparts &&
	    others_written()) {
		/* the last part: the corpus reports themselves, no partials */
		st |= merge_others(f, part);
		st |= write_corpus(f);
		atomic_store(&handover->merged, 1);
		for (k = 4; k < NREPORTS; k++) {
			fclose(f->fp[k]);
			f->fp[k] = NULL;
		}
	} else if (corpus) {
		/* write errors are caught and named by close_part */
		lede_kwc_write(f->kw.corpus, f->fp[4]);
		lede_entcorpus_write(f->entcorpus, f->fp[5]);
		lede_tone_write_partial(f->fp[6], &f->tone);
		for (k = 4; k < NREPORTS; k++) {
			if (close_part(part, k, f->fp[k]))
				st = 1;
			f->fp[k] = NULL;
		}
		atomic_fetch_add(&handover->written, 1);
	}
	for (k = 0; k < NREPORTS; k++)
		if (f->fp[k] && close_part(part, k, f->fp[k]))
			st = 1;
	lede_table_free(f->kwtable);
	lede_table_free(f->enttable);
	lede_tone_report_free(f->tr);
	lede_tone_free(&f->tone);
	lede_ent_report_free(f->ent);
	lede_entcorpus_free(f->entcorpus);
	lede_kwc_free(f->kw.corpus);
	lede_kp_free(f->kw.kp);
	lede_pos_free(f->pos);
	lede_df_free(f->df);
	lede_sent_stage_free(f->sent);
	lede_lexicon_free(f->lx);
	lede_ner_stage_free(f->ner);
	lede_ner_free(f->model);
	lede_stem_stage_free(f->stem);
	return st;
}

/* The document-level reports of a whole document. */
static int
fused_doc(Fused *f, const LedeDoc *d)
{
	lede_kw_report_doc(&f->kw, d);
	if (lede_tone_report_doc(f->tr, d) < 0) {
		weprintf("%s", lede_tone_report_error(f->tr));
		return 1;
	}
	return 0;
}

/*
 * The fused chain of a part: the token stream on in (from tokenize),
 * annotated sentence by sentence, fed to the reports, and written to sum
 * for summarize.  Documents are put together as lede_read_doc does for
 * keywords and tone; entities works sentence by sentence as its tool
 * does.  Returns the exit status.
 */
static int
run_fused(int in, int sum, int part, Counter *c)
{
	static const char *outcols[] = {"STEM", "NER", "SENT"};
	FILE *fin = fdopen(in, "r"), *fsum = sum >= 0 ? fdopen(sum, "w") : NULL;
	LedeReader *r;
	LedeWriter *w;
	LedeDoc d = {0};
	Fused f;
	size_t rows = 0;
	int st = 0, toolong = 0, sumok = 1;

	if (!fin || (sum >= 0 && !fsum))
		eprintf("fdopen:");
	signal(SIGPIPE, SIG_IGN);
	fused_open(&f, part);
	r = lede_reader_open_fp(fin, "<stdin>");
	lede_reader_require(r, (const char *[]){"ID", "FORM"}, 2);
	lede_reader_outcols(r, outcols, 3);
	w = fsum ? lede_writer_new(fsum) : NULL;
	d.id = "-";
	for (;;) {
		LedeSent *s;

		if (d.nsent == d.csent) {
			d.csent = d.csent ? d.csent * 2 : 16;
			d.sent = ereallocarray(d.sent, d.csent, sizeof(*d.sent));
			memset(d.sent + d.nsent, 0, (d.csent - d.nsent) * sizeof(*d.sent));
		}
		s = &d.sent[d.nsent];
		/* as stem would: the rest of the document is skipped */
		if (!lede_next_sent(r, s, &st))
			break;
		lede_stem_stage_sent(f.stem, s, 0);
		lede_ner_stage_sent(f.ner, s, 1);
		lede_sent_stage_sent(f.sent, s, 2);
		if (s->newdoc)
			c->docs++;
		if (w && sumok && lede_write_sent(w, s) < 0)
			sumok = 0;	/* summarize stopped (it says why) */

		/* entities, sentence by sentence */
		if (lede_ent_report_add(f.ent, s) < 0) {
			weprintf("%s (document %s skipped)", lede_ent_report_error(f.ent),
			    lede_ent_report_docid(f.ent));
			st = 1;
		}

		/* keywords and tone, document by document */
		if (s->newdoc && (d.nsent > 0 || toolong)) {
			LedeSent t;

			if (d.nsent > 0 && !toolong)
				st |= fused_doc(&f, &d);
			t = d.sent[0];
			d.sent[0] = *s;
			*s = t;
			d.nsent = 0;
			rows = 0;
			toolong = 0;
			s = &d.sent[0];
		}
		if (d.nsent == 0)
			d.id = s->newdoc && *s->newdoc ? s->newdoc : "-";
		if (toolong)
			continue;
		if ((rows += s->ntok) > lede_doc_max()) {
			weprintf("%s:%lu: document longer than %zu rows (document %s skipped)",
			    s->file, s->rowline ? s->rowline : s->line, lede_doc_max(), d.id);
			st = 1;
			toolong = 1;
			d.nsent = 0;
			continue;
		}
		d.nsent++;
	}
	if (d.nsent > 0 && !toolong)
		st |= fused_doc(&f, &d);
	lede_ent_report_finish(f.ent);
	if (w)
		lede_write_header(w, r);
	if (stats)
		fprintf(stderr, "%s: fused chain (part %d): %s\n", argv0, part + 1,
		    lede_stats_text(r, w, -1));
	if (fsum && fclose(fsum) == EOF && sumok)
		st = 1;
	st |= fused_close(&f, part);
	lede_writer_free(w);
	lede_reader_free(r);
	lede_doc_free(&d);
	fclose(fin);
	return st;
}

/* Start summarize for a part, writing its summaries file; its input's fd. */
static int
start_summarize(int part)
{
	char *argv[8], *path;
	int na = 0, sfd[2], out;
	pid_t pid;
	LedeBuf what = {0};

	argv[na++] = (char *)program("summarize");
	argv[na++] = "-f";
	argv[na++] = (char *)format;
	if (stats)
		argv[na++] = "--stats";
	argv[na] = NULL;
	path = partfile(part, reports[3].file, ext_of(&reports[3]));
	if ((out = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644)) < 0)
		eprintf("%s:", path);
	free(path);
	if (pipe(sfd) < 0)
		eprintf("pipe:");
	pid = spawn(argv, sfd[0], out);
	lede_buf_printf(&what, "summarize (part %d)", part + 1);
	track(pid, what.p);
	lede_buf_free(&what);
	close(sfd[0]);
	close(out);
	return sfd[1];
}

/* Start the fused chain of one part over items it[0..n). */
static void
start_fused(int part, Item *it, size_t n, Counter *c)
{
	int in, sum;
	pid_t pid;
	LedeBuf what = {0};

	in = start_source(part, it, n);
	/* summarize reads the annotated stream, unless --no-summaries */
	sum = nosum ? -1 : start_summarize(part);
	if ((pid = xfork()) == 0) {
		fflush(stderr);
		_exit(run_fused(in, sum, part, c));
	}
	lede_buf_printf(&what, "fused chain (part %d)", part + 1);
	track(pid, what.p);
	close(in);
	if (sum >= 0)
		close(sum);
	lede_buf_free(&what);
}

static void
show_progress(Counter *c, long total, off_t bytes, double t0, int last)
{
	unsigned long docs = 0;
	double el, rate, mb;
	struct timespec ts;
	int i;

	for (i = 0; i < nparts; i++)
		docs += c[i].docs;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	el = ts.tv_sec + ts.tv_nsec / 1e9 - t0;
	if (el <= 0)
		el = 1e-9;
	rate = docs / el;
	fprintf(stderr, "\r%s: %lu", argv0, docs);
	if (total > 0)
		fprintf(stderr, "/%ld", total);
	fprintf(stderr, " documents, %.0f docs/s", rate);
	if (total > 0 && bytes > 0) {
		mb = (double)bytes / 1e6 * ((double)docs / (double)total);
		fprintf(stderr, ", %.1f MB/s", mb / el);
		if (!last && rate > 0 && (long)docs < total) {
			long eta = (long)((total - (long)docs) / rate);

			fprintf(stderr, ", ETA %ld:%02ld", eta / 60, eta % 60);
		}
	}
	fprintf(stderr, last ? "\n" : "   ");
	fflush(stderr);
}

/* Wait for every process; say which failed. */
static void
wait_all(Counter *c, long total, off_t bytes)
{
	size_t left = nprocs, i;
	struct timespec ts, nap = {0, 200000000};
	double t0;
	int wst;
	pid_t pid;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	t0 = ts.tv_sec + ts.tv_nsec / 1e9;
	while (left > 0) {
		stop_if_caught();
		pid = waitpid(-1, &wst, progress ? WNOHANG : 0);
		if (pid < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (pid > 0)
			forget(pid);
		if (pid == 0) {
			show_progress(c, total, bytes, t0, 0);
			nanosleep(&nap, NULL);
			continue;
		}
		for (i = 0; i < nprocs && procs[i].pid != pid; i++)
			;
		if (i == nprocs)
			continue;
		left--;
		if (WIFSIGNALED(wst)) {
			weprintf("%s: killed by signal %d", procs[i].what, WTERMSIG(wst));
			status = 1;
		} else if (WEXITSTATUS(wst)) {
			if (WEXITSTATUS(wst) >= 126)
				weprintf("%s: could not run", procs[i].what);
			status = 1;
		}
	}
	if (progress)
		show_progress(c, total, bytes, t0, 1);
}

/*
 * Append a file to fp, leaving out its first line when skiphead.  When
 * it writes anything, *blank tells whether that ends in a blank line.
 */
static void
append(FILE *fp, const char *path, int skiphead, int *blank)
{
	FILE *in = fopen(path, "r");
	char buf[1 << 16], last[2] = {0, 0};
	size_t n;
	int c;

	if (!in) {
		weprintf("%s:", path);
		status = 1;
		return;
	}
	if (skiphead)
		while ((c = getc(in)) != EOF && c != '\n')
			;
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0) {
		if (fwrite(buf, 1, n, fp) != n && fp == stdout) {
			int err = errno;

			fclose(in);
			stdout_closed(err);
			return;
		}
		last[0] = n > 1 ? buf[n - 2] : last[1];
		last[1] = buf[n - 1];
		*blank = last[0] == '\n' && last[1] == '\n';
	}
	fclose(in);
}

/* The merges of the corpus partials, run side by side into files. */
static pid_t mergepid[NREPORTS];

/* Start merging report r's partials (the same as one --corpus run). */
static void
start_merge(int k)
{
	const Report *r = &reports[k];
	char **argv = NULL, *out = partfile(-1, r->file, "merged");
	size_t na = 0, i;
	int p, fd;

	argpush(&argv, &na, program(r->name));
	argpush(&argv, &na, "--merge");
	argpush(&argv, &na, "-f");
	argpush(&argv, &na, format);
	if (topn && strcmp(r->name, "tone")) {
		argpush(&argv, &na, "-n");
		argpush(&argv, &na, topn);
	}
	argpush(&argv, &na, "--");
	for (p = 0; p < nparts; p++)
		argpush(&argv, &na, partfile(p, r->file, "partial"));
	if ((fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0666)) < 0)
		eprintf("%s:", out);
	mergepid[k] = spawn(argv, 0, fd);
	close(fd);
	for (i = na - (size_t)nparts; i < na; i++)
		free(argv[i]);	/* the partfile names; the rest are not ours */
	free(argv);
	free(out);
}

/* Put the parts' reports together into fp. */
static void
assemble(FILE *fp, int k)
{
	const Report *r = &reports[k];
	int p, blank = 0;

	if (r->corpus) {
		char *path = partfile(-1, r->file, "merged");
		int wst;

		if (mergepid[k] && (reap(mergepid[k], &wst) < 0 ||
		    !WIFEXITED(wst) || WEXITSTATUS(wst))) {
			weprintf("%s --merge failed", r->name);
			status = 1;
		}
		append(fp, path, 0, &blank);
		free(path);
		return;
	}
	for (p = 0; p < nparts; p++) {
		char *path = partfile(p, r->file, ext_of(r));

		/* text: a blank line between the parts' tables, unless the
		 * part ends in one (tone's documents do) */
		if (p > 0 && !strcmp(format, "text") && !blank)
			fputc('\n', fp);
		/* one TSV header for all the parts */
		append(fp, path, p > 0 && !strcmp(format, "tsv"), &blank);
		free(path);
	}
}

static void
rmtree(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (!d)
		return;
	while ((e = readdir(d))) {
		LedeBuf b = {0};

		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		lede_buf_printf(&b, "%s/%s", dir, e->d_name);
		unlink(b.p);
		lede_buf_free(&b);
	}
	closedir(d);
	rmdir(dir);
}

/*
 * Name on stderr the reports in dir that this run did not write (from an
 * earlier run with other options or another format), so that a reader of
 * the directory does not take them for this run's.  Nothing is deleted.
 */
static void
note_stale(const char *dir, const int *written, const char *ext)
{
	static const char *exts[] = {"tsv", "jsonl", "txt"};
	LedeBuf path = {0}, list = {0};
	struct stat st;
	size_t e;
	int k;

	for (k = 0; k < NREPORTS; k++)
		for (e = 0; e < LEDE_LEN(exts); e++) {
			if (written[k] && !strcmp(exts[e], ext))
				continue;
			path.len = 0;
			lede_buf_printf(&path, "%s/%s.%s", dir, reports[k].file, exts[e]);
			if (stat(path.p, &st) < 0 || !S_ISREG(st.st_mode))
				continue;
			lede_buf_printf(&list, "%s%s.%s", list.len ? ", " : "",
			    reports[k].file, exts[e]);
		}
	if (list.len)
		weprintf("note: %s also holds %s, which this run did not write",
		    dir, list.p);
	lede_buf_free(&path);
	lede_buf_free(&list);
}

int
main(int argc, char *argv[])
{
	enum { O_IDF = 256, O_TITLEF, O_TEXTF, O_CP1252 };	/* O_IDF.. in jsonopt's order */
	static const struct option longopts[] = {
		{"output", required_argument, NULL, 'o'},
		{"format", required_argument, NULL, 'f'},
		{"top", required_argument, NULL, 'n'},
		{"jobs", required_argument, NULL, 'j'},
		{"corpus", no_argument, NULL, 'C'},
		{"input", required_argument, NULL, 'I'},
		{"fused", no_argument, NULL, 'F'},
		{"no-summaries", no_argument, NULL, 'N'},
		{"progress", no_argument, NULL, 'P'},
		{"quiet", no_argument, NULL, 'q'},
		{"stats", no_argument, NULL, 'S'},
		{"replace", no_argument, NULL, 'R'},
		{"cp1252", no_argument, NULL, O_CP1252},
		{"id-field", required_argument, NULL, O_IDF},
		{"title-field", required_argument, NULL, O_TITLEF},
		{"text-field", required_argument, NULL, O_TEXTF},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	const char *outdir = NULL, *ext;
	int written[NREPORTS] = {0};
	Counter *counters;
	size_t i, start;
	long v, total = 0;
	off_t bytes = 0, per, acc;
	int c, p, k;
	ssize_t n;

	lede_init(argv[0]);
	/*
	 * A descriptor 0, 1 or 2 found closed (<&-, a daemon's or a job
	 * scheduler's) would be taken by the first pipe, which the chains
	 * then took for their standard input or output (wrong reports, exit
	 * status 1): /dev/null holds its place.
	 */
	for (c = 0; c < 3; c++)
		if (fcntl(c, F_GETFD) < 0 && errno == EBADF) {
			stdclosed[c] = 1;
			if (open("/dev/null", c ? O_WRONLY : O_RDONLY) != c)
				_exit(LEDE_EXIT_ERR);
		}
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:f:n:j:q", longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			outdir = optarg;
			break;
		case 'f':
			if (strcmp(optarg, "tsv") && strcmp(optarg, "jsonl") &&
			    strcmp(optarg, "json") && strcmp(optarg, "text"))
				uprintf("unknown format '%s' (tsv, jsonl or text)", optarg);
			/* json: the report tools' alias of jsonl */
			format = strcmp(optarg, "json") ? optarg : "jsonl";
			break;
		case 'n':
			if (lede_strtol(optarg, 1, 1000000, &v) < 0)
				uprintf("-n takes a whole number from 1 to 1000000, not '%s'", optarg);
			topn = optarg;
			break;
		case 'j':
			if (lede_strtol(optarg, 1, 256, &v) < 0)
				uprintf("-j takes a whole number from 1 to 256, not '%s'", optarg);
			jobs = (int)v;
			break;
		case 'C':
			corpus = 1;
			break;
		case 'I':
			if ((inkind = parse_kind(optarg)) < 0)
				uprintf("unknown input kind '%s' (text, jsonl or conllu)", optarg);
			break;
		case 'F':
			fused = 1;
			break;
		case 'N':
			nosum = 1;
			break;
		case 'P':
			if (progress == 0)
				uprintf("--progress and --quiet exclude each other");
			progress = 1;
			break;
		case 'q':
			if (progress == 1)
				uprintf("--progress and --quiet exclude each other");
			progress = 0;
			break;
		case 'S':
			stats = 1;
			break;
		case 'R':
			replace = 1;
			break;
		case O_CP1252:
			cp1252 = 1;
			break;
		case O_IDF:
		case O_TITLEF:
		case O_TEXTF:
			if (!*optarg)
				uprintf("%s: expected a member name, not ''", jsonopt[c - O_IDF]);
			jsonfield[c - O_IDF] = optarg;
			break;
		case 'h':
			usage(stdout);
			return fshut(stdout, "<stdout>");
		case 'V':
			lede_version();
			break;
		default:
			lede_badopt(c, argv);
		}
	}
	if (optind == argc)
		uprintf("no input (name files, directories or - for standard input)");
	/* it is read once: a second - would be an empty input */
	for (c = optind, p = 0; c < argc; c++)
		if (!strcmp(argv[c], "-") && p++)
			uprintf("standard input (-) given more than once");
	if (!format)
		format = outdir ? "tsv" : "text";
	if (stdclosed[1] && !outdir)
		eprintf("<stdout>: write error: %s", strerror(EBADF));
	ext = format_ext();
	if (progress < 0)
		progress = isatty(2);
	if ((n = readlink("/proc/self/exe", bindir, sizeof(bindir) - 1)) > 0) {
		char *slash;

		bindir[n] = '\0';
		if ((slash = strrchr(bindir, '/')))
			*slash = '\0';
	} else {
		bindir[0] = '\0';
	}

	mainpid = getpid();
	catch_signals();
	atexit(cleanup);
	for (; optind < argc; optind++)
		collect(argv[optind], 0);
	if (nitems == 0)
		eprintf("no input files found");
	for (i = 0; i < nitems; i++) {
		bytes += items[i].size;
		if (items[i].docs < 0)
			total = -1;
		else if (total >= 0)
			total += items[i].docs;
	}

	/* contiguous parts of about equal size, so reports keep input order */
	if (jobs == 0) {
		long ncpu = sysconf(_SC_NPROCESSORS_ONLN);

		jobs = ncpu > 0 ? (int)(ncpu < 256 ? ncpu : 256) : 1;
	}
	if (jobs > 1)
		split_dumps(bytes);
	nparts = (int)(nitems < (size_t)jobs ? nitems : (size_t)jobs);
	counters = mmap(NULL, sizeof(Counter) * (size_t)nparts, PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (counters == MAP_FAILED)
		eprintf("mmap:");
	memset((void *)counters, 0, sizeof(Counter) * (size_t)nparts);
	handover = mmap(NULL, sizeof(*handover), PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (handover == MAP_FAILED)
		eprintf("mmap:");
	atomic_init(&handover->finished, 0);
	atomic_init(&handover->written, 0);
	atomic_init(&handover->merged, 0);

	/* a directory for the reports, before the run */
	if (outdir) {
		struct stat st;

		if (mkdir(outdir, 0777) < 0 && errno != EEXIST)
			eprintf("%s:", outdir);
		if (stat(outdir, &st) < 0)
			eprintf("%s:", outdir);
		if (!S_ISDIR(st.st_mode))
			eprintf("%s: not a directory", outdir);
		if (access(outdir, W_OK | X_OK) < 0)
			eprintf("%s:", outdir);
	}
	stop_if_caught();
	{
		LedeBuf b = {0};
		const char *t = getenv("TMPDIR");
		sigset_t old;

		lede_buf_printf(&b, "%s/lede.XXXXXX", t && *t ? t : "/tmp");
		sigprocmask(SIG_BLOCK, &catchset, &old);
		if (!mkdtemp(b.p))
			eprintf("mkdtemp %s:", b.p);
		tmpdir = b.p;
		sigprocmask(SIG_SETMASK, &old, NULL);
	}

	fflush(stdout);
	per = bytes / nparts;
	start = 0;
	acc = 0;
	for (p = 0; p < nparts; p++) {
		size_t end = start + 1;

		acc += items[start].size;
		/* leave at least one item for each part still to come */
		while (end < nitems - (size_t)(nparts - p - 1) &&
		    (p == nparts - 1 || acc + items[end].size / 2 <= per * (p + 1)))
			acc += items[end++].size;
		if (fused)
			start_fused(p, items + start, end - start, &counters[p]);
		else
			start_part(p, items + start, end - start, &counters[p]);
		start = end;
	}
	wait_all(counters, total, bytes);
	stop_if_caught();

	/* unless the last fused part wrote the corpus reports itself */
	for (k = 0; k < NREPORTS; k++)
		if (reports[k].corpus && corpus && !atomic_load(&handover->merged))
			start_merge(k);
	for (k = 0; k < NREPORTS; k++) {
		const Report *r = &reports[k];
		FILE *fp = stdout;
		LedeBuf path = {0};

		stop_if_caught();
		if ((r->corpus && !corpus) || (k == 3 && nosum))
			continue;
		if (outdir) {
			lede_buf_printf(&path, "%s/%s.%s", outdir, r->file, ext);
			if (!(fp = fopen(path.p, "w"))) {
				/* the other reports are still written */
				weprintf("%s:", path.p);
				status = 1;
				if (r->corpus && mergepid[k])
					reap(mergepid[k], &(int){0});
				lede_buf_free(&path);
				continue;
			}
		} else {
			if (k > 0)
				putchar('\n');
			printf("== %s\n\n", r->file);
		}
		assemble(fp, k);
		if (fp != stdout && fshut(fp, path.p))
			status = 1;
		written[k] = 1;
		lede_buf_free(&path);
	}
	if (outdir)
		note_stale(outdir, written, ext);
	stop_if_caught();
	if (fflush(stdout) == EOF)
		stdout_closed(errno);
	cleanup();
	status |= fshut(stdout, "<stdout>");
	if (status)
		weprintf("errors above: the reports leave out what they name");
	return status;
}
