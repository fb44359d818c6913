/* Operational endpoints, static files, routing errors, request ids, CORS. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

TestSuite(http_meta, .init = up, .fini = down, .timeout = 30);
TestSuite(http_reqid, .init = up, .fini = down, .timeout = 30);
TestSuite(http_cors, .init = up, .fini = down, .timeout = 30);

static void get(const char *path, const char *headers, struct harness_response *r)
{
	harness_request(&srv, "GET", path, headers, NULL, 0, r);
}

Test(http_meta, healthz)
{
	struct harness_response r;

	get("/healthz", NULL, &r);
	cr_assert_eq(r.status, 200);
	cr_assert_str_eq(harness_header(&r, "Content-Type"), "application/json");
	cr_assert_str_eq(r.body, "{\"status\":\"ok\"}\n");
	cr_assert_str_eq(harness_header(&r, "X-Content-Type-Options"), "nosniff");
	harness_response_free(&r);
}

Test(http_meta, readyz)
{
	struct harness_response r;

	get("/readyz", NULL, &r);
	cr_assert_eq(r.status, 200);
	cr_assert_str_eq(harness_header(&r, "Content-Type"), "application/json");
	cr_assert_str_eq(json_string_value(json_object_get(r.json, "status")), "ready");
	harness_response_free(&r);
}

Test(http_meta, version_matches_cli)
{
	struct harness_response r;
	static const char *const argv[] = {"--version", NULL};
	char *out, *err, expect[200];

	get("/version", NULL, &r);
	cr_assert_eq(r.status, 200);
	cr_assert_str_eq(harness_header(&r, "Content-Type"), "application/json");
	cr_assert_str_eq(json_string_value(json_object_get(r.json, "model_version")), "1.0");
	cr_assert(json_is_string(json_object_get(r.json, "revision")));
	cr_assert_eq(harness_run(argv, NULL, 0, &out, NULL, &err, NULL), 0);
	snprintf(expect, sizeof expect, "meetingd %s (model 1.0, revision %s)\n",
		 json_string_value(json_object_get(r.json, "version")),
		 json_string_value(json_object_get(r.json, "revision")));
	cr_assert_str_eq(out, expect);
	free(out);
	free(err);
	harness_response_free(&r);
}

Test(http_meta, metrics_count_requests)
{
	struct harness_response r;

	harness_request(&srv, "POST", "/v1/parse", "Content-Type: text/plain\r\n", harness_article,
			strlen(harness_article), &r);
	cr_assert_eq(r.status, 200);
	harness_response_free(&r);
	get("/nowhere", NULL, &r);
	harness_response_free(&r);
	/* the access log line is written once a response has gone out: wait
	 * for it so the counters are known to include the requests above */
	free(harness_wait_file(srv.out_path, "\"path\":\"/healthz\"", 5));
	free(harness_wait_file(srv.out_path, "\"path\":\"/v1/parse\"", 5));
	free(harness_wait_file(srv.out_path, "/nowhere", 5));
	get("/metrics", NULL, &r);
	cr_assert_eq(r.status, 200);
	cr_assert_str_eq(harness_header(&r, "Content-Type"),
			 "text/plain; version=0.0.4; charset=utf-8");
	cr_assert(strstr(r.body, "# TYPE meetingd_requests_total counter\n"));
	cr_assert(
	    strstr(
		r.body,
		"meetingd_requests_total{route=\"/v1/parse\",method=\"POST\",status=\"200\"} 1\n"),
	    "%s", r.body);
	cr_assert(
	    strstr(
		r.body,
		"meetingd_requests_total{route=\"unmatched\",method=\"GET\",status=\"404\"} 1\n"),
	    "%s", r.body);
	cr_assert(strstr(r.body, "# TYPE meetingd_request_duration_seconds histogram\n"));
	cr_assert(strstr(
	    r.body,
	    "meetingd_request_duration_seconds_bucket{route=\"/v1/parse\",le=\"+Inf\"} 1\n"));
	cr_assert(strstr(r.body, "meetingd_request_duration_seconds_sum{route=\"/v1/parse\"} "));
	cr_assert(
	    strstr(r.body, "meetingd_request_duration_seconds_count{route=\"/v1/parse\"} 1\n"));
	{
		char expect[100];
		snprintf(expect, sizeof expect,
			 "meetingd_request_bytes_total{route=\"/v1/parse\"} %zu\n",
			 strlen(harness_article));
		cr_assert(strstr(r.body, expect), "%s", r.body);
	}
	cr_assert(strstr(r.body, "meetingd_response_bytes_total{route=\"/v1/parse\"} "));
	cr_assert(strstr(r.body, "meetingd_in_flight_requests 1\n"), "only /metrics itself: %s",
		  r.body);
	cr_assert(strstr(r.body, "meetingd_build_info{version=\""));
	harness_response_free(&r);
}

