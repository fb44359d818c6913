/* Archive mode of `meetingd parse` (the real binary): many files and
 * folders with bad inputs among them, results identical to single-file
 * runs, the NDJSON path identical to the server's batch output, input
 * format wiring, the walk's rules and the usage errors. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tests/cli/cli_util.h"
#include "tests/http/harness.h"

TestSuite(cli_archive, .timeout = 120);
TestSuite(cli_options, .timeout = 30);

#define PROBLEMS HARNESS_PROBLEM_BASE

/* Split NDJSON into parsed lines (each must be a JSON object). */
static json_t **ndjson_lines(const char *out, int *n)
{
	int cap = cli_test_lines(out) + 1, k = 0;
	json_t **v = calloc((size_t)cap, sizeof *v);
	const char *p = out;

	cr_assert_not_null(v);
	while (*p) {
		const char *nl = strchr(p, '\n');
		json_error_t e;
		cr_assert_not_null(nl, "the last line has no newline");
		v[k] = json_loadb(p, (size_t)(nl - p), 0, &e);
		cr_assert(json_is_object(v[k]), "line %d is not a JSON object: %s", k + 1, e.text);
		k++;
		p = nl + 1;
	}
	*n = k;
	return v;
}

static void free_lines(json_t **v, int n)
{
	int i;

	for (i = 0; i < n; i++)
		json_decref(v[i]);
	free(v);
}

static const char *sget(const json_t *o, const char *k)
{
	return json_string_value(json_object_get(o, k));
}

/* A problem line: the RFC 9457 members, the file's id and source. */
static void assert_problem(const json_t *l, int id, const char *source, const char *slug,
			   int status)
{
	char type[128];

	snprintf(type, sizeof type, "%s%s", PROBLEMS, slug);
	cr_assert_eq(json_integer_value(json_object_get(l, "id")), id);
	cr_assert_str_eq(sget(l, "source"), source);
	cr_assert_str_eq(sget(l, "type"), type);
	cr_assert_eq(json_integer_value(json_object_get(l, "status")), status);
	cr_assert(sget(l, "title") && *sget(l, "title"));
	cr_assert(sget(l, "detail") && *sget(l, "detail"));
	cr_assert(sget(l, "instance") && *sget(l, "instance"));
	cr_assert_null(json_object_get(l, "meetings"));
}

