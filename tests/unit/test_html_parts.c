/* The parts of model/html one by one: charsets, the guard's canonical
 * stream and its offsets, dates, names, metadata in order of trust, content
 * finding on small pages, sniffing, and the hostile shapes (deep nesting,
 * unclosed tags, 100,000 attributes, entity floods, huge comments and
 * scripts) handled with bounded work: bounded depth, bounded attributes
 * and a tree no larger than the page. The time bound itself is measured by
 * bench/complexity.sh (instructions, not seconds). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/html/html_int.h"
#include "model/model.h"

static struct html_article extract(const char *page, const char *charset)
{
	struct html_options o = {.charset = charset};
	struct html_article a;
	struct html_error e;
	cr_assert_eq(html_extract(page, strlen(page), &o, &a, &e), 0, "%s", e.message);
	return a;
}

/* ---- charsets ------------------------------------------------------------------ */

Test(html_charset, labels)
{
	cr_assert_str_eq(html_charset_name("utf8", 4), "UTF-8");
	cr_assert_str_eq(html_charset_name(" \"CP1258\" ", 10), "WINDOWS-1258");
	cr_assert_str_eq(html_charset_name("windows_1258", 12), "WINDOWS-1258");
	cr_assert_str_eq(html_charset_name("ISO-8859-1", 10), "WINDOWS-1252");
	cr_assert_str_eq(html_charset_name("viscii", 6), "VISCII");
	cr_assert_null(html_charset_name("klingon", 7));
	cr_assert_null(html_charset_name("", 0));
}

/* "Hội nghị" in windows-1258: ô (0xF4), the dot below as a combining mark
 * (0xF2), "nghị" with i + dot below. */
#define HOI_NGHI_1258 "H\xF4\xF2i ngh\x69\xF2"

Test(html_charset, windows_1258_by_transport_and_by_meta_is_composed_nfc)
{
	const char *page =
	    "<html><head><meta charset=\"windows-1258\"><title>" HOI_NGHI_1258
	    "</title></head><body><p>" HOI_NGHI_1258 " t\x69\xD2nh</p></body></html>";
	struct html_article a = extract(page, NULL);
	cr_assert_str_eq(a.charset, "WINDOWS-1258");
	cr_assert_str_eq(a.title, "Hội nghị");
	cr_assert(strstr(a.text, "Hội nghị tỉnh"), "text: %s", a.text);
	html_article_free(&a);
	/* the transport wins over a wrong <meta> */
	const char *mislabelled = "<meta charset=\"iso-8859-1\"><p>" HOI_NGHI_1258 "</p>";
	a = extract(mislabelled, "windows-1258");
	cr_assert_str_eq(a.charset, "WINDOWS-1258");
	cr_assert(strstr(a.text, "Hội nghị"), "text: %s", a.text);
	html_article_free(&a);
	/* http-equiv, quoted and unquoted */
	a = extract(
	    "<meta http-equiv=Content-Type content='text/html; charset=cp1258'><p>" HOI_NGHI_1258
	    "</p>",
	    NULL);
	cr_assert_str_eq(a.charset, "WINDOWS-1258");
	html_article_free(&a);
}

Test(html_charset, utf8_default_repair_and_guess)
{
	struct html_article a = extract("<p>Hội nghị \xFF tỉnh</p>", "utf-8");
	cr_assert(strstr(a.text, "Hội nghị \xEF\xBF\xBD tỉnh"), "U+FFFD for the bad byte: %s",
		  a.text);
	cr_assert(a.warnings & HTML_W_REPAIRED);
	html_article_free(&a);
	/* undeclared, not UTF-8: read as windows-1258, with a warning */
	a = extract("<p>" HOI_NGHI_1258 "</p>", NULL);
	cr_assert_str_eq(a.charset, "WINDOWS-1258");
	cr_assert(a.warnings & HTML_W_CHARSET_GUESSED);
	cr_assert(strstr(a.text, "Hội nghị"), "text: %s", a.text);
	html_article_free(&a);
	/* a page converted to UTF-8 that kept its old <meta> */
	a = extract("<meta charset=\"windows-1258\"><p>Hội nghị</p>", NULL);
	cr_assert_str_eq(a.charset, "UTF-8");
	cr_assert(strstr(a.text, "Hội nghị"));
	html_article_free(&a);
	/* a UTF-8 byte order mark; NUL and control characters do not reach libxml2 */
	a = extract("\xEF\xBB\xBF<p>Hội\x01 nghị</p>", NULL);
	cr_assert_str_eq(a.text, "Hội nghị\n");
	html_article_free(&a);
}

