/* One input of archive mode to its output bytes, in a worker thread: read
 * the file (here, so that reading spreads over the workers too), pick the
 * input format, parse, and format the ParseResult line, the table rows or
 * the problem. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/archive.h"
#include "handlers/handlers.h"

#define CLI_PROBLEM_UNREADABLE PROBLEM_BASE "unreadable-file"

int cli_buf_add(struct cli_buf *b, const void *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		char *p;
		while (cap < b->len + n + 1)
			cap *= 2;
		p = realloc(b->data, cap);
		if (!p)
			return -1;
		b->data = p;
		b->cap = cap;
	}
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
	return 0;
}

int cli_buf_adds(struct cli_buf *b, const char *s)
{
	return cli_buf_add(b, s, strlen(s));
}

int cli_json_string(struct cli_buf *b, const char *s)
{
	size_t n = strlen(s), i = 0;
	int rc = cli_buf_add(b, "\"", 1);

	while (!rc && i < n) {
		unsigned char c = (unsigned char)s[i];
		long bad;
		char esc[8];

		if (c == '"' || c == '\\') {
			esc[0] = '\\';
			esc[1] = (char)c;
			rc = cli_buf_add(b, esc, 2);
			i++;
		} else if (c < 0x20 || c == 0x7f) {
			snprintf(esc, sizeof esc, "\\u%04x", c);
			rc = cli_buf_add(b, esc, 6);
			i++;
		} else if (c < 0x80) {
			rc = cli_buf_add(b, s + i, 1);
			i++;
		} else {
			/* a valid multi-byte sequence is copied; anything else
			 * (file names need not be UTF-8) becomes U+FFFD */
			size_t k = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
			if (i + k > n)
				k = n - i;
			bad = handlers_utf8_invalid_at(s + i, k);
			if (bad == -1 && c >= 0xc2) {
				rc = cli_buf_add(b, s + i, k);
				i += k;
			} else {
				rc = cli_buf_add(b, "\xEF\xBF\xBD", 3);
				i++;
			}
		}
	}
	return rc ? rc : cli_buf_add(b, "\"", 1);
}

/* Read all of fd into *data (malloc'ed, NUL-terminated): 0, or errno
 * (EFBIG past CLI_MAX_INPUT). */
