/* Archive mode of `meetingd parse`: many files, folders or NDJSON lines,
 * parsed by a pool of workers in one process, written as NDJSON or as a
 * table. Private to cli/: the modules below share these declarations. */
#ifndef MEETINGD_CLI_ARCHIVE_H
#define MEETINGD_CLI_ARCHIVE_H

#include <jansson.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "model/model.h"

/* Largest input read: one file, or one NDJSON line. */
#define CLI_MAX_INPUT (64u * 1024 * 1024)

enum cli_in_format { CLI_IN_AUTO = 0, CLI_IN_TEXT, CLI_IN_HTML };
enum cli_out_format { CLI_OUT_DEFAULT = 0, CLI_OUT_JSON, CLI_OUT_NDJSON, CLI_OUT_CSV, CLI_OUT_TSV };

/* Everything the command line says, filled by cli_parse(). */
struct cli_opts {
	struct model_options model; /* published_at, unit, include_text, explain */
	enum cli_in_format input;
	enum cli_out_format output;
	int ndjson_input; /* --ndjson: the inputs are /v1/parse/batch lines */
	int jobs;	  /* workers, >= 1 */
	int unordered;
	int bom;
	int progress; /* -1: when stderr is a terminal; 0 never; 1 always */
	int quiet;
	const char *out_path; /* -o, NULL or "-": standard output */
	const char *run_id;   /* the "instance" of every problem line */
	char **inputs;	      /* borrowed from argv */
	int n_inputs;
};

/* A growing byte buffer; start from all zeros, free(data) when done. */
struct cli_buf {
	char *data;
	size_t len, cap;
};

/* Append n bytes (0, or -1 when out of memory). */
int cli_buf_add(struct cli_buf *b, const void *s, size_t n);
/* Append a NUL-terminated string. */
int cli_buf_adds(struct cli_buf *b, const char *s);

/* Run archive mode to the end; returns the exit status (0 all parsed, 1
 * some failed or the output could not be written, 130 interrupted). */
int cli_archive_run(const struct cli_opts *o);

/* ---- walk.c: the inputs, one at a time, folders walked lazily ---- */

enum cli_item_kind { CLI_ITEM_FILE, CLI_ITEM_STDIN, CLI_ITEM_ERROR };

struct cli_item {
	enum cli_item_kind kind;
	char *path;    /* malloc'ed; the caller frees it ("-" for standard input) */
	int err;       /* CLI_ITEM_ERROR: errno of the folder that could not be read */
	uint64_t size; /* st_size when cli_walk_new() was asked to stat (0 otherwise) */
};

struct cli_walk;

/* A walker over the command-line inputs (borrowed). Folders are recursed
 * in byte order of the names, skipping names that start with '.', and not
 * through symbolic links to folders; inside folders only files ending in
 * one of exts (NULL-terminated, lower case, e.g. ".txt") are taken. With
 * want_size each item's size is filled in. NULL when out of memory; free
 * with cli_walk_free(). */
struct cli_walk *cli_walk_new(char **inputs, int n, const char *const *exts, int want_size);
/* The next item in *it: 1, or 0 at the end (or -1 when out of memory). */
int cli_walk_next(struct cli_walk *w, struct cli_item *it);
/* Frees the walker and whatever folders it still holds. */
void cli_walk_free(struct cli_walk *w);

/* 1 when a file name ends in .html or .htm (any case). */
int cli_name_is_html(const char *path);
/* 1 when the bytes start like an HTML page (after a BOM and white space:
 * '<' then a letter, '!' or '?'); no article starts so. */
int cli_looks_like_html(const char *s, size_t len);

/* ---- rows.c: CSV (RFC 4180) and TSV rows ---- */

/* The header row (with a UTF-8 BOM first when bom). */
int cli_rows_header(struct cli_buf *b, int tsv, int bom);
/* One row per meeting of a ParseResult (one row with the meeting columns
 * empty when it has none, so every input shows); source and id borrowed. */
int cli_rows_result(struct cli_buf *b, int tsv, const char *source, const char *id,
		    const json_t *result);
/* The row of an input that failed: source, id and the error column. */
int cli_rows_problem(struct cli_buf *b, int tsv, const char *source, const char *id,
		     const char *detail);