Test(cli_archive, many_files_with_bad_ones)
{
	char dir[64], *sub, *missing, *out, *err;
	char *want[12];
	int count, n, i, rc;
	char **own = cli_test_own_articles(&count);
	json_t **lines;

	cli_test_tmpdir(dir, sizeof dir);
	sub = cli_test_path(dir, "b");
	cr_assert_eq(mkdir(sub, 0755), 0);
	/* the walk order is byte order of the names, folders where they sort */
	for (i = 0; i < 4; i++) {
		char name[32], *src;
		size_t len;
		snprintf(name, sizeof name, "a%d.txt", i);
		src = cli_test_slurp(own[i], &len);
		want[i] = cli_test_write(dir, name, src, len);
		free(src);
	}
	want[4] = cli_test_write(dir, "b/empty.txt", " \n\n ", 4);
	want[5] = cli_test_write(dir, "b/latin1.txt", "S\xe1ng 5/3", 8);
	{
		size_t len;
		char *src = cli_test_slurp(own[4], &len);
		want[6] = cli_test_write(dir, "c.TXT", src, len);
		free(src);
	}
	free(cli_test_write(dir, "notes.md", "not an article", 14));
	free(cli_test_write(dir, ".hidden.txt", "Sáng 5/3", 9));
	missing = cli_test_path(dir, "missing.txt");
	{
		const char *argv[] = {"parse", "-j", "3", dir, missing, NULL};
		rc = harness_run(argv, NULL, 0, &out, NULL, &err, NULL);
	}
	cr_assert_eq(rc, 1, "some inputs failed: exit 1 (got %d); stderr: %s", rc, err);
	lines = ndjson_lines(out, &n);
	cr_assert_eq(n, 8, "one line per input: %s", out);
	for (i = 0; i < 7; i++)
		cr_assert_str_eq(sget(lines[i], "source"), want[i], "line %d", i + 1);
	for (i = 0; i < 8; i++)
		cr_assert_eq(json_integer_value(json_object_get(lines[i], "id")), i + 1);
	for (i = 0; i < 4; i++)
		cr_assert(json_is_array(json_object_get(lines[i], "meetings")));
	cr_assert(json_is_array(json_object_get(lines[6], "meetings")));
	assert_problem(lines[4], 5, want[4], "empty-article", 422);
	assert_problem(lines[5], 6, want[5], "invalid-utf8", 400);
	assert_problem(lines[7], 8, missing, "unreadable-file", 400);
	cr_assert(strstr(sget(lines[7], "detail"), "No such file"));
	/* one run, one instance */
	cr_assert_str_eq(sget(lines[4], "instance"), sget(lines[7], "instance"));
	/* stderr: each failure named, then the summary */
	cr_assert(strstr(err, want[4]) && strstr(err, want[5]) && strstr(err, missing), "%s", err);
	cr_assert(strstr(err, "meetingd: 8 files: 5 parsed, 3 failed"), "summary: %s", err);
	cr_assert(!strchr(err, '\r') && !strstr(err, "ETA"), "no progress off a terminal: %s", err);
	free_lines(lines, n);
	free(out);
	free(err);

	/* --unordered: the same lines, in any order */
	{
		const char *argv[] = {"parse", "--unordered", "-j", "2", dir, missing, NULL};
		char *out2, *err2;
		json_t **l2;
		int n2, seen = 0;
		rc = harness_run(argv, NULL, 0, &out2, NULL, &err2, NULL);
		cr_assert_eq(rc, 1);
		l2 = ndjson_lines(out2, &n2);
		cr_assert_eq(n2, 8);
		for (i = 0; i < n2; i++) {
			json_int_t id = json_integer_value(json_object_get(l2[i], "id"));
			cr_assert(id >= 1 && id <= 8);
			seen |= 1 << id;
			if (id <= 7)
				cr_assert_str_eq(sget(l2[i], "source"), want[id - 1]);
		}
		cr_assert_eq(seen, 0x1fe, "every id once");
		free_lines(l2, n2);
		free(out2);
		free(err2);
	}
	/* all good: exit 0 */
	{
		const char *argv[] = {"parse", want[0], want[1], NULL};
		rc = harness_run(argv, NULL, 0, &out, NULL, &err, NULL);
		cr_assert_eq(rc, 0, "%s", err);
		cr_assert_eq(cli_test_lines(out), 2);
		cr_assert(strstr(err, "2 files: 2 parsed, 0 failed"), "%s", err);
		free(out);
		free(err);
	}
	for (i = 0; i < 7; i++)
		free(want[i]);
	free(missing);
	free(sub);
	cli_test_free_list(own);
	cli_test_rmdir(dir);
}

/* Every article of the project: the line of the many-files run is the
 * single-file output with "id" and "source" put first, byte for byte. */
Test(cli_archive, identical_to_single_file_runs)
{
	int count, i;
	char **own = cli_test_own_articles(&count);
	const char **argv = calloc((size_t)count + 4, sizeof *argv);
	char *out, *err, *p;
	int rc;

	cr_assert_geq(count, 20);
	argv[0] = "parse";
	argv[1] = "--format";
	argv[2] = "ndjson";
	for (i = 0; i < count; i++)
		argv[3 + i] = own[i];
	rc = harness_run(argv, NULL, 0, &out, NULL, &err, NULL);
	cr_assert_eq(rc, 0, "%s", err);
	p = out;
	for (i = 0; i < count; i++) {
		const char *single_argv[] = {"parse", own[i], NULL};
		char *one, *e1, lead[512];
		char *nl = strchr(p, '\n');
		size_t ln;
		cr_assert_not_null(nl);
		cr_assert_eq(harness_run(single_argv, NULL, 0, &one, NULL, &e1, NULL), 0, "%s", e1);
		ln = (size_t)snprintf(lead, sizeof lead, "{\"id\":%d,\"source\":\"%s\",", i + 1,
				      own[i]);
		cr_assert(!strncmp(p, lead, ln), "line %d starts with %.80s", i + 1, p);
		cr_assert_eq(strlen(one), (size_t)(nl - p) + 1 - ln + 1, "%s: length differs",
			     own[i]);
		cr_assert(one[0] == '{' && !strncmp(one + 1, p + ln, (size_t)(nl + 1 - (p + ln))),
			  "%s: the result differs from meetingd parse FILE", own[i]);
		p = nl + 1;
		free(one);
		free(e1);
	}
	cr_assert_eq(*p, '\0');
	free(out);
	free(err);
	free(argv);
	cli_test_free_list(own);
}

