/* The HTML path on the fixture pages of tests/html (pages written for the
 * project in the markup of Vietnamese news sites and portals, with their
 * menus, related-article lists, comments, share bars, footers and scripts):
 * the extracted text against the expected text (character-level F1), every
 * metadata field, the same meeting model as the article given as plain
 * text, and the byte ranges of the paragraphs' elements. */
#include <criterion/criterion.h>
#include <criterion/logging.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "model/html/html.h"
#include "model/model.h"

#define PAGES "tests/html/pages"
#define PATH_MAX_ 8192
#define ARTICLES "tests/html/articles"

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	cr_assert(f, "cannot open %s (run from the repository root)", path);
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *b = malloc((size_t)n + 1);
	cr_assert(b);
	size_t got = fread(b, 1, (size_t)n, f);
	fclose(f);
	b[got] = '\0';
	if (len)
		*len = got;
	return b;
}

/* The fixture folders, sorted. */
static int list_pages(char names[][96], int max)
{
	DIR *d = opendir(PAGES);
	cr_assert(d, "cannot open " PAGES);
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d)) && n < max)
		if (e->d_name[0] != '.' && strlen(e->d_name) < 96)
			memcpy(names[n++], e->d_name, strlen(e->d_name) + 1);
	closedir(d);
	qsort(names, (size_t)n, 96, (int (*)(const void *, const void *))strcmp);
	return n;
}

/* ---- character-level F1 ------------------------------------------------------
 * Both texts are NFC with every run of white space read as one space and the
 * ends trimmed, as web-content extraction evaluations compare texts. The
 * matched characters are the longest common subsequence of the two (found
 * with Hyyrö's bit-parallel algorithm, in code points): precision is matched
 * over extracted, recall matched over expected, F1 their harmonic mean. */

static int32_t *codepoints(const char *s, size_t *n)
{
	utf8proc_uint8_t *nfc = utf8proc_NFC((const utf8proc_uint8_t *)s);
	cr_assert(nfc);
	size_t len = strlen((char *)nfc), k = 0;
	int32_t *cp = malloc((len + 1) * sizeof *cp);
	int space = 0;
	for (size_t i = 0; i < len;) {
		utf8proc_int32_t c;
		utf8proc_ssize_t l = utf8proc_iterate(nfc + i, (utf8proc_ssize_t)(len - i), &c);
		cr_assert(l > 0);
		i += (size_t)l;
		if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == 0xA0) {
			space = k > 0;
			continue;
		}
		if (space)
			cp[k++] = ' ';
		space = 0;
		cp[k++] = c;
	}
	free(nfc);
	*n = k;
	return cp;
}

static size_t lcs(const int32_t *a, size_t n, const int32_t *b, size_t m)
{
	size_t words = (m + 63) / 64;
	/* the match mask of each distinct character of b */
	size_t nd = 0;
	int32_t *chars = malloc(m * sizeof *chars);
	uint64_t *masks = calloc(m * words + 1, sizeof *masks);
	for (size_t j = 0; j < m; j++) {
		size_t k = 0;
		while (k < nd && chars[k] != b[j])
			k++;
		if (k == nd)
			chars[nd++] = b[j];
		masks[k * words + j / 64] |= 1ull << (j % 64);
	}
	uint64_t *v = malloc(words * sizeof *v);
	for (size_t w = 0; w < words; w++)
		v[w] = ~0ull;
	for (size_t i = 0; i < n; i++) {
		size_t k = 0;
		while (k < nd && chars[k] != a[i])
			k++;
		if (k == nd)
			continue;
		const uint64_t *mk = masks + k * words;
		uint64_t carry = 0;
		for (size_t w = 0; w < words; w++) { /* v = (v + (v & m)) | (v & ~m) */
			uint64_t u = v[w] & mk[w], sum = v[w] + u + carry;
			carry = sum < v[w] || (carry && sum == v[w]);
			v[w] = sum | (v[w] & ~mk[w]);
		}
	}
	size_t ones = 0;
	for (size_t j = 0; j < m; j++)
		ones += (v[j / 64] >> (j % 64)) & 1;
	free(chars);
	free(masks);
	free(v);
	return m - ones;
}

