/* Unit tests for model/dates/: date/time expressions (dates_find) and the
 * grammar's vocabulary. Every fixture sentence is written for these tests
 * (invented names and facts). Each text is copied into a buffer of its
 * exact length, without a terminating NUL, and tagged as model_parse()
 * does (textfix.h), so a read past `len` shows under the sanitizers. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/dates/dates.h"
#include "model/lexicon/lex.h"
#include "tests/unit/datesfix.h"
#include "tests/unit/textfix.h"

/* Spans of every expression, for failure messages. */
static void list_spans(const char *text, const date_list_t *l, char *buf, size_t cap)
{
	size_t n = 0;
	buf[0] = 0;
	for (size_t i = 0; i < l->n && n + 4 < cap; i++) {
		int w = snprintf(buf + n, cap - n, "[%.*s] ",
				 (int)(l->v[i].span.end - l->v[i].span.start),
				 text + l->v[i].span.start);
		if (w < 0)
			break;
		n += (size_t)w;
	}
}

/* ---- dates_find -------------------------------------------------------- */

struct dcase {
	const char *text;
	const char *span; /* expected expression as written; NULL: none at all */
	int d, m, y;
	enum part_of_day pod;
	const char *time; /* "HH:MM", NULL: no clock time */
	enum date_relative rel;
	int ed, em, ey;	  /* range end */
	const char *wday; /* "mon".."sun", NULL: none */
	enum date_precision prec;
	int q;
	int ngay;
	const char *rule; /* NULL: not checked */
	int count;	  /* expressions in the text, 0: not checked */
};

/* clang-format off */
static struct dcase dcases[] = {
	/* part of day + d.m / d/m / d-m */
	{.text = "Sáng 14/3, Ban Thường vụ Huyện ủy Tam Nông họp phiên thường kỳ.",
	 .span = "Sáng 14/3", .d = 14, .m = 3, .pod = POD_MORNING, .rule = "date.dm_slash",
	 .count = 1},
	{.text = "Chiều 7-2, Phó Chủ tịch UBND tỉnh Lê Văn Tâm làm việc với Sở Xây dựng.",
	 .span = "Chiều 7-2", .d = 7, .m = 2, .pod = POD_AFTERNOON, .rule = "date.dm_dash",
	 .count = 1},
	{.text = "Sáng 26.1, đồng chí Trần Minh Khoa chủ trì hội nghị lần thứ 12.",
	 .span = "Sáng 26.1", .d = 26, .m = 1, .pod = POD_MORNING, .rule = "date.dm_dot",
	 .count = 1},
	{.text = "Tối 19/3, tại thành phố Quy Nhơn diễn ra lễ khai mạc liên hoan.",
	 .span = "Tối 19/3", .d = 19, .m = 3, .pod = POD_EVENING},
	{.text = "Trưa 12/8, đoàn công tác rời huyện Mèo Vạc.",
	 .span = "Trưa 12/8", .d = 12, .m = 8, .pod = POD_NOON},
	{.text = "Làm việc tại Quận 4 sáng 7.2, Bí thư Thành ủy yêu cầu rà soát dự án.",
	 .span = "sáng 7.2", .d = 7, .m = 2, .pod = POD_MORNING},
	{.text = "SÁNG 5/6, HĐND TỈNH KHAI MẠC KỲ HỌP THỨ BẢY",
	 .span = "SÁNG 5/6", .d = 5, .m = 6, .pod = POD_MORNING, .count = 1},
	{.text = "CHIỀU 14/3 ĐOÀN KIỂM TRA LÀM VIỆC TẠI XÃ",
	 .span = "CHIỀU 14/3", .d = 14, .m = 3, .pod = POD_AFTERNOON},
	{.text = "Chiều tối 21/10, Ban tổ chức tổng kết giải việt dã.",
	 .span = "Chiều tối 21/10", .d = 21, .m = 10, .pod = POD_EVENING},
	{.text = "Trong buổi sáng 9/4, các đại biểu thảo luận tại tổ.",
	 .span = "buổi sáng 9/4", .d = 9, .m = 4, .pod = POD_MORNING, .count = 1},
	{.text = "Sáng ngày 16.6, Công an huyện Hòa Vang nhận được tin báo.",
	 .span = "Sáng ngày 16.6", .d = 16, .m = 6, .pod = POD_MORNING, .ngay = 1},
	{.text = "Sáng sớm 2/9, hàng nghìn người dân đổ về quảng trường.",
	 .span = "Sáng sớm 2/9", .d = 2, .m = 9, .pod = POD_MORNING},
	{.text = "Đêm 30/4, pháo hoa được bắn tại mười điểm trong thành phố.",
	 .span = "Đêm 30/4", .d = 30, .m = 4, .pod = POD_EVENING},
	{.text = "Rạng sáng 15/8, mưa lớn gây ngập nhiều tuyến phố.",
	 .span = "Rạng sáng 15/8", .d = 15, .m = 8, .pod = POD_MORNING},
	{.text = "Chiều 10/02, Thường trực HĐND xã Phú Lâm họp giao ban.",
	 .span = "Chiều 10/02", .d = 10, .m = 2, .pod = POD_AFTERNOON},
	{.text = "Sáng 01/4, đồng chí Hồ Văn Nam làm việc với Đảng ủy xã.",
	 .span = "Sáng 01/4", .d = 1, .m = 4, .pod = POD_MORNING},
	{.text = "Tối 22/10/2013, đồng chí Nguyễn Văn Hòa tiếp đoàn đại biểu.",
	 .span = "Tối 22/10/2013", .d = 22, .m = 10, .y = 2013, .pod = POD_EVENING},
	{.text = "Chiều 21.4, Ban Chấp hành Đảng bộ tỉnh họp phiên bất thường.",
	 .span = "Chiều 21.4", .d = 21, .m = 4, .pod = POD_AFTERNOON},
	{.text = "Tiếp tục chương trình, chiều 15.5, Ủy ban cho ý kiến về dự án luật.",
	 .span = "chiều 15.5", .d = 15, .m = 5, .pod = POD_AFTERNOON},
	{.text = "Sáng thứ Hai, 5/6, Ban Thường vụ Tỉnh ủy họp định kỳ.",
	 .span = "Sáng thứ Hai, 5/6", .d = 5, .m = 6, .pod = POD_MORNING, .wday = "mon"},
	{.text = "Chiều Thứ Sáu (9/6), hội nghị bế mạc.",
	 .span = "Chiều Thứ Sáu (9/6)", .d = 9, .m = 6, .pod = POD_AFTERNOON, .wday = "fri"},
	{.text = "Vào tối 21/6, lễ trao giải được tổ chức tại Nhà hát Lớn.",
	 .span = "tối 21/6", .d = 21, .m = 6, .pod = POD_EVENING, .count = 1},