Test(http_meta, openapi_yaml)
{
	struct harness_response r;

	get("/openapi.yaml", NULL, &r);
	cr_assert_eq(r.status, 200);
	cr_assert_str_eq(harness_header(&r, "Content-Type"), "application/yaml");
	cr_assert(!strncmp(r.body, "openapi:", 8), "%.100s", r.body);
	harness_response_free(&r);
}

Test(http_meta, index_from_embedded_files)
{
	struct harness_response r;
	struct stat st;

	get("/", NULL, &r);
	/* the build embeds web/index.html when the source tree has one */
	if (stat("web/index.html", &st) == 0) {
		cr_assert_eq(r.status, 200);
		cr_assert_str_eq(harness_header(&r, "Content-Type"), "text/html; charset=utf-8");
	} else {
		harness_assert_problem(&r, 404, "not-found");
	}
	harness_response_free(&r);
}

Test(http_meta, head_has_headers_and_no_body)
{
	struct harness_response r;

	harness_request(&srv, "HEAD", "/healthz", NULL, NULL, 0, &r);
	cr_assert_eq(r.status, 200);
	cr_assert_str_eq(harness_header(&r, "Content-Length"), "16");
	cr_assert_eq(r.body_len, 0);
	harness_response_free(&r);
}

Test(http_meta, unknown_path_is_404)
{
	struct harness_response r;

	get("/v2/parse", NULL, &r);
	harness_assert_problem(&r, 404, "not-found");
	harness_response_free(&r);
	get("/healthz/extra", NULL, &r);
	harness_assert_problem(&r, 404, "not-found");
	harness_response_free(&r);
}

Test(http_meta, wrong_method_is_405_with_allow)
{
	struct harness_response r;

	get("/v1/parse", NULL, &r);
	harness_assert_problem(&r, 405, "method-not-allowed");
	cr_assert_str_eq(harness_header(&r, "Allow"), "POST, OPTIONS");
	harness_response_free(&r);
	harness_request(&srv, "DELETE", "/healthz", NULL, NULL, 0, &r);
	harness_assert_problem(&r, 405, "method-not-allowed");
	cr_assert_str_eq(harness_header(&r, "Allow"), "GET, HEAD, OPTIONS");
	harness_response_free(&r);
	harness_request(&srv, "PUT", "/v1/parse/batch", "Content-Type: application/x-ndjson\r\n",
			"{}", 2, &r);
	harness_assert_problem(&r, 405, "method-not-allowed");
	harness_response_free(&r);
}

