/* `meetingd parse`: the options, the help, and the single-article mode
 * (one FILE or -, --format json: the ParseResult exactly as it has always
 * been printed). Everything else is archive mode (cli/archive.c). Exit
 * status: 0 success, 1 failure at run time, 2 usage error, 130 interrupted. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli/archive.h"
#include "cli/cli.h"
#include "handlers/handlers.h"
#include "model/model.h"

void cli_parse_usage(FILE *out)
{
	fputs(
	    "Usage: meetingd parse [OPTIONS] FILE|DIR|- ...\n"
	    "\n"
	    "Parse articles about meetings into the meeting model. One FILE (or - for standard\n"
	    "input) prints its ParseResult JSON. Several inputs, folders or --ndjson make an\n"
	    "archive run: every core parses, one result per input, a summary at the end.\n"
	    "\n"
	    "Inputs:\n"
	    "  FILE                   an article: plain text, or a web page (.html, .htm, or\n"
	    "                         content that starts with '<'); any name when given here\n"
	    "  DIR                    every *.txt, *.html and *.htm below it, recursively, in\n"
	    "                         byte order of the names (names starting with '.' and\n"
	    "                         links to folders are skipped)\n"
	    "  -                      standard input\n"
	    "  --ndjson               the inputs are NDJSON in the POST /v1/parse/batch line\n"
	    "                         format, {\"text\", \"published_at\"?, \"url\"?, \"id\"?} "
	    "per\n"
	    "                         line (folders give their *.ndjson and *.jsonl); answer\n"
	    "                         lines are the server's batch lines\n"
	    "\n"
	    "Formats (--format takes either kind of value; give it twice for both):\n"
	    "  --format text|html|auto, --input-format text|html|auto\n"
	    "                         how to read the inputs (default auto: .html/.htm names\n"
	    "                         and content starting with '<' are web pages, the rest\n"
	    "                         text; NDJSON lines are text unless html is given)\n"
	    "  --format json|ndjson|csv|tsv, --output-format json|ndjson|csv|tsv\n"
	    "                         json: one ParseResult (the default for one FILE or -);\n"
	    "                         ndjson: one line per input (the default otherwise): the\n"
	    "                         ParseResult with \"id\" (the input's position, from 1) and\n"
	    "                         \"source\" (its path) first, or a problem (RFC 9457\n"
	    "                         type, title, status, detail, instance) with the same\n"
	    "                         id and source;\n"
	    "                         csv, tsv: one row per meeting, a header row first:\n"
	    "                         source, id, meeting, title, published_at, date (or\n"
	    "                         month_day), part_of_day, kind, kind_text, ordinal, body,\n"
	    "                         term, location, chairs (\"Name (position, ...); ...\"),\n"
	    "                         attendees (how many), documents (symbols cited in the\n"
	    "                         article, \"; \"), error (why an input failed). An article\n"
	    "                         without a meeting has one row, its meeting columns\n"
	    "                         empty. CSV is RFC 4180 (CRLF, fields with , \" CR or LF\n"
	    "                         quoted); TSV writes \\\\ \\t \\n \\r inside fields\n"
	    "  --bom                  a UTF-8 byte order mark first (csv, tsv), for spreadsheets\n"
	    "  -o, --output FILE      write FILE atomically: a temporary file in its folder,\n"
	    "                         renamed over FILE at the end; an interrupted or failed\n"
	    "                         run leaves FILE as it was and no temporary file\n"
	    "  --unordered            write results as they finish, not in input order\n"
	    "\n"
	    "Parsing:\n"
	    "  --published-at DATE    ISO 8601 date or date-time anchoring relative dates (for\n"
	    "                         NDJSON, lines without their own published_at)\n"
	    "  --offsets codepoint|utf16|byte\n"
	    "                         unit of every start/end (default codepoint)\n"
	    "  --include-text         add the normalised text the offsets index\n"
	    "  --explain              add the rule that produced each object\n"
	    "\n"
	    "Running:\n"
	    "  -j, --jobs N           parallel workers (default: one per core)\n"
	    "  --progress             show the progress line even when stderr is not a terminal\n"
	    "                         (then one line a second)\n"
	    "  -q, --quiet            no progress line, no per-input messages, no summary\n"
	    "  --run-id ID            the \"instance\" of every problem (default: random, like\n"
	    "                         the server's request id; [A-Za-z0-9._-], at most 64)\n"
	    "\n"
	    "On a terminal, stderr shows a progress line (inputs done out of total, articles/s,\n"
	    "MB/s, errors, ETA), redrawn at most 10 times a second; a failed input is named there\n"
	    "too. The summary counts the inputs parsed and failed. SIGINT (Ctrl+C) stops: the\n"
	    "articles being parsed are finished and written, the summary is printed and with -o\n"
	    "nothing is written (a file is a whole run or nothing); a second SIGINT stops at "
	    "once.\n"
	    "\n"
	    "Exit status: 0 every input parsed, 1 some failed (or the output could not be\n"
	    "written), 2 usage error, 130 interrupted.\n"
	    "\n"
	    "Examples:\n"
	    "  meetingd parse article.txt                      one ParseResult\n"
	    "  meetingd parse --published-at 2024-03-05 - < article.txt\n"
	    "  meetingd parse crawl/ > meetings.ndjson         every article below crawl/\n"
	    "  meetingd parse -j 4 --format csv --bom -o meetings.csv crawl/ extra.html\n"
	    "  meetingd parse --format html --format tsv page.html\n"
	    "  meetingd parse --ndjson - < batch.ndjson        as POST /v1/parse/batch\n",
	    out);
}

/* A usage error: the message and status 2. */
static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("meetingd: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs(" (see meetingd parse --help)\n", stderr);
	return 2;
}