	/* "ngày" forms */
	{.text = "Ngày 12/7, tại Hà Nội, Ban Kinh tế Trung ương tổ chức hội nghị.",
	 .span = "Ngày 12/7", .d = 12, .m = 7, .ngay = 1, .count = 1},
	{.text = "Ngày 17-5, Ban Thường vụ Thành ủy làm việc với Tỉnh ủy Lai Châu.",
	 .span = "Ngày 17-5", .d = 17, .m = 5, .ngay = 1},
	{.text = "Ngày 29.6, UBND tỉnh họp bàn về vụ việc.",
	 .span = "Ngày 29.6", .d = 29, .m = 6, .ngay = 1},
	{.text = "thực hiện Kết luận số 21-KL/TW, ngày 25.10.2021 của Ban Chấp hành Trung ương",
	 .span = "ngày 25.10.2021", .d = 25, .m = 10, .y = 2021, .ngay = 1, .rule = "date.dm_dot",
	 .count = 1},
	{.text = "theo Quyết định số 218 ngày 12-12-2013 của Bộ Chính trị",
	 .span = "ngày 12-12-2013", .d = 12, .m = 12, .y = 2013, .ngay = 1, .count = 1},
	{.text = "Nghị định được ký ngày 26 tháng 1 năm 2022 tại Hà Nội.",
	 .span = "ngày 26 tháng 1 năm 2022", .d = 26, .m = 1, .y = 2022, .ngay = 1,
	 .rule = "date.spelled"},
	{.text = "Ngày 05 tháng 3 năm 2020, Ủy ban ban hành kế hoạch.",
	 .span = "Ngày 05 tháng 3 năm 2020", .d = 5, .m = 3, .y = 2020, .ngay = 1},
	{.text = "Sở Nội vụ hoàn thành trước ngày 15/2 để trình Ban Thường vụ.",
	 .span = "ngày 15/2", .d = 15, .m = 2, .ngay = 1},
	{.text = "Văn bản ký ngày 24/02/2017 có hiệu lực ngay.",
	 .span = "ngày 24/02/2017", .d = 24, .m = 2, .y = 2017, .ngay = 1},
	{.text = "Công trình dự kiến hoàn thành ngày 30-6.",
	 .span = "ngày 30-6", .d = 30, .m = 6, .ngay = 1},
	{.text = "Các tuyến cống phải hoàn thành trước 31-5-2017.",
	 .span = "31-5-2017", .d = 31, .m = 5, .y = 2017, .count = 1},
	{.text = "Ngày 17.2.2025, Ban Thường vụ Tỉnh ủy họp cho ý kiến.",
	 .span = "Ngày 17.2.2025", .d = 17, .m = 2, .y = 2025, .ngay = 1},
	{.text = "Luật có hiệu lực thi hành từ ngày 1/7/2017.",
	 .span = "ngày 1/7/2017", .d = 1, .m = 7, .y = 2017, .ngay = 1, .count = 1},
	{.text = "Lễ kỷ niệm ngày 2/9-2025 được tổ chức trang trọng.",
	 .span = "ngày 2/9-2025", .d = 2, .m = 9, .y = 2025, .ngay = 1},
	{.text = "Hạn chót là ngày 29/2/2024 theo thông báo.",
	 .span = "ngày 29/2/2024", .d = 29, .m = 2, .y = 2024, .ngay = 1},
	{.text = "Ngày 1/5 năm 2025, công nhân được nghỉ.",
	 .span = "Ngày 1/5 năm 2025", .d = 1, .m = 5, .y = 2025, .ngay = 1},
	{.text = "Quyết định số 35 ngày 3/3/2016 của Thủ tướng.",
	 .span = "ngày 3/3/2016", .d = 3, .m = 3, .y = 2016, .ngay = 1},
	{.text = "Tờ trình ngày 7/2/2025 đã được thông qua.",
	 .span = "ngày 7/2/2025", .d = 7, .m = 2, .y = 2025, .ngay = 1},

