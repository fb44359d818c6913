/* Unit tests of model/segment on what the shared text layer changed: the
 * sentence marks on the tokens, the vocabulary as data (segment.tsv) with
 * its spellings, the arena and its failures. Every text here is invented. */
#include "segment_test.h"

TestSuite(segment_text, .fini = fini);

static const char RUN_IN[] =
    "UBND huyện Tân Lạc họp bàn kế hoạch quý III\n"
    "Sáng 2/7, UBND huyện Tân Lạc tổ chức cuộc họp bàn kế hoạch quý III.\n"
    "Quang cảnh cuộc họp. Ảnh: Ngọc Lan Sáng 2/7, ông Bùi Văn Hòa, Chủ tịch UBND huyện, "
    "chủ trì cuộc họp. Ông nhấn mạnh: “Phải hoàn thành đúng hạn.” Các xã báo cáo tiến độ. "
    "(Ảnh: Minh Đức/TTXVN) Cuộc họp kết thúc lúc 11 giờ. Thu Trang (TTXVN)\n";

Test(segment_text, tf_sent_marks_the_first_token_of_each_sentence)
{
	seg(RUN_IN);
	size_t marked = 0;
	for (size_t i = 0; i < tx.n; i++)
		marked += (tx.tok[i].flags & TF_SENT) != 0;
	cr_assert_eq(marked, art.sentences.n);
	for (size_t k = 0; k < art.sentences.n; k++) {
		size_t i = text_tok_at(&tx, art.sentences.v[k].start);
		cr_assert_lt(i, tx.n);
		cr_expect_eq(tx.tok[i].start, art.sentences.v[k].start);
		cr_expect(tx.tok[i].flags & TF_SENT);
	}
	cr_expect_not(tx.tok[text_tok_at(&tx, art.title.start)].flags & TF_SENT,
		      "the title is not a sentence");
}

Test(segment_text, abbreviations_as_spelled)
{
	/* "Tp", "tp" and "Ths" are listed spellings; "Pgs" is not ("PGS" is) */
	seg("Tiêu đề\n\nĐoàn đến Tp. Hòa Bình, tp. Vinh và gặp Ths. Lan. Ông gặp Pgs. Hà. Sau "
	    "đó nghỉ.\n");
	cr_assert_eq(art.sentences.n, 4);
	EXPECT_SPAN(art.sentences.v[0], "Đoàn đến Tp. Hòa Bình, tp. Vinh và gặp Ths. Lan.");
	EXPECT_SPAN(art.sentences.v[1], "Ông gặp Pgs.");
	EXPECT_SPAN(art.sentences.v[2], "Hà.");
}

Test(segment_text, credit_stops_before_starter_in_either_spelling)
{
	/* "Uỷ" and "Ủy" both open a sentence; the credit would otherwise run
	 * on to the capital before the first lower-case word ("Ban") */
	static const char *const forms[] = {"Uỷ", "Ủy"};
	for (int k = 0; k < 2; k++) {
		static char buf[512], want[128];
		snprintf(buf, sizeof buf,
			 "Tiêu đề\nSapo.\nQuang cảnh hội nghị. Ảnh: Thu Giang %s Ban Thường vụ "
			 "Tỉnh ủy họp phiên thường kỳ.\n",
			 forms[k]);
		snprintf(want, sizeof want, "%s Ban Thường vụ Tỉnh ủy họp phiên thường kỳ.",
			 forms[k]);
		seg(buf);
		cr_assert_eq(art.paragraphs.n, 2);
		EXPECT_SPAN(art.paragraphs.v[1], want);
		EXPECT_SPAN(art.captions.v[0], "Quang cảnh hội nghị.");
	}
}

Test(segment_text, trailing_name_after_rank_in_either_tone_placement)
{
	/* the rank introduces the name in the old ("úy") and the new ("uý")
	 * tone placement: the words fold like every lexicon's */
	seg("Tiêu đề\nSapo của bài.\nĐoàn đã thăm cán bộ chiến sĩ. Sau đó đoàn tặng quà cho "
	    "thượng úy Trần Văn An\n");
	cr_expect_eq(art.authors.n, 0);
	seg("Tiêu đề\nSapo của bài.\nĐoàn đã thăm cán bộ chiến sĩ. Sau đó đoàn tặng quà cho "
	    "thượng uý Trần Văn An\n");
	cr_expect_eq(art.authors.n, 0);
}

Test(segment_text, agency_credits_in_any_case)
{
	seg("Tiêu đề\n\nNội dung chính của bài viết.\n\nTheo DÂN TRÍ\n");
	cr_expect_eq(art.authors.n, 0);
	cr_expect_eq(art.paragraphs.n, 1);
	seg("Tiêu đề\n\nNội dung chính của bài viết.\n\nTheo Vov.vn\n");
	cr_expect_eq(art.authors.n, 0);
	cr_expect_eq(art.paragraphs.n, 1);
}