Test(html_charset, refusals)
{
	struct html_options o = {.charset = "klingon"};
	struct html_article a;
	struct html_error e;
	cr_assert_eq(html_extract("<p>x</p>", 8, &o, &a, &e), -1);
	cr_assert_eq(e.code, HTML_E_CHARSET);
	cr_assert(strstr(e.message, "klingon"));
	o.charset = NULL;
	cr_assert_eq(html_extract("\xFF\xFE<\0p\0>\0", 8, &o, &a, &e), -1);
	cr_assert_eq(e.code, HTML_E_CHARSET);
	cr_assert(strstr(e.message, "UTF-16"));
}

/* ---- the guard ------------------------------------------------------------------ */

static char *canon(const char *page, hcanon_t *c)
{
	hconv_t cv;
	size_t skip;
	struct html_error e;
	hwork_t w = {0};
	memset(c, 0, sizeof *c);
	cr_assert_eq(html_charset_open(page, strlen(page), "utf-8", &cv, &skip, &e), 0);
	cr_assert_eq(html_guard(page, strlen(page), skip, &cv, c, &w), 0);
	html_charset_close(&cv);
	return c->out.p;
}

Test(html_guard, canonical_stream)
{
	hcanon_t c;
	cr_assert_str_eq(canon("<DIV Class=a onclick=\"x>y\" ID='b>c'>t</DIV>", &c),
			 "<body><div class=\"a\" id=\"b&gt;c\">t</div>");
	html_guard_free(&c);
	cr_assert_str_eq(canon("a < b <!-- <p>hidden</p> --> c<br>d", &c),
			 "<body>a &lt; b  c<br/>d");
	html_guard_free(&c);
	cr_assert_str_eq(canon("<script>if (a</b) document.write('</div>');</script><p>x", &c),
			 "<script></script><body><p>x");
	html_guard_free(&c);
	cr_assert_str_eq(
	    canon("<script type=\"application/ld+json\">{\"a\":\"</p>\"}</script>", &c),
	    "<script type=\"application/ld+json\">{\"a\":\"<\\/p>\"}</script>");
	html_guard_free(&c);
	cr_assert_str_eq(canon("<title>a <b> c</title><iframe><p>x</p></iframe>y", &c),
			 "<title>a &lt;b> c</title><body>y");
	html_guard_free(&c);
	/* the page ends inside a tag: the tag is dropped, as browsers do */
	cr_assert_str_eq(canon("<p>text</p><a href=\"x", &c), "<body><p>text</p>");
	html_guard_free(&c);
	/* no <meta charset> reaches libxml2 (it would switch the decoder) */
	cr_assert_str_eq(canon("<meta charset=\"windows-1258\" name=x>", &c), "<meta name=\"x\"/>");
	html_guard_free(&c);
}

