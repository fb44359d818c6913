/* Model entry point: errors, normalisation, offsets in the three units, and
 * the property that every span slices the text to its "text". */
#include <criterion/criterion.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "model/model.h"

/* An article written for these tests (invented people and facts). */
static const char *ARTICLE =
    "Hội đồng nhân dân tỉnh Lâm Đồng khai mạc kỳ họp thứ 9\n"
    "\n"
    "THỨ HAI, 08/07/2024 10:15:00\n"
    "\n"
    "Sáng 8.7, đồng chí Trần Minh Khoa, Ủy viên Ban Thường vụ Tỉnh ủy, Chủ tịch HĐND tỉnh "
    "chủ trì kỳ họp thứ 9 của HĐND tỉnh khóa X. Dự kỳ họp có đồng chí Lê Thị Thu Hà, Phó "
    "Chủ tịch UBND tỉnh.\n"
    "\n"
    "Kỳ họp đã nghe UBND tỉnh báo cáo tình hình thực hiện Nghị quyết số 12/2023/NQ-HĐND "
    "ngày 5/12/2023 của HĐND tỉnh về phát triển du lịch. Đại biểu nhấn mạnh tinh thần “5 "
    "rõ” và yêu cầu “làm đến nơi đến chốn” 😀.\n"
    "\n"
    "MINH ANH\n";

static json_t *parse(const char *s, size_t n, int unit, int include_text)
{
	struct model_options o = {.unit = unit, .include_text = include_text};
	struct model_error e;
	json_t *r = model_parse(s, n, &o, &e);
	cr_assert(r, "model_parse failed: %s", e.message);
	return r;
}

/* slice text (UTF-8) by offsets in the unit */
static char *slice(const char *text, size_t a, size_t b, int unit)
{
	size_t i = 0, pos = 0, bs = (size_t)-1, be = (size_t)-1, n = strlen(text);
	while (1) {
		if (pos == a && bs == (size_t)-1)
			bs = i;
		if (pos == b) {
			be = i;
			break;
		}
		if (i >= n)
			break;
		utf8proc_int32_t cp;
		utf8proc_ssize_t l = utf8proc_iterate((const utf8proc_uint8_t *)text + i, -1, &cp);
		cr_assert(l > 0);
		i += (size_t)l;
		pos += unit == 2 ? (size_t)l : (unit == 1 && cp > 0xFFFF ? 2 : 1);
		if (unit == 2)
			pos = i;
	}
	if (bs == (size_t)-1 || be == (size_t)-1 || be < bs)
		return NULL;
	return strndup(text + bs, be - bs);
}

static int check_spans(json_t *v, const char *text, int unit)
{
	int count = 0;
	if (json_is_object(v)) {
		json_t *t = json_object_get(v, "text"), *s = json_object_get(v, "start"),
		       *e = json_object_get(v, "end");
		if (json_is_string(t) && json_is_integer(s) && json_is_integer(e)) {
			char *sl = slice(text, (size_t)json_integer_value(s),
					 (size_t)json_integer_value(e), unit);
			cr_assert(sl, "bad offsets %lld..%lld", json_integer_value(s),
				  json_integer_value(e));
			cr_assert_str_eq(sl, json_string_value(t));
			free(sl);
			count++;
		}
		const char *k;
		json_t *x;
		json_object_foreach(v, k, x) count += check_spans(x, text, unit);
	} else if (json_is_array(v)) {
		size_t i;
		json_t *x;
		json_array_foreach(v, i, x) count += check_spans(x, text, unit);
	}
	return count;
}

Test(model, every_span_slices_its_text_in_all_units)
{
	for (int unit = 0; unit < 3; unit++) {
		json_t *r = parse(ARTICLE, strlen(ARTICLE), unit, 1);
		const char *text = json_string_value(json_object_get(r, "text"));
		cr_assert(text);
		int n = check_spans(r, text, unit);
		cr_assert_gt(n, 5, "only %d spans checked", n);
		json_decref(r);
	}
}

