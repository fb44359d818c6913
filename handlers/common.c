/* Request decoding shared by /v1/parse, /v1/parse/batch and the CLI. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "handlers/handlers.h"

int handlers_offset_unit(const char *s, enum model_offset_unit *unit)
{
	if (!s)
		return -1;
	if (!strcmp(s, "codepoint"))
		*unit = MODEL_OFFSET_CODEPOINT;
	else if (!strcmp(s, "utf16"))
		*unit = MODEL_OFFSET_UTF16;
	else if (!strcmp(s, "byte"))
		*unit = MODEL_OFFSET_BYTE;
	else
		return -1;
	return 0;
}

struct query_ctx {
	struct model_options *opt;
	int seen_include, seen_offsets, seen_explain;
	char error[200]; /* first problem found */
};

static int query_fail(struct query_ctx *q, const char *fmt, const char *a, const char *b)
{
	char sa[48], sb[48];

	if (q->error[0])
		return 0;
	snprintf(q->error, sizeof q->error, fmt, problem_sanitize(sa, sizeof sa, a, strlen(a)),
		 b ? problem_sanitize(sb, sizeof sb, b, strlen(b)) : "");
	return 0;
}

static enum MHD_Result query_param(void *cls, enum MHD_ValueKind kind, const char *key,
				   const char *value)
{
	struct query_ctx *q = cls;

	(void)kind;
	if (!*key)
		return MHD_YES; /* "?include=text&": an empty pair says nothing */
	if (!strcmp(key, "include")) {
		if (q->seen_include++)
			query_fail(q, "Query parameter '%s' is given twice.%s", key, NULL);
		else if (!value || strcmp(value, "text"))
			query_fail(q, "include='%s' is not supported; the only value is 'text'.%s",
				   value ? value : "", NULL);
		else
			q->opt->include_text = 1;
	} else if (!strcmp(key, "offsets")) {
		if (q->seen_offsets++)
			query_fail(q, "Query parameter '%s' is given twice.%s", key, NULL);
		else if (handlers_offset_unit(value, &q->opt->unit))
			query_fail(q, "offsets='%s' is not one of codepoint, utf16, byte.%s",
				   value ? value : "", NULL);
	} else if (!strcmp(key, "explain")) {
		/* a bare "?explain" reads as a switch turned on */
		if (q->seen_explain++)
			query_fail(q, "Query parameter '%s' is given twice.%s", key, NULL);
		else if (!value || !*value || !strcmp(value, "1") || !strcasecmp(value, "true"))
			q->opt->explain = 1;
		else if (!strcmp(value, "0") || !strcasecmp(value, "false"))
			q->opt->explain = 0;
		else
			query_fail(q, "explain='%s' is not one of 1, 0, true, false.%s", value,
				   NULL);
	} else {
		query_fail(q,
			   "Unknown query parameter '%s'; accepted: include, offsets, explain.%s",
			   key, NULL);
	}
	return MHD_YES;
}

int handlers_query_options(struct request *req, struct model_options *opt, struct http_reply *out)
{
	struct query_ctx q;

	memset(opt, 0, sizeof *opt);
	memset(&q, 0, sizeof q);
	q.opt = opt;
	MHD_get_connection_values(req->conn, MHD_GET_ARGUMENT_KIND, query_param, &q);
	http_work_bound(req, &opt->deadline_ns, &opt->cancel);
	if (q.error[0])
		return http_reply_problem(req, out, PROBLEM_INVALID_QUERY, "%s", q.error);
	return 0;
}

long handlers_utf8_invalid_at(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	while (i < len) {
		unsigned char c = s[i];
		size_t n, k;
		unsigned long cp;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) {
			n = 1;
			cp = c & 0x1f;
		} else if (c >= 0xe0 && c <= 0xef) {
			n = 2;
			cp = c & 0x0f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			n = 3;
			cp = c & 0x07;
		} else {
			return (long)i;
		}
		for (k = 1; k <= n; k++) {
			if (i + k >= len || (s[i + k] & 0xc0) != 0x80)
				return (long)i;
			cp = (cp << 6) | (s[i + k] & 0x3f);
		}
		if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10ffff ||
		    (cp >= 0xd800 && cp <= 0xdfff))
			return (long)i;
		i += n + 1;
	}
	return -1;
}