static int read_fd(int fd, char **data, size_t *len)
{
	struct stat st;
	size_t cap = 64 * 1024, n = 0;
	char *buf;

	if (fstat(fd, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return EISDIR;
		if (S_ISREG(st.st_mode)) {
			if ((uint64_t)st.st_size > CLI_MAX_INPUT)
				return EFBIG;
			/* +1 for the NUL, +1 so that the read seeing the end
			 * needs no bigger buffer */
			cap = (size_t)st.st_size + 2;
		}
	}
	buf = malloc(cap);
	if (!buf)
		return ENOMEM;
	for (;;) {
		ssize_t got;
		if (n + 1 >= cap) {
			char *p;
			if (cap > CLI_MAX_INPUT) {
				free(buf);
				return EFBIG;
			}
			p = realloc(buf, cap * 2);
			if (!p) {
				free(buf);
				return ENOMEM;
			}
			buf = p;
			cap *= 2;
		}
		got = read(fd, buf + n, cap - 1 - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			int e = errno;
			free(buf);
			return e;
		}
		if (got == 0)
			break;
		n += (size_t)got;
		if (n > CLI_MAX_INPUT) {
			free(buf);
			return EFBIG;
		}
	}
	buf[n] = '\0';
	*data = buf;
	*len = n;
	return 0;
}

/* The id of a job as text: the file's position, or the NDJSON line's id
 * (a string as it is, an integer in decimal, nothing for null). */
static void id_text(const struct cli_job *job, const json_t *id, char *buf, size_t cap,
		    const char **out)
{
	if (!job->is_line) {
		snprintf(buf, cap, "%" PRIu64, job->seq + 1);
		*out = buf;
	} else if (json_is_string(id)) {
		*out = json_string_value(id);
	} else if (json_is_integer(id)) {
		snprintf(buf, cap, "%" JSON_INTEGER_FORMAT, json_integer_value(id));
		*out = buf;
	} else {
		*out = "";
	}
}

/* "SOURCE" of a job: the path, or NAME:LINE for an NDJSON line. */
static char *source_of(const struct cli_job *job)
{
	char *s;

	if (!job->is_line)
		return strdup(job->path);
	if (asprintf(&s, "%s:%ld", job->path, job->line_no) < 0)
		return NULL;
	return s;
}

/* Write the failure of a job (problem is taken over) in the output format:
 * a BatchProblem line for NDJSON input, the problem with the file's id and
 * source for files, or a table row. */
static int emit_problem(const struct cli_opts *o, struct cli_job *job, json_t *problem,
			const json_t *id, const char *source)
{
	const char *detail = json_string_value(json_object_get(problem, "detail"));
	char idbuf[32];
	const char *idt;
	int rc = -1;

	job->failed = 1;
	if (asprintf(&job->message, "%s: %s", source, detail ? detail : "failed") < 0)
		job->message = NULL;
	if (o->output == CLI_OUT_CSV || o->output == CLI_OUT_TSV) {
		id_text(job, id, idbuf, sizeof idbuf, &idt);
		rc = cli_rows_problem(&job->out, o->output == CLI_OUT_TSV, source, idt,
				      detail ? detail : "");
	} else {
		json_t *line;
		char *p;
		size_t n;

		if (job->is_line) {
			/* exactly the server's batch answer for a failed line */
			json_object_set(problem, "id", id ? (json_t *)id : json_null());
			json_object_set_new(problem, "line", json_integer(job->line_no));
			line = json_incref(problem);
		} else {
			struct cli_buf sb = {0};
			json_t *src = NULL;

			/* the source through its repaired literal: a file name
			 * need not be UTF-8, a JSON string must */
			if (!cli_json_string(&sb, source))
				src = json_loadb(sb.data, sb.len, JSON_DECODE_ANY, NULL);
			free(sb.data);
			line = json_object();
			if (!line || !src ||
			    json_object_set_new(line, "id",
						json_integer((json_int_t)(job->seq + 1))) ||
			    json_object_set_new(line, "source", json_incref(src)) ||
			    json_object_update(line, problem)) {
				json_decref(line);
				line = NULL;
			}
			json_decref(src);
		}
		p = line ? model_dump(line, &n) : NULL;
		if (p) {
			rc = cli_buf_add(&job->out, p, n);
			free(p);
		}
		json_decref(line);
	}
	json_decref(problem);
	return rc;
}

/* A model error as a problem. Until the HTML path exists the model answers
 * MODEL_E_FORMAT, which the shared mapping does not know yet: say what the
 * model said rather than "internal error". */
static json_t *model_problem(const struct cli_opts *o, const struct model_error *err)
{
	enum problem_kind kind;
	json_t *p = handlers_model_problem(err, o->run_id, &kind);

	if (err->code == MODEL_E_FORMAT && kind == PROBLEM_INTERNAL) {
		char msg[sizeof err->message + 1];
		char *clean;
		json_decref(p);
		clean = problem_sanitize(msg, sizeof msg, err->message, strlen(err->message));
		if (clean[0] >= 'a' && clean[0] <= 'z')
			clean[0] = (char)(clean[0] - 'a' + 'A');
		p = problem_new(PROBLEM_UNSUPPORTED_MEDIA, o->run_id, "%s.", clean);
	}
	return p;
}

/* Parse text with opt and write the result; the model error in *err. */
static int emit_result(const struct cli_opts *o, struct cli_job *job, const char *text, size_t len,
		       struct model_options *opt, const json_t *id, const char *source,
		       struct model_error *err, int *parsed)
{
	memset(err, 0, sizeof *err);
	*parsed = 0;
	if (o->output == CLI_OUT_CSV || o->output == CLI_OUT_TSV) {
		char idbuf[32];
		const char *idt;
		json_t *res = model_parse(text, len, opt, err);
		int rc;
		if (!res)
			return 0;
		*parsed = 1;
		id_text(job, id, idbuf, sizeof idbuf, &idt);
		rc = cli_rows_result(&job->out, o->output == CLI_OUT_TSV, source, idt, res);
		json_decref(res);
		return rc;
	}
	{
		struct cli_buf lead = {0};
		struct model_buf mb = {0};
		int rc = -1;

		if (job->is_line) {
			char *s = json_dumps(id ? id : json_null(), JSON_COMPACT | JSON_ENCODE_ANY);
			if (s && !cli_buf_adds(&lead, "\"id\":") && !cli_buf_adds(&lead, s))
				rc = 0;
			free(s);
		} else {
			char n[32];
			snprintf(n, sizeof n, "\"id\":%" PRIu64 ",\"source\":", job->seq + 1);
			rc = cli_buf_adds(&lead, n) || cli_json_string(&lead, source) ? -1 : 0;
		}
		if (rc) {
			free(lead.data);
			return -1;
		}
		opt->lead_members = lead.data;
		if (model_parse_into(text, len, opt, &mb, err) == 0) {
			*parsed = 1;
			job->out.data = mb.data;
			job->out.len = mb.len;
			job->out.cap = mb.cap;
		} else {
			free(mb.data);
		}
		opt->lead_members = NULL;
		free(lead.data);
		return 0;
	}
}

static int run_line(const struct cli_opts *o, struct cli_job *job, struct model_options *opt,
		    const char *source)
{
	json_t *doc = NULL, *id = NULL, *problem = NULL;
	struct handlers_request rq;
	enum problem_kind kind;
	struct model_error err;
	int parsed = 0, rc;

	if (job->line_too_large)
		return emit_problem(o, job,
				    problem_new(PROBLEM_BODY_TOO_LARGE, o->run_id,
						"The line is longer than %u bytes.", CLI_MAX_INPUT),
				    NULL, source);
	if (handlers_decode_json(job->line, job->line_len, o->run_id, 1, &doc, &rq, &id, &problem,
				 &kind)) {
		rc = emit_problem(o, job, problem, id, source);
		json_decref(doc);
		return rc;
	}
	handlers_request_options(&rq, opt);
	rc = emit_result(o, job, rq.text, rq.len, opt, id, source, &err, &parsed);
	if (!rc && !parsed)
		rc = emit_problem(o, job, model_problem(o, &err), id, source);
	json_decref(doc);
	return rc;
}

static int run_file(const struct cli_opts *o, struct cli_job *job, struct model_options *opt,
		    const char *source)
{
	char *data = NULL;
	size_t len = 0;
	int e, fd, parsed = 0, rc;
	struct model_error err;

	if (job->kind == CLI_ITEM_ERROR) {
		e = job->err;
	} else {
		fd = job->kind == CLI_ITEM_STDIN ? 0 : open(job->path, O_RDONLY | O_CLOEXEC);
		e = fd < 0 ? errno : read_fd(fd, &data, &len);
		if (fd > 0)
			close(fd);
	}
	if (e == ENOMEM)
		return -1;
	if (e == EFBIG)
		return emit_problem(o, job,
				    problem_new(PROBLEM_BODY_TOO_LARGE, o->run_id,
						"The file is larger than %u bytes.", CLI_MAX_INPUT),
				    NULL, source);
	if (e) {
		char detail[200];
		snprintf(detail, sizeof detail, "The file cannot be read: %s.", strerror(e));
		return emit_problem(o, job,
				    json_pack("{s:s, s:s, s:i, s:s, s:s}", "type",
					      CLI_PROBLEM_UNREADABLE, "title", "Unreadable file",
					      "status", 400, "detail", detail, "instance",
					      o->run_id),
				    NULL, source);
	}
	job->in_bytes = len;
	if (o->input == CLI_IN_HTML ||
	    (o->input == CLI_IN_AUTO &&
	     (cli_name_is_html(job->path) || cli_looks_like_html(data, len))))
		opt->input = MODEL_INPUT_HTML;
	else
		opt->input = MODEL_INPUT_TEXT;
	rc = emit_result(o, job, data, len, opt, NULL, source, &err, &parsed);
	free(data);
	if (!rc && !parsed)
		rc = emit_problem(o, job, model_problem(o, &err), NULL, source);
	return rc;
}

int cli_job_run(const struct cli_opts *o, struct cli_job *job, const atomic_int *cancel)
{
	struct model_options opt = o->model;
	char *source = source_of(job);
	int rc;

	if (!source)
		return -1;
	opt.cancel = cancel;
	if (job->is_line) {
		/* batch lines are text, as on the server, unless told otherwise */
		opt.input = o->input == CLI_IN_HTML ? MODEL_INPUT_HTML : MODEL_INPUT_TEXT;
		job->in_bytes = job->line_len;
		rc = run_line(o, job, &opt, source);
	} else {
		rc = run_file(o, job, &opt, source);
	}
	free(source);
	return rc;
}

void cli_job_free(struct cli_job *job)
{
	if (!job)
		return;
	free(job->path);
	free(job->line);
	free(job->out.data);
	free(job->message);
	free(job);
}