/* The server's batch answer and `parse --ndjson -` for the same lines,
 * the same query options and the same instance: identical bytes. */
Test(cli_archive, ndjson_matches_server_batch)
{
	struct harness_server s;
	struct harness_response r;
	int count, i, rc;
	char **own = cli_test_own_articles(&count);
	json_t *line;
	char *body = NULL, *out, *err, *dumped;
	size_t len = 0, cap = 0;
	static const char *const bad =
	    "\n{\"text\": 5, \"id\": 3}\n{not json\n{\"text\":\"  \"}\r\n   \n"
	    "{\"text\":\"x\",\"id\":[1]}\n\"a string\"\n"
	    "{\"text\":\"S\\u00e1ng 5/3, \\u0111\\u1ed3ng ch\\u00ed Nguy\\u1ec5n V\\u0103n An "
	    "ch\\u1ee7 "
	    "tr\\u00ec h\\u1ed9i ngh\\u1ecb.\",\"published_at\":\"yesterday\",\"id\":\"q\"}\n"
	    "{\"text\":\"Chi\\u1ec1u 7/5, H\\u1ed9i "
	    "ngh\\u1ecb\",\"published_at\":\"2024-05-07\",\"id\":"
	    "-7}";
	static const char *const argv[] = {"parse",	  "--ndjson",  "--run-id",
					   "cli-batch-1", "--offsets", "utf16",
					   "--explain",	  "-",	       NULL};

	for (i = 0; i < count && i < 12; i++) {
		char *text = cli_test_slurp(own[i], NULL);
		line = json_pack("{s:s, s:o}", "text", text, "id",
				 i % 2 ? json_integer(i) : json_sprintf("a-%d", i));
		cr_assert_not_null(line);
		if (i == 3)
			json_object_set_new(line, "published_at", json_string("2024-01-02"));
		dumped = json_dumps(line, JSON_COMPACT);
		if (len + strlen(dumped) + 2 > cap) {
			cap = (len + strlen(dumped) + 2) * 2;
			body = realloc(body, cap);
		}
		memcpy(body + len, dumped, strlen(dumped));
		len += strlen(dumped);
		body[len++] = '\n';
		free(dumped);
		free(text);
		json_decref(line);
	}
	body = realloc(body, len + strlen(bad) + 1);
	memcpy(body + len, bad, strlen(bad) + 1);
	len += strlen(bad);

	harness_start(&s, NULL);
	harness_request(&s, "POST", "/v1/parse/batch?offsets=utf16&explain=1",
			"Content-Type: application/x-ndjson\r\nX-Request-Id: cli-batch-1\r\n", body,
			len, &r);
	cr_assert_eq(r.status, 200);
	rc = harness_run(argv, body, len, &out, NULL, &err, NULL);
	cr_assert_eq(rc, 1, "bad lines make exit 1: %d %s", rc, err);
	cr_assert_eq(cli_test_lines(r.body), 12 + 7);
	cr_assert_str_eq(out, r.body, "the CLI's lines differ from the server's");
	cr_assert(strstr(err, "19 lines: 13 parsed, 6 failed"), "%s", err);
	cr_assert(strstr(err, "<stdin>:14:"), "a failed line is named by its number: %s", err);
	harness_response_free(&r);
	harness_stop_ok(&s);
	free(out);
	free(err);
	free(body);
	cli_test_free_list(own);
}

/* .html/.htm names and content starting with '<' are read as web pages
 * (MODEL_INPUT_HTML): until the HTML path exists the model refuses them
 * with MODEL_E_FORMAT, which is what shows the wiring. Written so that it
 * still holds once HTML parses: auto on a page behaves exactly as --format
 * html, and differently from --format text. */
