/* Replays every input the fuzzers ever had to report (fuzz/regressions/
 * <target>/) and every seed (fuzz/corpus/<target>/) through the code each
 * target fuzzes, with the properties the targets check: the model and the
 * recognisers in-process, the JSON decoder and the NDJSON splitter through
 * the real server. A fixed crash stays fixed; a seed that stops parsing
 * shows up here before it weakens the fuzzing. Run from the repository
 * root (tests/run.sh does). */
#include <criterion/criterion.h>
#include <criterion/logging.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "model/dates/dates.h"
#include "model/model.h"
#include "model/tag/tag.h"
#include "model/text/nfc.h"
#include "tests/http/harness.h"
#include "tests/unit/doc_fixture.h"

TestSuite(fuzz_regressions, .timeout = 300);

struct input {
	char path[512];
	char *data;
	size_t len;
};

/* Inputs of one target from both folders, sorted by path; returns the
 * count. The regressions folder may not exist yet for a target. */
static size_t load(const char *target, struct input **out)
{
	static const char *const roots[] = {"fuzz/regressions", "fuzz/corpus"};
	struct input *v = NULL;
	size_t n = 0, r;

	for (r = 0; r < 2; r++) {
		char dir[256];
		struct dirent **names;
		int k, i;

		snprintf(dir, sizeof dir, "%s/%s", roots[r], target);
		k = scandir(dir, &names, NULL, alphasort);
		if (k < 0) {
			cr_assert(r == 0, "%s is missing (run from the repository root)", dir);
			continue;
		}
		for (i = 0; i < k; i++) {
			struct stat st;
			struct input *in;
			FILE *f;
			if (names[i]->d_name[0] == '.') {
				free(names[i]);
				continue;
			}
			v = realloc(v, (n + 1) * sizeof *v);
			cr_assert_not_null(v);
			in = &v[n];
			snprintf(in->path, sizeof in->path, "%s/%s", dir, names[i]->d_name);
			free(names[i]);
			if (stat(in->path, &st) || !S_ISREG(st.st_mode))
				continue;
			f = fopen(in->path, "rb");
			cr_assert_not_null(f, "%s", in->path);
			in->len = (size_t)st.st_size;
			in->data = malloc(in->len + 1);
			cr_assert_not_null(in->data);
			cr_assert_eq(fread(in->data, 1, in->len, f), in->len, "%s", in->path);
			in->data[in->len] = '\0';
			fclose(f);
			n++;
		}
		free(names);
	}
	*out = v;
	return n;
}

static void release(struct input *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].data);
	free(v);
}

/* ---- in-process targets ---- */

static void spans_in_text(const json_t *v, const char *text, size_t len, const char *path)
{
	if (json_is_object(v)) {
		json_t *t = json_object_get(v, "text"), *s = json_object_get(v, "start"),
		       *e = json_object_get(v, "end"), *x;
		const char *k;
		if (json_is_integer(s) && json_is_integer(e)) {
			json_int_t a = json_integer_value(s), z = json_integer_value(e);
			cr_assert(a >= 0 && a <= z && (size_t)z <= len, "%s: span %lld..%lld", path,
				  (long long)a, (long long)z);
			if (json_is_string(t))
				cr_assert(
				    json_string_length(t) == (size_t)(z - a) &&
					!memcmp(text + a, json_string_value(t), (size_t)(z - a)),
				    "%s: span %lld..%lld is not \"%s\"", path, (long long)a,
				    (long long)z, json_string_value(t));
		}
		json_object_foreach((json_t *)v, k, x) spans_in_text(x, text, len, path);
	} else if (json_is_array(v)) {
		size_t i;
		json_t *x;
		json_array_foreach(v, i, x) spans_in_text(x, text, len, path);
	}
}

Test(fuzz_regressions, model)
{
	struct input *v;
	size_t n = load("model", &v), i;

	cr_assert_gt(n, 0, "no inputs for the model target");
	for (i = 0; i < n; i++) {
		/* the target's options come from the first byte; bytes are
		 * asked for here so that spans compare directly */
		struct model_options o = {.unit = MODEL_OFFSET_BYTE, .include_text = 1};
		struct model_error e;
		json_t *r;
		int nul;
		if (v[i].len)
			o.explain = (v[i].data[0] >> 2) & 1;
		if (v[i].len && (v[i].data[0] & 0x80))
			o.published_at = "2022-03-14T09:00:00+07:00";
		r = model_parse(v[i].data, v[i].len, &o, &e);
		if (!r) {
			cr_assert(e.code == MODEL_E_UTF8 || e.code == MODEL_E_EMPTY, "%s: error %s",
				  v[i].path, model_errcode_name(e.code));
			if (e.code == MODEL_E_UTF8)
				cr_assert_eq(e.offset, text_utf8_check(v[i].data, v[i].len, &nul),
					     "%s", v[i].path);
			continue;
		}
		spans_in_text(r, json_string_value(json_object_get(r, "text")),
			      json_string_length(json_object_get(r, "text")), v[i].path);
		json_decref(r);
	}
	release(v, n);
}

/* The NFC text model_parse() hands the recognisers, or NULL. */
static char *nfc_text(const struct input *in, size_t *len)
{
	int nul;

	if (text_utf8_check(in->data, in->len, &nul) != in->len)
		return NULL;
	return text_nfc(in->data, in->len, len);
}