Test(http_meta, web_dir_serves_files_safely)
{
	struct harness_server w;
	char dir[] = "/tmp/meetingd-web-XXXXXX", path[100];
	const char *args[] = {"--web-dir", dir, NULL};
	struct harness_response r;
	FILE *f;

	harness_mkdtemp_shared(dir);
	snprintf(path, sizeof path, "%s/index.html", dir);
	f = fopen(path, "w");
	fputs("<!doctype html><title>meetingd</title>\n", f);
	fclose(f);
	snprintf(path, sizeof path, "%s/app.js", dir);
	f = fopen(path, "w");
	fputs("console.log(1);\n", f);
	fclose(f);
	snprintf(path, sizeof path, "%s/.secret", dir);
	f = fopen(path, "w");
	fputs("x\n", f);
	fclose(f);

	harness_start(&w, args);
	harness_request(&w, "GET", "/", NULL, NULL, 0, &r);
	cr_assert_eq(r.status, 200);
	cr_assert_str_eq(harness_header(&r, "Content-Type"), "text/html; charset=utf-8");
	cr_assert_str_eq(r.body, "<!doctype html><title>meetingd</title>\n");
	harness_response_free(&r);
	harness_request(&w, "GET", "/web/app.js", NULL, NULL, 0, &r);
	cr_assert_eq(r.status, 200);
	cr_assert_str_eq(harness_header(&r, "Content-Type"), "text/javascript; charset=utf-8");
	harness_response_free(&r);
	harness_request(&w, "GET", "/web/.secret", NULL, NULL, 0, &r);
	harness_assert_problem(&r, 404, "not-found");
	harness_response_free(&r);
	harness_request(&w, "GET", "/web/../index.html", NULL, NULL, 0, &r);
	harness_assert_problem(&r, 404, "not-found");
	harness_response_free(&r);
	harness_request(&w, "GET", "/web/%2e%2e/index.html", NULL, NULL, 0, &r);
	harness_assert_problem(&r, 404, "not-found");
	harness_response_free(&r);
	harness_request(&w, "GET", "/web/missing.css", NULL, NULL, 0, &r);
	harness_assert_problem(&r, 404, "not-found");
	harness_response_free(&r);
	harness_stop_ok(&w);
	unlink(path);
	snprintf(path, sizeof path, "%s/app.js", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/index.html", dir);
	unlink(path);
	rmdir(dir);
}

/* ---- X-Request-Id ---- */

Test(http_reqid, valid_id_is_echoed)
{
	struct harness_response r;
	char id64[65], hdr[100];

	get("/healthz", "X-Request-Id: abc-123.x_Y\r\n", &r);
	cr_assert_str_eq(harness_header(&r, "X-Request-Id"), "abc-123.x_Y");
	harness_response_free(&r);

	memset(id64, 'a', 64);
	id64[64] = '\0';
	snprintf(hdr, sizeof hdr, "X-Request-Id: %s\r\n", id64);
	get("/nowhere", hdr, &r);
	harness_assert_problem(&r, 404, "not-found"); /* instance == the echoed id */
	cr_assert_str_eq(harness_header(&r, "X-Request-Id"), id64);
	harness_response_free(&r);
}

Test(http_reqid, invalid_id_is_replaced)
{
	static const char *bad[] = {
	    "X-Request-Id: has space\r\n", "X-Request-Id: a/b\r\n", "X-Request-Id: \r\n",
	    /* 65 characters: one over the limit */
	    ("X-Request-Id: "
	     "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n"),
	    "X-Request-Id: <script>\r\n"};
	struct harness_response r;
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		const char *id;
		get("/healthz", bad[i], &r);
		id = harness_header(&r, "X-Request-Id");
		cr_assert(id && strlen(id) == 16 && strspn(id, "0123456789abcdef") == 16,
			  "case %zu: got %s", i, id ? id : "(none)");
		harness_response_free(&r);
	}
}

Test(http_reqid, generated_ids_differ)
{
	struct harness_response a, b;
	char first[80];

	get("/healthz", NULL, &a);
	get("/healthz", NULL, &b);
	cr_assert_not_null(harness_header(&a, "X-Request-Id"));
	snprintf(first, sizeof first, "%s", harness_header(&a, "X-Request-Id"));
	cr_assert_str_neq(first, harness_header(&b, "X-Request-Id"));
	harness_response_free(&a);
	harness_response_free(&b);
}

/* ---- CORS ---- */