static double char_f1(const char *got, const char *want, double *p, double *r)
{
	size_t n, m;
	int32_t *a = codepoints(got, &n), *b = codepoints(want, &m);
	size_t l = n && m ? lcs(a, n, b, m) : 0;
	free(a);
	free(b);
	*p = n ? (double)l / (double)n : 0;
	*r = m ? (double)l / (double)m : 0;
	return *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0;
}

Test(html_fixtures, char_f1_lcs_is_right_on_small_texts)
{
	double p, r;
	cr_assert_float_eq(char_f1("abc", "abc", &p, &r), 1.0, 1e-9);
	cr_assert_float_eq(char_f1("axbyc", "abc", &p, &r), 2 * 0.6 / 1.6, 1e-9);
	cr_assert_float_eq(char_f1("Hội  nghị\n\n", "Hội nghị", &p, &r), 1.0, 1e-9);
	cr_assert_float_eq(char_f1("xyz", "abc", &p, &r), 0.0, 1e-9);
	/* longer than one machine word, with a shift in the middle */
	char a[400], b[400];
	for (int i = 0; i < 300; i++)
		a[i] = b[i] = (char)('a' + i % 26);
	a[300] = b[300] = '\0';
	b[150] = '#';
	cr_assert_float_eq(char_f1(a, b, &p, &r), 299.0 / 300.0, 1e-9);
}

/* ---- the fixtures ------------------------------------------------------------- */

static json_t *expected_meta(const char *name)
{
	char path[PATH_MAX_];
	snprintf(path, sizeof path, PAGES "/%s/expected.json", name);
	json_error_t je;
	json_t *j = json_load_file(path, 0, &je);
	cr_assert(j, "%s: %s", path, je.text);
	return j;
}

static json_t *parse_page(const char *name, int include_text)
{
	char path[PATH_MAX_];
	size_t len;
	snprintf(path, sizeof path, PAGES "/%s/page.html", name);
	char *page = read_file(path, &len);
	struct model_options o = {.input = MODEL_INPUT_HTML, .include_text = include_text};
	struct model_error e;
	json_t *r = model_parse(page, len, &o, &e);
	cr_assert(r, "%s: %s", name, e.message);
	free(page);
	return r;
}

Test(html_fixtures, extracted_text_scores_char_f1_at_least_0_97)
{
	char names[64][96];
	int n = list_pages(names, 64);
	cr_assert_geq(n, 12, "at least 12 fixture pages, found %d", n);
	for (int k = 0; k < n; k++) {
		char path[PATH_MAX_];
		size_t len;
		snprintf(path, sizeof path, PAGES "/%s/page.html", names[k]);
		char *page = read_file(path, &len);
		snprintf(path, sizeof path, PAGES "/%s/expected.txt", names[k]);
		char *want = read_file(path, NULL);
		struct html_article a;
		struct html_error e;
		cr_assert_eq(html_extract(page, len, NULL, &a, &e), 0, "%s: %s", names[k],
			     e.message);
		double p, r, f1 = char_f1(a.text, want, &p, &r);
		cr_log_info("%-30s char-F1 %.4f (P %.4f R %.4f), body by %s", names[k], f1, p, r,
			    a.rule);
		cr_expect_geq(f1, 0.97, "%s: char-F1 %.4f (P %.4f R %.4f)\n--- got\n%s", names[k],
			      f1, p, r, a.text);
		html_article_free(&a);
		free(page);
		free(want);
	}
}

static const char *str_at(json_t *o, const char *k)
{
	json_t *v = json_object_get(o, k);
	return json_is_string(v) ? json_string_value(v) : NULL;
}

