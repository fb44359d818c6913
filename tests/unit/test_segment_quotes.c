/* Unit tests of model/segment: quotation marks and quoted phrases. Every
 * text here is invented. */
#include "segment_test.h"

TestSuite(quotes, .fini = fini);

Test(quotes, curly_counts_and_first_occurrence_order)
{
	seg("Thực hiện “3 rõ” trong công tác cán bộ\n\nTỉnh ủy yêu cầu chống “tham nhũng "
	    "vặt”, thực hiện “3 rõ”. Phương châm “3 rõ” được quán triệt.\n");
	cr_assert_eq(art.quotes.n, 2);
	EXPECT_SPAN(art.quotes.v[0].span, "3 rõ");
	cr_expect_eq(art.quotes.v[0].count, 3);
	EXPECT_SPAN(art.quotes.v[1].span, "tham nhũng vặt");
	cr_expect_eq(art.quotes.v[1].count, 1);
	/* the first span is kept: the one in the title */
	cr_expect_lt(art.quotes.v[0].span.end, art.title.end + 1);
}

Test(quotes, trailing_punctuation_inside_marks_dropped)
{
	seg("Tiêu đề\n\nBiểu hiện “tự diễn biến,” “tự chuyển hóa” và “nói không làm…” hay "
	    "\"việc gì?\" được nêu.\n");
	cr_assert_eq(art.quotes.n, 4);
	EXPECT_SPAN(art.quotes.v[0].span, "tự diễn biến");
	EXPECT_SPAN(art.quotes.v[1].span, "tự chuyển hóa");
	EXPECT_SPAN(art.quotes.v[2].span, "nói không làm");
	EXPECT_SPAN(art.quotes.v[3].span, "việc gì");
}

Test(quotes, straight_guillemets_and_single_in_title)
{
	seg("Bí thư Tỉnh ủy: 'Không để dự án nằm trên giấy'\n\nPhong trào \"Dân vận khéo\" và "
	    "cuộc vận động «Ngày vì người nghèo» được phát động. Ông O'Neill dự lễ.\n");
	cr_assert_eq(art.quotes.n, 3);
	EXPECT_SPAN(art.quotes.v[0].span, "Không để dự án nằm trên giấy");
	EXPECT_SPAN(art.quotes.v[1].span, "Dân vận khéo");
	EXPECT_SPAN(art.quotes.v[2].span, "Ngày vì người nghèo");
}

Test(quotes, nested_outer_and_inner_kept)
{
	seg("Tiêu đề\n\nÔng nói: “Việc triển khai còn “thiếu lửa”, chưa quyết liệt.” Sau đó "
	    "ông giao nhiệm vụ.\n");
	cr_assert_eq(art.quotes.n, 2);
	EXPECT_SPAN(art.quotes.v[0].span, "Việc triển khai còn “thiếu lửa”, chưa quyết liệt");
	EXPECT_SPAN(art.quotes.v[1].span, "thiếu lửa");
}

Test(quotes, nested_straight_quotes)
{
	seg("Tiêu đề\n\nChỉ thị nêu rõ: \"Ngăn chặn biểu hiện \"tự diễn biến\", \"tự chuyển "
	    "hóa\" trong nội bộ\". Hội nghị thống nhất.\n");
	cr_assert_eq(art.quotes.n, 3);
	EXPECT_SPAN(art.quotes.v[0].span,
		    "Ngăn chặn biểu hiện \"tự diễn biến\", \"tự chuyển hóa\" trong nội bộ");
	EXPECT_SPAN(art.quotes.v[1].span, "tự diễn biến");
	EXPECT_SPAN(art.quotes.v[2].span, "tự chuyển hóa");
}

/* web text mixes the shapes of double marks: a straight opening mark closed
 * by a curly one, and the reverse, still make a quote */
