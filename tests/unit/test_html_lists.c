/* The web-page extractor's vocabulary as data: the "#! list" files of
 * model/lexicon (html_sites.tsv, html_dates.tsv, html_layout.tsv) compiled
 * by tools/lexgen.c into lex_list_* string arrays. Checks the compiled
 * lists (closed, counted, NFC, quotes gone, folded where the code compares
 * folded text), that the extractor reads them (a date's glue word), and the
 * generator itself on files of its own: a list adds no lexicon and leaves
 * every byte the lexicons write as it was. */
#include <criterion/criterion.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utf8proc.h>

#include "model/html/html_int.h"
#include "model/lexicon/lex.h"

struct named_list {
	const char *name;
	const char *const *s;
	size_t count;
	int folded; /* the code compares case-folded text with it */
};

static const struct named_list LISTS[] = {
    {"html_site_sep", lex_list_html_site_sep, LEX_LIST_HTML_SITE_SEP_COUNT, 0},
    {"html_site_title", lex_list_html_site_title, LEX_LIST_HTML_SITE_TITLE_COUNT, 0},
    {"html_site_logo", lex_list_html_site_logo, LEX_LIST_HTML_SITE_LOGO_COUNT, 0},
    {"html_site_org", lex_list_html_site_org, LEX_LIST_HTML_SITE_ORG_COUNT, 1},
    {"html_date_word", lex_list_html_date_word, LEX_LIST_HTML_DATE_WORD_COUNT, 1},
    {"html_date_glue", lex_list_html_date_glue, LEX_LIST_HTML_DATE_GLUE_COUNT, 0},
    {"html_date_month", lex_list_html_date_month, LEX_LIST_HTML_DATE_MONTH_COUNT, 0},
    {"html_date_year", lex_list_html_date_year, LEX_LIST_HTML_DATE_YEAR_COUNT, 0},
    {"html_chrome", lex_list_html_chrome, LEX_LIST_HTML_CHROME_COUNT, 0},
};

Test(html_lists, closed_counted_and_nfc)
{
	for (size_t l = 0; l < sizeof LISTS / sizeof *LISTS; l++) {
		const struct named_list *L = &LISTS[l];
		size_t n = 0;
		cr_expect_gt(L->count, 0, "%s is empty", L->name);
		for (; L->s[n]; n++) {
			const char *s = L->s[n];
			size_t len = strlen(s);
			cr_expect_gt(len, 0, "%s[%zu] is empty", L->name, n);
			cr_expect(!strchr(s, '"') && !strchr(s, '\t'),
				  "%s: '%s' kept a quote or a tab", L->name, s);
			utf8proc_uint8_t *nfc = NULL;
			utf8proc_ssize_t m =
			    utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &nfc,
					 UTF8PROC_STABLE | UTF8PROC_COMPOSE);
			cr_expect(m >= 0 && !strcmp((const char *)nfc, s),
				  "%s: '%s' is not NFC UTF-8", L->name, s);
			free(nfc);
			if (L->folded) {
				utf8proc_uint8_t *f = NULL;
				utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &f,
					     UTF8PROC_STABLE | UTF8PROC_COMPOSE |
						 UTF8PROC_CASEFOLD);
				cr_expect(
				    f && !strcmp((const char *)f, s),
				    "%s: '%s' is compared with folded text: write it in lower case",
				    L->name, s);
				free(f);
			}
		}
		cr_expect_eq(n, L->count, "%s: %zu strings before NULL, count %zu", L->name, n,
			     L->count);
	}
}

Test(html_lists, quoted_forms_keep_their_spaces)
{
	/* " - ", " – ": a dash inside a word ("Bà Rịa-Vũng Tàu") is no separator */
	for (size_t k = 0; lex_list_html_site_sep[k]; k++) {
		const char *s = lex_list_html_site_sep[k];
		size_t n = strlen(s);
		cr_expect(n >= 3 && s[0] == ' ' && s[n - 1] == ' ', "separator '%s'", s);
	}
	int spaced = 0;
	for (size_t k = 0; lex_list_html_site_org[k]; k++)
		spaced += !strcmp(lex_list_html_site_org[k], "báo ");
	cr_expect_eq(spaced, 1, "\"báo \" (with its space) is an organisation word");
}

Test(html_lists, the_extractor_reads_them)
{
	char iso[32];
	/* the glue between a date and its time (html_dates.tsv "glue") */
	static const char *const glued[] = {"Đăng ngày 12/03/2025 lúc 10:20", "12/03/2025 – 10:20"};
	for (size_t k = 0; k < 2; k++) {
		cr_assert_eq(html_date_find(glued[k], strlen(glued[k]), iso), 0, "%s", glued[k]);
		cr_expect_str_eq(iso, "2025-03-12T10:20:00+07:00", "%s", glued[k]);
	}
	/* without glue the time is not the date's */
	const char *apart = "12/03/2025 sau 10:20";
	cr_assert_eq(html_date_find(apart, strlen(apart), iso), 0);
	cr_expect_str_eq(iso, "2025-03-12");
	/* organisation words (html_sites.tsv "org") against a person */
	cr_expect(html_author_is_org("Báo Nhân Dân", NULL));
	cr_expect(html_author_is_org("Ban Biên tập", NULL));
	cr_expect(!html_author_is_org("Nguyễn Văn An", NULL));
}