	/* bare numbers that are dates */
	{.text = "Hội nghị lần thứ 53 của Ban Thường vụ Tỉnh ủy (26/1) đã thống nhất cao.",
	 .span = "26/1", .d = 26, .m = 1, .count = 1},
	{.text = "Tại phiên họp 10/2, các đại biểu thống nhất chủ trương.",
	 .span = "10/2", .d = 10, .m = 2},
	{.text = "Đến 31/10/2017, các bộ ngành phải báo cáo kết quả.",
	 .span = "31/10/2017", .d = 31, .m = 10, .y = 2017},
	{.text = "Kỷ niệm 50 năm Ngày giải phóng (31/3/1975 - 31/3/2025)",
	 .span = "31/3/1975", .d = 31, .m = 3, .y = 1975, .count = 2},
	{.text = "2025-04-22 15:17:00",
	 .span = "2025-04-22 15:17:00", .d = 22, .m = 4, .y = 2025, .time = "15:17",
	 .rule = "date.iso"},
	{.text = "Nghỉ lễ ngày Chiến thắng 30/4 và ngày Quốc tế lao động 1/5.",
	 .span = "30/4", .d = 30, .m = 4, .count = 2},
	{.text = "Báo cáo gửi trước 15/2.",
	 .span = "15/2", .d = 15, .m = 2, .count = 1},

	/* relative */
	{.text = "Sáng nay (4/7), HĐND thành phố khai mạc kỳ họp thứ tư.",
	 .span = "Sáng nay (4/7)", .d = 4, .m = 7, .pod = POD_MORNING, .rel = REL_TODAY,
	 .rule = "date.relative_bracket", .count = 1},
	{.text = "sáng nay (10/02), Ủy ban nhân dân huyện tổ chức đối thoại.",
	 .span = "sáng nay (10/02)", .d = 10, .m = 2, .pod = POD_MORNING, .rel = REL_TODAY},
	{.text = "Chiều tối nay (21/10), Ban tổ chức công bố kết quả.",
	 .span = "Chiều tối nay (21/10)", .d = 21, .m = 10, .pod = POD_EVENING, .rel = REL_TODAY},
	{.text = "Chiều nay (8/2), Thủ tướng chủ trì phiên họp chuyên đề.",
	 .span = "Chiều nay (8/2)", .d = 8, .m = 2, .pod = POD_AFTERNOON, .rel = REL_TODAY},
	{.text = "Hôm nay (15/3), hơn 500 đại biểu dự đại hội.",
	 .span = "Hôm nay (15/3)", .d = 15, .m = 3, .rel = REL_TODAY},
	{.text = "Sáng nay, Ban Thường vụ họp nghe báo cáo.",
	 .span = "Sáng nay", .pod = POD_MORNING, .rel = REL_TODAY, .rule = "date.relative",
	 .count = 1},
	{.text = "Hôm qua, đoàn công tác đã làm việc với huyện Ba Chẽ.",
	 .span = "Hôm qua", .rel = REL_YESTERDAY},
	{.text = "Chiều qua, UBND tỉnh tổ chức họp báo.",
	 .span = "Chiều qua", .pod = POD_AFTERNOON, .rel = REL_YESTERDAY},
	{.text = "Tối qua, ban tổ chức đã họp khẩn.",
	 .span = "Tối qua", .pod = POD_EVENING, .rel = REL_YESTERDAY},
	{.text = "Ngày mai, các đại biểu sẽ thảo luận ở tổ.",
	 .span = "Ngày mai", .rel = REL_TOMORROW},
	{.text = "Sáng mai, kỳ họp sẽ bế mạc.",
	 .span = "Sáng mai", .pod = POD_MORNING, .rel = REL_TOMORROW},
	{.text = "Cùng ngày, Tổng Bí thư thăm Khu di tích.",
	 .span = "Cùng ngày", .rel = REL_SAME_DAY},
	{.text = "Chiều cùng ngày, đoàn làm việc với Ban Thường vụ Huyện ủy.",
	 .span = "Chiều cùng ngày", .pod = POD_AFTERNOON, .rel = REL_SAME_DAY},
	{.text = "Tối cùng ngày, lãnh đạo tỉnh gặp mặt các văn nghệ sĩ.",
	 .span = "Tối cùng ngày", .pod = POD_EVENING, .rel = REL_SAME_DAY},
	{.text = "Theo thống kê ngày hôm qua, Sở Y tế ghi nhận thêm ca bệnh.",
	 .span = "ngày hôm qua", .rel = REL_YESTERDAY},
	{.text = "Trong phiên họp sáng nay 14/7, Bộ tổ chức hội thảo.",
	 .span = "sáng nay 14/7", .d = 14, .m = 7, .pod = POD_MORNING, .rel = REL_TODAY,
	 .rule = "date.relative_date"},
	{.text = "Hôm nay, ngày 20/11, trường tổ chức lễ mít tinh.",
	 .span = "Hôm nay, ngày 20/11", .d = 20, .m = 11, .rel = REL_TODAY, .ngay = 1},
	{.text = "Tối nay, đội tuyển sẽ về đến sân bay.",
	 .span = "Tối nay", .pod = POD_EVENING, .rel = REL_TODAY},

