/* Unit tests of model/segment: title, dateline, byline, captions,
 * paragraphs and sentences, read from a text cut by text_scan and tagged by
 * tag_text as the model does (the quotes: test_segment_quotes.c; what the
 * text layer changed: test_segment_text.c). Every article here is
 * invented. */
#include "segment_test.h"

TestSuite(segment, .fini = fini);

/* ---- one paragraph per line, like the seed ------------------------------ */

static const char SEEDLIKE[] =
    "Tỉnh ủy Hòa Phong họp bàn công tác cán bộ\n"
    "\n"
    "THỨ HAI, 14/03/2022 09:30:05\n"
    "\n"
    "Sáng 14.3, đồng chí Lý Minh Khoa, Bí thư Tỉnh ủy chủ trì hội nghị lần thứ 12 "
    "của Ban Thường vụ Tỉnh ủy.\n"
    "\n"
    "Đồng chí Lý Minh Khoa phát biểu tại hội nghị\n"
    "\n"
    "Hội nghị đã nghe báo cáo về công tác cán bộ. Các ý kiến thống nhất cao.\n"
    "\n"
    "TRẦN THU HÀ";

Test(segment, seed_shape_title_dateline_caption_byline)
{
	seg(SEEDLIKE);
	cr_assert(art.has_title);
	EXPECT_SPAN(art.title, "Tỉnh ủy Hòa Phong họp bàn công tác cán bộ");
	cr_assert(art.has_dateline);
	EXPECT_SPAN(art.dateline_span, "THỨ HAI, 14/03/2022 09:30:05");
	cr_assert_eq(art.captions.n, 1);
	EXPECT_SPAN(art.captions.v[0], "Đồng chí Lý Minh Khoa phát biểu tại hội nghị");
	cr_assert_eq(art.paragraphs.n, 2);
	EXPECT_SPAN(art.paragraphs.v[0], "Sáng 14.3, đồng chí Lý Minh Khoa, Bí thư Tỉnh ủy chủ trì "
					 "hội nghị lần thứ 12 của Ban Thường vụ Tỉnh ủy.");
	EXPECT_SPAN(art.paragraphs.v[1],
		    "Hội nghị đã nghe báo cáo về công tác cán bộ. Các ý kiến thống nhất cao.");
	cr_assert_eq(art.authors.n, 1);
	cr_expect_str_eq(art.authors.v[0].name, "Trần Thu Hà");
	EXPECT_SPAN(art.authors.v[0].span, "TRẦN THU HÀ");
}

Test(segment, dateline_fields_from_dates_module)
{
	seg(SEEDLIKE);
	cr_assert(art.has_dateline);
	cr_expect_eq(art.dateline.year, 2022);
	cr_expect_eq(art.dateline.month, 3);
	cr_expect_eq(art.dateline.day, 14);
	cr_expect_eq(art.dateline.hour, 9);
	cr_expect_eq(art.dateline.minute, 30);
	cr_expect_eq(art.dateline.second, 5);
	cr_expect_eq(art.dateline.weekday, 0);
}

Test(segment, sentences_of_paragraphs_and_captions_in_order)
{
	seg(SEEDLIKE);
	cr_assert_eq(art.sentences.n, 4);
	EXPECT_SPAN(art.sentences.v[1], "Đồng chí Lý Minh Khoa phát biểu tại hội nghị");
	EXPECT_SPAN(art.sentences.v[2], "Hội nghị đã nghe báo cáo về công tác cán bộ.");
	EXPECT_SPAN(art.sentences.v[3], "Các ý kiến thống nhất cao.");
	for (size_t i = 1; i < art.sentences.n; i++)
		cr_expect(art.sentences.v[i].start >= art.sentences.v[i - 1].end);
}

static void replace_newlines(char *dst, const char *src, const char *nl)
{
	for (; *src; src++) {
		if (*src == '\n') {
			strcpy(dst, nl);
			dst += strlen(nl);
		} else {
			*dst++ = *src;
		}
	}
	*dst = '\0';
}

