/* POST /v1/parse/batch: NDJSON in and out, per-line problems, order, limits. */
#include <criterion/criterion.h>
#include <string.h>

#include "tests/http/harness.h"

static struct harness_server srv;

static void up(void)
{
	static const char *const args[] = {"--max-batch-lines", "6", NULL};
	harness_start(&srv, args);
}

static void down(void)
{
	harness_stop_ok(&srv);
}

TestSuite(http_batch, .init = up, .fini = down, .timeout = 30);

#define NDJSON "Content-Type: application/x-ndjson\r\n"

/* Split an NDJSON body into parsed lines; returns the count. */
static size_t split(const struct harness_response *r, json_t **lines, size_t max)
{
	size_t n = 0;
	const char *p = r->body;

	while (*p && n < max) {
		const char *nl = strchr(p, '\n');
		json_error_t e;
		cr_assert_not_null(nl, "every answer line ends in a newline: %s", p);
		lines[n] = json_loadb(p, (size_t)(nl - p), 0, &e);
		cr_assert_not_null(lines[n], "answer line %zu is not JSON (%s): %.*s", n + 1,
				   e.text, (int)(nl - p), p);
		n++;
		p = nl + 1;
	}
	return n;
}

static void assert_line_problem(json_t *line, const char *rid, int status, const char *slug,
				long line_no)
{
	char type[200];

	snprintf(type, sizeof type, "%s%s", HARNESS_PROBLEM_BASE, slug);
	cr_assert_str_eq(json_string_value(json_object_get(line, "type")), type);
	cr_assert(json_is_string(json_object_get(line, "title")));
	cr_assert(json_is_string(json_object_get(line, "detail")));
	cr_assert_eq(json_integer_value(json_object_get(line, "status")), status);
	cr_assert_str_eq(json_string_value(json_object_get(line, "instance")), rid);
	cr_assert_eq(json_integer_value(json_object_get(line, "line")), line_no);
	cr_assert_not_null(json_object_get(line, "id"), "problem lines carry \"id\"");
}

Test(http_batch, mixed_lines_in_order)
{
	static const char body[] =
	    "{\"id\":\"a\",\"text\":\"Sáng 5.4, đồng chí Lê Văn Hai chủ trì hội nghị.\"}\n"
	    "\n"
	    "{\"id\":2,\"text\":5}\n"
	    "not json\r\n"
	    "   \n"
	    "{\"id\":\"w\",\"text\":\"   \"}\n"
	    "{\"id\":\"z\",\"text\":\"Chiều 6.4, Ủy ban nhân dân tỉnh họp phiên thường kỳ.\","
	    "\"published_at\":\"2023-04-06\"}";
	struct harness_response r;
	json_t *lines[10];
	const char *rid;
	size_t n, i;

	harness_request(&srv, "POST", "/v1/parse/batch", NDJSON "X-Request-Id: batch-1\r\n", body,
			strlen(body), &r);
	cr_assert_eq(r.status, 200, "body: %s", r.body);
	cr_assert_str_eq(harness_header(&r, "Content-Type"), "application/x-ndjson");
	cr_assert(r.chunked, "the batch answer is streamed");
	rid = "batch-1";
	n = split(&r, lines, 10);
	cr_assert_eq(n, 5, "one answer per non-empty line: %s", r.body);

	cr_assert_str_eq(json_string_value(json_object_get(lines[0], "id")), "a");
	cr_assert_str_eq(json_string_value(json_object_get(lines[0], "version")), "1.0");
	assert_line_problem(lines[1], rid, 400, "invalid-request", 3);
	cr_assert_eq(json_integer_value(json_object_get(lines[1], "id")), 2);
	assert_line_problem(lines[2], rid, 400, "malformed-json", 4);
	cr_assert(json_is_null(json_object_get(lines[2], "id")));
	assert_line_problem(lines[3], rid, 422, "empty-article", 6);
	cr_assert_str_eq(json_string_value(json_object_get(lines[3], "id")), "w");
	cr_assert_str_eq(json_string_value(json_object_get(lines[4], "id")), "z");
	cr_assert_str_eq(json_string_value(json_object_get(lines[4], "version")), "1.0");
	for (i = 0; i < n; i++)
		json_decref(lines[i]);
	harness_response_free(&r);
}