Test(html_guard, offsets_map_back_to_the_page)
{
	const char *page =
	    "<div   class=a  junk=1 x=2><p>Hội nghị</p><!-- c --><p id=q>Tỉnh ủy</p></div>";
	struct html_article a = extract(page, "utf-8");
	cr_assert_eq(a.n_blocks, 2);
	for (size_t k = 0; k < 2; k++) {
		const struct html_block *b = &a.blocks[k];
		cr_assert(b->html_end > b->html_start);
		cr_assert_eq(page[b->html_start], '<');
		cr_assert_eq(page[b->html_end - 1], '>');
	}
	cr_assert(!strncmp(page + a.blocks[1].html_start, "<p id=q>Tỉnh ủy</p>",
			   a.blocks[1].html_end - a.blocks[1].html_start));
	html_article_free(&a);
}

/* ---- dates and names -------------------------------------------------------------- */

Test(html_dates, machine_dates_in_vietnam_time)
{
	char iso[32];
	cr_assert_eq(html_date_iso("2025-03-12T10:20:00+07:00", 25, iso), 0);
	cr_assert_str_eq(iso, "2025-03-12T10:20:00+07:00");
	cr_assert_eq(html_date_iso("2025-03-12T03:20:00Z", 20, iso), 0);
	cr_assert_str_eq(iso, "2025-03-12T10:20:00+07:00");
	cr_assert_eq(html_date_iso("2025-12-31T20:30:00.123+0000", 28, iso), 0);
	cr_assert_str_eq(iso, "2026-01-01T03:30:00+07:00");
	cr_assert_eq(html_date_iso("12/03/2025 10:20", 16, iso), 0);
	cr_assert_str_eq(iso, "2025-03-12T10:20:00+07:00");
	cr_assert_eq(html_date_iso("2025-03-12", 10, iso), 0);
	cr_assert_str_eq(iso, "2025-03-12");
	cr_assert_eq(html_date_iso("2025-02-30", 10, iso), -1);
	cr_assert_eq(html_date_iso("hôm qua", 8, iso), -1);
}

Test(html_dates, visible_date_lines_are_strict)
{
	char iso[32];
	static const char *yes[] = {"Thứ tư, 12/3/2025, 10:20 (GMT+7)", "12/03/2025 10:20 GMT+7",
				    "Cập nhật: 10:20 ngày 12/03/2025",	"Thứ Ba, 18-02-2025, 17:10",
				    "Ngày đăng: 08/04/2025 | 16:45",	"(03/06/2025 14:30)",
				    "ngày 12 tháng 3 năm 2025"};
	for (size_t k = 0; k < sizeof yes / sizeof *yes; k++)
		cr_expect(html_date_line(yes[k], strlen(yes[k]), iso), "%s", yes[k]);
	static const char *no[] = {"Sáng 12/3/2025, Ban Thường vụ Tỉnh ủy họp.",
				   "Nghị quyết số 36-NQ/TW ngày 22/10/2018",
				   "12/03/2025 và 13/03/2025", "Hoàng Biên"};
	for (size_t k = 0; k < sizeof no / sizeof *no; k++)
		cr_expect(!html_date_line(no[k], strlen(no[k]), iso), "%s", no[k]);
	cr_assert(html_date_line(yes[0], strlen(yes[0]), iso));
	cr_assert_str_eq(iso, "2025-03-12T10:20:00+07:00");
}

Test(html_names, title_case_and_organisations)
{
	char *n = html_name_case("HOÀNG  BIÊN", 13);
	cr_assert_str_eq(n, "Hoàng Biên");
	free(n);
	n = html_name_case("Thu Hà", 7);
	cr_assert_str_eq(n, "Thu Hà");
	free(n);
	cr_assert(html_author_is_org("Báo Thanh Niên", NULL));
	cr_assert(html_author_is_org("TTO", NULL));
	cr_assert(html_author_is_org("baochinhphu.vn", NULL));
	cr_assert(html_author_is_org("VnExpress", "VnExpress"));
	cr_assert(!html_author_is_org("Nguyễn Văn An", "VnExpress"));
}

/* ---- metadata in order of trust ----------------------------------------------------- */