Test(segment, crlf_line_ends)
{
	static char buf[2048];
	replace_newlines(buf, SEEDLIKE, "\r\n");
	seg(buf);
	EXPECT_SPAN(art.title, "Tỉnh ủy Hòa Phong họp bàn công tác cán bộ");
	EXPECT_SPAN(art.dateline_span, "THỨ HAI, 14/03/2022 09:30:05");
	cr_assert_eq(art.captions.n, 1);
	EXPECT_SPAN(art.captions.v[0], "Đồng chí Lý Minh Khoa phát biểu tại hội nghị");
	cr_assert_eq(art.paragraphs.n, 2);
	cr_expect_str_eq(art.authors.v[0].name, "Trần Thu Hà");
	for (size_t i = 0; i < art.sentences.n; i++)
		cr_expect_null(memchr(txt + art.sentences.v[i].start, '\r',
				      art.sentences.v[i].end - art.sentences.v[i].start));
}

Test(segment, cr_only_line_ends)
{
	static char buf[2048];
	replace_newlines(buf, SEEDLIKE, "\r");
	seg(buf);
	EXPECT_SPAN(art.title, "Tỉnh ủy Hòa Phong họp bàn công tác cán bộ");
	cr_expect(art.has_dateline);
	cr_assert_eq(art.captions.n, 1);
	cr_assert_eq(art.paragraphs.n, 2);
	cr_assert_eq(art.authors.n, 1);
	cr_expect_str_eq(art.authors.v[0].name, "Trần Thu Hà");
}

Test(segment, nbsp_and_tabs_are_blank)
{
	seg("\t\xc2\xa0 Hội nghị giao ban quý I tại huyện Tân Lạc\xc2\xa0\t\n"
	    "\xc2\xa0\n"
	    "\tChiều 2/4, UBND huyện Tân Lạc tổ chức hội nghị giao ban.\xc2\xa0\n"
	    "\n"
	    "NGỌC\xc2\xa0\xc2\xa0LAN\t\n");
	EXPECT_SPAN(art.title, "Hội nghị giao ban quý I tại huyện Tân Lạc");
	cr_assert_eq(art.paragraphs.n, 1);
	EXPECT_SPAN(art.paragraphs.v[0],
		    "Chiều 2/4, UBND huyện Tân Lạc tổ chức hội nghị giao ban.");
	cr_assert_eq(art.authors.n, 1);
	cr_expect_str_eq(art.authors.v[0].name, "Ngọc Lan");
	EXPECT_SPAN(art.authors.v[0].span, "NGỌC\xc2\xa0\xc2\xa0LAN");
}

Test(segment, no_dateline)
{
	seg("Thành ủy Lạc Dương sơ kết 6 tháng\n\nSáng 8/7, Thành ủy Lạc Dương tổ chức hội "
	    "nghị sơ kết.\n\nHội nghị kết thúc vào buổi trưa.\n");
	cr_expect_not(art.has_dateline);
	EXPECT_SPAN(art.title, "Thành ủy Lạc Dương sơ kết 6 tháng");
	cr_assert_eq(art.paragraphs.n, 2);
	EXPECT_SPAN(art.paragraphs.v[0], "Sáng 8/7, Thành ủy Lạc Dương tổ chức hội nghị sơ kết.");
	cr_expect_eq(art.authors.n, 0);
}

Test(segment, dateline_before_title)
{
	seg("2025-04-22 15:17:00\nHĐND xã Phú Mỹ họp kỳ thứ 9\nSáng 22/4, HĐND xã Phú Mỹ "
	    "khai mạc kỳ họp thứ 9.\n");
	cr_assert(art.has_dateline);
	EXPECT_SPAN(art.dateline_span, "2025-04-22 15:17:00");
	cr_expect_eq(art.dateline.hour, 15);
	EXPECT_SPAN(art.title, "HĐND xã Phú Mỹ họp kỳ thứ 9");
	cr_assert_eq(art.paragraphs.n, 1);
}

Test(segment, dateline_at_end)
{
	seg("Huyện ủy Đông Sơn học tập nghị quyết\n\nNgày 5/3, Huyện ủy Đông Sơn tổ chức hội "
	    "nghị học tập nghị quyết.\n\nThứ 6, 21/03/2025 | 15:45\n");
	cr_assert(art.has_dateline);
	EXPECT_SPAN(art.dateline_span, "Thứ 6, 21/03/2025 | 15:45");
	cr_expect_eq(art.dateline.weekday, 4);
	cr_expect_eq(art.dateline.minute, 45);
	cr_assert_eq(art.paragraphs.n, 1);
	cr_expect_eq(art.authors.n, 0);
}

