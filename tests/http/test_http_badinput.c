/* The bad-input matrix against the real server: every case asserts the
 * exact status, problem type and title (and a word of the detail), and the
 * server must still answer afterwards. Invalid UTF-8 of every kind, NUL,
 * JSON of the wrong shape, NDJSON edge lines, media types and charsets,
 * body framing (lengths, chunked, Expect), header and URL limits, query
 * values, and hostile bytes that must never come back or into the log
 * unescaped. Input that is odd but valid (the same article written
 * differently, big and pathological articles) is in test_http_oddinput.c. */
#include <criterion/criterion.h>
#include <criterion/logging.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "tests/http/badinput.h"
#include "tests/http/harness.h"

TestSuite(http_badinput, .init = up, .fini = down, .timeout = 300);

/* ---- one request, one problem ---- */

struct hcase {
	const char *name;
	const char *method, *path, *headers;
	const char *body; /* NULL: no body and no Content-Length */
	size_t len;
	int status;
	const char *slug, *detail_has;
};

#define B(s) s, sizeof(s) - 1
#define PARSE_TEXT "POST", "/v1/parse", TEXT
#define PARSE_JSON "POST", "/v1/parse", JSON

static const struct hcase utf8_cases[] = {
    {"lone continuation byte", PARSE_TEXT, B("Họp \x80 xong"), 400, "invalid-utf8", "offset 6"},
    {"overlong 2-byte form", PARSE_TEXT, B("ab\xC0\xAF"), 400, "invalid-utf8", "offset 2"},
    {"overlong 3-byte form", PARSE_TEXT, B("ab\xE0\x80\xAF"), 400, "invalid-utf8", "offset 2"},
    {"overlong 4-byte form", PARSE_TEXT, B("\xF0\x80\x80\xAF"), 400, "invalid-utf8", "offset 0"},
    {"UTF-8 encoded surrogate", PARSE_TEXT, B("Tỉnh \xED\xA0\x80"), 400, "invalid-utf8",
     "offset 7"},
    {"code point above U+10FFFF", PARSE_TEXT, B("x\xF4\x90\x80\x80"), 400, "invalid-utf8",
     "offset 1"},
    {"truncated 3-byte sequence at the end", PARSE_TEXT, B("Hội nghị\xE1\xBB"), 400, "invalid-utf8",
     "offset 12"},
    {"truncated 4-byte sequence at the end", PARSE_TEXT, B("Hội nghị\xF0\x9F\x98"), 400,
     "invalid-utf8", "offset 12"},
    {"NUL byte in text", PARSE_TEXT, B("Sáng\0 5.4, hội nghị."), 400, "invalid-utf8", "offset 5"},
    {"invalid UTF-8 inside a JSON string", PARSE_JSON, B("{\"text\":\"S\xE1ng\"}"), 400,
     "invalid-utf8", "offset 10"},
    {"escaped NUL in JSON", PARSE_JSON, B("{\"text\":\"S\\u0000ng\"}"), 400, "malformed-json",
     "NUL"},
    {"escaped lone surrogate in JSON", PARSE_JSON, B("{\"text\":\"\\ud800\"}"), 400,
     "malformed-json", "line 1"},
};