static int set_input(struct cli_opts *o, const char *v, int *seen)
{
	enum cli_in_format f;

	if (!strcmp(v, "text"))
		f = CLI_IN_TEXT;
	else if (!strcmp(v, "html"))
		f = CLI_IN_HTML;
	else if (!strcmp(v, "auto"))
		f = CLI_IN_AUTO;
	else
		return 1;
	if (*seen && o->input != f)
		return usage_error("two input formats given") + 1;
	o->input = f;
	*seen = 1;
	return 0;
}

static int set_output(struct cli_opts *o, const char *v)
{
	enum cli_out_format f;

	if (!strcmp(v, "json"))
		f = CLI_OUT_JSON;
	else if (!strcmp(v, "ndjson"))
		f = CLI_OUT_NDJSON;
	else if (!strcmp(v, "csv"))
		f = CLI_OUT_CSV;
	else if (!strcmp(v, "tsv"))
		f = CLI_OUT_TSV;
	else
		return 1;
	if (o->output && o->output != f)
		return usage_error("two output formats given") + 1;
	o->output = f;
	return 0;
}

static int valid_run_id(const char *s)
{
	size_t n;

	for (n = 0; s[n]; n++)
		if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-",
			    s[n]) ||
		    n >= 64)
			return 0;
	return n > 0;
}

/* Options with a value: the name (without "--") and whether it is short. */
static const char *const valued[] = {"published-at", "offsets",	      "format",
				     "input-format", "output-format", "output",
				     "jobs",	     "run-id",	      NULL};