Test(segment, missing_title_body_first)
{
	seg("Sáng 3/5, Đảng ủy phường Hòa Bình tổ chức hội nghị. Hội nghị đánh giá kết quả "
	    "quý I.\n\nCác đại biểu thảo luận sôi nổi.\n");
	cr_expect_not(art.has_title);
	cr_expect_eq(art.title.start, 0);
	cr_expect_eq(art.title.end, 0);
	cr_assert_eq(art.paragraphs.n, 2);
	EXPECT_SPAN(art.paragraphs.v[0], "Sáng 3/5, Đảng ủy phường Hòa Bình tổ chức hội nghị. Hội "
					 "nghị đánh giá kết quả quý I.");
}

Test(segment, single_sentence_only_is_body)
{
	seg("Chiều 9/9, Ban Dân vận Tỉnh ủy Sơn Hà tổ chức hội nghị giao ban.");
	cr_expect_not(art.has_title);
	cr_assert_eq(art.paragraphs.n, 1);
	cr_assert_eq(art.sentences.n, 1);
}

Test(segment, empty_and_blank_input)
{
	seg("");
	cr_expect_not(art.has_title);
	cr_expect_eq(art.paragraphs.n + art.sentences.n + art.quotes.n + art.authors.n, 0);
	seg(" \n\t\r\n\xc2\xa0\r\r\n");
	cr_expect_not(art.has_title);
	cr_expect_eq(art.paragraphs.n + art.captions.n + art.sentences.n, 0);
}

/* ---- baomoi: title / sapo / one body line -------------------------------- */

static const char BAOMOI[] =
    "HĐND tỉnh Sơn Hà khai mạc kỳ họp thứ 6\n"
    "Sáng 12/7, HĐND tỉnh Sơn Hà khóa X khai mạc kỳ họp thứ 6.\n"
    "Quang cảnh kỳ họp. Ảnh: Minh Khôi Sáng 12/7, dưới sự chủ trì của ông Đỗ Văn Tâm, "
    "Chủ tịch HĐND tỉnh, kỳ họp đã nghe các báo cáo. Ông Đỗ Văn Tâm phát biểu khai mạc. "
    "(Ảnh: Lê Vy/TTXVN) Kỳ họp sẽ kéo dài ba ngày. Hà Linh (TTXVN)\n";

Test(segment, baomoi_captions_without_credit)
{
	seg(BAOMOI);
	cr_assert_eq(art.captions.n, 2);
	EXPECT_SPAN(art.captions.v[0], "Quang cảnh kỳ họp.");
	EXPECT_SPAN(art.captions.v[1], "Ông Đỗ Văn Tâm phát biểu khai mạc.");
}

Test(segment, baomoi_paragraphs_exclude_captions_credits_byline)
{
	seg(BAOMOI);
	cr_assert_eq(art.paragraphs.n, 3);
	EXPECT_SPAN(art.paragraphs.v[0],
		    "Sáng 12/7, HĐND tỉnh Sơn Hà khóa X khai mạc kỳ họp thứ 6.");
	EXPECT_SPAN(art.paragraphs.v[1], "Sáng 12/7, dưới sự chủ trì của ông Đỗ Văn Tâm, Chủ tịch "
					 "HĐND tỉnh, kỳ họp đã nghe các báo cáo.");
	EXPECT_SPAN(art.paragraphs.v[2], "Kỳ họp sẽ kéo dài ba ngày.");
	cr_assert_eq(art.authors.n, 1);
	cr_expect_str_eq(art.authors.v[0].name, "Hà Linh");
	EXPECT_SPAN(art.authors.v[0].span, "Hà Linh");
}

Test(segment, baomoi_sentences_skip_credits)
{
	seg(BAOMOI);
	cr_assert_eq(art.sentences.n, 5);
	EXPECT_SPAN(art.sentences.v[0],
		    "Sáng 12/7, HĐND tỉnh Sơn Hà khóa X khai mạc kỳ họp thứ 6.");
	EXPECT_SPAN(art.sentences.v[1], "Quang cảnh kỳ họp.");
	EXPECT_SPAN(art.sentences.v[3], "Ông Đỗ Văn Tâm phát biểu khai mạc.");
	EXPECT_SPAN(art.sentences.v[4], "Kỳ họp sẽ kéo dài ba ngày.");
}