Test(http_batch, line_result_equals_single_parse)
{
	json_t *doc = json_pack("{s:s, s:s}", "id", "x1", "text", harness_article), *lines[2],
	       *single;
	char *line = json_dumps(doc, JSON_COMPACT);
	struct harness_response b, s;

	harness_request(&srv, "POST", "/v1/parse/batch?offsets=utf16", NDJSON, line, strlen(line),
			&b);
	harness_request(&srv, "POST", "/v1/parse?offsets=utf16", "Content-Type: text/plain\r\n",
			harness_article, strlen(harness_article), &s);
	cr_assert_eq(b.status, 200);
	cr_assert_eq(s.status, 200);
	cr_assert_eq(split(&b, lines, 2), 1);
	cr_assert_str_eq(json_string_value(json_object_get(lines[0], "id")), "x1");
	json_object_del(lines[0], "id");
	single = s.json;
	cr_assert(json_equal(lines[0], single), "batch line differs from /v1/parse");
	cr_assert_str_eq(json_string_value(json_object_get(lines[0], "offset_unit")), "utf16");
	json_decref(lines[0]);
	json_decref(doc);
	free(line);
	harness_response_free(&b);
	harness_response_free(&s);
}

Test(http_batch, invalid_utf8_line)
{
	static const char body[] = "{\"id\":1,\"text\":\"h\xe1\xbb\x8dp\"}\n"
				   "{\"id\":2,\"text\":\"h\xed\xa0\x80p\"}\n"; /* a surrogate */
	struct harness_response r;
	json_t *lines[3];
	const char *detail;

	harness_request(&srv, "POST", "/v1/parse/batch", NDJSON, body, strlen(body), &r);
	cr_assert_eq(r.status, 200);
	cr_assert_eq(split(&r, lines, 3), 2);
	cr_assert_eq(json_integer_value(json_object_get(lines[0], "id")), 1);
	cr_assert_str_eq(json_string_value(json_object_get(lines[1], "type")),
			 HARNESS_PROBLEM_BASE "invalid-utf8");
	detail = json_string_value(json_object_get(lines[1], "detail"));
	cr_assert(strstr(detail, "offset 17"), "offset within the line: %s", detail);
	cr_assert_eq(json_integer_value(json_object_get(lines[1], "line")), 2);
	json_decref(lines[0]);
	json_decref(lines[1]);
	harness_response_free(&r);
}

Test(http_batch, empty_batch_answers_nothing)
{
	struct harness_response r;

	harness_request(&srv, "POST", "/v1/parse/batch", NDJSON, "\n\n", 2, &r);
	cr_assert_eq(r.status, 200);
	cr_assert_eq(r.body_len, 0);
	harness_response_free(&r);
}

Test(http_batch, too_many_lines_is_413)
{
	static const char body[] = "{\"text\":\"a\"}\n{\"text\":\"b\"}\n{\"text\":\"c\"}\n"
				   "{\"text\":\"d\"}\n{\"text\":\"e\"}\n\n{\"text\":\"f\"}\n"
				   "{\"text\":\"g\"}\n";
	struct harness_response r;
	const char *detail;

	harness_request(&srv, "POST", "/v1/parse/batch", NDJSON, body, strlen(body), &r);
	detail = harness_assert_problem(&r, 413, "batch-too-large");
	cr_assert(strstr(detail, "7") && strstr(detail, "6"), "detail: %s", detail);
	harness_response_free(&r);
}

Test(http_batch, wrong_media_type_and_query)
{
	struct harness_response r;
	const char *detail;

	harness_request(&srv, "POST", "/v1/parse/batch", "Content-Type: application/json\r\n",
			"{\"text\":\"a\"}", 12, &r);
	detail = harness_assert_problem(&r, 415, "unsupported-media-type");
	cr_assert(strstr(detail, "application/x-ndjson"), "detail: %s", detail);
	harness_response_free(&r);

	harness_request(&srv, "POST", "/v1/parse/batch?offset=byte", NDJSON, "{\"text\":\"a\"}", 12,
			&r);
	harness_assert_problem(&r, 400, "invalid-query");
	harness_response_free(&r);
}

Test(http_batch, large_batch_streams_every_line)
{
	size_t i, n = 6, len = 0;
	char *body = malloc(n * (strlen(harness_article) * 2 + 64)), *line;
	struct harness_response r;
	json_t *lines[8];

	for (i = 0; i < n; i++) {
		json_t *doc = json_pack("{s:I, s:s}", "id", (json_int_t)i, "text", harness_article);
		line = json_dumps(doc, JSON_COMPACT);
		len += (size_t)sprintf(body + len, "%s\n", line);
		free(line);
		json_decref(doc);
	}
	harness_request(&srv, "POST", "/v1/parse/batch?include=text", NDJSON, body, len, &r);
	cr_assert_eq(r.status, 200);
	cr_assert_eq(split(&r, lines, 8), n);
	for (i = 0; i < n; i++) {
		cr_assert_eq(json_integer_value(json_object_get(lines[i], "id")), (json_int_t)i);
		cr_assert_str_eq(json_string_value(json_object_get(lines[i], "text")),
				 harness_article);
		json_decref(lines[i]);
	}
	free(body);
	harness_response_free(&r);
}