Test(model, article_structure)
{
	json_t *r = parse(ARTICLE, strlen(ARTICLE), 0, 0);
	json_t *a = json_object_get(r, "article");
	cr_assert_str_eq(json_string_value(json_object_get(json_object_get(a, "title"), "text")),
			 "Hội đồng nhân dân tỉnh Lâm Đồng khai mạc kỳ họp thứ 9");
	cr_assert_str_eq(json_string_value(json_object_get(a, "published_at")),
			 "2024-07-08T10:15:00+07:00");
	json_t *au = json_object_get(a, "authors");
	cr_assert_eq(json_array_size(au), 1);
	cr_assert_str_eq(json_string_value(json_object_get(json_array_get(au, 0), "name")),
			 "Minh Anh");
	json_decref(r);
}

Test(model, quotes_with_counts)
{
	json_t *r = parse(ARTICLE, strlen(ARTICLE), 0, 0);
	json_t *q = json_object_get(r, "quotes");
	cr_assert_eq(json_array_size(q), 2);
	cr_assert_str_eq(json_string_value(json_object_get(json_array_get(q, 0), "text")), "5 rõ");
	json_decref(r);
}

Test(model, meeting_of_the_article)
{
	json_t *r = parse(ARTICLE, strlen(ARTICLE), 0, 0);
	json_t *ms = json_object_get(r, "meetings");
	cr_assert_eq(json_array_size(ms), 1);
	json_t *m = json_array_get(ms, 0);
	cr_assert_str_eq(json_string_value(json_object_get(m, "kind")), "session");
	cr_assert_eq(json_integer_value(json_object_get(m, "ordinal")), 9);
	cr_assert_str_eq(json_string_value(json_object_get(m, "date")), "2024-07-08");
	cr_assert_str_eq(json_string_value(json_object_get(m, "part_of_day")), "morning");
	cr_assert_eq(json_array_size(json_object_get(m, "chairs")), 1);
	json_decref(r);
}

Test(model, document_with_issuer_and_date)
{
	json_t *r = parse(ARTICLE, strlen(ARTICLE), 0, 0);
	json_t *ds = json_object_get(r, "documents");
	cr_assert_eq(json_array_size(ds), 1);
	json_t *d = json_array_get(ds, 0);
	cr_assert_str_eq(json_string_value(json_object_get(d, "symbol")), "12/2023/NQ-HĐND");
	cr_assert_str_eq(json_string_value(json_object_get(d, "issued_on")), "2023-12-05");
	json_decref(r);
}

Test(model, nfd_input_gives_the_nfc_result)
{
	utf8proc_uint8_t *nfd = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)ARTICLE, 0, &nfd,
					  UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_DECOMPOSE);
	cr_assert(n > 0);
	cr_assert_neq((size_t)n, strlen(ARTICLE));
	json_t *a = parse(ARTICLE, strlen(ARTICLE), 0, 0);
	json_t *b = parse((const char *)nfd, (size_t)n, 0, 0);
	/* same model, except the warning that says the text was normalised */
	json_object_del(a, "warnings");
	json_object_del(b, "warnings");
	cr_assert(json_equal(a, b), "NFD and NFC results differ");
	json_decref(a);
	json_decref(b);
	free(nfd);
}

Test(model, errors)
{
	struct model_error e;
	struct model_options o = {0};
	cr_assert_null(model_parse("  \n\t ", 5, &o, &e));
	cr_assert_eq(e.code, MODEL_E_EMPTY);
	cr_assert_null(model_parse("abc\xC3", 4, &o, &e));
	cr_assert_eq(e.code, MODEL_E_UTF8);
	cr_assert_eq(e.offset, 3);
	cr_assert_null(model_parse("ab\xC0\xAF", 4, &o, &e)); /* overlong '/' */
	cr_assert_eq(e.offset, 2);
	cr_assert_null(model_parse("a\xED\xA0\x80", 4, &o, &e)); /* surrogate */
	cr_assert_eq(e.offset, 1);
	cr_assert_null(model_parse("a\x80", 2, &o, &e)); /* lone continuation */
	cr_assert_eq(e.code, MODEL_E_UTF8);
	cr_assert_null(model_parse("ab\0c", 4, &o, &e));
	cr_assert_eq(e.code, MODEL_E_UTF8);
	o.published_at = "yesterday";
	cr_assert_null(model_parse("Hội nghị", strlen("Hội nghị"), &o, &e));
	cr_assert_eq(e.code, MODEL_E_PUBLISHED);
}