Test(segment, credit_stops_before_capital_of_next_sentence)
{
	seg("Tiêu đề thử nghiệm về hội nghị\nSapo ngắn gọn.\nBí thư phát biểu. Ảnh: Thu Trang "
	    "Đồng chí Bí thư nhấn mạnh ba nhiệm vụ. Ông Phan Hòa tiếp thu ý kiến. Ảnh: T.Hải "
	    "Thay mặt tỉnh, ông Phan Hòa cảm ơn đoàn. Quang cảnh buổi làm việc. Ảnh: Ngọc Bảo. "
	    "Buổi làm việc kết thúc lúc 11 giờ.\n");
	cr_assert_eq(art.paragraphs.n, 4);
	EXPECT_SPAN(art.paragraphs.v[1], "Đồng chí Bí thư nhấn mạnh ba nhiệm vụ.");
	EXPECT_SPAN(art.paragraphs.v[2], "Thay mặt tỉnh, ông Phan Hòa cảm ơn đoàn.");
	EXPECT_SPAN(art.paragraphs.v[3], "Buổi làm việc kết thúc lúc 11 giờ.");
	cr_assert_eq(art.captions.n, 3);
	EXPECT_SPAN(art.captions.v[0], "Bí thư phát biểu.");
	EXPECT_SPAN(art.captions.v[1], "Ông Phan Hòa tiếp thu ý kiến.");
	EXPECT_SPAN(art.captions.v[2], "Quang cảnh buổi làm việc.");
	cr_expect_eq(art.authors.n, 0, "photo credits are not authors");
}

Test(segment, credit_with_agency_slash_and_words_credit)
{
	seg("Tiêu đề về một phiên họp\nSapo.\nĐoàn công tác thăm nhà máy. Ảnh: Doãn Hiếu/TTXVN "
	    "Nhà máy hoạt động từ năm 2015. Phối cảnh dự án. Ảnh tư liệu. Dự án rộng 40 ha.\n");
	cr_assert_eq(art.captions.n, 2);
	EXPECT_SPAN(art.captions.v[0], "Đoàn công tác thăm nhà máy.");
	EXPECT_SPAN(art.captions.v[1], "Phối cảnh dự án.");
	cr_assert_eq(art.paragraphs.n, 3);
	EXPECT_SPAN(art.paragraphs.v[1], "Nhà máy hoạt động từ năm 2015.");
	EXPECT_SPAN(art.paragraphs.v[2], "Dự án rộng 40 ha.");
}

Test(segment, img_placeholder_caption_line)
{
	seg("Ban Chấp hành Đảng bộ tỉnh họp phiên bất thường\n\n2025-04-20 10:00:00\n\nSáng "
	    "20/4, Ban Chấp hành Đảng bộ tỉnh họp phiên bất thường.\n[img]\nChủ tịch UBND tỉnh "
	    "phát biểu tại hội nghị. Ảnh: N.T\nHội nghị thống nhất cao với đề án.\n\nMAI ANH\n");
	cr_assert_eq(art.captions.n, 1);
	EXPECT_SPAN(art.captions.v[0], "Chủ tịch UBND tỉnh phát biểu tại hội nghị.");
	cr_assert_eq(art.paragraphs.n, 2);
	EXPECT_SPAN(art.paragraphs.v[1], "Hội nghị thống nhất cao với đề án.");
	cr_assert_eq(art.authors.n, 1);
	cr_expect_str_eq(art.authors.v[0].name, "Mai Anh");
}

Test(segment, lead_without_full_stop_is_not_a_caption)
{
	seg("Khai mạc hội thi tuyên truyền viên giỏi\n\nTối 19/3, tại thị xã Hòa Lâm đã diễn ra "
	    "lễ khai mạc hội thi\n\nQuang cảnh lễ khai mạc\n\nHội thi kéo dài hai ngày.\n");
	cr_assert_eq(art.paragraphs.n, 2);
	EXPECT_SPAN(art.paragraphs.v[0],
		    "Tối 19/3, tại thị xã Hòa Lâm đã diễn ra lễ khai mạc hội thi");
	cr_assert_eq(art.captions.n, 1);
	EXPECT_SPAN(art.captions.v[0], "Quang cảnh lễ khai mạc");
}