#define BODY                                                                                                              \
	"<article><h1>Hội nghị Ban Thường vụ Huyện ủy lần thứ 5</h1><p>Sáng 5/3, đồng chí "         \
	"Nguyễn Văn An, Bí thư Huyện ủy chủ trì hội nghị lần thứ 5 của Ban Thường vụ Huyện " \
	"ủy.</p></article>"

Test(html_meta, trust_order)
{
	struct html_article a = extract(
	    "<html lang=\"vi-VN\"><head><title>Hội nghị Ban Thường vụ Huyện ủy lần thứ 5 | Báo X"
	    "</title><meta property=\"og:title\" content=\"Hội nghị Ban Thường vụ Huyện ủy lần "
	    "thứ 5 - Báo X\"><meta property=\"og:site_name\" content=\"Báo X\"><meta "
	    "property=\"article:published_time\" content=\"2025-03-05T01:00:00Z\"><script "
	    "type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":"
	    "\"2020-01-01\",\"author\":[{\"@type\":\"Person\",\"name\":\"TRẦN BÌNH\"},{\"@type\":"
	    "\"Organization\",\"name\":\"Báo X\"}]}</script><meta name=author content=\"Lê C\">"
	    "<link rel=canonical href=\"/a/1.html\"></head><body>" BODY "</body></html>",
	    NULL);
	cr_assert_str_eq(a.title, "Hội nghị Ban Thường vụ Huyện ủy lần thứ 5");
	cr_assert_str_eq(a.published_at, "2025-03-05T08:00:00+07:00"); /* meta over JSON-LD */
	cr_assert_eq(a.n_authors, 1);
	cr_assert_str_eq(a.authors[0].name, "Trần Bình"); /* JSON-LD person over meta */
	cr_assert_str_eq(a.site_name, "Báo X");
	cr_assert_str_eq(a.language, "vi");
	cr_assert_str_eq(a.canonical_url, "/a/1.html");
	/* the author is written in the text, where its span points */
	cr_assert(!strncmp(a.text + a.authors[0].start, "Trần Bình",
			   a.authors[0].end - a.authors[0].start));
	html_article_free(&a);

	struct html_options o = {.url = "https://baox.vn/thoi-su/b.html"};
	struct html_error e;
	const char *p2 =
	    "<head><title>Tiêu đề cũ của mẫu trang</title><meta property=og:title "
	    "content=\"Tiêu đề cũ của mẫu trang\"><link rel=canonical href=\"/a/1.html\">"
	    "</head><body><time datetime=\"2025-03-05 08:00\">5/3</time>" BODY "</body>";
	cr_assert_eq(html_extract(p2, strlen(p2), &o, &a, &e), 0);
	/* og:title that says something else than the headline: the headline */
	cr_assert_str_eq(a.title, "Hội nghị Ban Thường vụ Huyện ủy lần thứ 5");
	cr_assert_str_eq(a.canonical_url, "https://baox.vn/a/1.html");
	cr_assert_str_eq(a.published_at, "2025-03-05T08:00:00+07:00");
	cr_assert_eq(a.n_authors, 0);
	html_article_free(&a);
}

Test(html_meta, jsonld_graph_and_visible_date)
{
	struct html_article a = extract(
	    "<script type=\"application/ld+json\">\n<!--\n{\"@context\":\"https://schema.org\","
	    "\"@graph\":[{\"@type\":\"WebPage\",\"name\":\"x\"},{\"@type\":[\"NewsArticle\"],"
	    "\"headline\":\"Hội nghị Ban Thường vụ Huyện ủy lần thứ 5\",\"datePublished\":"
	    "\"2025-03-05T08:00:00+07:00\",\"author\":\"Lê Văn C, Trần D\"}]}\n-->\n</script>" BODY,
	    NULL);
	cr_assert_str_eq(a.published_at, "2025-03-05T08:00:00+07:00");
	cr_assert_eq(a.n_authors, 2);
	html_article_free(&a);
	a = extract("<h1>Hội nghị Ban Thường vụ Huyện ủy lần thứ 5</h1><div class=\"date\">Thứ "
		    "Tư, 05/03/2025 - 08:00</div><div class=\"content\"><p>Sáng 5/3, đồng chí "
		    "Nguyễn Văn An chủ trì hội nghị Ban Thường vụ Huyện ủy lần thứ 5.</p></div>",
		    NULL);
	cr_assert_str_eq(a.published_at, "2025-03-05T08:00:00+07:00");
	cr_assert(strstr(a.text, "\n\n05/03/2025 08:00\n\n"), "the date line: %s", a.text);
	cr_assert_null(strstr(a.text, "Thứ Tư"), "the visible date is not a paragraph: %s", a.text);
	html_article_free(&a);
}