static const struct hcase json_cases[] = {
    {"text is a number", PARSE_JSON, B("{\"text\": 42}"), 400, "invalid-request",
     "\"text\" must be a string"},
    {"text is an array", PARSE_JSON, B("{\"text\": [\"Sáng 5.4\"]}"), 400, "invalid-request",
     "\"text\" must be a string"},
    {"text is null", PARSE_JSON, B("{\"text\": null}"), 400, "invalid-request",
     "\"text\" must be a string"},
    {"text is an object", PARSE_JSON, B("{\"text\": {\"vi\": \"Sáng 5.4\"}}"), 400,
     "invalid-request", "\"text\" must be a string"},
    {"text is missing", PARSE_JSON, B("{\"published_at\": \"2022-03-14\"}"), 400, "invalid-request",
     "missing"},
    {"body is a number", PARSE_JSON, B("42"), 400, "invalid-request", "must be an object"},
    {"body is an array", PARSE_JSON, B("[{\"text\": \"Sáng 5.4\"}]"), 400, "invalid-request",
     "must be an object"},
    {"body is null", PARSE_JSON, B("null"), 400, "invalid-request", "must be an object"},
    {"body is a string", PARSE_JSON, B("\"Sáng 5.4, hội nghị.\""), 400, "invalid-request",
     "must be an object"},
    {"duplicate keys", PARSE_JSON, B("{\"text\": \"Sáng 5.4\", \"text\": \"Chiều 5.4\"}"), 400,
     "malformed-json", "duplicate"},
    {"huge real number", PARSE_JSON, B("{\"text\": \"Sáng 5.4\", \"n\": 1e999999}"), 400,
     "malformed-json", "overflow"},
    {"huge integer", PARSE_JSON,
     B("{\"text\": \"Sáng 5.4\", \"n\": 123456789012345678901234567890}"), 400, "malformed-json",
     "too big"},
    {"trailing garbage", PARSE_JSON, B("{\"text\": \"Sáng 5.4\"} xyz"), 400, "malformed-json",
     "line 1"},
    {"two objects", PARSE_JSON, B("{\"text\": \"a\"}{\"text\": \"b\"}"), 400, "malformed-json",
     "line 1"},
    {"empty JSON body", PARSE_JSON, "", 0, 400, "malformed-json", NULL},
    {"BOM before JSON", PARSE_JSON, B("\xEF\xBB\xBF{\"text\": \"Sáng 5.4\"}"), 400,
     "malformed-json", NULL},
    {"published_at is a number", PARSE_JSON, B("{\"text\": \"Sáng 5.4\", \"published_at\": 1}"),
     400, "invalid-request", "published_at"},
    {"published_at is not a date", PARSE_JSON,
     B("{\"text\": \"Sáng 5.4\", \"published_at\": \"hôm qua\"}"), 400, "invalid-published-at",
     "ISO 8601"},
    {"empty text", PARSE_JSON, B("{\"text\": \" \\n\\t \"}"), 422, "empty-article", "empty"},
};

static const struct hcase media_cases[] = {
    {"wrong Content-Type", "POST", "/v1/parse", "Content-Type: application/xml\r\n",
     B("<text>Sáng 5.4</text>"), 415, "unsupported-media-type", "application/xml"},
    {"missing Content-Type", "POST", "/v1/parse", NULL, B("Sáng 5.4, hội nghị."), 415,
     "unsupported-media-type", "no Content-Type"},
    {"charset latin1", "POST", "/v1/parse", "Content-Type: text/plain; charset=latin1\r\n",
     B("S\xE1ng 5.4"), 415, "unsupported-media-type", "charset 'latin1' is not supported"},
    {"charset utf-16 on JSON", "POST", "/v1/parse",
     "Content-Type: application/json; charset=utf-16\r\n", B("{\"text\":\"a\"}"), 415,
     "unsupported-media-type", "must be UTF-8"},
    {"charset windows-1258 on a batch", "POST", "/v1/parse/batch",
     "Content-Type: application/x-ndjson; charset=windows-1258\r\n", B("{\"text\":\"a\"}\n"), 415,
     "unsupported-media-type", "windows-1258"},
    {"JSON sent to the batch", "POST", "/v1/parse/batch", JSON, B("{\"text\":\"a\"}"), 415,
     "unsupported-media-type", "application/x-ndjson"},
    {"multipart form", "POST", "/v1/parse", "Content-Type: multipart/form-data; boundary=x\r\n",
     B("--x\r\n\r\nSáng\r\n--x--\r\n"), 415, "unsupported-media-type", "multipart/form-data"},
};