Test(segment, list_items_are_paragraphs)
{
	seg("Ba nhiệm vụ trọng tâm năm 2025\n\nHội nghị thống nhất các nhiệm vụ sau:\n\n- Hoàn "
	    "thành quy hoạch tỉnh\n\n- Đẩy mạnh cải cách hành chính\n");
	cr_expect_eq(art.captions.n, 0);
	cr_expect_eq(art.paragraphs.n, 3);
}

/* ---- bylines ------------------------------------------------------------ */

Test(segment, trailing_byline_slash_agency_repeated)
{
	seg("Tiêu đề\nSapo của bài.\nĐoàn kiểm tra làm việc với huyện. Đoàn sẽ báo cáo kết quả "
	    "trước ngày 30/6./. Hải Yến/VOV.VN Hải Yến/VOV.VN\n");
	cr_assert_eq(art.authors.n, 1);
	cr_expect_str_eq(art.authors.v[0].name, "Hải Yến");
	cr_assert_eq(art.paragraphs.n, 2);
	EXPECT_SPAN(art.paragraphs.v[1], "Đoàn kiểm tra làm việc với huyện. Đoàn sẽ báo cáo kết "
					 "quả trước ngày 30/6./.");
}

Test(segment, trailing_byline_caps_after_caption_without_stop)
{
	seg("Tiêu đề\nSapo của bài.\nHội thảo bàn giải pháp phát triển nông nghiệp. Các đại biểu "
	    "đóng góp nhiều ý kiến. Sau đây là một số hình ảnh tại hội thảo: Đại biểu tham "
	    "quan gian trưng bày sản phẩm VĂN KHOA\n");
	cr_assert_eq(art.authors.n, 1);
	cr_expect_str_eq(art.authors.v[0].name, "Văn Khoa");
	EXPECT_SPAN(art.authors.v[0].span, "VĂN KHOA");
}

Test(segment, trailing_name_after_place_word_is_not_a_byline)
{
	seg("Tiêu đề\nSapo của bài.\nĐoàn đã đến thăm nhiều nơi. Sau đó đoàn dâng hương tại "
	    "đền thờ ở xã Hòa Phú. Đoàn tiếp tục làm việc tại cầu Sông Mây\n");
	cr_expect_eq(art.authors.n, 0);
}

Test(segment, text_and_photo_byline)
{
	seg("Tiêu đề\nSapo của bài.\nHội nghị đã thống nhất các nội dung đề ra. Tin, ảnh: Quốc "
	    "Huy (TTXVN)\n");
	cr_assert_eq(art.authors.n, 1);
	cr_expect_str_eq(art.authors.v[0].name, "Quốc Huy");
	EXPECT_SPAN(art.paragraphs.v[1], "Hội nghị đã thống nhất các nội dung đề ra.");
}

Test(segment, agency_credits_are_not_authors)
{
	seg("Tiêu đề\n\nNội dung chính của bài viết.\n\nTheo Dân trí\n");
	cr_expect_eq(art.authors.n, 0);
	cr_assert_eq(art.paragraphs.n, 1);
	seg("Tiêu đề\n\nNội dung chính của bài viết.\n\nTTXVN\n");
	cr_expect_eq(art.authors.n, 0);
	cr_assert_eq(art.paragraphs.n, 1);
	seg("Tiêu đề\nSapo.\nNội dung chính của bài viết. PV\n");
	cr_expect_eq(art.authors.n, 0);
	EXPECT_SPAN(art.paragraphs.v[1], "Nội dung chính của bài viết.");
	seg("Tiêu đề\nSapo.\nNội dung chính của bài viết./. TTXVN/Tin Tức\n");
	cr_expect_eq(art.authors.n, 0);
	EXPECT_SPAN(art.paragraphs.v[1], "Nội dung chính của bài viết./.");
}

Test(segment, theo_person_is_author)
{
	seg("Tiêu đề\n\nNội dung chính của bài viết.\n\nTheo Thanh Hương\n");
	cr_assert_eq(art.authors.n, 1);
	cr_expect_str_eq(art.authors.v[0].name, "Thanh Hương");
}

Test(segment, two_authors_on_one_line)
{
	seg("Tiêu đề\n\nNội dung chính của bài viết.\n\nNgọc Lan - Minh Tâm\n");
	cr_assert_eq(art.authors.n, 2);
	cr_expect_str_eq(art.authors.v[0].name, "Ngọc Lan");
	cr_expect_str_eq(art.authors.v[1].name, "Minh Tâm");
	EXPECT_SPAN(art.authors.v[1].span, "Minh Tâm");
}