Test(quotes, mixed_straight_and_curly_double_marks_pair)
{
	seg("Tiêu đề\n\nÔng An nói: \"Trường sẽ giải thể”. Các \"gói dữ liệu” và “kho số\" "
	    "được mở.\n");
	cr_assert_eq(art.quotes.n, 3);
	EXPECT_SPAN(art.quotes.v[0].span, "Trường sẽ giải thể");
	EXPECT_SPAN(art.quotes.v[1].span, "gói dữ liệu");
	EXPECT_SPAN(art.quotes.v[2].span, "kho số");
}

Test(quotes, unmatched_opener_is_dropped)
{
	seg("Tiêu đề\n\nNghị quyết về “Tăng cường xây dựng Đảng; ngăn chặn biểu hiện “suy "
	    "thoái” trong nội bộ. Sau đó, phong trào “Thi đua yêu nước” được phát động.\n");
	cr_assert_eq(art.quotes.n, 2);
	EXPECT_SPAN(art.quotes.v[0].span, "suy thoái");
	EXPECT_SPAN(art.quotes.v[1].span, "Thi đua yêu nước");
	cr_expect_eq(art.sentences.n, 2, "an unmatched mark does not stop sentence splitting");
}

Test(quotes, unmatched_closer_and_empty_quotes_ignored)
{
	seg("Tiêu đề\n\nVăn bản ghi” sai. Ô trống “” và \"\" không tính. Còn “đúng” thì tính.\n");
	cr_assert_eq(art.quotes.n, 1);
	EXPECT_SPAN(art.quotes.v[0].span, "đúng");
}

Test(quotes, never_span_paragraphs)
{
	seg("Tiêu đề\n\nĐoạn một mở “ngoặc kép mà không đóng.\n\nĐoạn hai đóng” ở đây.\n");
	cr_expect_eq(art.quotes.n, 0);
}

Test(quotes, long_speech_kept_overlong_dropped)
{
	static char buf[40000];
	char *p = buf;
	p += sprintf(p, "Tiêu đề\n\nÔng nói: “");
	for (int i = 0; i < 60; i++)
		p += sprintf(p, "Chúng ta quyết tâm hoàn thành. "); /* 31 code points */
	p += sprintf(p, "” Hết.\n\nBà nói: “");
	for (int i = 0; i < 80; i++)
		p += sprintf(p, "Chúng ta quyết tâm hoàn thành. ");
	p += sprintf(p, "” Hết.\n");
	seg(buf);
	cr_assert_eq(art.quotes.n, 1);
	cr_expect_gt(art.quotes.v[0].span.end - art.quotes.v[0].span.start, 1800);
	cr_expect_eq(art.quotes.v[0].count, 1);
}

Test(quotes, ten_thousand_marks_fast)
{
	size_t cap = 10000 * 16 + 64;
	char *buf = malloc(cap), *p = buf;
	cr_assert_not_null(buf);
	p += sprintf(p, "Tiêu đề\n\n");
	for (int i = 0; i < 5000; i++) /* 5,000 pairs, 10,000 marks, two texts */
		p += sprintf(p, "“ý %d” ", i % 2);
	p += sprintf(p, "\n");
	double t0 = now();
	seg(buf);
	double dt = now() - t0;
	cr_assert_eq(art.quotes.n, 2);
	cr_expect_eq(art.quotes.v[0].count, 2500);
	cr_expect_eq(art.quotes.v[1].count, 2500);
	cr_expect_lt(dt, 1.0, "took %.3f s", dt);
	free(buf);
}

Test(quotes, ten_thousand_unbalanced_openers_fast)
{
	size_t cap = 10000 * 12 + 64;
	char *buf = malloc(cap), *p = buf;
	cr_assert_not_null(buf);
	p += sprintf(p, "Tiêu đề\n\n");
	for (int i = 0; i < 10000; i++)
		p += sprintf(p, "“ab \"c ");
	p += sprintf(p, "kết thúc”.\n");
	double t0 = now();
	seg(buf);
	double dt = now() - t0;
	cr_expect_eq(art.quotes.n, 1, "only the last opener pairs");
	cr_expect_lt(dt, 1.0, "took %.3f s", dt);
	free(buf);
}