/* ---- job.c: one input to its output bytes ---- */

/* One unit of work: a file (path) or an NDJSON line (line). Owned by the
 * pipeline; cli_job_free() releases what it holds. */
struct cli_job {
	uint64_t seq; /* 0-based position in input order */
	enum cli_item_kind kind;
	char *path;	    /* a file, or the NDJSON source's name */
	int err;	    /* CLI_ITEM_ERROR: errno */
	int is_line;	    /* an NDJSON line (else a file) */
	char *line;	    /* NDJSON: the line (CR removed) */
	size_t line_len;    /* NDJSON: bytes of the line */
	long line_no;	    /* NDJSON: 1-based line number in its source */
	int line_too_large; /* NDJSON: over CLI_MAX_INPUT, not kept */
	/* results, filled by cli_job_run() */
	struct cli_buf out; /* the bytes to write */
	char *message;	    /* failure: "SOURCE: detail" for stderr (malloc'ed) */
	int failed, skipped;
	uint64_t in_bytes; /* bytes read */
	struct cli_job *next;
};

/* Do the work of a job: read, parse and format into job->out, in a worker
 * thread; cancel (may be NULL) is handed to the model. 0, or -1 when out
 * of memory. */
int cli_job_run(const struct cli_opts *o, struct cli_job *job, const atomic_int *cancel);
/* Free a job and all it holds. */
void cli_job_free(struct cli_job *job);

/* A JSON string literal of s (quoted, escaped; bytes that are not UTF-8
 * become U+FFFD) appended to b. 0 or -1. */
int cli_json_string(struct cli_buf *b, const char *s);

/* ---- outfile.c: where the output goes ---- */

struct cli_out {
	int fd;
	int is_file;	    /* -o FILE: written to a temporary file first */
	int direct;	    /* -o names no regular file (/dev/null): written to it */
	char *target;	    /* the file to create */
	char *tmp_name;	    /* a named temporary file (NULL: an unnamed O_TMPFILE) */
	unsigned mode;	    /* permissions of the file made */
	struct cli_buf buf; /* bytes not yet written */
};

/* Open standard output (path NULL or "-") or a temporary file in the
 * folder of path. 0, or -1 with a message in err. */
int cli_out_open(struct cli_out *out, const char *path, char *err, size_t cap);
/* Queue bytes, writing when the buffer is full. 0, or -1 (errno set). */
int cli_out_write(struct cli_out *out, const void *s, size_t n);
/* Write what is queued. 0 or -1 (errno set). */
int cli_out_flush(struct cli_out *out);
/* Flush, fsync and put the file in place (rename over path). 0, or -1
 * with a message in err (the temporary file is then gone). */
int cli_out_commit(struct cli_out *out, char *err, size_t cap);
/* Drop the temporary file: path is left as it was. */
void cli_out_abort(struct cli_out *out);

/* ---- progress.c: the progress line and the summary ---- */

struct cli_stats {
	atomic_uint_fast64_t done, failed, skipped, articles, bytes_done;
	atomic_uint_fast64_t total, total_bytes; /* as counted so far */
	atomic_int total_final;			 /* the count is complete */
	atomic_int bytes_final;			 /* total_bytes is complete */
	double start;				 /* CLOCK_MONOTONIC seconds */
};

/* Seconds on the monotonic clock. */
double cli_now(void);
/* Take the stderr lock (shared by the progress line and messages). */
void cli_stderr_lock(void);
void cli_stderr_unlock(void);
/* Print one message line on stderr (erasing the progress line first when
 * one is shown). Takes the stderr lock. */
void cli_message(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Enable the progress line: tty = 1 redraws one line in place, 0 writes a
 * line per update (--progress when stderr is not a terminal); unit names
 * what is counted ("files", "lines"). */
void cli_progress_start(struct cli_stats *st, int tty, const char *unit);
/* Redraw when due (at most 10 times a second on a terminal, once a second
 * otherwise); force draws regardless. */
void cli_progress_tick(struct cli_stats *st, int force);
/* Erase the progress line for good. */
void cli_progress_end(void);
/* The closing summary line. interrupted: stopped by a signal; note: an
 * extra clause (what became of -o), or NULL. */
void cli_summary(struct cli_stats *st, const char *unit, int interrupted, const char *note);

#endif