Test(segment, author_prefix_and_interview_credit)
{
	seg("Tiêu đề\n\nNội dung chính của bài viết.\n\nTác giả: Trần Văn Bình\n");
	cr_assert_eq(art.authors.n, 1);
	cr_expect_str_eq(art.authors.v[0].name, "Trần Văn Bình");
	seg("Tiêu đề\n\n• Xin cảm ơn ông!\n\nHỒNG NHUNG (Thực hiện)\n\nHỒNG NHUNG\n");
	cr_assert_eq(art.authors.n, 1);
	cr_expect_str_eq(art.authors.v[0].name, "Hồng Nhung");
	cr_expect_eq(art.paragraphs.n, 1);
}

Test(segment, initials_and_hyphenated_names)
{
	seg("Tiêu đề\nSapo.\nCông trình sẽ hoàn thành trong quý III. H. NGUYÊN\n");
	cr_assert_eq(art.authors.n, 1);
	cr_expect_str_eq(art.authors.v[0].name, "H. Nguyên");
	seg("Tiêu đề\nSapo.\nThủ tướng chỉ đạo các bộ khẩn trương thực hiện. Vũ-Trung  (TTXVN)\n");
	cr_assert_eq(art.authors.n, 1);
	cr_expect_str_eq(art.authors.v[0].name, "Vũ-Trung");
}

/* "Quang" is a given name: only "Quang cảnh" (the usual caption's opening)
 * starts a sentence that a credit or a byline stops before. */
Test(segment, quang_is_a_given_name_and_quang_canh_a_starter)
{
	seg("Tiêu đề\nSapo.\nHội nghị bế mạc lúc 17 giờ. Quang Vũ – Văn Việt (TTXVN)\n");
	cr_assert_eq(art.authors.n, 2);
	cr_expect_str_eq(art.authors.v[0].name, "Quang Vũ");
	cr_expect_str_eq(art.authors.v[1].name, "Văn Việt");
	seg("Tiêu đề\nSapo.\nHội nghị bế mạc lúc 17 giờ. Quang Huy\n");
	cr_assert_eq(art.authors.n, 1);
	cr_expect_str_eq(art.authors.v[0].name, "Quang Huy");
	seg("Tiêu đề\nSapo.\nBí thư phát biểu. Ảnh: Thu Trang Quang cảnh hội nghị. Ảnh: Hà An "
	    "Hội nghị bế mạc lúc 17 giờ.\n");
	cr_assert_eq(art.captions.n, 2);
	EXPECT_SPAN(art.captions.v[1], "Quang cảnh hội nghị.");
	cr_expect_eq(art.authors.n, 0, "photo credits are not authors");
}

/* The agency after a slash and a blank, the sources in a long "(Theo ...)",
 * and a closing "thực hiện": all credits around the author's name. */
Test(segment, byline_agency_after_slash_theo_sources_and_closing_credit)
{
	seg("Tiêu đề\nSapo.\nHội nghị bế mạc lúc 17 giờ./. Hoài An/ VOV- Miền Trung\n");
	cr_assert_eq(art.authors.n, 1);
	cr_expect_str_eq(art.authors.v[0].name, "Hoài An");
	seg("Tiêu đề\nSapo.\nHội nghị bế mạc lúc 17 giờ. MINH KHÔI (Theo AP, Reuters, "
	    "Kyodo News, CNN)\n");
	cr_assert_eq(art.authors.n, 1);
	cr_expect_str_eq(art.authors.v[0].name, "Minh Khôi");
	seg("Tiêu đề\nSapo.\nXin cảm ơn ông! Lan Chi thực hiện.\n");
	cr_assert_eq(art.authors.n, 1);
	cr_expect_str_eq(art.authors.v[0].name, "Lan Chi");
	EXPECT_SPAN(art.paragraphs.v[art.paragraphs.n - 1], "Xin cảm ơn ông!");
	/* a sentence that ends in "thực hiện" keeps its words */
	seg("Tiêu đề\nSapo.\nViệc thẩm định do Sở Xây dựng thực hiện.\n");
	cr_expect_eq(art.authors.n, 0);
	EXPECT_SPAN(art.paragraphs.v[art.paragraphs.n - 1],
		    "Việc thẩm định do Sở Xây dựng thực hiện.");
	/* a source credit on a line of its own is no caption */
	seg("Tiêu đề\nSapo.\nHội nghị bế mạc lúc 17 giờ.\n\n(Theo Cổng thông tin điện tử "
	    "huyện)\n");
	cr_expect_eq(art.captions.n, 0);
	cr_expect_eq(art.authors.n, 0);
}