Test(segment_text, byline_prefix_at_window_start_keeps_the_word_before)
{
	/* the run-in byline is looked for in the last 400 bytes; when its
	 * prefix is the first whole token there, the paragraph keeps the word
	 * the window cut (it used to end inside it) */
	static char buf[1024];
	char *p = buf + sprintf(buf, "Tiêu đề\nSapo.\nHội nghị kết thúc. Xem thêm tại "
				     "https://example.org/");
	memset(p, 'a', 450);
	p += 450;
	size_t url_end = (size_t)(p - buf);
	strcpy(p, " Tin, ảnh: Quốc Huy\n");
	seg(buf);
	cr_assert_eq(art.authors.n, 1);
	cr_expect_str_eq(art.authors.v[0].name, "Quốc Huy");
	cr_assert_eq(art.paragraphs.n, 2);
	cr_expect_eq(art.paragraphs.v[1].end, url_end);
}

Test(segment_text, out_of_memory_fails_cleanly)
{
	size_t one = strlen(RUN_IN), n = 200 * one;
	char *buf = malloc(n + 1);
	cr_assert_not_null(buf);
	for (int i = 0; i < 200; i++)
		memcpy(buf + i * one, RUN_IN, one);
	buf[n] = '\0';
	seg_n(buf, n);
	size_t want_p = art.paragraphs.n, want_s = art.sentences.n, want_q = art.quotes.n;
	int fails = 0, r = -1;
	for (size_t extra = 0; extra <= (32u << 20) && r; extra += 32 * 1024) {
		fini();
		cr_assert_eq(text_scan(&tx, buf, n, &ar, NULL), 0);
		cr_assert_eq(tag_text(&tx), 0);
		ar.limit = ar.total + extra;
		r = segment_article(&tx, &art);
		if (r) {
			cr_assert_eq(r, -1);
			cr_expect_eq(art.paragraphs.n + art.sentences.n + art.authors.n, 0);
			fails++;
		}
	}
	cr_expect_gt(fails, 0, "no allocation failed");
	cr_assert_eq(r, 0);
	cr_expect_eq(art.paragraphs.n, want_p);
	cr_expect_eq(art.sentences.n, want_s);
	cr_expect_eq(art.quotes.n, want_q);
	fini();
	ar.limit = 0;
	free(buf);
}

Test(segment_text, lexicon_rows_and_spellings)
{
	static const int all[] = {LEX_SEGMENT_ABBREV,	 LEX_SEGMENT_STARTER,
				  LEX_SEGMENT_AGENCY,	 LEX_SEGMENT_ORG_HEAD,
				  LEX_SEGMENT_NAME_HEAD, LEX_SEGMENT_BYLINE_PREFIX,
				  LEX_SEGMENT_CREDIT};
	for (size_t k = 0; k < sizeof all / sizeof *all; k++)
		cr_expect_gt(lex_count(all[k]), 0, "%s is empty", lex_name(all[k]));
	/* another spelling must fold to its row, or it could never match */
	static const int spelled[] = {LEX_SEGMENT_ABBREV, LEX_SEGMENT_STARTER};
	for (size_t k = 0; k < 2; k++) {
		for (size_t i = 0; i < lex_count(spelled[k]); i++) {
			const lex_entry_t *e = lex_entry(spelled[k], i);
			const char *p = e->ncols >= 3 ? e->cols[2] : "";
			/* a starter of several words has its first word as spelled and
			 * no other spellings (segment_starter) */
			if (spelled[k] == LEX_SEGMENT_STARTER && e->ntok > 1) {
				cr_expect_str_empty(p, "'%s': other spellings of several words",
						    e->form);
				continue;
			}
			cr_expect_eq(e->ntok, 1, "'%s' is not one word", e->form);
			while (*p) {
				size_t m = strcspn(p, " ");
				cr_expect_eq(lex_lookup(spelled[k], p, m), e, "'%.*s' is not '%s'",
					     (int)m, p, e->form);
				p += m + (p[m] == ' ');
			}
		}
	}
	static const char *const kinds[] = {"byline", "theo",  "source", "head",
					    "plain",  "lower", "photo",	 "before"};
	const int with_kind[] = {LEX_SEGMENT_BYLINE_PREFIX, LEX_SEGMENT_CREDIT};
	for (size_t k = 0; k < 2; k++) {
		for (size_t i = 0; i < lex_count(with_kind[k]); i++) {
			const lex_entry_t *e = lex_entry(with_kind[k], i);
			int ok = 0;
			for (size_t j = k ? 3 : 0; j < (k ? 8u : 3u); j++)
				ok |= e->ncols >= 3 && !strcmp(e->cols[2], kinds[j]);
			cr_expect(ok, "'%s' has no known kind", e->form);
		}
	}
}