static const struct hcase request_cases[] = {
    {"offsets=foo", "POST", "/v1/parse?offsets=foo", TEXT, B("Sáng 5.4"), 400, "invalid-query",
     "offsets='foo'"},
    {"unknown query parameter", "POST", "/v1/parse?format=xml", TEXT, B("Sáng 5.4"), 400,
     "invalid-query", "Unknown query parameter 'format'"},
    {"include=everything", "POST", "/v1/parse?include=everything", TEXT, B("Sáng 5.4"), 400,
     "invalid-query", "include="},
    {"offsets given twice", "POST", "/v1/parse?offsets=byte&offsets=utf16", TEXT, B("Sáng 5.4"),
     400, "invalid-query", "twice"},
    {"GET on a POST route", "GET", "/v1/parse", NULL, NULL, 0, 405, "method-not-allowed", "POST"},
    {"unknown path", "POST", "/v1/parse/all", TEXT, B("Sáng 5.4"), 404, "not-found", NULL},
    {"POST without a body length", "POST", "/v1/parse", TEXT, NULL, 0, 411, "length-required",
     "Content-Length"},
};

static void run_cases(const struct hcase *c, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		struct harness_response r;
		harness_request(&srv, c[i].method, c[i].path, c[i].headers, c[i].body, c[i].len,
				&r);
		expect_problem(c[i].name, &r, c[i].status, c[i].slug, c[i].detail_has);
		harness_response_free(&r);
		alive(c[i].name);
	}
}

#define RUN(t) run_cases(t, sizeof t / sizeof t[0])

Test(http_badinput, invalid_utf8_and_nul)
{
	RUN(utf8_cases);
}

Test(http_badinput, json_of_the_wrong_shape)
{
	RUN(json_cases);
}

Test(http_badinput, media_types_and_charsets)
{
	RUN(media_cases);
}

Test(http_badinput, query_method_path_length)
{
	RUN(request_cases);
}

/* JSON nested past the parser's depth limit, as the body and as a member
 * the server would otherwise ignore. */
Test(http_badinput, deep_json_nesting)
{
	static const size_t depth = 100000;
	struct harness_response r;
	char *b = malloc(2 * depth + 64);
	size_t n;

	cr_assert_not_null(b);
	memset(b, '[', depth);
	memset(b + depth, ']', depth);
	harness_request(&srv, "POST", "/v1/parse", JSON, b, 2 * depth, &r);
	expect_problem("100,000 nested arrays", &r, 400, "malformed-json", "depth");
	harness_response_free(&r);
	alive("nested arrays");

	n = (size_t)sprintf(b, "{\"text\": \"Sáng 5.4\", \"x\": ");
	for (size_t i = 0; i < 5000; i++)
		n += (size_t)sprintf(b + n, "{\"a\":");
	n += (size_t)sprintf(b + n, "1");
	for (size_t i = 0; i < 5000; i++)
		b[n++] = '}';
	b[n++] = '}';
	harness_request(&srv, "POST", "/v1/parse", JSON, b, n, &r);
	expect_problem("5,000 nested objects in a member", &r, 400, "malformed-json", "depth");
	harness_response_free(&r);
	alive("nested objects");
	free(b);
}

/* ---- body framing, read at the socket ---- */

/* Send raw bytes on a new connection and read one response. */
static void exchange(const char *name, const char *bytes, size_t n, struct harness_response *r,
		     double *secs)
{
	struct harness_conn c;
	double t = now_s();

	harness_connect(&srv, &c);
	harness_send(&c, bytes, n);
	cr_assert_eq(harness_read_response(&c, "POST", "/v1/parse", r), 0, "%s: no response", name);
	*secs = now_s() - t;
	harness_close(&c);
}