Test(segment, byline_inside_run_together_body)
{
	seg("Tiêu đề\nSapo.\nCuộc họp kết thúc lúc 17 giờ. Xuân Lộc – Thanh Tùng Hội nghị cấp "
	    "cao dự kiến diễn ra vào tháng 11 tại Đà Nẵng.\n");
	cr_assert_eq(art.authors.n, 2);
	cr_expect_str_eq(art.authors.v[0].name, "Xuân Lộc");
	cr_expect_str_eq(art.authors.v[1].name, "Thanh Tùng");
	cr_assert_eq(art.paragraphs.n, 3);
	EXPECT_SPAN(art.paragraphs.v[1], "Cuộc họp kết thúc lúc 17 giờ.");
	EXPECT_SPAN(art.paragraphs.v[2],
		    "Hội nghị cấp cao dự kiến diễn ra vào tháng 11 tại Đà Nẵng.");
}

Test(segment, position_dash_is_not_a_byline)
{
	seg("Tiêu đề\nSapo.\nHội nghị bắt đầu. Trần Minh Đức – Phó Chủ tịch UBND tỉnh phát biểu "
	    "chỉ đạo.\n");
	cr_expect_eq(art.authors.n, 0);
	cr_expect_eq(art.paragraphs.n, 2);
}

/* ---- sentences ---------------------------------------------------------- */

Test(segment, sentences_abbreviations)
{
	seg("Tiêu đề\n\nĐoàn đến TP. Hòa Bình và gặp ThS. Lê Na, PGS.TS Vũ Hà tại Q.9. Sau đó, "
	    "đoàn làm việc ở TP.HCM với đại diện T.Ư Đoàn. Buổi chiều nghỉ.\n");
	cr_assert_eq(art.sentences.n, 3);
	EXPECT_SPAN(art.sentences.v[0],
		    "Đoàn đến TP. Hòa Bình và gặp ThS. Lê Na, PGS.TS Vũ Hà tại Q.9.");
	EXPECT_SPAN(art.sentences.v[1], "Sau đó, đoàn làm việc ở TP.HCM với đại diện T.Ư Đoàn.");
}

Test(segment, sentences_numbers_and_dates)
{
	seg("Tiêu đề\n\nDự án có 1.500 hộ dân, khởi công ngày 25.10.2021 và sáng 26.1 đã họp. "
	    "Tổng vốn 2.300,5 tỷ đồng.\n");
	cr_assert_eq(art.sentences.n, 2);
	EXPECT_SPAN(art.sentences.v[1], "Tổng vốn 2.300,5 tỷ đồng.");
}

Test(segment, sentences_not_split_inside_quotes)
{
	seg("Tiêu đề\n\n“Chúng ta phải làm ngay. Không thể chậm trễ hơn nữa”, ông Hòa nói. Ông "
	    "nhấn mạnh: “Đây là việc lớn.” Hội nghị ghi nhận.\n");
	cr_assert_eq(art.sentences.n, 3);
	EXPECT_SPAN(art.sentences.v[0],
		    "“Chúng ta phải làm ngay. Không thể chậm trễ hơn nữa”, ông Hòa nói.");
	EXPECT_SPAN(art.sentences.v[1], "Ông nhấn mạnh: “Đây là việc lớn.”");
	EXPECT_SPAN(art.sentences.v[2], "Hội nghị ghi nhận.");
}

Test(segment, sentences_ellipsis_question_and_roman)
{
	seg("Tiêu đề\n\nCó nhiều nhiệm vụ như xây dựng, phát triển… Các đại biểu đồng tình. Vì "
	    "sao chậm? Do thiếu vốn! Đại hội khóa X. Sau đó bế mạc. Nhiều việc… còn dở dang.\n");
	cr_assert_eq(art.sentences.n, 7);
	EXPECT_SPAN(art.sentences.v[0], "Có nhiều nhiệm vụ như xây dựng, phát triển…");
	EXPECT_SPAN(art.sentences.v[2], "Vì sao chậm?");
	EXPECT_SPAN(art.sentences.v[3], "Do thiếu vốn!");
	EXPECT_SPAN(art.sentences.v[4], "Đại hội khóa X.");
	EXPECT_SPAN(art.sentences.v[6], "Nhiều việc… còn dở dang.");
}