Test(model, bom_is_removed_with_a_warning)
{
	char buf[64];
	snprintf(buf, sizeof buf, "\xEF\xBB\xBFTin vắn");
	json_t *r = parse(buf, strlen(buf), 0, 1);
	cr_assert_str_eq(json_string_value(json_object_get(r, "text")), "Tin vắn");
	json_t *w = json_object_get(r, "warnings");
	int seen = 0;
	for (size_t i = 0; i < json_array_size(w); i++)
		if (!strcmp(json_string_value(json_object_get(json_array_get(w, i), "code")),
			    "encoding_repaired"))
			seen = 1;
	cr_assert(seen);
	json_decref(r);
}

Test(model, no_meeting_warning)
{
	const char *s =
	    "Mưa lớn gây ngập nhiều tuyến phố\n\nChiều 5/9, mưa lớn kéo dài khiến nhiều "
	    "tuyến phố bị ngập sâu.";
	json_t *r = parse(s, strlen(s), 0, 0);
	cr_assert_eq(json_array_size(json_object_get(r, "meetings")), 0);
	json_t *w = json_array_get(json_object_get(r, "warnings"), 0);
	cr_assert_str_eq(json_string_value(json_object_get(w, "code")), "no_meeting_found");
	json_decref(r);
}

Test(model, dump_is_compact_with_newline)
{
	json_t *r = parse(ARTICLE, strlen(ARTICLE), 0, 0);
	size_t n;
	char *s = model_dump(r, &n);
	cr_assert(s);
	cr_assert_eq(s[n - 1], '\n');
	cr_assert_eq(strlen(s), n);
	cr_assert_null(strstr(s, "\n  "));
	free(s);
	json_decref(r);
}

Test(model, long_runs_of_combining_marks_are_made_stream_safe)
{
	/* one letter and 3,000 acute accents: UAX #15 puts a combining grapheme
	 * joiner (U+034F) after every 30 marks before normalising */
	size_t n = 1 + 3000 * 2;
	char *s = malloc(n + 1);
	s[0] = 'a';
	for (size_t i = 0; i < 3000; i++)
		memcpy(s + 1 + 2 * i, "\xCC\x81", 2);
	s[n] = '\0';
	json_t *r = parse(s, n, 0, 1);
	const char *text = json_string_value(json_object_get(r, "text"));
	cr_assert(strstr(text, "\xCD\x8F"), "no grapheme joiner inserted");
	json_decref(r);
	free(s);
}

/* The work bound (issue: a request's deadline and the drain must stop the
 * parse, not only cut the client off). A flag already set or a deadline
 * already past stops the parse before any stage runs; on a long article the
 * stages poll the bound as they go, so the parse stops there too. */
static char *long_article(size_t *len)
{
	static const char para[] =
	    "Sáng 5/3, đồng chí Nguyễn Văn An, Bí thư Huyện ủy chủ trì hội nghị của "
	    "Ban Thường vụ Huyện ủy. Dự hội nghị có bà Trần Thị Bình, Phó Chủ tịch UBND "
	    "huyện.\n\n";
	size_t n = sizeof para - 1, reps = 4096;
	char *s = malloc(n * reps + 1);
	cr_assert_not_null(s);
	for (size_t i = 0; i < reps; i++)
		memcpy(s + i * n, para, n);
	s[n * reps] = '\0';
	*len = n * reps;
	return s;
}

Test(model, a_set_cancel_flag_stops_the_parse)
{
	atomic_int cancel = 1;
	struct model_options opt = {.cancel = &cancel};
	struct model_error err;
	struct model_buf out = {0};
	size_t len;
	char *s = long_article(&len);
	cr_assert_eq(model_parse_into(s, len, &opt, &out, &err), -1);
	cr_assert_eq(err.code, MODEL_E_CANCELLED, "%s", err.message);
	cr_assert_eq(out.len, 0);
	free(out.data);
	free(s);
}