Test(cli_archive, html_inputs_are_read_as_html)
{
	char dir[64], *page, *sniffed, *plain, *out[3], *err[3];
	static const char html[] = "<!DOCTYPE html><html><head><title>Hội nghị</title></head>"
				   "<body><p>Sáng 5/3, đồng chí Nguyễn Văn An, Bí thư Huyện ủy "
				   "chủ trì hội nghị.</p></body></html>\n";
	int rc[3], i;

	cli_test_tmpdir(dir, sizeof dir);
	page = cli_test_write(dir, "page.htm", html, strlen(html));
	sniffed = cli_test_write(dir, "saved.txt", html, strlen(html));
	plain = cli_test_write(dir, "plain.txt", harness_article, strlen(harness_article));
	for (i = 0; i < 2; i++) {
		const char *file = i ? sniffed : page;
		const char *a_auto[] = {"parse", file, NULL};
		const char *a_html[] = {"parse", "--format", "html", file, NULL};
		const char *a_text[] = {"parse", "--input-format", "text", file, NULL};
		int k;
		rc[0] = harness_run(a_auto, NULL, 0, &out[0], NULL, &err[0], NULL);
		rc[1] = harness_run(a_html, NULL, 0, &out[1], NULL, &err[1], NULL);
		rc[2] = harness_run(a_text, NULL, 0, &out[2], NULL, &err[2], NULL);
		cr_assert_eq(rc[0], rc[1], "%s: auto and html differ", file);
		cr_assert_str_eq(out[0], out[1]);
		cr_assert_eq(rc[2], 0, "read as text it parses: %s", err[2]);
		cr_assert(rc[1] != 0 || strcmp(out[1], out[2]), "%s: html read as text", file);
		if (rc[1])
			cr_assert(strstr(err[1], "HTML"), "the model's reason: %s", err[1]);
		for (k = 0; k < 3; k++) {
			free(out[k]);
			free(err[k]);
		}
	}
	/* in archive mode a page the model refuses is one problem line and
	 * the run goes on; --format html forces even a .txt */
	{
		const char *argv[] = {"parse",	"--format", "html", "--format",
				      "ndjson", plain,	    NULL};
		const char *mixed[] = {"parse", page, plain, NULL};
		char *o, *e;
		int r = harness_run(mixed, NULL, 0, &o, NULL, &e, NULL);
		json_t **l;
		int n;
		l = ndjson_lines(o, &n);
		cr_assert_eq(n, 2);
		if (r == 1)
			assert_problem(l[0], 1, page, "unsupported-media-type", 415);
		cr_assert(json_is_array(json_object_get(l[1], "meetings")), "the run went on");
		free_lines(l, n);
		free(o);
		free(e);
		r = harness_run(argv, NULL, 0, &o, NULL, &e, NULL);
		l = ndjson_lines(o, &n);
		cr_assert_eq(n, 1);
		cr_assert(r == 0 || sget(l[0], "type"), "forced html: a problem or a result");
		if (r)
			cr_assert(strstr(sget(l[0], "detail"), "HTML"), "%s", o);
		free_lines(l, n);
		free(o);
		free(e);
	}
	free(page);
	free(sniffed);
	free(plain);
	cli_test_rmdir(dir);
}

/* Folders: names with '.' first are skipped, links to folders are not
 * followed (no loops), links to files are, and other extensions are left. */
Test(cli_archive, walk_rules)
{
	char dir[64], *d1, *d2, *target, *link, *loop, *out, *err, *f;
	int rc, n;
	json_t **l;

	cli_test_tmpdir(dir, sizeof dir);
	d1 = cli_test_path(dir, "x");
	d2 = cli_test_path(dir, ".git");
	cr_assert_eq(mkdir(d1, 0755), 0);
	cr_assert_eq(mkdir(d2, 0755), 0);
	target = cli_test_write(dir, "x/one.txt", harness_article, strlen(harness_article));
	free(cli_test_write(dir, ".git/two.txt", harness_article, strlen(harness_article)));
	free(cli_test_write(dir, "x/three.json", "{}", 2));
	link = cli_test_path(dir, "x/via-link.txt");
	loop = cli_test_path(dir, "x/loop");
	cr_assert_eq(symlink(target, link), 0);
	cr_assert_eq(symlink(dir, loop), 0);
	{
		const char *argv[] = {"parse", "-q", dir, NULL};
		rc = harness_run(argv, NULL, 0, &out, NULL, &err, NULL);
	}
	cr_assert_eq(rc, 0, "%s", err);
	cr_assert_str_eq(err, "", "--quiet: nothing on stderr");
	l = ndjson_lines(out, &n);
	cr_assert_eq(n, 2, "one.txt and the link to it: %s", out);
	cr_assert_str_eq(sget(l[0], "source"), target);
	cr_assert_str_eq(sget(l[1], "source"), link);
	f = json_dumps(json_object_get(l[0], "meetings"), 0);
	cr_assert(f && strlen(f) > 2);
	free(f);
	free_lines(l, n);
	free(out);
	free(err);
	free(d1);
	free(d2);
	free(target);
	free(link);
	free(loop);
	cli_test_rmdir(dir);
}