char *handlers_model_error_message(const struct model_error *err, char *buf, size_t cap)
{
	switch (err->code) {
	case MODEL_E_UTF8:
		snprintf(buf, cap,
			 "the article is not valid UTF-8 (first invalid byte at offset %zu)",
			 err->offset);
		break;
	case MODEL_E_EMPTY:
		snprintf(buf, cap, "%s",
			 strstr(err->message, "page") ? err->message
						      : "the article is empty or only whitespace");
		break;
	case MODEL_E_PUBLISHED:
		snprintf(buf, cap,
			 "published_at is not an ISO 8601 date or date-time "
			 "(e.g. 2022-01-26 or 2022-01-26T14:00:11+07:00)");
		break;
	case MODEL_E_NOMEM:
		snprintf(buf, cap, "out of memory while parsing the article");
		break;
	case MODEL_E_DEADLINE:
		snprintf(buf, cap, "the parse did not finish within the request deadline");
		break;
	case MODEL_E_CANCELLED:
		snprintf(buf, cap, "the parse was stopped: the service is shutting down");
		break;
	case MODEL_E_FORMAT: /* the page's charset, said by the model */
		snprintf(buf, cap, "%s", err->message);
		break;
	default:
		snprintf(buf, cap, "internal error while parsing the article");
		break;
	}
	return buf;
}

json_t *handlers_model_problem(const struct model_error *err, const char *instance,
			       enum problem_kind *kind)
{
	char msg[300];

	switch (err->code) {
	case MODEL_E_UTF8:
		*kind = PROBLEM_INVALID_UTF8;
		break;
	case MODEL_E_EMPTY:
		*kind = PROBLEM_EMPTY_ARTICLE;
		break;
	case MODEL_E_PUBLISHED:
		*kind = PROBLEM_INVALID_PUBLISHED_AT;
		break;
	case MODEL_E_DEADLINE:
		*kind = PROBLEM_DEADLINE_EXCEEDED;
		break;
	case MODEL_E_CANCELLED:
		*kind = PROBLEM_UNAVAILABLE;
		break;
	case MODEL_E_FORMAT:
		*kind = PROBLEM_UNSUPPORTED_MEDIA;
		break;
	default:
		*kind = PROBLEM_INTERNAL;
		break;
	}
	handlers_model_error_message(err, msg, sizeof msg);
	/* a sentence starts with a capital, but a member name stays as it is
	 * spelt ("published_at ...") */
	if (err->code != MODEL_E_PUBLISHED)
		msg[0] = (char)(msg[0] >= 'a' && msg[0] <= 'z' ? msg[0] - 'a' + 'A' : msg[0]);
	return problem_new(*kind, instance, "%s.", msg);
}

static int fail(json_t **problem, enum problem_kind *kind, enum problem_kind k,
		const char *instance, const char *detail)
{
	*kind = k;
	*problem = problem_new(k, instance, "%s", detail);
	return -1;
}

int handlers_decode_json(const char *bytes, size_t len, const char *instance, int allow_id,
			 json_t **doc, struct handlers_request *rq, json_t **id, json_t **problem,
			 enum problem_kind *kind)
{
	json_error_t jerr;
	json_t *root, *t, *h, *p, *u, *i;
	long bad = handlers_utf8_invalid_at(bytes, len);
	char msg[300], why[120];

	*doc = NULL;
	*id = NULL;
	*problem = NULL;
	memset(rq, 0, sizeof *rq);
	if (bad >= 0) {
		snprintf(msg, sizeof msg,
			 "The body is not valid UTF-8 (first invalid byte at offset %ld).", bad);
		return fail(problem, kind, PROBLEM_INVALID_UTF8, instance, msg);
	}
	/* DECODE_ANY: a bare string or number is well-formed JSON, just not
	 * a request object, and deserves that message rather than "malformed" */
	root = json_loadb(bytes, len, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &jerr);
	if (!root) {
		snprintf(msg, sizeof msg, "Malformed JSON at line %d, column %d: %s.", jerr.line,
			 jerr.column,
			 problem_sanitize(why, sizeof why, jerr.text, strlen(jerr.text)));
		return fail(problem, kind, PROBLEM_MALFORMED_JSON, instance, msg);
	}
	if (allow_id) {
		i = json_object_get(root, "id");
		/* ids are echoed back; anything but a string or number would be
		 * a structure the client meant for something else */
		if (i && !json_is_string(i) && !json_is_integer(i) && !json_is_null(i)) {
			json_decref(root);
			return fail(problem, kind, PROBLEM_INVALID_REQUEST, instance,
				    "\"id\" must be a string or an integer.");
		}
		*id = i;
	}
	if (!json_is_object(root)) {
		json_decref(root);
		*id = NULL;
		return fail(problem, kind, PROBLEM_INVALID_REQUEST, instance,
			    "The JSON body must be an object {\"text\" or \"html\": string, "
			    "\"published_at\"?: string, \"url\"?: string}.");
	}
	t = json_object_get(root, "text");
	h = json_object_get(root, "html");
	p = json_object_get(root, "published_at");
	u = json_object_get(root, "url");
	if (t && h)
		snprintf(msg, sizeof msg,
			 "Send the article as \"text\" or the page as \"html\", "
			 "not both.");
	else if (h && !json_is_string(h))
		snprintf(msg, sizeof msg, "\"html\" must be a string.");
	else if (!h && !json_is_string(t))
		snprintf(msg, sizeof msg, "%s",
			 t ? "\"text\" must be a string."
			   : "The member \"text\" (or \"html\" for a page; a string) is missing.");
	else if (p && !json_is_string(p) && !json_is_null(p))
		snprintf(msg, sizeof msg, "\"published_at\" must be a string.");
	else if (u && !json_is_string(u) && !json_is_null(u))
		snprintf(msg, sizeof msg, "\"url\" must be a string.");
	else
		msg[0] = '\0';
	if (msg[0]) {
		*doc = root;
		return fail(problem, kind, PROBLEM_INVALID_REQUEST, instance, msg);
	}
	*doc = root;
	rq->is_html = h != NULL;
	rq->text = json_string_value(h ? h : t);
	rq->len = json_string_length(h ? h : t);
	rq->published_at = json_is_string(p) ? json_string_value(p) : NULL;
	rq->url = json_is_string(u) ? json_string_value(u) : NULL;
	return 0;
}