Test(segment, sentences_never_cross_paragraphs)
{
	seg("Tiêu đề\n\nĐoạn thứ nhất không có dấu chấm cuối và rất dài để không thành chú thích "
	    "ảnh vì có hơn hai trăm năm mươi ký tự được viết ra đây cho đủ độ dài cần thiết của "
	    "một đoạn văn bình thường trong bài báo về hội nghị của tỉnh Hòa Phong năm nay nhé\n"
	    "\nĐoạn thứ hai. Kết thúc.\n");
	cr_assert_eq(art.paragraphs.n, 2);
	cr_assert_eq(art.sentences.n, 3);
	cr_expect_eq(art.sentences.v[0].end, art.paragraphs.v[0].end);
	EXPECT_SPAN(art.sentences.v[1], "Đoạn thứ hai.");
}

/* ---- robustness --------------------------------------------------------- */

static void check_spans(size_t len)
{
	cr_expect_leq(art.title.end, len);
	for (size_t i = 0; i < art.paragraphs.n; i++)
		cr_assert(art.paragraphs.v[i].start < art.paragraphs.v[i].end &&
			  art.paragraphs.v[i].end <= len);
	for (size_t i = 0; i < art.sentences.n; i++) {
		cr_assert(art.sentences.v[i].start < art.sentences.v[i].end &&
			  art.sentences.v[i].end <= len);
		if (i)
			cr_assert_geq(art.sentences.v[i].start, art.sentences.v[i - 1].end);
	}
	for (size_t i = 0; i < art.quotes.n; i++)
		cr_assert_leq(art.quotes.v[i].span.end, len);
}

Test(segment, hundred_thousand_lines_and_one_mebibyte)
{
	size_t cap = 1 << 20;
	char *buf = malloc(cap);
	cr_assert_not_null(buf);
	size_t n = 0;
	static const char *pieces[] = {"Ảnh: ",	   "“",	   "\"", "Thu Hà ",	  ". ",
				       "TP. ",	   "x\n",  "\r", "Ông A – Bà B ", "(TTXVN) ",
				       "\xe1\xba", "\xff", "'"};
	unsigned r = 12345;
	while (n + 16 < cap) {
		r = r * 1103515245u + 12345u;
		const char *pc = pieces[(r >> 16) % (sizeof pieces / sizeof *pieces)];
		size_t l = strlen(pc);
		memcpy(buf + n, pc, l);
		n += l;
	}
	double t0 = now();
	seg_n(buf, n);
	double dt = now() - t0;
	check_spans(n);
	cr_expect_lt(dt, 3.0, "took %.3f s", dt);
	memset(buf, '\n', cap);
	for (size_t i = 0; i + 10 < cap && i < 100000 * 10; i += 10)
		memcpy(buf + i, "Dòng ab", 8);
	seg_n(buf, cap);
	check_spans(cap);
	cr_expect_geq(art.captions.n + art.paragraphs.n, 90000);
	free(buf);
}

Test(segment, does_not_read_past_len)
{
	/* the text continues past len: nothing beyond it may be used */
	const char *t = "Tiêu đề\n\nNội dung “trích dẫn” đây. NGUYỄN AN\nXXXX";
	size_t len = strlen(t) - 5;
	char *copy = malloc(len);
	cr_assert_not_null(copy);
	memcpy(copy, t, len);
	seg_n(copy, len);
	check_spans(len);
	cr_assert_eq(art.quotes.n, 1);
	cr_assert_eq(art.authors.n, 1);
	cr_expect_str_eq(art.authors.v[0].name, "Nguyễn An");
	fini();
	free(copy);
}

Test(segment, free_is_idempotent)
{
	/* the article goes with its arena; freeing twice is harmless and a
	 * new parse starts clean */
	seg(SEEDLIKE);
	fini();
	cr_expect_eq(art.authors.n, 0);
	cr_expect_null(art.paragraphs.v);
	fini();
	seg(SEEDLIKE);
	cr_expect_eq(art.authors.n, 1);
}