	/* weekdays */
	{.text = "Thứ Hai, 5/6, Ban Chỉ đạo họp phiên thứ nhất.",
	 .span = "Thứ Hai, 5/6", .d = 5, .m = 6, .wday = "mon", .count = 1},
	{.text = "Vào thứ 6, 9/6, UBND huyện tổ chức tọa đàm.",
	 .span = "thứ 6, 9/6", .d = 9, .m = 6, .wday = "fri"},
	{.text = "THỨ TƯ, 7/6, HĐND TỈNH KHAI MẠC",
	 .span = "THỨ TƯ, 7/6", .d = 7, .m = 6, .wday = "wed"},
	{.text = "Chủ nhật, 11/6, hàng nghìn đoàn viên ra quân.",
	 .span = "Chủ nhật, 11/6", .d = 11, .m = 6, .wday = "sun"},
	{.text = "Lịch trực: CN, 11/6 các bệnh viện vẫn làm việc.",
	 .span = "CN, 11/6", .d = 11, .m = 6, .wday = "sun"},
	{.text = "Thứ Năm (8/6), Bộ Nội vụ công bố quyết định.",
	 .span = "Thứ Năm (8/6)", .d = 8, .m = 6, .wday = "thu"},
	{.text = "Ngày 5/6 (thứ Hai), đoàn giám sát làm việc với Sở Tài chính.",
	 .span = "Ngày 5/6 (thứ Hai)", .d = 5, .m = 6, .wday = "mon", .ngay = 1},
	{.text = "Thứ bảy, ngày 10/6, đoàn thanh niên ra quân.",
	 .span = "Thứ bảy, ngày 10/6", .d = 10, .m = 6, .wday = "sat", .ngay = 1},
	{.text = "Vào thứ bẩy, 10/6 trời mưa lớn.",
	 .span = "thứ bẩy, 10/6", .d = 10, .m = 6, .wday = "sat"},
	{.text = "Thứ 3, 13/6, tỉnh tổ chức hội nghị.",
	 .span = "Thứ 3, 13/6", .d = 13, .m = 6, .wday = "tue"},
	{.text = "Hội nghị lần thứ hai, ngày 12/7, thông qua nghị quyết.",
	 .span = "ngày 12/7", .d = 12, .m = 7, .ngay = 1, .count = 1},
	{.text = "Sáng thứ Tư (26/1), hội nghị khai mạc.",
	 .span = "Sáng thứ Tư (26/1)", .d = 26, .m = 1, .pod = POD_MORNING, .wday = "wed"},

	/* clock times */
	{.text = "Đúng 14 giờ, phiên họp bắt đầu.",
	 .span = "14 giờ", .time = "14:00", .rule = "time.clock", .count = 1},
	{.text = "Đúng lúc 8 giờ 30, đoàn xe xuất phát.",
	 .span = "lúc 8 giờ 30", .time = "08:30"},
	{.text = "Từ 8 giờ 30 phút, các đại biểu đã có mặt.",
	 .span = "8 giờ 30 phút", .time = "08:30", .count = 1},
	{.text = "Khai mạc lúc 8h30 tại hội trường.",
	 .span = "lúc 8h30", .time = "08:30"},
	{.text = "Phiên chất vấn bắt đầu từ 14:00 và kéo dài cả buổi.",
	 .span = "14:00", .time = "14:00", .count = 1},
	{.text = "Cuộc họp kết thúc lúc 17g.",
	 .span = "lúc 17g", .time = "17:00"},
	{.text = "Vụ việc xảy ra lúc 14 giờ 30 ngày 5/12, tại trụ sở UBND huyện.",
	 .span = "lúc 14 giờ 30 ngày 5/12", .d = 5, .m = 12, .time = "14:30", .ngay = 1, .count = 1},
	{.text = "Vào 8 giờ sáng 26/1, Đoàn đại biểu dâng hương.",
	 .span = "8 giờ sáng 26/1", .d = 26, .m = 1, .pod = POD_MORNING, .time = "08:00"},
	{.text = "Khoảng 2 giờ chiều nay, một xe tải bị lật.",
	 .span = "2 giờ chiều nay", .pod = POD_AFTERNOON, .time = "14:00", .rel = REL_TODAY},
	{.text = "11 giờ kém 15, đoàn đến nơi.",
	 .span = "11 giờ kém 15", .time = "10:45"},
	{.text = "Đoàn có mặt lúc 3 giờ rưỡi.",
	 .span = "lúc 3 giờ rưỡi", .time = "03:30"},
	{.text = "Ngày 26/1, lúc 8 giờ, đoàn viếng nghĩa trang liệt sĩ.",
	 .span = "Ngày 26/1, lúc 8 giờ", .d = 26, .m = 1, .time = "08:00", .ngay = 1},
	{.text = "8 giờ tối 3/2, lễ hội bắt đầu.",
	 .span = "8 giờ tối 3/2", .d = 3, .m = 2, .pod = POD_EVENING, .time = "20:00"},
	{.text = "Lúc 20 giờ ngày 31 tháng 3 năm 1975, lá cờ tung bay trên nóc tòa nhà.",
	 .span = "Lúc 20 giờ ngày 31 tháng 3 năm 1975", .d = 31, .m = 3, .y = 1975, .time = "20:00",
	 .ngay = 1},
	{.text = "Phiên họp bắt đầu lúc 14g30 ngày 3/3.",
	 .span = "lúc 14g30 ngày 3/3", .d = 3, .m = 3, .time = "14:30", .ngay = 1},

