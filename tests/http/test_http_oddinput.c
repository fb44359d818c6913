/* Odd but valid input against the real server: the same article written
 * differently (BOM, NFD, CRLF, CR, tabs, NBSP) gives the same model, and the
 * big and pathological ones (1 MiB, 100,000 lines, 10,000 quotes or dates,
 * 1,000 parentheses) are answered in time; the server must still answer
 * afterwards. Input refused with a problem is in test_http_badinput.c. */
#include <criterion/criterion.h>
#include <criterion/logging.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "tests/http/badinput.h"
#include "tests/http/harness.h"

TestSuite(http_oddinput, .init = up, .fini = down, .timeout = 300);

/* ---- the same article written differently gives the same model ---- */

/* s with every `from` replaced by `to` (malloc'ed, length in *len). */
static char *replace_all(const char *s, const char *from, const char *to, size_t *len)
{
	size_t fl = strlen(from), tl = strlen(to), cap = strlen(s) * (tl > fl ? tl : 1) + 8, n = 0;
	char *out = malloc(cap);
	const char *q;

	cr_assert_not_null(out);
	while ((q = strstr(s, from))) {
		memcpy(out + n, s, (size_t)(q - s));
		n += (size_t)(q - s);
		memcpy(out + n, to, tl);
		n += tl;
		s = q + fl;
	}
	strcpy(out + n, s);
	n += strlen(s);
	*len = n;
	return out;
}

static json_t *parsed(const char *name, const char *body, size_t len)
{
	struct harness_response r;
	json_t *j;

	harness_request(&srv, "POST", "/v1/parse", TEXT, body, len, &r);
	cr_assert_eq(r.status, 200, "%s: %d %s", name, r.status, r.body);
	j = json_incref(r.json);
	harness_response_free(&r);
	return j;
}

/* names and kinds, not offsets or how text was spaced */
static char *understood(const json_t *j)
{
	static const char *const lists[][2] = {{"people", "name"},
					       {"organizations", "name"},
					       {"meetings", "kind"},
					       {"meetings", "date"},
					       {"documents", "symbol"}};
	json_t *s = json_array(), *x;
	size_t i, k;
	char *out;

	for (k = 0; k < sizeof lists / sizeof lists[0]; k++) {
		x = json_object_get(j, lists[k][0]);
		for (i = 0; i < json_array_size(x); i++)
			json_array_append(s, json_object_get(json_array_get(x, i), lists[k][1]));
	}
	out = json_dumps(s, JSON_COMPACT);
	json_decref(s);
	return out;
}

static int warned(const json_t *j, const char *code)
{
	const json_t *w = json_object_get(j, "warnings");
	size_t i;

	for (i = 0; i < json_array_size(w); i++)
		if (!strcmp(json_string_value(json_object_get(json_array_get(w, i), "code")), code))
			return 1;
	return 0;
}

Test(http_oddinput, bom_nfd_line_ends_and_spaces)
{
	json_t *ref = parsed("plain", harness_article, strlen(harness_article)), *j;
	char *want = understood(ref), *got, *v;
	utf8proc_uint8_t *nfd = NULL;
	utf8proc_ssize_t nn;
	size_t n;
	static const char *const forms[][3] = {
	    {"CRLF line ends", "\n", "\r\n"},
	    {"CR-only line ends", "\n", "\r"},
	    {"tabs for spaces", " ", "\t"},
	    {"no-break spaces for spaces", " ", "\xC2\xA0"},
	};

	cr_assert(strstr(want, "Nguyễn Văn Minh") && strstr(want, "14-NQ/TU"), "%s", want);

	/* a BOM is dropped, with a warning */
	n = strlen(harness_article) + 3;
	v = malloc(n + 1);
	cr_assert_not_null(v);
	memcpy(v, "\xEF\xBB\xBF", 3);
	strcpy(v + 3, harness_article);
	j = parsed("BOM", v, n);
	got = understood(j);
	cr_assert_str_eq(got, want, "BOM");
	cr_assert(warned(j, "encoding_repaired"), "no warning for the BOM");
	free(got);
	free(v);
	json_decref(j);

	/* NFD: the very same answer, offsets included, plus a warning */
	nn = utf8proc_map((const utf8proc_uint8_t *)harness_article, 0, &nfd,
			  UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_DECOMPOSE);
	cr_assert(nn > (utf8proc_ssize_t)strlen(harness_article));
	j = parsed("NFD", (const char *)nfd, (size_t)nn);
	cr_assert(warned(j, "normalized"), "no warning for NFD");
	json_object_del(j, "warnings");
	json_object_del(ref, "warnings");
	cr_assert(json_equal(j, ref), "NFD and NFC give different results");
	json_decref(j);
	free(nfd);

	for (size_t k = 0; k < sizeof forms / sizeof forms[0]; k++) {
		v = replace_all(harness_article, forms[k][1], forms[k][2], &n);
		j = parsed(forms[k][0], v, n);
		got = understood(j);
		cr_assert_str_eq(got, want, "%s", forms[k][0]);
		free(got);
		free(v);
		json_decref(j);
	}
	free(want);
	json_decref(ref);
	alive("variants");
}