static void expect_same(const char *page, const char *field, const char *got, const char *want)
{
	if (!want)
		cr_expect_null(got, "%s: %s is \"%s\", expected null", page, field, got);
	else
		cr_expect(got && !strcmp(got, want), "%s: %s is \"%s\", expected \"%s\"", page,
			  field, got ? got : "(null)", want);
}

Test(html_fixtures, every_metadata_field_is_right)
{
	char names[64][96];
	int n = list_pages(names, 64);
	for (int k = 0; k < n; k++) {
		json_t *want = expected_meta(names[k]), *r = parse_page(names[k], 0);
		json_t *art = json_object_get(r, "article"), *src = json_object_get(art, "source");
		cr_assert(json_is_object(src), "%s: no article.source", names[k]);
		expect_same(names[k], "title", str_at(json_object_get(art, "title"), "text"),
			    str_at(want, "title"));
		expect_same(names[k], "published_at", str_at(art, "published_at"),
			    str_at(want, "published_at"));
		expect_same(names[k], "canonical_url", str_at(src, "canonical_url"),
			    str_at(want, "canonical_url"));
		expect_same(names[k], "site_name", str_at(src, "site_name"),
			    str_at(want, "site_name"));
		expect_same(names[k], "language", str_at(src, "language"),
			    str_at(want, "language"));
		expect_same(names[k], "charset", str_at(src, "charset"), str_at(want, "charset"));
		json_t *au = json_object_get(art, "authors"),
		       *wa = json_object_get(want, "authors");
		cr_expect_eq(json_array_size(au), json_array_size(wa),
			     "%s: %zu authors, expected %zu", names[k], json_array_size(au),
			     json_array_size(wa));
		for (size_t i = 0; i < json_array_size(au) && i < json_array_size(wa); i++)
			expect_same(names[k], "author", str_at(json_array_get(au, i), "name"),
				    json_string_value(json_array_get(wa, i)));
		json_decref(want);
		json_decref(r);
	}
}

static const char *name_of(json_t *people, const char *id)
{
	size_t i;
	json_t *p;
	json_array_foreach(people, i, p) if (!strcmp(str_at(p, "id"), id)) return str_at(p, "name");
	return "?";
}

/* Byte offset of code point offset cp in UTF-8 text. */
static size_t cp_to_byte(const char *text, size_t cp)
{
	size_t i = 0;
	for (size_t c = 0; c < cp && text[i]; c++)
		do
			i++;
		while (((unsigned char)text[i] & 0xC0) == 0x80);
	return i;
}

/* What the meeting model says, rendered for comparison: meetings with
 * their kind, name, dates, body, chairs and attendees by name; people with
 * their positions; documents with symbol, date and issuer. */
static char *model_facts(json_t *r)
{
	json_t *people = json_object_get(r, "people"), *x, *m;
	size_t i, j;
	char *out = NULL;
	size_t cap = 0;
	FILE *f = open_memstream(&out, &cap);
	json_array_foreach(json_object_get(r, "meetings"), i, m)
	{
		json_t *body = json_object_get(m, "body");
		fprintf(f, "meeting %s | %s | %s | %s | %s | body %s | chairs", str_at(m, "kind"),
			str_at(m, "name") ? str_at(m, "name") : "-",
			str_at(m, "date") ? str_at(m, "date") : "-",
			str_at(m, "month_day") ? str_at(m, "month_day") : "-",
			str_at(m, "part_of_day") ? str_at(m, "part_of_day") : "-",
			json_is_object(body) ? str_at(body, "name") : "-");
		json_array_foreach(json_object_get(m, "chairs"), j, x)
		    fprintf(f, " %s", name_of(people, json_string_value(x)));
		fprintf(f, " | attendees");
		json_array_foreach(json_object_get(m, "attendees"), j, x)
		    fprintf(f, " %s", name_of(people, json_string_value(x)));
		fprintf(f, " | agenda %zu tasks %zu\n",
			json_array_size(json_object_get(m, "agenda")),
			json_array_size(json_object_get(m, "tasks")));
	}
	json_array_foreach(people, i, m)
	{
		fprintf(f, "person %s:", str_at(m, "name"));
		json_array_foreach(json_object_get(m, "positions"), j, x)
		    fprintf(f, " [%s]", str_at(x, "text"));
		fputc('\n', f);
	}
	json_array_foreach(json_object_get(r, "documents"), i, m)
	    fprintf(f, "document %s %s %s\n", str_at(m, "symbol"),
		    str_at(m, "issued_on") ? str_at(m, "issued_on") : "-",
		    str_at(m, "issuer") ? str_at(m, "issuer") : "-");
	fclose(f);
	return out;
}