/* ---- content ------------------------------------------------------------------------ */

Test(html_content, boilerplate_stays_out_captions_and_byline_stay_in)
{
	struct html_article a = extract(
	    "<body><nav><a>Thời sự</a><a>Kinh tế</a></nav><div class=\"breadcrumb\">Trang chủ</div>"
	    "<h1>Hội nghị Ban Thường vụ Huyện ủy lần thứ 5</h1><div class=\"main\"><div "
	    "class=\"post\"><p>Sáng 5/3, đồng chí Nguyễn Văn An, Bí thư Huyện ủy chủ trì hội nghị "
	    "lần thứ 5 của Ban Thường vụ Huyện ủy.</p><div class=\"share-bar\">Chia sẻ "
	    "Facebook</div>"
	    "<figure><img src=a.jpg><figcaption>Quang cảnh hội nghị</figcaption></figure>"
	    "<p><a href=\"/x\">Xem thêm: Huyện ủy họp phiên thường kỳ tháng 2</a></p>"
	    "<p>Hội nghị cho ý kiến vào dự thảo báo cáo chính trị trình Đại hội Đảng bộ huyện lần "
	    "thứ XX, nhiệm kỳ 2025 - 2030.</p><p style=\"display:none\">ẩn</p><p><strong>NGỌC "
	    "LAN</strong></p></div><div class=\"comments\"><p>Ông Tám: hội nghị hôm qua rất hay, "
	    "mong các đồng chí sớm có kết luận cụ thể.</p></div></div><aside>Tin nổi bật: Tỉnh ủy "
	    "họp"
	    "</aside><footer>Tổng biên tập: Trần Văn B</footer></body>",
	    NULL);
	cr_assert_str_eq(
	    a.text, "Hội nghị Ban Thường vụ Huyện ủy lần thứ 5\n\n"
		    "Sáng 5/3, đồng chí Nguyễn Văn An, Bí thư Huyện ủy chủ trì hội nghị lần thứ 5 "
		    "của Ban Thường vụ Huyện ủy.\n\n"
		    "[img]\nQuang cảnh hội nghị\n\n"
		    "Hội nghị cho ý kiến vào dự thảo báo cáo chính trị trình Đại hội Đảng bộ "
		    "huyện lần thứ XX, nhiệm kỳ 2025 - 2030.\n\n"
		    "NGỌC LAN\n");
	html_article_free(&a);
}

Test(html_content, empty_and_sniffing)
{
	struct html_article a;
	struct html_error e;
	const char *p = "<html><body><nav><a>Trang chủ</a></nav><script>x()</script></body></html>";
	cr_assert_eq(html_extract(p, strlen(p), NULL, &a, &e), -1);
	cr_assert_eq(e.code, HTML_E_EMPTY);
	cr_assert(model_looks_like_html("  <!DOCTYPE html><html>", 23));
	cr_assert(model_looks_like_html("\xEF\xBB\xBF<html lang=vi>", 18));
	cr_assert(model_looks_like_html("<div class=a>", 13));
	cr_assert(!model_looks_like_html("Sáng 5/3, hội nghị <b>", 23));
	cr_assert(!model_looks_like_html("<Hội nghị>", 12));
	struct model_options o = {.input = MODEL_INPUT_AUTO};
	struct model_error me;
	json_t *r = model_parse("<p>Sáng 5/3, Huyện ủy họp.</p>", 31, &o, &me);
	cr_assert(r && json_object_get(json_object_get(r, "article"), "source"),
		  "AUTO read a page");
	json_decref(r);
	r = model_parse("Sáng 5/3, Huyện ủy họp.", 24, &o, &me);
	cr_assert(r && !json_object_get(json_object_get(r, "article"), "source"), "AUTO read text");
	json_decref(r);
}