Test(http_badinput, conflicting_or_unknown_body_framing)
{
	static const struct {
		const char *name, *req, *detail;
	} cases[] = {
	    {"two Content-Length headers",
	     "POST /v1/parse HTTP/1.1\r\nHost: x\r\n" TEXT
	     "Content-Length: 5\r\nContent-Length: 39\r\n\r\nhelloGET /healthz HTTP/1.1\r\nHost: "
	     "x\r\n\r\n",
	     "2 Content-Length headers"},
	    {"Content-Length and Transfer-Encoding",
	     "POST /v1/parse HTTP/1.1\r\nHost: x\r\n" TEXT
	     "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
	     "both Content-Length and Transfer-Encoding"},
	    {"Transfer-Encoding: gzip",
	     "POST /v1/parse HTTP/1.1\r\nHost: x\r\n" TEXT
	     "Transfer-Encoding: gzip\r\n\r\n\x1f\x8b\x08\x00",
	     "'gzip' is not supported"},
	    {"Transfer-Encoding: gzip, chunked",
	     "POST /v1/parse HTTP/1.1\r\nHost: x\r\n" TEXT
	     "Transfer-Encoding: gzip, chunked\r\n\r\n4\r\n\x1f\x8b\x08\x00\r\n0\r\n\r\n",
	     "'gzip, chunked' is not supported"},
	    {"two Transfer-Encoding headers",
	     "GET /healthz HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
	     "Transfer-Encoding: identity\r\n\r\n0\r\n\r\n",
	     "(several)"},
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct harness_response r;
		double secs;
		exchange(cases[i].name, cases[i].req, strlen(cases[i].req), &r, &secs);
		/* at once, and the connection is not reused for what follows */
		expect_problem(cases[i].name, &r, 411, "length-required", cases[i].detail);
		cr_assert(secs < 2.0, "%s: answered after %.2f s", cases[i].name, secs);
		cr_assert_str_eq(harness_header(&r, "Connection"), "close", "%s", cases[i].name);
		harness_response_free(&r);
		alive(cases[i].name);
	}
}

static void send_chunk(struct harness_conn *c, const char *data, size_t n)
{
	char size[32];

	snprintf(size, sizeof size, "%zx\r\n", n);
	harness_send(c, size, strlen(size));
	harness_send(c, data, n);
	harness_send(c, "\r\n", 2);
}

Test(http_badinput, chunked_over_the_limit_and_expect_continue)
{
	struct harness_conn c;
	struct harness_response r;
	char *chunk = malloc(64 * 1024), head[400];
	static const char body[] = "Sáng 5.4, hội nghị tỉnh.";
	int i;

	/* chunked: 17 x 64 KiB against 1 MiB, counted as it arrives */
	cr_assert_not_null(chunk);
	memset(chunk, 'a', 64 * 1024);
	harness_connect(&srv, &c);
	snprintf(head, sizeof head,
		 "POST /v1/parse HTTP/1.1\r\nHost: x\r\n" TEXT
		 "Transfer-Encoding: chunked\r\n\r\n");
	harness_send(&c, head, strlen(head));
	for (i = 0; i < 17; i++)
		send_chunk(&c, chunk, 64 * 1024);
	harness_send(&c, "0\r\n\r\n", 5);
	cr_assert_eq(harness_read_response(&c, "POST", "/v1/parse", &r), 0);
	expect_problem("chunked over the limit", &r, 413, "body-too-large", "1048576");
	harness_response_free(&r);
	harness_close(&c);
	free(chunk);
	alive("chunked over the limit");

	/* Expect: 100-continue within the limit: 100, then the answer */
	harness_connect(&srv, &c);
	snprintf(head, sizeof head,
		 "POST /v1/parse HTTP/1.1\r\nHost: x\r\n" TEXT
		 "Expect: 100-continue\r\nContent-Length: %zu\r\n\r\n",
		 strlen(body));
	harness_send(&c, head, strlen(head));
	cr_assert_eq(harness_read_response(&c, "POST", "/v1/parse", &r), 0);
	cr_assert_eq(r.status, 100, "interim 100 Continue first, got %d", r.status);
	harness_response_free(&r);
	harness_send(&c, body, strlen(body));
	cr_assert_eq(harness_read_response(&c, "POST", "/v1/parse", &r), 0);
	cr_assert_eq(r.status, 200, "body: %s", r.body);
	harness_response_free(&r);
	harness_close(&c);

	/* over the limit: 413 straight away, no 100, and the body never sent */
	harness_connect(&srv, &c);
	snprintf(head, sizeof head,
		 "POST /v1/parse HTTP/1.1\r\nHost: x\r\n" TEXT
		 "Expect: 100-continue\r\nContent-Length: 2000000\r\n\r\n");
	harness_send(&c, head, strlen(head));
	cr_assert_eq(harness_read_response(&c, "POST", "/v1/parse", &r), 0);
	expect_problem("Expect over the limit", &r, 413, "body-too-large", "2000000");
	harness_response_free(&r);
	harness_close(&c);
	alive("Expect: 100-continue");
}

