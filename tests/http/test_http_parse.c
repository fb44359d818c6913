/* POST /v1/parse against the real server: request forms, query options and
 * every 4xx the endpoint can answer. */
#include <criterion/criterion.h>
#include <string.h>

#include "tests/http/harness.h"

static struct harness_server srv;

static void up(void)
{
	harness_start(&srv, NULL);
}

static void down(void)
{
	harness_stop_ok(&srv);
}

TestSuite(http_parse, .init = up, .fini = down, .timeout = 30);

#define TEXT_UTF8 "Content-Type: text/plain; charset=utf-8\r\n"
#define JSON_CT "Content-Type: application/json\r\n"

static void post(const char *path, const char *headers, const char *body, size_t len,
		 struct harness_response *r)
{
	harness_request(&srv, "POST", path, headers, body, len, r);
}

static json_t *json_request(const char *text, const char *published_at)
{
	return json_pack("{s:s, s:s?}", "text", text, "published_at", published_at);
}

static void post_json(const char *path, const json_t *doc, struct harness_response *r)
{
	char *s = json_dumps(doc, JSON_COMPACT);

	cr_assert_not_null(s);
	post(path, JSON_CT, s, strlen(s), r);
	free(s);
}

Test(http_parse, text_plain_article)
{
	struct harness_response r;
	const char *rid;

	post("/v1/parse", TEXT_UTF8, harness_article, strlen(harness_article), &r);
	cr_assert_eq(r.status, 200, "body: %s", r.body);
	cr_assert_str_eq(harness_header(&r, "Content-Type"), "application/json");
	cr_assert(json_is_object(r.json), "not a JSON object: %.200s", r.body);
	cr_assert_str_eq(json_string_value(json_object_get(r.json, "version")), "1.0");
	cr_assert_str_eq(json_string_value(json_object_get(r.json, "offset_unit")), "codepoint");
	cr_assert_null(json_object_get(r.json, "text"), "text must only come with include=text");
	cr_assert_eq(r.body[r.body_len - 1], '\n', "model_dump output ends in a newline");
	rid = harness_header(&r, "X-Request-Id");
	cr_assert(rid && strlen(rid) == 16 && strspn(rid, "0123456789abcdef") == 16,
		  "generated request id: %s", rid ? rid : "(none)");
	harness_response_free(&r);
}

Test(http_parse, text_plain_without_charset_is_utf8)
{
	struct harness_response r;

	post("/v1/parse", "Content-Type: text/plain\r\n", harness_article, strlen(harness_article),
	     &r);
	cr_assert_eq(r.status, 200, "body: %s", r.body);
	harness_response_free(&r);
	post("/v1/parse", "Content-Type: TEXT/PLAIN; Charset=\"UTF-8\"\r\n", harness_article,
	     strlen(harness_article), &r);
	cr_assert_eq(r.status, 200, "quoted, upper-case charset: %s", r.body);
	harness_response_free(&r);
}

Test(http_parse, json_and_text_give_the_same_result)
{
	struct harness_response a, b;
	json_t *doc = json_request(harness_article, NULL);

	post("/v1/parse", TEXT_UTF8, harness_article, strlen(harness_article), &a);
	post_json("/v1/parse", doc, &b);
	json_decref(doc);
	cr_assert_eq(a.status, 200);
	cr_assert_eq(b.status, 200, "body: %s", b.body);
	cr_assert_eq(a.body_len, b.body_len);
	cr_assert(memcmp(a.body, b.body, a.body_len) == 0,
		  "the JSON form must decode to the same article");
	harness_response_free(&a);
	harness_response_free(&b);
}

Test(http_parse, json_published_at_and_url)
{
	struct harness_response r;
	json_t *doc = json_pack("{s:s, s:s, s:s}", "text",
				"Sáng 5.4, đồng chí Lê Văn Hai chủ trì hội nghị giao ban.",
				"published_at", "2023-04-05", "url", "https://example.org/a/1");

	post_json("/v1/parse", doc, &r);
	json_decref(doc);
	cr_assert_eq(r.status, 200, "body: %s", r.body);
	cr_assert(json_is_object(r.json));
	harness_response_free(&r);
}