/* The model's own white space is white space here too: a paragraph of
 * line and paragraph separators (U+2028, U+2029, NEL) is no text, and one
 * inside a paragraph or a sapo is a space, not a line break in its block. */
Test(html_content, model_white_space_is_white_space)
{
	struct html_article a;
	struct html_error e;
	const char *seps[] = {"\xE2\x80\xA8", "\xE2\x80\xA9", "\xC2\x85"};
	for (size_t k = 0; k < 3; k++) {
		char p[512];
		int n = snprintf(
		    p, sizeof p, "<html><body><p>%s%s%s%s%s%s%s%s%s%s%s%s%s%s%s</p></body></html>",
		    seps[k], seps[k], seps[k], seps[k], seps[k], seps[k], seps[k], seps[k], seps[k],
		    seps[k], seps[k], seps[k], seps[k], seps[k], seps[k]);
		cr_assert_eq(html_extract(p, (size_t)n, NULL, &a, &e), -1, "separator %zu", k);
		cr_assert_eq(e.code, HTML_E_EMPTY);
	}
	const char *page =
	    "<html><head><meta property=\"og:title\" content=\"Huyện ủy\xE2\x80\xA8họp\">"
	    "</head><body><article><p>Sáng 5/3,\xE2\x80\xA9Huyện ủy\xC2\x85họp.</p>"
	    "</article></body></html>";
	a = extract(page, NULL);
	cr_assert(!strstr(a.text, "\xE2\x80\xA8") && !strstr(a.text, "\xE2\x80\xA9") &&
		      !strstr(a.text, "\xC2\x85"),
		  "%s", a.text);
	cr_assert(strstr(a.text, "Huyện ủy họp\n"), "%s", a.text);
	cr_assert(strstr(a.text, "Sáng 5/3, Huyện ủy họp."), "%s", a.text);
	html_article_free(&a);
}

/* ---- hostile shapes ---------------------------------------------------------------- */

typedef struct {
	char *p;
	size_t n;
} page_t;

static page_t repeat(const char *head, const char *unit, size_t times, const char *tail)
{
	size_t hl = strlen(head), ul = strlen(unit), tl = strlen(tail);
	page_t pg = {malloc(hl + ul * times + tl + 1), 0};
	memcpy(pg.p, head, hl);
	pg.n = hl;
	for (size_t i = 0; i < times; i++, pg.n += ul)
		memcpy(pg.p + pg.n, unit, ul);
	memcpy(pg.p + pg.n, tail, tl + 1);
	pg.n += tl;
	return pg;
}