/* Limits libmicrohttpd enforces itself, with its own HTML page: the status
 * is all there is to check, and that nothing else suffers. */
Test(http_badinput, header_url_and_length_limits)
{
	struct harness_response r;
	size_t n = 70 * 1024;
	char *big = malloc(n + 64);

	cr_assert_not_null(big);
	strcpy(big, "X-Filler: ");
	memset(big + 10, 'h', n);
	strcpy(big + 10 + n, "\r\n");
	harness_request_raw(&srv, "GET", "/healthz", big, NULL, 0, &r);
	cr_assert_eq(r.status, 431, "header over the memory limit: %d", r.status);
	harness_response_free(&r);
	alive("431");

	strcpy(big, "/v1/parse?offsets=");
	memset(big + 18, 'u', n);
	big[18 + n] = '\0';
	harness_request_raw(&srv, "GET", big, NULL, NULL, 0, &r);
	cr_assert_eq(r.status, 414, "URL over the limit: %d", r.status);
	harness_response_free(&r);
	alive("414");

	/* 8,000 small headers overflow the same limit */
	n = 0;
	for (int i = 0; i < 8000 && n + 32 < 70 * 1024; i++)
		n += (size_t)sprintf(big + n, "X-H%d: v\r\n", i);
	harness_request_raw(&srv, "GET", "/healthz", big, NULL, 0, &r);
	cr_assert_eq(r.status, 431, "many headers: %d", r.status);
	harness_response_free(&r);
	alive("many headers");

	harness_request_raw(&srv, "POST", "/v1/parse", TEXT "Content-Length: 12abc\r\n", NULL, 0,
			    &r);
	cr_assert_eq(r.status, 400, "Content-Length: 12abc gave %d", r.status);
	harness_response_free(&r);
	alive("bad Content-Length");
	free(big);
}

/* ---- NDJSON ---- */

/* Parsed answer lines of a batch response; returns the count. */
static size_t answer_lines(const struct harness_response *r, json_t **out, size_t max)
{
	const char *p = r->body;
	size_t n = 0;

	while (*p && n < max) {
		const char *nl = strchr(p, '\n');
		cr_assert_not_null(nl, "answer line without newline: %s", p);
		out[n] = json_loadb(p, (size_t)(nl - p), 0, NULL);
		cr_assert_not_null(out[n], "answer line %zu is not JSON: %.*s", n + 1,
				   (int)(nl - p), p);
		n++;
		p = nl + 1;
	}
	return n;
}

static void expect_result(json_t *line, json_int_t id)
{
	cr_assert_str_eq(json_string_value(json_object_get(line, "version")), "1.0");
	cr_assert_eq(json_integer_value(json_object_get(line, "id")), id);
}

