/* POST /v1/parse/batch: NDJSON in, NDJSON out, one answer line per
 * non-empty input line in order. Lines are parsed lazily as the client
 * reads the response, so a big batch never sits in memory twice, and on
 * the parse pool (the connection suspended meanwhile), so a batch never
 * holds a libmicrohttpd thread. */
#include <stdlib.h>
#include <string.h>

#include "handlers/handlers.h"

static const char *const accepted[] = {"application/x-ndjson", NULL};
#define ACCEPTED_TEXT "application/x-ndjson (one JSON object per line)"

struct batch {
	struct request *req; /* referenced: bytes_out and the request id */
	char *body;
	size_t len, pos;
	long line; /* 1-based number of the line last read */
	struct model_options opt;
	char *out;
	size_t out_len, out_pos, out_cap; /* out: reused for every line */
	int ended, failed;		  /* set by next_answer() */
};

static int blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

static long count_lines(const char *s, size_t len)
{
	long count = 0;
	size_t pos = 0;

	while (pos < len) {
		const char *nl = memchr(s + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - s) : len;
		if (!blank(s + pos, end - pos))
			count++;
		pos = end + 1;
	}
	return count;
}

/* The answer to one line, appended to b->out: a ParseResult with "id"
 * first, or a problem with "id" and "line" so the client can match it
 * without counting. 0, or -1 when out of memory. */
static int answer_line(struct batch *b, const char *s, size_t n)
{
	json_t *doc = NULL, *id = NULL, *problem = NULL;
	struct handlers_request rq;
	struct model_options opt = b->opt;
	struct model_error err;
	enum problem_kind kind;
	struct model_buf mb = {b->out, 0, b->out_cap};
	int rc = -1, decoded;

	decoded = handlers_decode_json(s, n, b->req->id, 1, &doc, &rq, &id, &problem, &kind) == 0;
	if (decoded && ((opt.cancel && atomic_load(opt.cancel)) ||
			(opt.deadline_ns && http_now_ns() > opt.deadline_ns))) {
		/* past the work bound: the rest of the lines are answered
		 * without a parse */
		struct model_error late = {.code = MODEL_E_DEADLINE};
		if (opt.cancel && atomic_load(opt.cancel))
			late.code = MODEL_E_CANCELLED;
		problem = handlers_model_problem(&late, b->req->id, &kind);
	} else if (decoded) {
		char *lead = json_dumps(id ? id : json_null(), JSON_COMPACT | JSON_ENCODE_ANY);
		char *members = lead ? malloc(strlen(lead) + 6) : NULL;

		if (members) {
			sprintf(members, "\"id\":%s", lead);
			opt.lead_members = members;
			handlers_request_options(&rq, &opt);
			memset(&err, 0, sizeof err);
			rc = model_parse_into(rq.text, rq.len, &opt, &mb, &err);
			if (rc)
				problem = handlers_model_problem(&err, b->req->id, &kind);
		}
		free(members);
		free(lead);
	}
	if (problem) {
		size_t len;
		char *p;

		json_object_set(problem, "id", id ? id : json_null());
		json_object_set_new(problem, "line", json_integer(b->line));
		p = model_dump(problem, &len);
		if (p) {
			free(mb.data);
			mb.data = p;
			mb.len = mb.cap = len;
			rc = 0;
		}
		json_decref(problem);
	}
	json_decref(doc);
	b->out = mb.data;
	b->out_cap = mb.cap;
	b->out_len = rc ? 0 : mb.len;
	return rc;
}

/* The answer to the next non-empty line into b->out, or b->ended at the
 * end of the body (b->failed when out of memory). */
static void next_answer(struct batch *b)
{
	while (b->out_pos == b->out_len) {
		const char *s, *nl;
		size_t end, n;
		b->out_len = b->out_pos = 0;
		if (b->pos >= b->len) {
			b->ended = 1;
			return;
		}
		s = b->body + b->pos;
		nl = memchr(s, '\n', b->len - b->pos);
		end = nl ? (size_t)(nl - b->body) : b->len;
		n = end - b->pos;
		b->pos = end + 1;
		b->line++;
		if (blank(s, n))
			continue;
		if (n && s[n - 1] == '\r')
			n--;
		if (answer_line(b, s, n)) {
			b->failed = 1; /* out of memory */
			return;
		}
	}
}

static void next_answer_job(void *cls)
{
	next_answer(cls);
}

static ssize_t batch_read(void *cls, uint64_t pos, char *buf, size_t max)
{
	struct batch *b = cls;
	size_t n;

	(void)pos;
	if (b->out_pos == b->out_len && !b->ended && !b->failed) {
		/* 0 with the connection suspended: called again once the pool
		 * has the answer; inline where there is no pool */
		if (http_offload(b->req, next_answer_job, b) == 0)
			return 0;
		next_answer(b);
	}
	if (b->failed)
		return MHD_CONTENT_READER_END_WITH_ERROR;
	if (b->out_pos == b->out_len)
		return MHD_CONTENT_READER_END_OF_STREAM;
	n = b->out_len - b->out_pos;
	if (n > max)
		n = max;
	memcpy(buf, b->out + b->out_pos, n);
	b->out_pos += n;
	atomic_fetch_add(&b->req->bytes_out, n);
	return (ssize_t)n;
}

static void batch_free(void *cls)
{
	struct batch *b = cls;

	free(b->out);
	free(b->body);
	http_request_unref(b->req);
	free(b);
}

int handlers_batch(struct request *req, struct http_reply *out)
{
	struct model_options opt;
	struct batch *b;
	long lines;

	if (handlers_query_options(req, &opt, out))
		return out->status;
	if (handlers_content_type(req, accepted, ACCEPTED_TEXT, out) < 0)
		return out->status;
	lines = count_lines(req->body ? req->body : "", req->body_len);
	if (lines > req->cfg->max_batch_lines)
		return http_reply_problem(req, out, PROBLEM_BATCH_TOO_LARGE,
					  "The batch has %ld non-empty lines; the limit is %d.",
					  lines, req->cfg->max_batch_lines);
	b = calloc(1, sizeof *b);
	if (!b)
		return http_reply_problem(req, out, PROBLEM_INTERNAL, "Out of memory.");
	b->opt = opt;
	b->body = http_take_body(req, &b->len);
	b->req = req;
	http_request_ref(req);
	return http_reply_stream(out, 200, "application/x-ndjson", batch_read, b, batch_free);
}