/* Guard and parse a page; the tree must stay within the bounds. */
static void bounded(page_t pg, const char *what)
{
	hconv_t cv;
	size_t skip;
	struct html_error e;
	hwork_t w = {0};
	hcanon_t c = {0};
	htree_t t;
	cr_assert_eq(html_charset_open(pg.p, pg.n, "utf-8", &cv, &skip, &e), 0);
	cr_assert_eq(html_guard(pg.p, pg.n, skip, &cv, &c, &w), 0, "%s: guard", what);
	cr_assert_leq(c.out.n, pg.n * 2 + 64, "%s: canonical stream %zu for %zu bytes", what,
		      c.out.n, pg.n);
	cr_assert_eq(html_parse(&c, &t, &w), 0, "%s: parse", what);
	size_t maxdepth = 0;
	for (size_t i = 0; i < t.nodes.n; i++) {
		if (t.nodes.v[i].depth > maxdepth)
			maxdepth = t.nodes.v[i].depth;
		cr_assert_leq(t.nodes.v[i].nattr, HTML_MAX_ATTRS, "%s: attributes", what);
	}
	cr_assert_leq(maxdepth, HTML_MAX_DEPTH + 8, "%s: depth %zu", what, maxdepth);
	cr_assert_leq(t.nodes.n, pg.n / 2 + 16, "%s: %zu nodes for %zu bytes", what, t.nodes.n,
		      pg.n);
	html_tree_free(&t);
	html_guard_free(&c);
	html_charset_close(&cv);
	/* and the whole path answers */
	struct html_article a;
	if (html_extract(pg.p, pg.n, NULL, &a, &e) == 0)
		html_article_free(&a);
	else
		cr_assert_eq(e.code, HTML_E_EMPTY, "%s: %s", what, e.message);
}

Test(html_hostile, shapes_are_bounded, .timeout = 60)
{
	page_t pg;
	pg = repeat("<html><body>", "<div>", 100000, "Hội nghị</body>");
	bounded(pg, "100,000 nested divs");
	free(pg.p);
	pg = repeat("<body>", "<span><div>", 30000, "x");
	bounded(pg, "span/div that libxml2 cannot close");
	free(pg.p);
	pg = repeat("<body>", "<b><i><u><font><a>", 20000, "x");
	bounded(pg, "unclosed inline tags");
	free(pg.p);
	pg = repeat("<body><div ", "class=\"a\" id=b data-x=1 ", 34000, ">Hội nghị</div>");
	bounded(pg, "100,000 attributes on one tag");
	free(pg.p);
	pg = repeat("<body><p>", "&amp;&lt;&#x41;&eacute;&nosuch;&#99999999;", 40000, "</p>");
	bounded(pg, "entity flood");
	free(pg.p);
	pg = repeat("<body><p>Hội nghị</p><!--", "<p>x</p>--", 100000, "-->");
	bounded(pg, "huge comment");
	free(pg.p);
	pg = repeat("<body><p>Hội nghị</p><!--", "<div>", 100000, "");
	bounded(pg, "unterminated comment");
	free(pg.p);
	pg = repeat("<body><script>", "var a = '</div><p>'; ", 50000, "</script><p>Hội nghị</p>");
	bounded(pg, "huge script");
	free(pg.p);
	pg = repeat("<body>", "<table><tr><td>", 30000, "x");
	bounded(pg, "nested tables");
	free(pg.p);
	pg = repeat("<body>", "<ul><li><select><option>", 20000, "x");
	bounded(pg, "lists and selects");
	free(pg.p);
	pg = repeat("<body><div>", "</span></p></div></td>", 50000, "x");
	bounded(pg, "stray end tags");
	free(pg.p);
	pg = repeat("<body>", "<p>", 100000, "x");
	bounded(pg, "unclosed paragraphs");
	free(pg.p);
}

Test(html_hostile, deep_page_still_yields_its_text)
{
	page_t pg = repeat("<html><body><h1>Hội nghị Ban Thường vụ</h1>", "<div>", 5000,
			   "<p>Sáng 5/3, Ban Thường vụ Huyện ủy tổ chức hội nghị lần thứ 5.</p>");
	struct html_article a;
	struct html_error e;
	cr_assert_eq(html_extract(pg.p, pg.n, NULL, &a, &e), 0, "%s", e.message);
	cr_assert(strstr(a.text, "Sáng 5/3, Ban Thường vụ Huyện ủy"), "text: %s", a.text);
	cr_assert(a.warnings & HTML_W_TRUNCATED);
	html_article_free(&a);
	free(pg.p);
}