static void span_ok(const char *path, const char *text, size_t len, span_t s)
{
	cr_assert(s.start < s.end && s.end <= len, "%s: span %u..%u of %zu", path, s.start, s.end,
		  len);
	cr_assert(((unsigned char)text[s.start] & 0xC0) != 0x80 &&
		      (s.end == len || ((unsigned char)text[s.end] & 0xC0) != 0x80),
		  "%s: span %u..%u cuts a character", path, s.start, s.end);
}

Test(fuzz_regressions, dates)
{
	struct input *v;
	size_t n = load("dates", &v), i, k, len;

	cr_assert_gt(n, 0);
	for (i = 0; i < n; i++) {
		date_list_t dl = {0};
		term_list_t tl = {0};
		arena_t ar = {0};
		text_t tx;
		char *text = nfc_text(&v[i], &len);
		if (!text)
			continue;
		cr_assert(text_scan(&tx, text, len, &ar, NULL) == 0 && tag_text(&tx) == 0);
		cr_assert_eq(dates_find(&tx, &dl), 0);
		for (k = 0; k < dl.n; k++) {
			span_ok(v[i].path, text, len, dl.v[k].span);
			cr_assert(dl.v[k].month >= 0 && dl.v[k].month <= 12 && dl.v[k].day >= 0 &&
				      dl.v[k].day <= 31,
				  "%s: %d-%d", v[i].path, dl.v[k].month, dl.v[k].day);
			if (k)
				cr_assert(dl.v[k - 1].span.end <= dl.v[k].span.start,
					  "%s: dates overlap", v[i].path);
		}
		cr_assert_eq(dates_find_terms(&tx, &tl), 0);
		for (k = 0; k < tl.n; k++)
			span_ok(v[i].path, text, len, tl.v[k].span);
		text_free(&tx);
		arena_free(&ar);
		free(text);
	}
	release(v, n);
}

Test(fuzz_regressions, documents)
{
	struct input *v;
	size_t n = load("documents", &v), i, k, len;

	cr_assert_gt(n, 0);
	for (i = 0; i < n; i++) {
		doc_list_t dl = {0};
		doc_fixture_t fx;
		char *text = nfc_text(&v[i], &len);
		if (!text)
			continue;
		cr_assert_eq(doc_fixture_find(&fx, text, len, &dl), 0);
		for (k = 0; k < dl.n; k++) {
			span_ok(v[i].path, text, len, dl.v[k].span);
			cr_assert(dl.v[k].same_as >= 0 && (size_t)dl.v[k].same_as <= k,
				  "%s: citation %zu same as %d", v[i].path, k, dl.v[k].same_as);
		}
		documents_list_free(&dl);
		doc_fixture_free(&fx);
		free(text);
	}
	release(v, n);
}

/* ---- through the server: the decoder and the splitter live there ---- */

static struct harness_server srv;

static void http_up(void)
{
	harness_start(&srv, NULL);
}

static void http_down(void)
{
	harness_stop_ok(&srv);
}

static long non_empty_lines(const char *s, size_t len)
{
	long count = 0;
	size_t pos = 0;

	while (pos < len) {
		const char *nl = memchr(s + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - s) : len, i;
		for (i = pos; i < end; i++)
			if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r') {
				count++;
				break;
			}
		pos = end + 1;
	}
	return count;
}

Test(fuzz_regressions, json_through_the_server, .init = http_up, .fini = http_down)
{
	struct input *v;
	size_t n = load("json", &v), i;

	cr_assert_gt(n, 0);
	for (i = 0; i < n; i++) {
		struct harness_response r;
		harness_request(&srv, "POST", "/v1/parse", "Content-Type: application/json\r\n",
				v[i].data, v[i].len, &r);
		cr_assert(r.status == 200 || r.status == 400 || r.status == 422,
			  "%s: status %d: %s", v[i].path, r.status, r.body);
		if (r.status != 200)
			harness_assert_problem(
			    &r, r.status,
			    strrchr(json_string_value(json_object_get(r.json, "type")), '/') + 1);
		harness_response_free(&r);
	}
	release(v, n);
}

Test(fuzz_regressions, batch_through_the_server, .init = http_up, .fini = http_down)
{
	struct input *v;
	size_t n = load("batch", &v), i;

	cr_assert_gt(n, 0);
	for (i = 0; i < n; i++) {
		struct harness_response r;
		long lines = non_empty_lines(v[i].data, v[i].len), answers = 0;
		const char *p;
		harness_request(&srv, "POST", "/v1/parse/batch",
				"Content-Type: application/x-ndjson\r\n", v[i].data, v[i].len, &r);
		if (lines > 1000) { /* the server's --max-batch-lines */
			harness_assert_problem(&r, 413, "batch-too-large");
			harness_response_free(&r);
			continue;
		}
		cr_assert_eq(r.status, 200, "%s: status %d: %s", v[i].path, r.status, r.body);
		for (p = r.body; (p = strchr(p, '\n')); p++)
			answers++;
		cr_assert_eq(answers, lines, "%s: %ld answers to %ld lines", v[i].path, answers,
			     lines);
		harness_response_free(&r);
	}
	release(v, n);
}