	/* ranges */
	{.text = "Từ ngày 27 - 30/6, tại Hà Nội, Ủy ban Kiểm tra Trung ương họp kỳ họp thứ 15.",
	 .span = "Từ ngày 27 - 30/6", .d = 27, .m = 6, .ed = 30, .em = 6, .ngay = 1,
	 .rule = "date.range", .count = 1},
	{.text = "từ ngày 5 đến 7/12, HĐND tỉnh họp kỳ họp thường lệ.",
	 .span = "từ ngày 5 đến 7/12", .d = 5, .m = 12, .ed = 7, .em = 12, .ngay = 1},
	{.text = "Kỳ họp diễn ra 5-7/12 tại hội trường tỉnh.",
	 .span = "5-7/12", .d = 5, .m = 12, .ed = 7, .em = 12, .count = 1},
	{.text = "Hội chợ mở cửa từ 5/12 đến 7/12 tại công viên.",
	 .span = "từ 5/12 đến 7/12", .d = 5, .m = 12, .ed = 7, .em = 12},
	{.text = "Trong hai ngày 30/6 và 1/7, Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 8 được tổ chức.",
	 .span = "Trong hai ngày 30/6 và 1/7", .d = 30, .m = 6, .ed = 1, .em = 7, .ngay = 1,
	 .count = 1},
	{.text = "Diễn ra trong hai ngày (24-25/6), hội nghị đã hoàn thành chương trình.",
	 .span = "24-25/6", .d = 24, .m = 6, .ed = 25, .em = 6, .count = 1},
	/* two days joined by "và" in brackets: the lead before joins them */
	{.text = "Trong 2 ngày (14 và 15/12), hội nghị đã hoàn thành chương trình.",
	 .span = "14 và 15/12", .d = 14, .m = 12, .ed = 15, .em = 12, .count = 1},
	{.text = "Vòng một từ ngày 18-2 đến ngày 3-3, bao gồm nhiều cuộc họp.",
	 .span = "từ ngày 18-2 đến ngày 3-3", .d = 18, .m = 2, .ed = 3, .em = 3, .ngay = 1},
	{.text = "Công chức được nghỉ 5 ngày từ 30/4 đến 4/5/2025.",
	 .span = "từ 30/4 đến 4/5/2025", .d = 30, .m = 4, .y = 2025, .ed = 4, .em = 5, .ey = 2025},
	{.text = "Người lao động nghỉ từ ngày 25/1 đến 2/2/2025.",
	 .span = "từ ngày 25/1 đến 2/2/2025", .d = 25, .m = 1, .y = 2025, .ed = 2, .em = 2,
	 .ey = 2025, .ngay = 1},
	{.text = "Đợt kiểm tra từ ngày 30 đến 2/7.",
	 .span = "từ ngày 30 đến 2/7", .d = 30, .m = 6, .ed = 2, .em = 7, .ngay = 1},
	{.text = "Hội thảo diễn ra ngày 19 và 20/6 tại Đà Lạt.",
	 .span = "ngày 19 và 20/6", .d = 19, .m = 6, .ed = 20, .em = 6, .ngay = 1},
	{.text = "Kỳ nghỉ 30/4-1/5 năm nay dài bốn ngày.",
	 .span = "30/4-1/5", .d = 30, .m = 4, .ed = 1, .em = 5},
	{.text = "Chương trình kéo dài từ 28/12/2024 đến 3/1/2025.",
	 .span = "từ 28/12/2024 đến 3/1/2025", .d = 28, .m = 12, .y = 2024, .ed = 3, .em = 1,
	 .ey = 2025},
	{.text = "Lễ hội diễn ra từ ngày 5 đến ngày 7 tháng 12.",
	 .span = "từ ngày 5 đến ngày 7 tháng 12", .d = 5, .m = 12, .ed = 7, .em = 12, .ngay = 1},