static int options(struct cli_opts *o, int argc, char **argv)
{
	int a, in_seen = 0, dashes = 0, stdin_seen = 0;

	for (a = 0; a < argc; a++) {
		const char *arg = argv[a], *name, *val = NULL;
		char nm[32];
		size_t n;
		int i, r;

		if (dashes || !strcmp(arg, "-") || arg[0] != '-') {
			if (!strcmp(arg, "-") && stdin_seen++)
				return usage_error("standard input (-) given twice");
			o->inputs[o->n_inputs++] = argv[a];
			continue;
		}
		if (!strcmp(arg, "--")) {
			dashes = 1;
			continue;
		}
		if (arg[1] != '-') { /* -j N, -jN, -o FILE, -oFILE, -q */
			if (arg[1] == 'q' && !arg[2]) {
				o->quiet = 1;
				continue;
			}
			if (arg[1] != 'j' && arg[1] != 'o')
				return usage_error("unknown parse option '%s'", arg);
			snprintf(nm, sizeof nm, "%s", arg[1] == 'j' ? "jobs" : "output");
			val = arg[2] ? arg + 2 : NULL;
		} else {
			n = strcspn(arg + 2, "=");
			if (n >= sizeof nm)
				return usage_error("unknown parse option '%s'", arg);
			memcpy(nm, arg + 2, n);
			nm[n] = '\0';
			if (arg[2 + n] == '=')
				val = arg + 3 + n;
		}
		name = nm;
		for (i = 0; valued[i] && strcmp(valued[i], name); i++)
			;
		if (valued[i]) {
			if (!val) {
				if (a + 1 >= argc)
					return usage_error("--%s needs a value", name);
				val = argv[++a];
			}
		} else if (val) {
			return usage_error("--%s takes no value", name);
		}
		if (!strcmp(name, "include-text")) {
			o->model.include_text = 1;
		} else if (!strcmp(name, "explain")) {
			o->model.explain = 1;
		} else if (!strcmp(name, "ndjson")) {
			o->ndjson_input = 1;
		} else if (!strcmp(name, "unordered")) {
			o->unordered = 1;
		} else if (!strcmp(name, "bom")) {
			o->bom = 1;
		} else if (!strcmp(name, "progress")) {
			o->progress = 1;
		} else if (!strcmp(name, "quiet")) {
			o->quiet = 1;
		} else if (!strcmp(name, "published-at")) {
			o->model.published_at = val;
		} else if (!strcmp(name, "offsets")) {
			if (handlers_offset_unit(val, &o->model.unit))
				return usage_error("--offsets must be codepoint, utf16 or byte");
		} else if (!strcmp(name, "format")) {
			/* the two sets of values are disjoint: one flag for both */
			r = set_input(o, val, &in_seen);
			if (r == 1)
				r = set_output(o, val);
			if (r == 1)
				return usage_error(
				    "--format must be json, ndjson, csv, tsv (output) "
				    "or text, html, auto (input), not '%s'",
				    val);
			if (r)
				return 2;
		} else if (!strcmp(name, "input-format")) {
			r = set_input(o, val, &in_seen);
			if (r == 1)
				return usage_error("--input-format must be text, html or auto");
			if (r)
				return 2;
		} else if (!strcmp(name, "output-format")) {
			r = set_output(o, val);
			if (r == 1)
				return usage_error(
				    "--output-format must be json, ndjson, csv or tsv");
			if (r)
				return 2;
		} else if (!strcmp(name, "output")) {
			o->out_path = val;
		} else if (!strcmp(name, "jobs")) {
			char *end;
			long j;
			errno = 0;
			j = strtol(val, &end, 10);
			if (errno || *end || end == val || j < 1 || j > 1024)
				return usage_error("--jobs must be a number from 1 to 1024");
			o->jobs = (int)j;
		} else if (!strcmp(name, "run-id")) {
			if (!valid_run_id(val))
				return usage_error("--run-id must be 1 to 64 of A-Z a-z 0-9 . _ -");
			o->run_id = val;
		} else {
			return usage_error("unknown parse option '%s'", arg);
		}
	}
	return 0;
}

static int single_mode(const struct cli_opts *o)
{
	struct stat st;
	const char *in = o->inputs[0];

	if (o->n_inputs != 1 || o->ndjson_input)
		return 0;
	if (strcmp(in, "-") && stat(in, &st) == 0 && S_ISDIR(st.st_mode))
		return 0;
	return o->output == CLI_OUT_DEFAULT || o->output == CLI_OUT_JSON;
}

/* One article to one ParseResult, as `meetingd parse FILE` has always
 * done: the JSON on stdout, or one line "meetingd: <message>" and exit 1. */