static void expect_line_problem(json_t *line, long line_no, int status, const char *slug)
{
	char type[200];

	snprintf(type, sizeof type, "%s%s", HARNESS_PROBLEM_BASE, slug);
	cr_assert_str_eq(json_string_value(json_object_get(line, "type")), type, "line %ld",
			 line_no);
	cr_assert_str_eq(json_string_value(json_object_get(line, "title")), title_of(slug));
	cr_assert_eq(json_integer_value(json_object_get(line, "status")), status);
	cr_assert_eq(json_integer_value(json_object_get(line, "line")), line_no);
}

static void batch(const char *body, size_t len, struct harness_response *r)
{
	harness_request(&srv, "POST", "/v1/parse/batch", NDJSON, body, len, r);
	cr_assert_eq(r->status, 200, "batch answered %d: %s", r->status, r->body);
}

Test(http_badinput, ndjson_edge_lines)
{
	static const char empty_lines[] = "\n{\"id\":1,\"text\":\"Sáng 5.4, hội nghị.\"}\n\n \t\r\n"
					  "{\"id\":2,\"text\":\"Chiều 5.4, họp.\"}\n\n";
	static const char mixed[] = "{\"id\":1,\"text\":\"Sáng 5.4, hội nghị.\"}\n"
				    "this line is not JSON\n"
				    "{\"id\":3,\"text\":42}\n"
				    "{\"id\":4,\"text\":\"S\xE1ng\"}\n"
				    "{\"id\":5,\"text\":\"  \"}\n"
				    "[1,2]\n"
				    "{\"id\":7,\"text\":\"Chiều 5.4, họp.\"}";
	static const char crlf[] = "{\"id\":1,\"text\":\"Sáng 5.4.\"}\r\n"
				   "{\"id\":2,\"text\":\"Chiều 5.4.\"}\r\n";
	struct harness_response r;
	json_t *l[16];
	size_t n, i;

	/* empty and blank lines take no answer and no number of their own */
	batch(empty_lines, sizeof empty_lines - 1, &r);
	n = answer_lines(&r, l, 16);
	cr_assert_eq(n, 2, "%zu answers to 2 non-empty lines", n);
	expect_result(l[0], 1);
	expect_result(l[1], 2);
	for (i = 0; i < n; i++)
		json_decref(l[i]);
	harness_response_free(&r);
	alive("empty lines");

	/* good and bad lines, answered in order, the last without a newline */
	batch(mixed, sizeof mixed - 1, &r);
	n = answer_lines(&r, l, 16);
	cr_assert_eq(n, 7, "%zu answers to 7 lines: %s", n, r.body);
	expect_result(l[0], 1);
	expect_line_problem(l[1], 2, 400, "malformed-json");
	expect_line_problem(l[2], 3, 400, "invalid-request");
	cr_assert_eq(json_integer_value(json_object_get(l[2], "id")), 3,
		     "a failed line keeps its id");
	expect_line_problem(l[3], 4, 400, "invalid-utf8");
	expect_line_problem(l[4], 5, 422, "empty-article");
	expect_line_problem(l[5], 6, 400, "invalid-request");
	expect_result(l[6], 7);
	for (i = 0; i < n; i++)
		json_decref(l[i]);
	harness_response_free(&r);
	alive("mixed lines");

	batch(crlf, sizeof crlf - 1, &r);
	n = answer_lines(&r, l, 16);
	cr_assert_eq(n, 2);
	expect_result(l[0], 1);
	expect_result(l[1], 2);
	for (i = 0; i < n; i++)
		json_decref(l[i]);
	harness_response_free(&r);

	/* only blank lines: nothing to answer */
	batch("\n\r\n \n", 5, &r);
	cr_assert_eq(r.body_len, 0, "answers to blank lines: %s", r.body);
	harness_response_free(&r);
	alive("blank batch");
}