	/* months, quarters, years */
	{.text = "Chính phủ họp phiên thường kỳ tháng 6 năm 2017 tại Hà Nội.",
	 .span = "tháng 6 năm 2017", .m = 6, .y = 2017, .prec = PREC_MONTH, .rule = "date.month",
	 .count = 1},
	{.text = "Tổng mức bán lẻ tháng 1-2017 tăng 9%.",
	 .span = "tháng 1-2017", .m = 1, .y = 2017, .prec = PREC_MONTH, .count = 1},
	{.text = "Tháng 9/2014, UBND tỉnh có quyết định thu hồi đất.",
	 .span = "Tháng 9/2014", .m = 9, .y = 2014, .prec = PREC_MONTH},
	{.text = "Dự kiến đến tháng 9 sẽ hoàn thành.",
	 .span = "tháng 9", .m = 9, .prec = PREC_MONTH, .count = 1},
	{.text = "Hội nghị giao ban quý II/2017 của Thành ủy.",
	 .span = "quý II/2017", .y = 2017, .q = 2, .prec = PREC_QUARTER, .rule = "date.quarter"},
	{.text = "Trong quý 3 sẽ khởi công cầu mới.",
	 .span = "quý 3", .q = 3, .prec = PREC_QUARTER},
	{.text = "Kế hoạch quý I năm 2023 đã được duyệt.",
	 .span = "quý I năm 2023", .y = 2023, .q = 1, .prec = PREC_QUARTER},
	{.text = "Năm 2022, tỉnh phấn đấu tăng trưởng 7%.",
	 .span = "Năm 2022", .y = 2022, .prec = PREC_YEAR, .rule = "date.year", .count = 1},
	{.text = "Hội nghị sơ kết 6 tháng đầu năm 2017 của ngành tư pháp.",
	 .span = "năm 2017", .y = 2017, .prec = PREC_YEAR, .count = 1},
	{.text = "Tháng 12-2016, xe đưa đón học sinh gặp sự cố.",
	 .span = "Tháng 12-2016", .m = 12, .y = 2016, .prec = PREC_MONTH},

	/* spacing, case, tone placement, Unicode */
	{.text = "Sa\xcc\x81ng 26/1, hội nghị khai mạc.", /* NFD "Sáng" */
	 .span = "Sa\xcc\x81ng 26/1", .d = 26, .m = 1, .pod = POD_MORNING},
	{.text = "Sáng\xc2\xa0" "26/1, hội nghị khai mạc.", /* NBSP */
	 .span = "Sáng\xc2\xa0" "26/1", .d = 26, .m = 1, .pod = POD_MORNING},
	{.text = "Báo cáo qúy III/2016 của Sở.", /* old tone placement of "quý" */
	 .span = "qúy III/2016", .y = 2016, .q = 3, .prec = PREC_QUARTER},
	{.text = "Chiều\t7/2,\r\nđoàn đến xã.",
	 .span = "Chiều\t7/2", .d = 7, .m = 2, .pod = POD_AFTERNOON},
	{.text = "Xem thêm tin\nSáng\n26/1 mưa to.",
	 .span = "26/1", .d = 26, .m = 1, .count = 1},
	{.text = "Sáng 26/1",
	 .span = "Sáng 26/1", .d = 26, .m = 1, .pod = POD_MORNING, .count = 1},
	{.text = "26.1",
	 .span = "26.1", .d = 26, .m = 1, .count = 1},

	/* negatives: no date or time at all */
	{.text = "Tổng mức đầu tư khoảng 1.532 tỷ đồng."},
	{.text = "Thu ngân sách đạt 17.272 tỷ đồng."},
	{.text = "Tăng 6,5% so với cùng kỳ."},
	{.text = "Đường dây nóng 0912.345.678 hoạt động 24/24."},
	{.text = "Cài phiên bản 2.0.1 của phần mềm."},
	{.text = "Đội tuyển thắng 3-1 trong trận chung kết."},
	{.text = "Có tỷ lệ 3/4 số xã đạt chuẩn."},
	{.text = "Tỉ số 2-1 nghiêng về đội chủ nhà."},
	{.text = "Thực hiện Kết luận 21-KL/TW của Bộ Chính trị."},
	{.text = "Nghị định 30/2020/NĐ-CP quy định về công tác văn thư."},
	{.text = "Quyết định 1234/QĐ-UBND của UBND tỉnh."},
	{.text = "Công văn 12/UBND-VX gửi các sở."},
	{.text = "Quy hoạch giai đoạn 2017-2020 đã hết hiệu lực."},
	{.text = "Kế hoạch 2020 - 2025 của ngành."},
	{.text = "Nhiệm kỳ 2020 - 2025 có nhiều thay đổi."},
	{.text = "Năm học 2017- 2018, học phí giữ nguyên."},
	{.text = "Dự án chia làm 5 giai đoạn từ năm 2017 - 2022."},
	{.text = "Mỗi tổ có khoảng 3-4 thành viên."},
	{.text = "Mỗi nhóm từ 3-5 người."},
	{.text = "Học sinh lớp 10-12 được miễn học phí."},
	{.text = "Không có ngày 31/2 trong lịch."},
	{.text = "Giá trị 45.13 là sai."},
	{.text = "Ngày 19 Ban Thường vụ họp."},
	{.text = "Ông được 64/67 phiếu tán thành."},
	{.text = "Có 2/3 đại biểu tán thành."},
	{.text = "Mức hỗ trợ 1.5 triệu đồng mỗi tháng."},
	{.text = "Bản đồ quy hoạch 1/500 đã được duyệt."},
	{.text = "Theo Điều 5.2 của quy chế làm việc."},
	{.text = "Tỉnh xếp thứ 3/12 tỉnh trong khu vực."},
	{.text = "Quận Q.9 và Q.2 hợp tác."},
	{.text = "Văn bản đề ngày 26/1/22 không hợp lệ."},
	{.text = "Tăng trưởng 15.5% trong năm."},
	{.text = "Doanh thu tăng 3.2 lần."},
	{.text = "Mạng 5G phủ sóng toàn huyện."},
	{.text = "Ca bệnh COVID-19 giảm mạnh."},
	{.text = "1.1. Mục tiêu chung của đề án."},
	{.text = "Năm 2201 là năm quá xa."},
	{.text = "Phải làm việc liên tục trong 24 giờ."},
	{.text = "Bản đồ tỷ lệ 1:10 được in lại."},
	{.text = "Thứ hai, cần tập trung nguồn lực cho hạ tầng."},
	{.text = "Kỳ họp thứ 4, HĐND tỉnh khóa X thông qua nghị quyết."},
	{.text = "Qua đó, ông Mai Văn Thức đề nghị thông qua nghị quyết năm nay."},
	{.text = "Kính thưa các quý vị đại biểu."},
	{.text = "Chương trình kéo dài 6 tháng."},
	{.text = "Chiều dài tuyến đường là 1.700m, sáng kiến được tối đa hóa."},
	{.text = "Mã hồ sơ 12/5/QĐ được trả lại."},
	{.text = "Vào ngày 29/2/2023 không có họp."},
	{.text = "Kết quả 7 - 7,2% mỗi năm."},
};
/* clang-format on */

