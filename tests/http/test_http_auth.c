/* --auth-token: bearer check on every /v1/ path, never on probes or preflights, and
 * the token never printed. */
#include <criterion/criterion.h>
#include <string.h>

#include "tests/http/harness.h"

#define TOKEN "s3cr3t-T0ken-for-tests"

static struct harness_server srv;

static void up(void)
{
	static const char *const args[] = {"--auth-token", TOKEN, NULL};
	harness_start(&srv, args);
}

static void down(void)
{
	harness_stop_ok(&srv);
}

TestSuite(http_auth, .init = up, .fini = down, .timeout = 30);

static void parse_with(const char *auth, struct harness_response *r)
{
	char headers[300];

	snprintf(headers, sizeof headers, "Content-Type: text/plain\r\n%s", auth ? auth : "");
	harness_request(&srv, "POST", "/v1/parse", headers, harness_article,
			strlen(harness_article), r);
}

Test(http_auth, missing_or_wrong_token_is_401)
{
	static const char *bad[] = {NULL,
				    "Authorization: Bearer wrong\r\n",
				    "Authorization: Bearer " TOKEN "x\r\n",
				    "Authorization: Bearer s3cr3t\r\n",
				    "Authorization: Basic " TOKEN "\r\n",
				    "Authorization: " TOKEN "\r\n"};
	struct harness_response r;
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		parse_with(bad[i], &r);
		harness_assert_problem(&r, 401, "unauthorized");
		cr_assert_str_eq(harness_header(&r, "WWW-Authenticate"),
				 "Bearer realm=\"meetingd\"");
		cr_assert_null(strstr(r.body, TOKEN), "the token is never echoed");
		harness_response_free(&r);
	}
}

Test(http_auth, right_token_is_accepted)
{
	struct harness_response r;

	parse_with("Authorization: Bearer " TOKEN "\r\n", &r);
	cr_assert_eq(r.status, 200, "body: %s", r.body);
	harness_response_free(&r);
	parse_with("Authorization: bearer " TOKEN "\r\n", &r); /* the scheme is case-insensitive */
	cr_assert_eq(r.status, 200, "body: %s", r.body);
	harness_response_free(&r);
	harness_request(&srv, "POST", "/v1/parse/batch",
			"Content-Type: application/x-ndjson\r\nAuthorization: Bearer " TOKEN "\r\n",
			"{\"text\":\"Sáng 5.4, hội nghị.\"}\n",
			strlen("{\"text\":\"Sáng 5.4, hội nghị.\"}\n"), &r);
	cr_assert_eq(r.status, 200);
	harness_response_free(&r);
}

Test(http_auth, unknown_v1_path_needs_the_token_first)
{
	struct harness_response r;

	harness_request(&srv, "GET", "/v1/other", NULL, NULL, 0, &r);
	harness_assert_problem(&r, 401, "unauthorized");
	harness_response_free(&r);
	harness_request(&srv, "GET", "/v1/other", "Authorization: Bearer " TOKEN "\r\n", NULL, 0,
			&r);
	harness_assert_problem(&r, 404, "not-found");
	harness_response_free(&r);
}

Test(http_auth, probes_and_preflight_need_no_token)
{
	static const char *paths[] = {"/healthz", "/readyz", "/metrics", "/version",
				      "/openapi.yaml"};
	struct harness_response r;
	size_t i;

	for (i = 0; i < sizeof paths / sizeof paths[0]; i++) {
		harness_request(&srv, "GET", paths[i], NULL, NULL, 0, &r);
		cr_assert_eq(r.status, 200, "%s: %d", paths[i], r.status);
		harness_response_free(&r);
	}
	harness_request(&srv, "OPTIONS", "/v1/parse",
			"Origin: https://app.example\r\nAccess-Control-Request-Method: POST\r\n"
			"Access-Control-Request-Headers: authorization\r\n",
			NULL, 0, &r);
	cr_assert_eq(r.status, 204);
	harness_response_free(&r);
}

Test(http_auth, token_never_logged)
{
	struct harness_response r;
	char *out, *err;

	parse_with("Authorization: Bearer " TOKEN "\r\n", &r);
	harness_response_free(&r);
	parse_with("Authorization: Bearer wrong\r\n", &r);
	harness_response_free(&r);
	out = harness_wait_file(srv.out_path, "\"status\":401", 5);
	err = harness_read_file(srv.err_path);
	cr_assert(out && strstr(out, "\"status\":200") && strstr(out, "\"status\":401"), "%s", out);
	cr_assert_null(strstr(out, TOKEN), "token in the access log");
	cr_assert(err && strstr(err, "auth-token=(set)"), "config line: %s", err);
	cr_assert_null(strstr(err, TOKEN), "token on stderr");
	free(out);
	free(err);
}

Test(http_auth, token_from_environment)
{
	struct harness_server e;
	static const char *const env[] = {"MEETINGD_AUTH_TOKEN=from-env", NULL};
	struct harness_response r;

	harness_start_env(&e, NULL, env);
	harness_request(&e, "POST", "/v1/parse", "Content-Type: text/plain\r\n", "Sáng 5.4.",
			strlen("Sáng 5.4."), &r);
	harness_assert_problem(&r, 401, "unauthorized");
	harness_response_free(&r);
	harness_request(&e, "POST", "/v1/parse",
			"Content-Type: text/plain\r\nAuthorization: Bearer from-env\r\n",
			"Sáng 5.4.", strlen("Sáng 5.4."), &r);
	cr_assert_eq(r.status, 200);
	harness_response_free(&r);
	harness_stop_ok(&e);
}