/* ---- the generator ------------------------------------------------------------- */

static char tmpdir[64];

static void put(const char *name, const char *text)
{
	char p[128];
	snprintf(p, sizeof p, "%s/%s", tmpdir, name);
	FILE *f = fopen(p, "w");
	cr_assert_not_null(f, "%s", p);
	fputs(text, f);
	fclose(f);
}

static char *slurp(const char *name, size_t *n)
{
	char p[128];
	snprintf(p, sizeof p, "%s/%s", tmpdir, name);
	FILE *f = fopen(p, "rb");
	cr_assert_not_null(f, "%s", p);
	fseek(f, 0, SEEK_END);
	long len = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *b = malloc((size_t)len + 1);
	cr_assert_not_null(b);
	cr_assert_eq(fread(b, 1, (size_t)len, f), (size_t)len);
	b[len] = '\0';
	fclose(f);
	*n = (size_t)len;
	return b;
}

/* Run lexgen (next to the meetingd binary) on files of tmpdir into out/:
 * its exit status. */
static int lexgen(const char *out, const char *files)
{
	const char *bin = getenv("MEETINGD_BIN");
	const char *slash = bin ? strrchr(bin, '/') : NULL;
	char gen[512], abs[PATH_MAX], cmd[PATH_MAX + 512];
	if (slash)
		snprintf(gen, sizeof gen, "%.*s/lexgen", (int)(slash - bin), bin);
	else
		snprintf(gen, sizeof gen, "build/lexgen");
	cr_assert_not_null(realpath(gen, abs), "%s is missing (the build makes it)", gen);
	snprintf(cmd, sizeof cmd, "cd '%s' && mkdir -p %s && '%s' %s %s 2>/dev/null", tmpdir, out,
		 abs, out, files);
	int st = system(cmd);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static void rm_tmp(void)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	cr_expect_eq(system(cmd), 0);
}

Test(html_lists, lexgen_list_files_add_only_lists)
{
	snprintf(tmpdir, sizeof tmpdir, "/tmp/meetingd-lexgen-XXXXXX");
	cr_assert_not_null(mkdtemp(tmpdir));
	put("a.tsv", "#! lex demo split=2\n# a lexicon\nhop\tx\nchu tri\ty\n");
	put("b.tsv", "#! list demo_words split=2\n# a list\n\" - \"\tsep\nabc\tsep\n"
		     "\"#not a comment\"\tword\n");
	put("c.tsv", "#! list plain\none\ntwo words\n");
	cr_assert_eq(lexgen("lex", "a.tsv"), 0);
	cr_assert_eq(lexgen("both", "a.tsv b.tsv c.tsv"), 0);
	size_t ln, bn, lh, bh;
	char *lt = slurp("lex/lexicon_tables.c", &ln), *bt = slurp("both/lexicon_tables.c", &bn);
	char *li = slurp("lex/lexicon_ids.h", &lh), *bi = slurp("both/lexicon_ids.h", &bh);
	/* the lexicons' tables are a prefix, byte for byte; the lists follow */
	cr_assert_gt(bn, ln);
	cr_expect_eq(memcmp(lt, bt, ln), 0, "a list changed the lexicons' tables");
	cr_expect_not_null(strstr(bt + ln,
				  "lex_list_demo_words_sep[LEX_LIST_DEMO_WORDS_SEP_COUNT + "
				  "1] = {\n\t\" - \",\n\t\"abc\",\n\t0,\n};"),
			   "%s", bt + ln);
	cr_expect_not_null(strstr(bt + ln, "\"#not a comment\""));
	cr_expect_not_null(strstr(bt + ln,
				  "lex_list_plain[LEX_LIST_PLAIN_COUNT + 1] = {\n\t\"one\",\n"
				  "\t\"two words\",\n\t0,\n};"));
	/* no lexicon, no word: the ids are the same up to the lists' lines */
	cr_expect_not_null(strstr(bi, "LEX_COUNT = 2\n"), "%s", bi);
	cr_expect_not_null(strstr(bi, "#define LEX_LIST_DEMO_WORDS_SEP_COUNT 2\n"));
	cr_expect_not_null(strstr(bi, "#define LEX_LIST_DEMO_WORDS_WORD_COUNT 1\n"));
	cr_expect_not_null(strstr(bi, "#define LEX_LIST_PLAIN_COUNT 2\n"));
	const char *end = strstr(li, "#endif");
	cr_assert_not_null(end);
	cr_expect_eq(memcmp(li, bi, (size_t)(end - li)), 0, "a list changed the lexicons' ids");
	free(lt);
	free(bt);
	free(li);
	free(bi);
	/* a space at an end of an unquoted form would vanish in an editor:
	 * refused, as is an empty form and a header of another kind */
	put("d.tsv", "#! list bad\nabc \n");
	cr_expect_neq(lexgen("bad1", "d.tsv"), 0);
	put("e.tsv", "#! list bad\n\"\"\n");
	cr_expect_neq(lexgen("bad2", "e.tsv"), 0);
	put("f.tsv", "#! table bad\nabc\n");
	cr_expect_neq(lexgen("bad3", "f.tsv"), 0);
	put("g.tsv", "#! list Bad\nabc\n");
	cr_expect_neq(lexgen("bad4", "g.tsv"), 0);
	rm_tmp();
}