/* Options of a decoded request (see handlers.h). */
void handlers_request_options(const struct handlers_request *rq, struct model_options *opt)
{
	/* members that are absent leave the query's or the flag's values */
	if (rq->published_at)
		opt->published_at = rq->published_at;
	if (rq->url)
		opt->url = rq->url;
	if (rq->is_html) {
		opt->input = MODEL_INPUT_HTML;
		opt->charset = "utf-8";
	}
}

/* Next ';'-separated piece of a header value, trimmed; 0 at the end. */
static int next_piece(const char **p, const char **start, size_t *len)
{
	const char *s = *p, *e;

	if (!*s)
		return 0;
	e = s;
	while (*e && *e != ';') {
		if (*e == '"') { /* a quoted value may hold ';' */
			e++;
			while (*e && *e != '"')
				e += (*e == '\\' && e[1]) ? 2 : 1;
			if (*e)
				e++;
		} else {
			e++;
		}
	}
	*p = *e ? e + 1 : e;
	while (s < e && (*s == ' ' || *s == '\t'))
		s++;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	*start = s;
	*len = (size_t)(e - s);
	return 1;
}

int handlers_content_type(struct request *req, const char *const *accepted,
			  const char *accepted_text, struct http_reply *out)
{
	const char *ct = http_header(req, MHD_HTTP_HEADER_CONTENT_TYPE), *p, *s;
	char shown[80];
	size_t n, i;
	int which = -1;

	if (!ct || !*ct) {
		http_reply_problem(req, out, PROBLEM_UNSUPPORTED_MEDIA,
				   "The request has no Content-Type; send %s.", accepted_text);
		return -1;
	}
	p = ct;
	next_piece(&p, &s, &n);
	for (i = 0; accepted[i]; i++)
		if (strlen(accepted[i]) == n && !strncasecmp(s, accepted[i], n))
			which = (int)i;
	if (which < 0) {
		http_reply_problem(req, out, PROBLEM_UNSUPPORTED_MEDIA,
				   "Content-Type '%s' is not accepted here; send %s.",
				   problem_sanitize(shown, sizeof shown, s, n), accepted_text);
		return -1;
	}
	while (next_piece(&p, &s, &n)) {
		const char *v;
		size_t vn;
		if (n < 8 || strncasecmp(s, "charset=", 8))
			continue; /* other parameters do not change how we read the body */
		v = s + 8;
		vn = n - 8;
		if (vn >= 2 && v[0] == '"' && v[vn - 1] == '"') {
			v++;
			vn -= 2;
		}
		/* an article in another encoding would parse into mojibake and
		 * offsets into the wrong bytes: ask for UTF-8 instead of guessing
		 * (a page's charset the model reads itself) */
		if (!(vn == 5 && !strncasecmp(v, "utf-8", 5)) &&
		    strcmp(accepted[which], "text/html")) {
			http_reply_problem(req, out, PROBLEM_UNSUPPORTED_MEDIA,
					   "charset '%s' is not supported; the body must be UTF-8 "
					   "(send %s).",
					   problem_sanitize(shown, sizeof shown, v, vn),
					   accepted_text);
			return -1;
		}
	}
	return which;
}

/* The Content-Type's charset parameter (see handlers.h). */
const char *handlers_content_charset(struct request *req, char *buf, size_t cap)
{
	const char *ct = http_header(req, MHD_HTTP_HEADER_CONTENT_TYPE), *p = ct, *s;
	size_t n;

	buf[0] = '\0';
	if (!ct || !next_piece(&p, &s, &n))
		return buf;
	while (next_piece(&p, &s, &n)) {
		if (n < 8 || strncasecmp(s, "charset=", 8))
			continue;
		s += 8;
		n -= 8;
		if (n >= 2 && s[0] == '"' && s[n - 1] == '"') {
			s++;
			n -= 2;
		}
		snprintf(buf, cap, "%.*s", (int)n, s);
		break;
	}
	return buf;
}
