/* `meetingd parse --format csv|tsv`: the table read back by strict readers
 * (RFC 4180 for CSV; meetingd's escapes for TSV) and checked cell by cell
 * against the ParseResults of the same run in NDJSON. The inputs carry
 * commas, double quotes and a newline inside fields (a title, a file
 * name), a failed input and an article without a meeting. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/cli/cli_util.h"
#include "tests/http/harness.h"

TestSuite(cli_table, .timeout = 120);

static const char *const header[] = {
    "source",	   "id",     "meeting",	  "title",     "published_at", "date",
    "part_of_day", "kind",   "kind_text", "ordinal",   "body",	       "term",
    "location",	   "chairs", "attendees", "documents", "error",	       NULL};

/* Invented: a title with a comma and straight quotes, a place with commas. */
static const char quoted_article[] =
    "Hội nghị \"Chuyển đổi số, đô thị thông minh\" năm 2025\n"
    "\n"
    "Sáng 12/4, đồng chí Lê Văn Hòa, Phó Chủ tịch UBND tỉnh, Trưởng ban Chỉ đạo chủ trì hội "
    "nghị tại Hội trường A, số 5, đường Trần Phú. Dự hội nghị có đồng chí Phạm Thị Lan, "
    "Giám đốc Sở Thông tin và Truyền thông.\n"
    "\n"
    "Hội nghị triển khai Kế hoạch số 45/KH-UBND ngày 2/3/2025 của UBND tỉnh.\n";
static const char no_meeting[] = "Thông báo về thời tiết\n\nNgày 5/3, trời mưa to ở Hà Nội.\n";

static const char *sget(const json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));

	return s ? s : "";
}

/* The inputs: the fixtures above (one under a name holding , " and a
 * newline), an empty file, then every article of the project. */
static const char **inputs(char *dir, size_t cap, char ***own_out, int *n)
{
	int count, i, k = 0;
	char **own = cli_test_own_articles(&count);
	const char **v = calloc((size_t)count + 6, sizeof *v);

	cli_test_tmpdir(dir, cap);
	v[k++] = cli_test_write(dir, "quoted.txt", quoted_article, strlen(quoted_article));
	v[k++] = cli_test_write(dir, "we,\"ird\"\nname\tand\\back.txt", harness_article,
				strlen(harness_article));
	v[k++] = cli_test_write(dir, "empty.txt", "", 0);
	v[k++] = cli_test_write(dir, "nomeeting.txt", no_meeting, strlen(no_meeting));
	for (i = 0; i < count; i++)
		v[k++] = own[i];
	*own_out = own;
	*n = k;
	return v;
}

static char *run(const char *const *fixed, const char **in, int n, int want_rc)
{
	const char *argv[64];
	char *out, *err;
	int a = 0, i, rc;

	for (i = 0; fixed[i]; i++)
		argv[a++] = fixed[i];
	for (i = 0; i < n && a < 62; i++)
		argv[a++] = in[i];
	argv[a] = NULL;
	rc = harness_run(argv, NULL, 0, &out, NULL, &err, NULL);
	cr_assert_eq(rc, want_rc, "exit %d: %s", rc, err);
	free(err);
	return out;
}

static const json_t *person(const json_t *result, const char *id)
{
	size_t i;
	const json_t *p;

	json_array_foreach(json_object_get(result, "people"), i, p)
	{
		if (!strcmp(sget(p, "id"), id))
			return p;
	}
	return NULL;
}