Test(model, a_past_deadline_stops_the_parse)
{
	struct model_options opt = {.deadline_ns = 1};
	struct model_error err;
	struct model_buf out = {0};
	size_t len;
	char *s = long_article(&len);
	cr_assert_eq(model_parse_into(s, len, &opt, &out, &err), -1);
	cr_assert_eq(err.code, MODEL_E_DEADLINE, "%s", err.message);
	cr_assert_str_eq(model_errcode_name(err.code), "deadline");
	free(out.data);
	free(s);
}

Test(model, an_unset_bound_changes_nothing)
{
	atomic_int cancel = 0;
	struct model_options opt = {.cancel = &cancel, .deadline_ns = UINT64_MAX};
	struct model_error err;
	struct model_buf a = {0}, b = {0};
	size_t len;
	char *s = long_article(&len);
	cr_assert_eq(model_parse_into(s, len, &opt, &a, &err), 0, "%s", err.message);
	cr_assert_eq(model_parse_into(s, len, NULL, &b, &err), 0, "%s", err.message);
	cr_assert_eq(a.len, b.len);
	cr_assert(memcmp(a.data, b.data, a.len) == 0);
	free(a.data);
	free(b.data);
	free(s);
}

/* The result stays within 8 times the text (plus 64 KiB): 1 MiB of
 * one-letter lines would otherwise give 15 MB of paragraph spans. The lists
 * are cut at an element, the JSON stays whole, and a warning says so. */
Test(model, output_is_bounded_by_the_input)
{
	size_t len = 1024 * 1024;
	char *s = malloc(len);
	cr_assert_not_null(s);
	for (size_t i = 0; i < len; i += 2)
		s[i] = 'a', s[i + 1] = '\n';
	struct model_error err;
	struct model_buf out = {0};
	cr_assert_eq(model_parse_into(s, len, NULL, &out, &err), 0, "%s", err.message);
	cr_assert_leq(out.len, 8 * len + 65536);
	json_error_t je;
	json_t *r = json_loadb(out.data, out.len, 0, &je);
	cr_assert_not_null(r, "%s", je.text);
	json_t *w = json_object_get(r, "warnings");
	int cut = 0;
	for (size_t i = 0; i < json_array_size(w); i++)
		cut |= !strcmp(json_string_value(json_object_get(json_array_get(w, i), "code")),
			       "output_truncated");
	cr_assert(cut);
	cr_assert_gt(json_array_size(json_object_get(json_object_get(r, "article"), "paragraphs")),
		     1000);
	json_decref(r);
	free(out.data);
	free(s);
}

/* A quote's mentions are its occurrences in quotation marks: the same words
 * written earlier without marks are not the quote (the old writer searched
 * the whole text for the words and pointed at the unquoted ones). */
Test(model, quote_mentions_are_the_quoted_occurrences)
{
	static const char t[] = "Làm việc theo 5 rõ là yêu cầu của Tỉnh ủy. Đồng chí Bí thư "
				"nhấn mạnh: phải làm đúng “5 rõ”, rồi lại “5 rõ”.";
	struct model_error err;
	json_t *r = model_parse(t, sizeof t - 1, NULL, &err);
	cr_assert_not_null(r, "%s", err.message);
	json_t *q = json_array_get(json_object_get(r, "quotes"), 0);
	cr_assert_str_eq(json_string_value(json_object_get(q, "text")), "5 rõ");
	cr_assert_eq(json_integer_value(json_object_get(q, "count")), 2);
	json_t *ms = json_object_get(q, "mentions");
	cr_assert_eq(json_array_size(ms), 2);
	/* code points: the first quoted "5 rõ" opens after “ at 78 */
	size_t first_unquoted = 14;
	for (size_t i = 0; i < 2; i++) {
		json_int_t s = json_integer_value(json_object_get(json_array_get(ms, i), "start"));
		cr_assert_neq((size_t)s, first_unquoted, "mention %zu points at the unquoted words",
			      i);
	}
	json_decref(r);
}