/* ---- big and pathological articles ---- */

/* Bodies up to the 1 MiB limit, answered in time; under a checker (make
 * valgrind) the answer may take minutes and only correctness counts. */
static void big(const char *name, const char *body, size_t len, double bound)
{
	struct harness_response r;
	const char *wrap = getenv("MEETINGD_WRAP");
	double t = now_s();

	cr_assert(len <= 1024 * 1024, "%s: %zu bytes is over the server's limit", name, len);
	post_patient("/v1/parse", TEXT, body, len, &r);
	t = now_s() - t;
	cr_assert_eq(r.status, 200, "%s: %d %.300s", name, r.status, r.body);
	cr_assert_str_eq(json_string_value(json_object_get(r.json, "version")), "1.0");
	cr_log_info("%-40s %8zu bytes in, %9zu out, %.3f s", name, len, r.body_len, t);
	if (!wrap || !*wrap)
		cr_assert(t < bound, "%s: answered after %.2f s", name, t);
	harness_response_free(&r);
	alive(name);
}

struct text {
	char *p;
	size_t n, cap;
};

static void add(struct text *t, const char *s)
{
	size_t k = strlen(s);

	if (t->n + k + 1 > t->cap) {
		t->cap = (t->n + k + 1) * 2;
		t->p = realloc(t->p, t->cap);
		cr_assert_not_null(t->p);
	}
	memcpy(t->p + t->n, s, k + 1);
	t->n += k;
}

Test(http_oddinput, one_mebibyte_of_one_sentence)
{
	static const char s[] = "Sáng 5.4, đồng chí Lê Văn Hai, Chủ tịch UBND tỉnh chủ trì hội "
				"nghị bàn về Kế hoạch số 12-KH/UBND. ";
	struct text t = {0};

	while (t.n + sizeof s - 1 <= 1024 * 1024)
		add(&t, s);
	big("1 MiB of one repeated sentence", t.p, t.n, 15);
	free(t.p);
}

Test(http_oddinput, hundred_thousand_lines)
{
	struct text t = {0};
	char line[32];

	for (int i = 0; i < 100000; i++) {
		snprintf(line, sizeof line, "Họp %d\n", i % 1000);
		add(&t, line);
	}
	big("100,000 lines", t.p, t.n, 15);
	free(t.p);
}

Test(http_oddinput, quotes_dates_and_parentheses)
{
	struct text t = {0};
	char w[64];
	int i;

	add(&t, "Đồng chí Bí thư nhấn mạnh ");
	for (i = 0; i < 5000; i++) {
		snprintf(w, sizeof w, "“việc %d” ", i);
		add(&t, w);
	}
	big("10,000 balanced quotation marks", t.p, t.n, 5);
	t.n = 0;
	add(&t, "Đồng chí Bí thư nhấn mạnh ");
	for (i = 0; i < 10000; i++)
		add(&t, i % 2 ? "“ý kiến " : "\" cần ");
	big("10,000 unbalanced quotation marks", t.p, t.n, 5);
	t.n = 0;
	add(&t, "Hội nghị họp các ngày ");
	for (i = 0; i < 10000; i++) {
		snprintf(w, sizeof w, "%d/%d/%d, ", i % 31 + 1, i % 12 + 1, 2000 + i % 30);
		add(&t, w);
	}
	big("10,000 date-like tokens", t.p, t.n, 5);
	t.n = 0;
	add(&t, "Sáng 5.4, Ban Thường vụ Tỉnh ủy ");
	for (i = 0; i < 1000; i++)
		add(&t, "(");
	add(&t, "khóa XV");
	for (i = 0; i < 1000; i++)
		add(&t, ")");
	add(&t, " họp.");
	big("1,000-deep parentheses", t.p, t.n, 5);
	free(t.p);
}