Test(http_badinput, ndjson_long_lines)
{
	struct harness_conn c;
	struct harness_response r;
	const size_t big = 900 * 1024;
	char *body = malloc(big + 64), head[300];
	json_t *l[2];
	size_t n;

	/* one line of 900 KB is within the body limit: answered */
	cr_assert_not_null(body);
	n = (size_t)sprintf(body, "{\"id\":1,\"text\":\"");
	while (n < big)
		n += (size_t)sprintf(body + n, "Hội nghị tỉnh. ");
	n += (size_t)sprintf(body + n, "\"}\n");
	post_patient("/v1/parse/batch", NDJSON, body, n, &r);
	cr_assert_eq(r.status, 200, "%d: %.300s", r.status, r.body);
	cr_assert_eq(answer_lines(&r, l, 2), 1);
	expect_result(l[0], 1);
	json_decref(l[0]);
	harness_response_free(&r);
	free(body);

	/* a line longer than the body limit is refused before it is read */
	harness_connect(&srv, &c);
	snprintf(head, sizeof head,
		 "POST /v1/parse/batch HTTP/1.1\r\nHost: x\r\n" NDJSON
		 "Content-Length: 1048577\r\n\r\n{\"id\":1,\"text\":\"");
	harness_send(&c, head, strlen(head));
	cr_assert_eq(harness_read_response(&c, "POST", "/v1/parse/batch", &r), 0);
	expect_problem("NDJSON line over the limit", &r, 413, "body-too-large", "1048577");
	harness_response_free(&r);
	harness_close(&c);
	alive("long NDJSON line");
}

/* ---- nothing a client sends comes back or into the log unescaped ---- */

Test(http_badinput, hostile_bytes_are_never_echoed_raw)
{
	static const char path[] = "/v1/\"quoted\"\\back<script>alert(1)</script>";
	struct harness_response r;
	char *log, *line;
	int lines = 0, seen = 0;

	/* a request id that could split a header or a log line is replaced */
	harness_request(&srv, "GET", "/healthz", "X-Request-Id: a\"b<c>\\d\r\n", NULL, 0, &r);
	cr_assert_eq(r.status, 200);
	cr_assert(strspn(harness_header(&r, "X-Request-Id"), "0123456789abcdef") == 16,
		  "unsafe request id kept: %s", harness_header(&r, "X-Request-Id"));
	harness_response_free(&r);

	harness_request(&srv, "GET", path, NULL, NULL, 0, &r);
	expect_problem("hostile path", &r, 404, "not-found", NULL);
	cr_assert_null(strstr(r.body, "<script>"), "path echoed: %s", r.body);
	harness_response_free(&r);

	/* echoed only inside a JSON string, escaped there (the body parsed and
	 * the quote came back as a quote), with anything not printable ASCII
	 * turned into '?' */
	harness_request(&srv, "POST", "/v1/parse", "Content-Type: text/<b>ht\xC3\xA9ml\"</b>\r\n",
			"a", 1, &r);
	expect_problem("hostile media type", &r, 415, "unsupported-media-type",
		       "'text/<b>ht??ml\"</b>'");
	harness_response_free(&r);

	/* every access log line stays one valid JSON object */
	log = harness_wait_file(srv.out_path, "\"status\":404", 3);
	free(log);
	log = harness_wait_file(srv.out_path, "\"status\":415", 3);
	cr_assert_not_null(log);
	for (line = strtok(log, "\n"); line; line = strtok(NULL, "\n")) {
		json_t *j = json_loads(line, 0, NULL);
		cr_assert_not_null(j, "access log line is not JSON: %s", line);
		if (json_integer_value(json_object_get(j, "status")) == 404) {
			cr_assert(strstr(json_string_value(json_object_get(j, "path")), "<script>"),
				  "the path is logged, escaped: %s", line);
			seen = 1;
		}
		json_decref(j);
		lines++;
	}
	cr_assert(seen && lines >= 3, "%d log lines", lines);
	free(log);
	alive("hostile bytes");
}