/* The rows of one result must be what the ParseResult says. */
static int check_rows(const struct cli_test_table *t, int row, const json_t *res, const char *src,
		      int id)
{
	const json_t *ms = json_object_get(res, "meetings"), *m;
	const json_t *art = json_object_get(res, "article");
	char idtext[16], docs[2048] = "", num[32];
	size_t i, k;
	int rows = json_is_array(ms) && json_array_size(ms) ? (int)json_array_size(ms) : 1;
	const json_t *d;

	snprintf(idtext, sizeof idtext, "%d", id);
	json_array_foreach(json_object_get(res, "documents"), i, d)
	{
		if (i)
			strcat(docs, "; ");
		strcat(docs, sget(d, "symbol"));
	}
	for (k = 0; k < (size_t)rows; k++) {
		char **r = t->rows[row + (int)k];
		cr_assert_lt(row + (int)k, t->n, "rows missing for %s", src);
		cr_assert_str_eq(r[0], src);
		cr_assert_str_eq(r[1], idtext);
		if (json_object_get(res, "type")) { /* a failed input */
			cr_assert_str_eq(r[16], sget(res, "detail"));
			cr_assert_str_eq(r[2], "");
			continue;
		}
		cr_assert_str_eq(r[16], "", "%s: no error", src);
		cr_assert_str_eq(r[3], sget(json_object_get(art, "title"), "text"));
		cr_assert_str_eq(r[4], sget(art, "published_at"));
		cr_assert_str_eq(r[15], docs);
		m = json_array_get(ms, k);
		if (!m) {
			for (i = 2; i < 15; i++)
				if (i != 3 && i != 4)
					cr_assert_str_eq(r[i], "", "%s: no meeting, column %zu",
							 src, i);
			continue;
		}
		cr_assert_str_eq(r[2], sget(m, "id"));
		cr_assert_str_eq(r[5], *sget(m, "date") ? sget(m, "date") : sget(m, "month_day"));
		cr_assert_str_eq(r[6], sget(m, "part_of_day"));
		cr_assert_str_eq(r[7], sget(m, "kind"));
		cr_assert_str_eq(r[8], sget(m, "kind_text"));
		num[0] = '\0';
		if (json_is_integer(json_object_get(m, "ordinal")))
			snprintf(num, sizeof num, "%lld",
				 (long long)json_integer_value(json_object_get(m, "ordinal")));
		cr_assert_str_eq(r[9], num);
		cr_assert_str_eq(r[10], sget(json_object_get(m, "body"), "name"));
		cr_assert_str_eq(r[11], sget(m, "term"));
		cr_assert_str_eq(r[12], sget(m, "location"));
		snprintf(num, sizeof num, "%zu", json_array_size(json_object_get(m, "attendees")));
		cr_assert_str_eq(r[14], num);
		/* every chair by name, each followed by its positions */
		{
			const json_t *c;
			const char *at = r[13];
			json_array_foreach(json_object_get(m, "chairs"), i, c)
			{
				const json_t *p = person(res, json_string_value(c));
				const json_t *pos;
				size_t j;
				cr_assert_not_null(p);
				at = strstr(at, sget(p, "name"));
				cr_assert_not_null(at, "%s: chair %s in '%s'", src, sget(p, "name"),
						   r[13]);
				json_array_foreach(json_object_get(p, "positions"), j, pos)
				{
					at = strstr(at, sget(pos, "text"));
					cr_assert_not_null(at, "%s: position '%s' in '%s'", src,
							   sget(pos, "text"), r[13]);
				}
			}
			if (!json_array_size(json_object_get(m, "chairs")))
				cr_assert_str_eq(r[13], "");
		}
	}
	return rows;
}

/* Check a whole table against the NDJSON lines of the same inputs. */
static void check_table(const struct cli_test_table *t, const char *ndjson, const char **in, int n)
{
	const char *p = ndjson;
	int row = 1, i, c;

	cr_assert_gt(t->n, 1);
	for (c = 0; header[c]; c++)
		cr_assert_str_eq(t->rows[0][c], header[c]);
	cr_assert_eq(t->widths[0], c);
	for (i = 0; i < n; i++) {
		const char *nl = strchr(p, '\n');
		json_t *res = json_loadb(p, (size_t)(nl - p), 0, NULL);
		cr_assert_not_null(res);
		row += check_rows(t, row, res, in[i], i + 1);
		json_decref(res);
		p = nl + 1;
	}
	cr_assert_eq(row, t->n, "no extra rows");
}