static void expect_usage(const char *const *argv, const char *needle)
{
	char *out, *err;
	int rc =
	    harness_run(argv, harness_article, strlen(harness_article), &out, NULL, &err, NULL);

	cr_assert_eq(rc, 2, "%s %s: exit %d (%s)", argv[1], argv[2] ? argv[2] : "", rc, err);
	cr_assert_str_eq(out, "");
	if (needle)
		cr_assert(strstr(err, needle), "stderr lacks '%s': %s", needle, err);
	free(out);
	free(err);
}

Test(cli_options, usage_errors)
{
	static const char *const a1[] = {"parse", "--format", "yaml", "-", NULL};
	static const char *const a2[] = {"parse", "--format", "json", "a", "b", NULL};
	static const char *const a3[] = {"parse", "--bom", "-", NULL};
	static const char *const a4[] = {"parse", "-j", "0", "a", NULL};
	static const char *const a5[] = {"parse", "--format", "csv", "--format", "tsv", "a", NULL};
	static const char *const a6[] = {"parse", "--format", "text", "--input-format",
					 "html",  "a",	      NULL};
	static const char *const a7[] = {"parse", "-", "-", NULL};
	static const char *const a8[] = {"parse", "--run-id", "a b", "a", NULL};
	static const char *const a9[] = {"parse", "--unordered=1", "a", NULL};
	static const char *const a10[] = {"parse", "--jobs", NULL};
	static const char *const a11[] = {"parse", "--ndjson", NULL};
	static const char *const a12[] = {"parse", "--published-at", "hôm qua", "a", "b", NULL};

	expect_usage(a1, "--format");
	expect_usage(a2, "ndjson");
	expect_usage(a3, "--bom");
	expect_usage(a4, "--jobs");
	expect_usage(a5, "two output formats");
	expect_usage(a6, "two input formats");
	expect_usage(a7, "twice");
	expect_usage(a8, "--run-id");
	expect_usage(a9, "no value");
	expect_usage(a10, "needs a value");
	expect_usage(a11, "needs a FILE");
	expect_usage(a12, "--published-at");
}

Test(cli_options, help_documents_archive_mode)
{
	static const char *const argv[] = {"parse", "--help", NULL};
	static const char *const main_help[] = {"--help", NULL};
	static const char *const flags[] = {"--ndjson",	       "--format",     "--input-format",
					    "--output-format", "csv",	       "tsv",
					    "--bom",	       "-o, --output", "--unordered",
					    "-j, --jobs",      "--progress",   "--quiet",
					    "--run-id",	       "Exit status",  "Examples",
					    "SIGINT",	       "ETA",	       NULL};
	char *out, *err;
	int i;

	cr_assert_eq(harness_run(argv, NULL, 0, &out, NULL, &err, NULL), 0);
	for (i = 0; flags[i]; i++)
		cr_assert(strstr(out, flags[i]), "parse --help lacks %s", flags[i]);
	free(out);
	free(err);
	cr_assert_eq(harness_run(main_help, NULL, 0, &out, NULL, &err, NULL), 0);
	cr_assert(strstr(out, "meetingd parse --help") && strstr(out, "FILE|DIR|-"), "%s", out);
	free(out);
	free(err);
}

/* --format takes input and output values on one flag, in any order, and
 * one FILE with an output format other than json is an archive run. */
Test(cli_options, format_flag_takes_both_kinds)
{
	static const char *const argv[] = {"parse", "--format", "csv", "--format=text", "-", NULL};
	char *out, *err;

	cr_assert_eq(
	    harness_run(argv, harness_article, strlen(harness_article), &out, NULL, &err, NULL), 0,
	    "%s", err);
	cr_assert(!strncmp(out, "source,id,meeting,title,", 24), "%s", out);
	cr_assert(strstr(out, "\r\n-,1,m1,"), "%s", out);
	cr_assert(strstr(err, "1 file: 1 parsed, 0 failed"), "%s", err);
	free(out);
	free(err);
}