Test(html_fixtures, page_and_plain_text_give_the_same_meetings_people_documents)
{
	char names[64][96];
	int n = list_pages(names, 64);
	for (int k = 0; k < n; k++) {
		json_t *want = expected_meta(names[k]);
		char path[PATH_MAX_];
		size_t len;
		snprintf(path, sizeof path, ARTICLES "/%s.txt", str_at(want, "article"));
		char *text = read_file(path, &len);
		struct model_options o = {0};
		struct model_error e;
		json_t *t = model_parse(text, len, &o, &e);
		cr_assert(t, "%s: %s", path, e.message);
		json_t *h = parse_page(names[k], 0);
		char *ft = model_facts(t), *fh = model_facts(h);
		cr_expect(strstr(ft, "meeting ") != NULL, "%s: the article reports a meeting",
			  path);
		cr_expect_str_eq(
		    fh, ft,
		    "%s: the page's model differs from the text's\n--- text\n%s--- page\n%s",
		    names[k], ft, fh);
		free(ft);
		free(fh);
		free(text);
		json_decref(t);
		json_decref(h);
		json_decref(want);
	}
}

Test(html_fixtures, paragraphs_carry_their_element_byte_range)
{
	char names[64][96];
	int n = list_pages(names, 64);
	for (int k = 0; k < n; k++) {
		char path[PATH_MAX_];
		size_t len;
		snprintf(path, sizeof path, PAGES "/%s/page.html", names[k]);
		char *page = read_file(path, &len);
		json_t *r = parse_page(names[k], 1), *p;
		const char *text = str_at(r, "text");
		size_t i, seen = 0;
		json_array_foreach(json_object_get(json_object_get(r, "article"), "paragraphs"), i,
				   p)
		{
			json_t *h = json_object_get(p, "html");
			cr_assert(json_is_object(h), "%s: paragraph %zu has no html range",
				  names[k], i);
			json_int_t a = json_integer_value(json_object_get(h, "start")),
				   b = json_integer_value(json_object_get(h, "end"));
			cr_assert(a >= 0 && a < b && (size_t)b <= len, "%s: range %lld..%lld",
				  names[k], (long long)a, (long long)b);
			cr_expect_eq(page[a], '<',
				     "%s: paragraph %zu's range starts inside a tag: %.30s",
				     names[k], i, page + a);
			/* the paragraph's first word is in the element (UTF-8 pages) */
			const char *w = text + cp_to_byte(text, (size_t)json_integer_value(
								    json_object_get(p, "start")));
			size_t wl = strcspn(w, " ,.\n");
			char *slice = strndup(page + a, (size_t)(b - a));
			if (!strstr(path, "1258"))
				cr_expect(memmem(slice, strlen(slice), w, wl) != NULL,
					  "%s: \"%.*s\" not in its element %.80s", names[k],
					  (int)wl, w, slice);
			free(slice);
			seen++;
		}
		cr_expect_geq(seen, 3, "%s: %zu paragraphs", names[k], seen);
		json_decref(r);
		free(page);
	}
}