ParameterizedTestParameters(dates, find)
{
	return INDEX_PARAMS(dcases);
}

ParameterizedTest(size_t *k, dates, find)
{
	const struct dcase *c = &dcases[*k];
	size_t n = strlen(c->text);
	textfix_t f;
	const text_t *tx = textfix_open(&f, c->text, n);
	const char *b = tx->s;
	date_list_t l = {0};
	char found[512];

	cr_assert_eq(dates_find(tx, &l), 0);
	list_spans(b, &l, found, sizeof found);
	if (!c->span) {
		cr_expect_eq(l.n, 0, "%s: expected no date, found %s", c->text, found);
		goto out;
	}
	if (c->count)
		cr_expect_eq(l.n, (size_t)c->count, "%s: %zu expressions %s", c->text, l.n, found);
	const date_expr_t *e = NULL;
	size_t sl = strlen(c->span);
	for (size_t i = 0; i < l.n && !e; i++) {
		span_t s = l.v[i].span;
		cr_assert(s.start < s.end && s.end <= n);
		if (s.end - s.start == sl && memcmp(b + s.start, c->span, sl) == 0)
			e = &l.v[i];
	}
	cr_assert_not_null(e, "%s: no expression [%s], found %s", c->text, c->span, found);
	cr_expect_eq(e->day, c->d, "%s: day %d", c->text, e->day);
	cr_expect_eq(e->month, c->m, "%s: month %d", c->text, e->month);
	cr_expect_eq(e->year, c->y, "%s: year %d", c->text, e->year);
	cr_expect_eq(e->pod, c->pod, "%s: pod %d", c->text, e->pod);
	cr_expect_eq(e->relative, c->rel, "%s: relative %d", c->text, e->relative);
	cr_expect_eq(e->end_day, c->ed, "%s: end_day %d", c->text, e->end_day);
	cr_expect_eq(e->end_month, c->em, "%s: end_month %d", c->text, e->end_month);
	cr_expect_eq(e->end_year, c->ey, "%s: end_year %d", c->text, e->end_year);
	cr_expect_eq(e->precision, c->prec, "%s: precision %d", c->text, e->precision);
	cr_expect_eq(e->quarter, c->q, "%s: quarter %d", c->text, e->quarter);
	cr_expect_eq(e->has_ngay, c->ngay, "%s: has_ngay %d", c->text, e->has_ngay);
	cr_expect(streq_null(wday_name(e->weekday), c->wday), "%s: weekday %d", c->text,
		  e->weekday);
	cr_expect_not_null(e->rule, "%s: rule", c->text);
	if (c->rule && e->rule)
		cr_expect_str_eq(e->rule, c->rule, "%s: rule %s", c->text, e->rule);
	if (c->time) {
		char t[8];
		snprintf(t, sizeof t, "%02d:%02d", e->hour, e->minute);
		cr_expect_str_eq(t, c->time, "%s: time %s", c->text, t);
	} else {
		cr_expect(e->hour == -1 && e->minute == -1, "%s: time %d:%d", c->text, e->hour,
			  e->minute);
	}
	cr_expect(e->tok_start < e->tok_end && e->tok_end <= tx->n);
	cr_expect_eq(tx->tok[e->tok_start].start, e->span.start, "%s: first token", c->text);
	cr_expect_eq(tx->tok[e->tok_end - 1].end, e->span.end, "%s: last token", c->text);
out:
	textfix_close(&f);
}