Test(cli_table, csv_and_tsv_read_back_strictly)
{
	char dir[64], why[200], **own;
	int n, i, r, c;
	const char **in = inputs(dir, sizeof dir, &own, &n);
	static const char *const nd[] = {"parse", "--format", "ndjson", NULL};
	static const char *const csv[] = {"parse", "-j", "2", "--format", "csv", "--bom", NULL};
	static const char *const tsv[] = {"parse", "--output-format", "tsv", NULL};
	char *ndjson = run(nd, in, n, 1);
	char *c_out = run(csv, in, n, 1);
	char *t_out = run(tsv, in, n, 1);
	struct cli_test_table ct, tt;

	/* a BOM first, then RFC 4180 all through */
	cr_assert(!memcmp(c_out, "\xEF\xBB\xBF", 3), "--bom");
	cr_assert_eq(cli_test_read_csv(c_out + 3, strlen(c_out + 3), &ct, why, sizeof why), 0,
		     "strict CSV: %s", why);
	check_table(&ct, ndjson, in, n);
	/* the hard cases were there, and were quoted */
	cr_assert(strstr(c_out, "\r\n\""
				"/tmp/"),
		  "a quoted source field");
	cr_assert(strstr(c_out, "we,\"\"ird\"\"\nname\tand\\back.txt\""), "%.300s", c_out);
	cr_assert(strstr(c_out, "\"Hội nghị \"\"Chuyển đổi số, đô thị thông minh\"\" năm 2025\""));
	/* TSV: no BOM without --bom, every record one line, the same cells */
	cr_assert(!strncmp(t_out, "source\tid\t", 10));
	cr_assert(strstr(t_out, "we,\"ird\"\\nname\\tand\\\\back.txt\t"), "TSV escapes");
	cr_assert_eq(cli_test_read_tsv(t_out, strlen(t_out), &tt, why, sizeof why), 0,
		     "strict TSV: %s", why);
	cr_assert_eq(tt.n, ct.n);
	for (r = 0; r < ct.n; r++)
		for (c = 0; c < ct.widths[r]; c++)
			cr_assert_str_eq(tt.rows[r][c], ct.rows[r][c], "row %d column %d", r, c);
	cli_test_table_free(&ct);
	cli_test_table_free(&tt);
	free(ndjson);
	free(c_out);
	free(t_out);
	for (i = 0; i < 4; i++)
		free((char *)in[i]);
	free(in);
	cli_test_free_list(own);
	cli_test_rmdir(dir);
}

/* The strict readers themselves refuse what is not strict, so that the
 * test above cannot pass on a sloppy table. */
Test(cli_table, strict_readers_refuse_sloppy_tables)
{
	static const char *const bad_csv[] = {
	    "a,b\n1,2\n",	   "a,b\r\n1\r\n", "a,b\r\n\"1,2\r\n",	"a,b\r\n1\"x,2\r\n",
	    "a,b\r\n\"1\"x,2\r\n", "a,b\r\n1,2",   "a,b\r\n1,2\r3\r\n", NULL};
	static const char *const bad_tsv[] = {"a\tb\n1\n", "a\tb\r\n", "a\tb\n1\\x\t2\n",
					      "a\tb\n1\t2", NULL};
	struct cli_test_table t;
	char why[200];
	int i;

	for (i = 0; bad_csv[i]; i++) {
		cr_assert_eq(cli_test_read_csv(bad_csv[i], strlen(bad_csv[i]), &t, why, sizeof why),
			     -1, "accepted CSV %d", i);
		cli_test_table_free(&t);
	}
	for (i = 0; bad_tsv[i]; i++) {
		cr_assert_eq(cli_test_read_tsv(bad_tsv[i], strlen(bad_tsv[i]), &t, why, sizeof why),
			     -1, "accepted TSV %d", i);
		cli_test_table_free(&t);
	}
	cr_assert_eq(cli_test_read_csv("a,\"b\"\"\r\n\"\r\n1,\r\n", 15, &t, why, sizeof why), 0,
		     "%s", why);
	cr_assert_str_eq(t.rows[0][1], "b\"\r\n");
	cr_assert_str_eq(t.rows[1][1], "");
	cli_test_table_free(&t);
}