Test(http_cors, preflight_any_origin)
{
	struct harness_response r;

	harness_request(&srv, "OPTIONS", "/v1/parse",
			"Origin: https://app.example\r\nAccess-Control-Request-Method: POST\r\n"
			"Access-Control-Request-Headers: content-type, x-request-id\r\n",
			NULL, 0, &r);
	cr_assert_eq(r.status, 204);
	cr_assert_eq(r.body_len, 0);
	cr_assert_str_eq(harness_header(&r, "Access-Control-Allow-Origin"), "*");
	cr_assert(strstr(harness_header(&r, "Access-Control-Allow-Methods"), "POST"));
	cr_assert_str_eq(harness_header(&r, "Access-Control-Allow-Headers"),
			 "Content-Type, Authorization, X-Request-Id");
	cr_assert_str_eq(harness_header(&r, "Access-Control-Max-Age"), "600");
	cr_assert_str_eq(harness_header(&r, "Vary"), "Origin");
	cr_assert_null(harness_header(&r, "Access-Control-Allow-Credentials"),
		       "never * with credentials");
	cr_assert_not_null(harness_header(&r, "X-Request-Id"));
	harness_response_free(&r);

	harness_request(&srv, "OPTIONS", "/healthz", "Origin: https://app.example\r\n", NULL, 0,
			&r);
	cr_assert_eq(r.status, 204);
	cr_assert_str_eq(harness_header(&r, "Access-Control-Allow-Methods"), "GET, HEAD, OPTIONS");
	harness_response_free(&r);

	harness_request(&srv, "OPTIONS", "/nowhere", "Origin: https://app.example\r\n", NULL, 0,
			&r);
	harness_assert_problem(&r, 404, "not-found");
	harness_response_free(&r);
}

Test(http_cors, simple_request_any_origin)
{
	struct harness_response r;

	get("/healthz", "Origin: https://app.example\r\n", &r);
	cr_assert_eq(r.status, 200);
	cr_assert_str_eq(harness_header(&r, "Access-Control-Allow-Origin"), "*");
	cr_assert_str_eq(harness_header(&r, "Access-Control-Expose-Headers"), "X-Request-Id");
	harness_response_free(&r);
}

Test(http_cors, origin_allow_list)
{
	struct harness_server l;
	static const char *const args[] = {"--cors-origins", "https://a.example, https://b.example",
					   NULL};
	struct harness_response r;

	harness_start(&l, args);
	harness_request(&l, "OPTIONS", "/v1/parse/batch",
			"Origin: https://b.example\r\nAccess-Control-Request-Method: POST\r\n",
			NULL, 0, &r);
	cr_assert_eq(r.status, 204);
	cr_assert_str_eq(harness_header(&r, "Access-Control-Allow-Origin"), "https://b.example");
	cr_assert_str_eq(harness_header(&r, "Vary"), "Origin");
	cr_assert_not_null(harness_header(&r, "Access-Control-Allow-Methods"));
	harness_response_free(&r);

	harness_request(&l, "OPTIONS", "/v1/parse",
			"Origin: https://evil.example\r\nAccess-Control-Request-Method: POST\r\n",
			NULL, 0, &r);
	cr_assert_eq(r.status, 204);
	cr_assert_null(harness_header(&r, "Access-Control-Allow-Origin"));
	cr_assert_null(harness_header(&r, "Access-Control-Allow-Methods"));
	harness_response_free(&r);

	harness_request(&l, "GET", "/version", "Origin: https://a.example\r\n", NULL, 0, &r);
	cr_assert_str_eq(harness_header(&r, "Access-Control-Allow-Origin"), "https://a.example");
	cr_assert_str_eq(harness_header(&r, "Access-Control-Expose-Headers"), "X-Request-Id");
	cr_assert_str_eq(harness_header(&r, "Vary"), "Origin");
	harness_response_free(&r);

	harness_request(&l, "GET", "/version", "Origin: https://evil.example\r\n", NULL, 0, &r);
	cr_assert_eq(r.status, 200);
	cr_assert_null(harness_header(&r, "Access-Control-Allow-Origin"));
	harness_response_free(&r);
	harness_stop_ok(&l);
}