static int parse_one(const struct cli_opts *o)
{
	const char *file = o->inputs[0];
	struct model_options opt = o->model;
	struct model_error err;
	struct model_buf mb = {0};
	struct cli_out out;
	char *input = NULL, msg[300];
	size_t len = 0;
	int fd, e, rc;

	fd = strcmp(file, "-") ? open(file, O_RDONLY | O_CLOEXEC) : 0;
	if (fd < 0) {
		fprintf(stderr, "meetingd: %s: %s\n", file, strerror(errno));
		return 1;
	}
	{
		/* the reader of archive mode, through a one-job run */
		struct cli_buf b = {0};
		char chunk[65536];
		ssize_t n;
		e = 0;
		while ((n = read(fd, chunk, sizeof chunk)) != 0) {
			if (n < 0 && errno == EINTR)
				continue;
			if (n < 0) {
				e = errno;
				break;
			}
			if (b.len + (size_t)n > CLI_MAX_INPUT) {
				e = EFBIG;
				break;
			}
			if (cli_buf_add(&b, chunk, (size_t)n)) {
				e = ENOMEM;
				break;
			}
		}
		input = b.data;
		len = b.len;
	}
	if (fd > 0)
		close(fd);
	if (e) {
		free(input);
		if (e == EFBIG)
			fprintf(stderr, "meetingd: %s: larger than %u bytes\n", file,
				CLI_MAX_INPUT);
		else
			fprintf(stderr, "meetingd: %s: cannot read: %s\n", file, strerror(e));
		return 1;
	}
	if (o->input == CLI_IN_HTML ||
	    (o->input == CLI_IN_AUTO &&
	     (cli_name_is_html(file) || cli_looks_like_html(input, len))))
		opt.input = MODEL_INPUT_HTML;
	memset(&err, 0, sizeof err);
	rc = model_parse_into(input ? input : "", len, &opt, &mb, &err);
	free(input);
	if (rc) {
		if (err.code == MODEL_E_FORMAT)
			fprintf(stderr, "meetingd: %s: %s\n", file, err.message);
		else
			fprintf(stderr, "meetingd: %s\n",
				handlers_model_error_message(&err, msg, sizeof msg));
		return 1;
	}
	if (cli_out_open(&out, o->out_path, msg, sizeof msg)) {
		free(mb.data);
		fprintf(stderr, "meetingd: cannot create the output: %s\n", msg);
		return 1;
	}
	rc = cli_out_write(&out, mb.data, mb.len) ? -1 : 0;
	free(mb.data);
	if (rc) {
		fprintf(stderr, "meetingd: cannot write the result: %s\n", strerror(errno));
		cli_out_abort(&out);
		return 1;
	}
	if (cli_out_commit(&out, msg, sizeof msg)) {
		fprintf(stderr, "meetingd: cannot write the result: %s\n", msg);
		return 1;
	}
	return 0;
}

/* 1 when --published-at is no date the model takes: asked once, on a
 * one-word article, rather than failing every input of an archive. */
static int bad_published_at(const struct cli_opts *o)
{
	struct model_error err;
	json_t *r = model_parse("x", 1, &o->model, &err);

	json_decref(r);
	return !r && err.code == MODEL_E_PUBLISHED;
}

int cli_parse(int argc, char **argv)
{
	struct cli_opts o;
	char run_id[17];
	unsigned long long r;
	int rc, i;

	memset(&o, 0, sizeof o);
	o.progress = -1;
	o.inputs = calloc((size_t)argc + 1, sizeof *o.inputs);
	if (!o.inputs) {
		fprintf(stderr, "meetingd: out of memory\n");
		return 1;
	}
	for (i = 0; i < argc; i++)
		if (!strcmp(argv[i], "--"))
			break;
		else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			cli_parse_usage(stdout);
			free(o.inputs);
			return 0;
		}
	rc = options(&o, argc, argv);
	if (!rc && !o.n_inputs)
		rc = usage_error("parse needs a FILE, a DIR, or - for standard input");
	if (!rc && o.bom && o.output != CLI_OUT_CSV && o.output != CLI_OUT_TSV)
		rc = usage_error("--bom goes with --format csv or tsv");
	if (!rc && o.output == CLI_OUT_JSON && !single_mode(&o))
		rc = usage_error("--format json prints one ParseResult, for one FILE or -; "
				 "use ndjson for several");
	if (rc) {
		free(o.inputs);
		return rc;
	}
	if (!o.run_id) {
		if (getrandom(&r, sizeof r, 0) != (ssize_t)sizeof r)
			r = (unsigned long long)time(NULL) * 0x9E3779B97F4A7C15ULL ^
			    (unsigned long long)getpid();
		snprintf(run_id, sizeof run_id, "%016llx", r);
		o.run_id = run_id;
	}
	if (model_init()) {
		fprintf(stderr, "meetingd: the model failed to load its lexicons\n");
		free(o.inputs);
		return 1;
	}
	if (single_mode(&o)) {
		rc = parse_one(&o);
	} else if (o.model.published_at && bad_published_at(&o)) {
		rc = usage_error("--published-at must be an ISO 8601 date or date-time "
				 "(e.g. 2022-01-26 or 2022-01-26T14:00:11+07:00)");
	} else {
		if (o.output == CLI_OUT_DEFAULT)
			o.output = CLI_OUT_NDJSON;
		rc = cli_archive_run(&o);
	}
	free(o.inputs);
	return rc;
}