/* Several expressions in one paragraph come out in order, not overlapping. */
Test(dates, paragraph_order)
{
	static const char text[] =
	    "Sáng 14/3, Ban Thường vụ Huyện ủy Tam Nông họp nghe báo cáo tình hình "
	    "quý I/2024. Chiều cùng ngày, đoàn làm việc với xã Phú Cường; từ ngày 18 "
	    "đến 20/3 sẽ kiểm tra 5 xã, hoàn thành trước 30/4.";
	static const char *want[] = {"Sáng 14/3", "quý I/2024", "Chiều cùng ngày",
				     "từ ngày 18 đến 20/3", "30/4"};
	textfix_t f;
	const text_t *tx = textfix_str(&f, text);
	const char *b = tx->s;
	date_list_t l = {0};
	cr_assert_eq(dates_find(tx, &l), 0);
	cr_assert_eq(l.n, 5);
	for (size_t i = 0; i < l.n; i++) {
		span_t s = l.v[i].span;
		cr_expect_eq(s.end - s.start, strlen(want[i]));
		cr_expect_eq(memcmp(b + s.start, want[i], strlen(want[i])), 0, "item %zu", i);
		if (i) {
			cr_expect_geq(s.start, l.v[i - 1].span.end);
			cr_expect_geq(l.v[i].tok_start, l.v[i - 1].tok_end);
		}
	}
	textfix_close(&f);
}

/* dates_find appends: earlier items of the vector are kept. */
Test(dates, appends)
{
	static const char a[] = "Sáng 26.1, hội nghị.", c[] = "Chiều 7-2, làm việc.";
	textfix_t fa, fc;
	date_list_t l = {0};
	cr_assert_eq(dates_find(textfix_str(&fa, a), &l), 0);
	cr_assert_eq(dates_find(textfix_str(&fc, c), &l), 0);
	cr_assert_eq(l.n, 2);
	cr_expect_eq(l.v[0].day, 26);
	cr_expect_eq(l.v[1].day, 7);
	textfix_close(&fc);
	textfix_close(&fa);
}

/* The length bounds the text: a date cut short is read only up to len. */
Test(dates, respects_len)
{
	static const char text[] = "Sáng 26/12, hội nghị.";
	textfix_t f;
	date_list_t l = {0};
	size_t cut = strlen("Sáng 26/1");
	cr_assert_eq(dates_find(textfix_open(&f, text, cut), &l), 0);
	cr_assert_eq(l.n, 1);
	cr_expect_eq(l.v[0].month, 1);
	cr_expect_eq(l.v[0].span.end, cut);
	textfix_close(&f);

	l = (date_list_t){0};
	cut = strlen("Sáng 26/");
	cr_assert_eq(dates_find(textfix_open(&f, text, cut), &l), 0);
	cr_expect_eq(l.n, 0);
	textfix_close(&f);

	l = (date_list_t){0};
	cr_assert_eq(dates_find(textfix_open(&f, text, 0), &l), 0);
	cr_expect_eq(l.n, 0);
	textfix_close(&f);
}

/* A 1 MiB article: every repetition found once, the number shapes between
 * them skipped, in one linear pass. */
Test(dates, one_mebibyte)
{
	static const char unit[] = "Chiều 7-2, tỷ lệ 3/4 và 1.500 tỷ đồng; Hội nghị (26/1). ";
	size_t ul = strlen(unit), reps = (1u << 20) / ul, n = reps * ul;
	char *b = malloc(n);
	cr_assert_not_null(b);
	for (size_t i = 0; i < reps; i++)
		memcpy(b + i * ul, unit, ul);
	textfix_t f;
	date_list_t l = {0};
	cr_assert_eq(dates_find(textfix_open(&f, b, n), &l), 0);
	cr_assert_eq(l.n, 2 * reps);
	for (size_t i = 0; i < l.n; i++) {
		const date_expr_t *e = &l.v[i];
		cr_assert_eq(e->day, i % 2 ? 26 : 7);
		cr_assert_eq(
		    e->span.start,
		    (i / 2) * ul +
			(i % 2 ? strlen("Chiều 7-2, tỷ lệ 3/4 và 1.500 tỷ đồng; Hội nghị (") : 0));
	}
	textfix_close(&f);
	free(b);
}

/* Input that is not valid UTF-8, or only punctuation and digits. */
Test(dates, junk_input)
{
	static const char junk[] =
	    "\xff\xfe\xc3(26/1\xe2\x82 /-/-.. 1/2/3/4/5 :::: 99999999999999999999/12";
	date_list_t l = {0};
	size_t n = sizeof junk - 1;
	textfix_t f;
	cr_assert_eq(dates_find(textfix_open(&f, junk, n), &l), 0);
	for (size_t i = 0; i < l.n; i++)
		cr_assert(l.v[i].span.end <= n);
	textfix_close(&f);
}

Test(dates, lexicon_classes)
{
	static const char *const classes[] = {"start", "word", "ctx",  "unit",
					      "dur",   "ord",  "score"};
	size_t rows = 0;
	for (int lx = 0; lx < LEX_COUNT; lx++) {
		const char *name = lex_name(lx);
		if (strncmp(name, "date_", 5))
			continue;
		int known = 0;
		for (size_t k = 0; k < sizeof classes / sizeof *classes; k++)
			known |= strcmp(name + 5, classes[k]) == 0;
		cr_expect(known, "dates.tsv has the unknown class '%s'", name + 5);
		for (size_t i = 0; i < lex_count(lx); i++)
			cr_assert_eq(lex_entry(lx, i)->ncols, 3,
				     "dates.tsv: row '%s' has %d columns", lex_entry(lx, i)->form,
				     lex_entry(lx, i)->ncols);
		rows += lex_count(lx);
	}
	cr_expect_gt(rows, 150);
}