Test(http_parse, offsets_and_include_text)
{
	static const char *units[] = {"codepoint", "utf16", "byte"};
	struct harness_response r;
	char path[100];
	size_t i;

	for (i = 0; i < 3; i++) {
		snprintf(path, sizeof path, "/v1/parse?offsets=%s&include=text", units[i]);
		post(path, TEXT_UTF8, harness_article, strlen(harness_article), &r);
		cr_assert_eq(r.status, 200, "%s: %s", path, r.body);
		cr_assert_str_eq(json_string_value(json_object_get(r.json, "offset_unit")),
				 units[i]);
		/* the article is NFC already, so the normalised text is the body */
		cr_assert_str_eq(json_string_value(json_object_get(r.json, "text")),
				 harness_article);
		harness_response_free(&r);
	}
}

Test(http_parse, explain_values)
{
	static const char *ok[] = {"explain=1", "explain=0", "explain=true", "explain=false",
				   "explain"};
	struct harness_response r;
	char path[100];
	size_t i;

	for (i = 0; i < 5; i++) {
		snprintf(path, sizeof path, "/v1/parse?%s", ok[i]);
		post(path, TEXT_UTF8, harness_article, strlen(harness_article), &r);
		cr_assert_eq(r.status, 200, "%s: %s", path, r.body);
		harness_response_free(&r);
	}
	post("/v1/parse?explain=maybe", TEXT_UTF8, harness_article, strlen(harness_article), &r);
	cr_assert(strstr(harness_assert_problem(&r, 400, "invalid-query"), "explain"));
	harness_response_free(&r);
}

Test(http_parse, bad_query_parameters)
{
	struct harness_response r;
	const char *detail;

	post("/v1/parse?offsets=bytes", TEXT_UTF8, harness_article, strlen(harness_article), &r);
	detail = harness_assert_problem(&r, 400, "invalid-query");
	cr_assert(strstr(detail, "offsets") && strstr(detail, "utf16"), "detail: %s", detail);
	harness_response_free(&r);

	post("/v1/parse?include=everything", TEXT_UTF8, harness_article, strlen(harness_article),
	     &r);
	harness_assert_problem(&r, 400, "invalid-query");
	harness_response_free(&r);

	post("/v1/parse?fields=all", TEXT_UTF8, harness_article, strlen(harness_article), &r);
	detail = harness_assert_problem(&r, 400, "invalid-query");
	cr_assert(strstr(detail, "'fields'"), "the detail names the unknown parameter: %s", detail);
	harness_response_free(&r);

	post("/v1/parse?&offsets=byte&", TEXT_UTF8, harness_article, strlen(harness_article), &r);
	cr_assert_eq(r.status, 200, "empty pairs are ignored: %s", r.body);
	harness_response_free(&r);

	post("/v1/parse?offsets=byte&offsets=utf16", TEXT_UTF8, harness_article,
	     strlen(harness_article), &r);
	detail = harness_assert_problem(&r, 400, "invalid-query");
	cr_assert(strstr(detail, "twice"), "detail: %s", detail);
	harness_response_free(&r);
}

Test(http_parse, malformed_json_gives_line_and_column)
{
	struct harness_response r;
	static const char body[] = "{\n  \"text\": \"Sáng 5.4\",\n  oops\n}";
	const char *detail;

	post("/v1/parse", JSON_CT, body, strlen(body), &r);
	detail = harness_assert_problem(&r, 400, "malformed-json");
	cr_assert(strstr(detail, "line 3"), "detail: %s", detail);
	cr_assert(strstr(detail, "column"), "detail: %s", detail);
	harness_response_free(&r);
}

Test(http_parse, duplicate_json_keys_rejected)
{
	struct harness_response r;
	static const char body[] = "{\"text\": \"một\", \"text\": \"hai\"}";

	post("/v1/parse", JSON_CT, body, strlen(body), &r);
	harness_assert_problem(&r, 400, "malformed-json");
	harness_response_free(&r);
}

Test(http_parse, json_without_string_text)
{
	static const char *bodies[] = {"{\"title\": \"x\"}", "{\"text\": 42}", "[\"text\"]",
				       "{\"text\": \"x\", \"published_at\": 2022}", "\"text\""};
	struct harness_response r;
	size_t i;

	for (i = 0; i < sizeof bodies / sizeof bodies[0]; i++) {
		post("/v1/parse", JSON_CT, bodies[i], strlen(bodies[i]), &r);
		harness_assert_problem(&r, 400, "invalid-request");
		harness_response_free(&r);
	}
}

Test(http_parse, invalid_utf8_text_gives_byte_offset)
{
	struct harness_response r;
	/* "Sáng " is 6 bytes; 0xff can start no UTF-8 sequence */
	static const char body[] = "S\xc3\xa1ng \xff 5.4, h\xe1\xbb\x99i ngh\xe1\xbb\x8b.";
	const char *detail;

	post("/v1/parse", TEXT_UTF8, body, strlen(body), &r);
	detail = harness_assert_problem(&r, 400, "invalid-utf8");
	cr_assert(strstr(detail, "offset 6"), "detail: %s", detail);
	harness_response_free(&r);
}

