/* Web pages over HTTP against the real server: text/html in UTF-8 and in
 * windows-1258 (named by the Content-Type or by the page's <meta>), JSON
 * {"html", "url"}, batch lines with "html", and the refusals (an unknown
 * charset, a page without article text, "text" and "html" at once). Every
 * response is checked against openapi.yaml by the harness. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
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

TestSuite(http_html, .init = up, .fini = down, .timeout = 30);

#define PAGE_UTF8 "tests/html/pages/vnexpress-hatinh-btv/page.html"
#define PAGE_1258 "tests/html/pages/portal-camlo-phienhop-1258/page.html"
#define TITLE_UTF8 "Ban Thường vụ Tỉnh ủy Hà Tĩnh cho ý kiến vào Đề án phát triển kinh tế biển"
#define TITLE_1258 "UBND huyện Cam Lộ họp phiên thường kỳ tháng 5 năm 2025"

static char *load(const char *path, size_t *len)
{
	char *s = harness_read_file(path);
	cr_assert(s, "cannot read %s", path);
	*len = strlen(s);
	return s;
}

static const char *title_of(const struct harness_response *r)
{
	json_t *t = json_object_get(json_object_get(r->json, "article"), "title");
	return json_string_value(json_object_get(t, "text"));
}

static json_t *source_of(const struct harness_response *r)
{
	return json_object_get(json_object_get(r->json, "article"), "source");
}

Test(http_html, text_html_utf8_page)
{
	struct harness_response r;
	size_t len;
	char *page = load(PAGE_UTF8, &len);

	harness_request(&srv, "POST", "/v1/parse?include=text",
			"Content-Type: text/html; charset=utf-8\r\n", page, len, &r);
	cr_assert_eq(r.status, 200, "body: %.300s", r.body);
	cr_assert_str_eq(title_of(&r), TITLE_UTF8);
	json_t *src = source_of(&r);
	cr_assert_str_eq(json_string_value(json_object_get(src, "format")), "html");
	cr_assert_str_eq(json_string_value(json_object_get(src, "site_name")), "VnExpress");
	cr_assert_str_eq(json_string_value(json_object_get(src, "charset")), "UTF-8");
	const char *text = json_string_value(json_object_get(r.json, "text"));
	cr_assert(
	    text && !strncmp(text, TITLE_UTF8 "\n\n12/03/2025 10:20\n\n", strlen(TITLE_UTF8) + 20),
	    "text: %.200s", text);
	cr_assert_null(strstr(text, "Tin liên quan"), "related list leaked: %s", text);
	cr_assert_null(strstr(text, "Tổng Biên tập"), "footer leaked: %s", text);
	cr_assert_eq(json_array_size(json_object_get(r.json, "meetings")), 1);
	json_t *p0 =
	    json_array_get(json_object_get(json_object_get(r.json, "article"), "paragraphs"), 0);
	json_t *h = json_object_get(p0, "html");
	json_int_t a = json_integer_value(json_object_get(h, "start"));
	cr_assert(json_is_object(h) && a > 0 && (size_t)a < len && page[a] == '<',
		  "the first paragraph's element range");
	harness_response_free(&r);
	free(page);
}

Test(http_html, text_html_windows_1258_by_content_type_and_by_meta)
{
	struct harness_response r;
	size_t len;
	char *page = load(PAGE_1258, &len);
	const char *headers[] = {"Content-Type: text/html; charset=windows-1258\r\n",
				 "Content-Type: text/html\r\n",
				 "Content-Type: text/html; charset=\"CP1258\"\r\n"};

	cr_assert_null(strstr(page, "Cam Lộ"), "the fixture is not UTF-8");
	for (size_t k = 0; k < sizeof headers / sizeof *headers; k++) {
		harness_request(&srv, "POST", "/v1/parse", headers[k], page, len, &r);
		cr_assert_eq(r.status, 200, "%s: %.300s", headers[k], r.body);
		cr_assert_str_eq(title_of(&r), TITLE_1258, "%s", headers[k]);
		cr_assert_str_eq(json_string_value(json_object_get(source_of(&r), "charset")),
				 "WINDOWS-1258");
		cr_assert_str_eq(json_string_value(json_object_get(
				     json_object_get(r.json, "article"), "published_at")),
				 "2025-06-03T14:30:00+07:00");
		harness_response_free(&r);
	}
	free(page);
}

Test(http_html, json_html_with_url_and_text_html_agree)
{
	struct harness_response a, b;
	size_t len;
	char *page = load(PAGE_UTF8, &len);
	json_t *doc =
	    json_pack("{s:s, s:s}", "html", page, "url", "https://vnexpress.net/a-1.html");
	char *body = json_dumps(doc, JSON_COMPACT);

	harness_request(&srv, "POST", "/v1/parse", "Content-Type: application/json\r\n", body,
			strlen(body), &a);
	cr_assert_eq(a.status, 200, "body: %.300s", a.body);
	cr_assert_str_eq(json_string_value(json_object_get(source_of(&a), "url")),
			 "https://vnexpress.net/a-1.html");
	harness_request(&srv, "POST", "/v1/parse", "Content-Type: text/html\r\n", page, len, &b);
	cr_assert_eq(b.status, 200);
	cr_assert(json_is_null(json_object_get(source_of(&b), "url")));
	cr_assert(
	    json_equal(json_object_get(a.json, "meetings"), json_object_get(b.json, "meetings")),
	    "the same page as JSON and as text/html");
	cr_assert(json_equal(json_object_get(a.json, "people"), json_object_get(b.json, "people")));
	harness_response_free(&a);
	harness_response_free(&b);
	free(body);
	json_decref(doc);
	free(page);
}

Test(http_html, batch_lines_with_html)
{
	struct harness_response r;
	size_t len;
	char *page = load(PAGE_UTF8, &len);
	json_t *l1 = json_pack("{s:i, s:s}", "id", 1, "html", page);
	json_t *l2 =
	    json_pack("{s:i, s:s}", "id", 2, "text", "Sáng 5/3, Ban Thường vụ Huyện ủy họp.");
	char *s1 = json_dumps(l1, JSON_COMPACT), *s2 = json_dumps(l2, JSON_COMPACT);
	size_t n = strlen(s1) + strlen(s2) + 3;
	char *body = malloc(n);
	snprintf(body, n, "%s\n%s\n", s1, s2);

	harness_request(&srv, "POST", "/v1/parse/batch", "Content-Type: application/x-ndjson\r\n",
			body, strlen(body), &r);
	cr_assert_eq(r.status, 200, "body: %.300s", r.body);
	char *nl = strchr(r.body, '\n');
	cr_assert(nl);
	json_t *a = json_loadb(r.body, (size_t)(nl - r.body), 0, NULL),
	       *b = json_loads(nl + 1, 0, NULL);
	cr_assert(a && b, "two answer lines: %.300s", r.body);
	cr_assert_eq(json_integer_value(json_object_get(a, "id")), 1);
	cr_assert(json_is_object(json_object_get(json_object_get(a, "article"), "source")));
	cr_assert_null(json_object_get(json_object_get(b, "article"), "source"),
		       "a text line has no page source");
	json_decref(a);
	json_decref(b);
	harness_response_free(&r);
	free(body);
	free(s1);
	free(s2);
	json_decref(l1);
	json_decref(l2);
	free(page);
}

Test(http_html, refusals)
{
	struct harness_response r;
	const char *detail;
	static const char nothing[] = "<html><body><nav><a href=\"/\">Trang chủ</a></nav>"
				      "<script>var x = 1;</script></body></html>";

	harness_request(&srv, "POST", "/v1/parse", "Content-Type: text/html; charset=x-unknown\r\n",
			"<p>Hội nghị</p>", 17, &r);
	detail = harness_assert_problem(&r, 415, "unsupported-media-type");
	cr_assert(strstr(detail, "x-unknown"), "names the charset: %s", detail);
	harness_response_free(&r);

	harness_request(&srv, "POST", "/v1/parse", "Content-Type: text/html\r\n", nothing,
			sizeof nothing - 1, &r);
	detail = harness_assert_problem(&r, 422, "empty-article");
	cr_assert(strstr(detail, "page"), "says it is the page: %s", detail);
	harness_response_free(&r);

	harness_request(&srv, "POST", "/v1/parse", "Content-Type: application/json\r\n",
			"{\"text\": \"a\", \"html\": \"<p>b</p>\"}", 33, &r);
	detail = harness_assert_problem(&r, 400, "invalid-request");
	cr_assert(strstr(detail, "not both"), "detail: %s", detail);
	harness_response_free(&r);

	harness_request(&srv, "POST", "/v1/parse", "Content-Type: application/json\r\n",
			"{\"html\": 7}", 11, &r);
	detail = harness_assert_problem(&r, 400, "invalid-request");
	cr_assert(strstr(detail, "\"html\" must be a string"), "detail: %s", detail);
	harness_response_free(&r);

	/* a UTF-16 page (by its byte order mark) is refused, not misread */
	harness_request(&srv, "POST", "/v1/parse", "Content-Type: text/html\r\n",
			"\xFF\xFE<\0p\0>\0", 8, &r);
	harness_assert_problem(&r, 415, "unsupported-media-type");
	harness_response_free(&r);
}