Test(http_parse, invalid_utf8_json_gives_byte_offset)
{
	struct harness_response r;
	static const char body[] = "{\"text\": \"ab\xc0\xaf\"}"; /* overlong '/' at byte 12 */
	const char *detail;

	post("/v1/parse", JSON_CT, body, strlen(body), &r);
	detail = harness_assert_problem(&r, 400, "invalid-utf8");
	cr_assert(strstr(detail, "offset 12"), "detail: %s", detail);
	harness_response_free(&r);
}

Test(http_parse, empty_article_is_422)
{
	struct harness_response r;
	json_t *doc = json_request("", NULL);

	post("/v1/parse", TEXT_UTF8, "", 0, &r);
	harness_assert_problem(&r, 422, "empty-article");
	harness_response_free(&r);
	post("/v1/parse", TEXT_UTF8, " \n\t\r\n  ", 7, &r);
	harness_assert_problem(&r, 422, "empty-article");
	harness_response_free(&r);
	post_json("/v1/parse", doc, &r);
	json_decref(doc);
	harness_assert_problem(&r, 422, "empty-article");
	harness_response_free(&r);
}

Test(http_parse, bad_published_at)
{
	struct harness_response r;
	json_t *doc = json_request(harness_article, "26/01/2022");

	post_json("/v1/parse", doc, &r);
	json_decref(doc);
	harness_assert_problem(&r, 400, "invalid-published-at");
	harness_response_free(&r);
}

Test(http_parse, unsupported_media_types)
{
	struct harness_response r;
	const char *detail;

	post("/v1/parse", "Content-Type: application/xml\r\n", harness_article,
	     strlen(harness_article), &r);
	detail = harness_assert_problem(&r, 415, "unsupported-media-type");
	cr_assert(strstr(detail, "application/xml"), "names the type received: %s", detail);
	cr_assert(strstr(detail, "text/plain") && strstr(detail, "application/json"),
		  "names the accepted types: %s", detail);
	harness_response_free(&r);

	post("/v1/parse", NULL, harness_article, strlen(harness_article), &r);
	detail = harness_assert_problem(&r, 415, "unsupported-media-type");
	cr_assert(strstr(detail, "no Content-Type"), "detail: %s", detail);
	harness_response_free(&r);

	post("/v1/parse", "Content-Type: text/plain; charset=windows-1258\r\n", harness_article,
	     strlen(harness_article), &r);
	detail = harness_assert_problem(&r, 415, "unsupported-media-type");
	cr_assert(strstr(detail, "windows-1258") && strstr(detail, "UTF-8"), "detail: %s", detail);
	harness_response_free(&r);

	post("/v1/parse", "Content-Type: application/json; charset=latin1\r\n", "{}", 2, &r);
	harness_assert_problem(&r, 415, "unsupported-media-type");
	harness_response_free(&r);
}

Test(http_parse, client_input_in_details_is_sanitised)
{
	struct harness_response r;
	const char *detail;

	/* a non-ASCII media type is echoed as '?' rather than raw bytes */
	post("/v1/parse", "Content-Type: t\xe1\xbb\x87xt/plain\r\n", "x", 1, &r);
	detail = harness_assert_problem(&r, 415, "unsupported-media-type");
	cr_assert(strstr(detail, "t???xt/plain"), "detail: %s", detail);
	harness_response_free(&r);
}

Test(http_parse, keep_alive_connection_serves_several_requests)
{
	struct harness_conn c;
	struct harness_response r;
	char head[256];
	int i;

	harness_connect(&srv, &c);
	for (i = 0; i < 3; i++) {
		snprintf(head, sizeof head,
			 "POST /v1/parse HTTP/1.1\r\nHost: x\r\n" TEXT_UTF8
			 "Content-Length: %zu\r\n\r\n",
			 strlen(harness_article));
		harness_send(&c, head, strlen(head));
		harness_send(&c, harness_article, strlen(harness_article));
		cr_assert_eq(harness_read_response(&c, "POST", "/v1/parse", &r), 0);
		cr_assert_eq(r.status, 200);
		cr_assert_null(harness_header(&r, "Connection"), "kept alive, not closed");
		harness_response_free(&r);
	}
	harness_close(&c);
}
