/* Official document references (model/documents/): symbols, types, dates,
 * issuers, subjects, short re-mentions and what is not a document. Each text
 * goes through the shared text layer and the dates recogniser first
 * (doc_fixture.h), as in model_parse. Every sentence is written for these
 * tests; numbers and dates are invented. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc_fixture.h"

/* One citation to check. NULL strings mean "expect NULL / an empty span".
 * same1 is the expected same_as + 1; 0 means the citation's own index. */
struct dcase {
	const char *text;
	int count; /* citations in the text */
	int idx;   /* the citation checked */
	const char *type, *type_code, *number, *symbol, *issuer_code;
	int y, m, d;
	const char *issuer, *subject;
	const char *type_text, *symbol_text;
	int is_short, same1;
	const char *rule;
};

#define DATE(yy, mm, dd) .y = yy, .m = mm, .d = dd
#define PARTY "doc.party_symbol"
#define STATE "doc.state_symbol"
#define LETTER "doc.state_letter"
#define SHORT "doc.short_mention"
#define SLIST "doc.short_list"

/* clang-format off */
static struct dcase CASES[] = {
	/* ---- Party symbols with full citation context ---- */
	{.text = "Ban Thường vụ Huyện ủy nghe báo cáo kết quả thực hiện Kết luận số 37-KL/TW, ngày 12.8.2022 của Ban Chấp hành Trung ương Đảng khóa XIII về tăng cường công tác cán bộ; kiên quyết chống tiêu cực.",
	 .count = 1, .type = "Kết luận", .type_code = "KL", .number = "37", .symbol = "37-KL/TW", .issuer_code = "TW", DATE(2022, 8, 12),
	 .issuer = "Ban Chấp hành Trung ương Đảng khóa XIII", .subject = "về tăng cường công tác cán bộ",
	 .type_text = "Kết luận", .symbol_text = "37-KL/TW", .rule = PARTY},
	{.text = "Ủy ban Kiểm tra Tỉnh ủy báo cáo dự thảo kế hoạch khắc phục hạn chế được Ủy ban Kiểm tra Trung ương kết luận tại Thông báo số 172-TB/UBKTTW, ngày 9.11.2023.",
	 .count = 1, .type = "Thông báo", .type_code = "TB", .number = "172", .symbol = "172-TB/UBKTTW", .issuer_code = "UBKTTW", DATE(2023, 11, 9),
	 .issuer = "Ủy ban Kiểm tra Trung ương", .type_text = "Thông báo", .symbol_text = "172-TB/UBKTTW", .rule = PARTY},
	{.text = "Hội nghị quán triệt Nghị quyết số 10-NQ/TU ngày 5/3/2021 của Ban Thường vụ Tỉnh ủy về phát triển nông nghiệp hữu cơ.",
	 .count = 1, .type = "Nghị quyết", .type_code = "NQ", .number = "10", .symbol = "10-NQ/TU", .issuer_code = "TU", DATE(2021, 3, 5),
	 .issuer = "Ban Thường vụ Tỉnh ủy", .subject = "về phát triển nông nghiệp hữu cơ",
	 .type_text = "Nghị quyết", .symbol_text = "10-NQ/TU", .rule = PARTY},
	{.text = "Đoàn công tác kiểm tra việc thực hiện Quy định số 05-QĐi/TW của Bộ Chính trị về kiểm soát quyền lực.",
	 .count = 1, .type = "Quy định", .type_code = "QĐi", .number = "05", .symbol = "05-QĐi/TW", .issuer_code = "TW",
	 .issuer = "Bộ Chính trị", .subject = "về kiểm soát quyền lực", .type_text = "Quy định", .symbol_text = "05-QĐi/TW", .rule = PARTY},
	{.text = "Ban Chỉ đạo ban hành Chương trình số 04-CTr/BCĐCCTPTW về công tác năm 2023.",
	 .count = 1, .type = "Chương trình", .type_code = "CTr", .number = "04", .symbol = "04-CTr/BCĐCCTPTW", .issuer_code = "BCĐCCTPTW",
	 .issuer = "Ban Chỉ đạo", .subject = "về công tác năm 2023", .type_text = "Chương trình", .symbol_text = "04-CTr/BCĐCCTPTW", .rule = PARTY},
	{.text = "Thực hiện Hướng dẫn số 06-HD/BTCTW của Ban Tổ chức Trung ương, các đảng bộ đã rà soát quy hoạch.",
	 .count = 1, .type = "Hướng dẫn", .type_code = "HD", .number = "06", .symbol = "06-HD/BTCTW", .issuer_code = "BTCTW",
	 .issuer = "Ban Tổ chức Trung ương", .type_text = "Hướng dẫn", .symbol_text = "06-HD/BTCTW", .rule = PARTY},
	{.text = "Đồng chí Bí thư trao Quyết định số 439 – QĐNS/TW của Ban Bí thư cho đồng chí Lê Văn Tâm.",
	 .count = 1, .type = "Quyết định", .type_code = "QĐNS", .number = "439", .symbol = "439-QĐNS/TW", .issuer_code = "TW",
	 .issuer = "Ban Bí thư", .type_text = "Quyết định", .symbol_text = "439 – QĐNS/TW", .rule = PARTY},
	{.text = "Đoàn viên học tập theo Chỉ thị 42 -CT/TW và Chỉ thị 05-CT/TW.",
	 .count = 2, .idx = 0, .type = "Chỉ thị", .type_code = "CT", .number = "42", .symbol = "42-CT/TW", .issuer_code = "TW",
	 .type_text = "Chỉ thị", .symbol_text = "42 -CT/TW", .rule = PARTY},
	{.text = "Đoàn viên học tập theo Chỉ thị 42 -CT/TW và Chỉ thị 05-CT/TW.",
	 .count = 2, .idx = 1, .type = "Chỉ thị", .type_code = "CT", .number = "05", .symbol = "05-CT/TW", .issuer_code = "TW",
	 .type_text = "Chỉ thị", .symbol_text = "05-CT/TW", .rule = PARTY},
	{.text = "QUYẾT ĐỊNH SỐ 127-QĐ/TW VỀ CÔNG TÁC CÁN BỘ",
	 .count = 1, .type = "Quyết định", .type_code = "QĐ", .number = "127", .symbol = "127-QĐ/TW", .issuer_code = "TW",
	 .subject = "VỀ CÔNG TÁC CÁN BỘ", .type_text = "QUYẾT ĐỊNH", .symbol_text = "127-QĐ/TW", .rule = PARTY},
	{.text = "Theo 18-NQ/TW, việc sắp xếp bộ máy phải hoàn thành trong năm 2025.",
	 .count = 1, .type = "Nghị quyết", .type_code = "NQ", .number = "18", .symbol = "18-NQ/TW", .issuer_code = "TW",
	 .symbol_text = "18-NQ/TW", .rule = PARTY},
	{.text = "Văn phòng Tỉnh ủy có văn bản 123-CV/TU gửi các huyện ủy.",
	 .count = 1, .type = "Văn bản", .type_code = "CV", .number = "123", .symbol = "123-CV/TU", .issuer_code = "TU",
	 .type_text = "văn bản", .symbol_text = "123-CV/TU", .rule = PARTY},
	{.text = "Ngày 3.4.2024, Ban Thường vụ Huyện ủy đã ban hành Chương trình hành động số 15-CT/HU về chuyển đổi số.",
	 .count = 1, .type = "Chương trình hành động", .type_code = "CT", .number = "15", .symbol = "15-CT/HU", .issuer_code = "HU", DATE(2024, 4, 3),
	 .issuer = "Ban Thường vụ Huyện ủy", .subject = "về chuyển đổi số", .type_text = "Chương trình hành động", .symbol_text = "15-CT/HU", .rule = PARTY},
	{.text = "Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XII về một số vấn đề tiếp tục đổi mới.",
	 .count = 1, .type = "Nghị quyết", .type_code = "NQ", .number = "18", .symbol = "18-NQ/TW", .issuer_code = "TW", DATE(2017, 10, 25),
	 .issuer = "Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XII", .subject = "về một số vấn đề tiếp tục đổi mới",
	 .type_text = "Nghị quyết", .symbol_text = "18-NQ/TW", .rule = PARTY},
	{.text = "Chỉ thị số 05-CT/TW của Bộ Chính trị (khóa XII) về học tập và làm theo Bác đã đi vào cuộc sống.",
	 .count = 1, .type = "Chỉ thị", .type_code = "CT", .number = "05", .symbol = "05-CT/TW", .issuer_code = "TW",
	 .issuer = "Bộ Chính trị", .type_text = "Chỉ thị", .symbol_text = "05-CT/TW", .rule = PARTY},
	{.text = "Nghị quyết số 03-NQ/TU của Ban Chấp hành Đảng bộ tỉnh khoá XX về phát triển du lịch.",
	 .count = 1, .type = "Nghị quyết", .type_code = "NQ", .number = "03", .symbol = "03-NQ/TU", .issuer_code = "TU",
	 .issuer = "Ban Chấp hành Đảng bộ tỉnh khoá XX", .subject = "về phát triển du lịch", .type_text = "Nghị quyết", .symbol_text = "03-NQ/TU", .rule = PARTY},
	{.text = "Kết luận số 50-KL/TW về công tác của Ban Chấp hành T.Ư. Hội nghị cũng thống nhất lịch làm việc.",
	 .count = 1, .type = "Kết luận", .type_code = "KL", .number = "50", .symbol = "50-KL/TW", .issuer_code = "TW",
	 .subject = "về công tác của Ban Chấp hành T.Ư", .type_text = "Kết luận", .symbol_text = "50-KL/TW", .rule = PARTY},
	{.text = "Chương trình số 09-CTr/TU ngày 17.2.2025 được ban hành.",
	 .count = 1, .type = "Chương trình", .type_code = "CTr", .number = "09", .symbol = "09-CTr/TU", .issuer_code = "TU", DATE(2025, 2, 17),
	 .type_text = "Chương trình", .symbol_text = "09-CTr/TU", .rule = PARTY},
	{.text = "Hướng dẫn số 43-HD/BTCTW ngày 11 tháng 01 năm 2017 của Ban Tổ chức Trung ương.",
	 .count = 1, .type = "Hướng dẫn", .type_code = "HD", .number = "43", .symbol = "43-HD/BTCTW", .issuer_code = "BTCTW", DATE(2017, 1, 11),
	 .issuer = "Ban Tổ chức Trung ương", .type_text = "Hướng dẫn", .symbol_text = "43-HD/BTCTW", .rule = PARTY},
	{.text = "Nghị quyết số 12-NQ/TU ban hành ngày 5/3/2021 về phát triển đô thị.",
	 .count = 1, .type = "Nghị quyết", .type_code = "NQ", .number = "12", .symbol = "12-NQ/TU", .issuer_code = "TU", DATE(2021, 3, 5),
	 .subject = "về phát triển đô thị", .type_text = "Nghị quyết", .symbol_text = "12-NQ/TU", .rule = PARTY},
	{.text = "Thông báo kết luận số 123-TB/TU của Thường trực Tỉnh ủy được gửi các sở.",
	 .count = 1, .type = "Thông báo", .type_code = "TB", .number = "123", .symbol = "123-TB/TU", .issuer_code = "TU",
	 .issuer = "Thường trực Tỉnh ủy", .type_text = "Thông báo kết luận", .symbol_text = "123-TB/TU", .rule = PARTY},
	{.text = "Nghị quyết số 12-NQ/TW của Hội nghị Trung ương 6 khóa XII về đổi mới hệ thống chính trị.",
	 .count = 1, .type = "Nghị quyết", .type_code = "NQ", .number = "12", .symbol = "12-NQ/TW", .issuer_code = "TW",
	 .issuer = "Hội nghị Trung ương 6 khóa XII", .subject = "về đổi mới hệ thống chính trị", .type_text = "Nghị quyết", .symbol_text = "12-NQ/TW", .rule = PARTY},
	{.text = "Thông báo số 15-TB/TU của Ban Thường vụ Tỉnh ủy, HĐND, UBND tỉnh về lịch tiếp công dân.",
	 .count = 1, .type = "Thông báo", .type_code = "TB", .number = "15", .symbol = "15-TB/TU", .issuer_code = "TU",
	 .issuer = "Ban Thường vụ Tỉnh ủy, HĐND, UBND tỉnh", .subject = "về lịch tiếp công dân", .type_text = "Thông báo", .symbol_text = "15-TB/TU", .rule = PARTY},
	{.text = "Đề án đã được Ban Thường vụ Thành ủy phê duyệt tại Quyết định số 1024-QĐ/TU.",
	 .count = 1, .type = "Quyết định", .type_code = "QĐ", .number = "1024", .symbol = "1024-QĐ/TU", .issuer_code = "TU",
	 .issuer = "Ban Thường vụ Thành ủy", .type_text = "Quyết định", .symbol_text = "1024-QĐ/TU", .rule = PARTY},
	{.text = "Thông Báo Số 45-TB/TU đã được gửi đến các chi bộ.",
	 .count = 1, .type = "Thông báo", .type_code = "TB", .number = "45", .symbol = "45-TB/TU", .issuer_code = "TU",
	 .type_text = "Thông Báo", .symbol_text = "45-TB/TU", .rule = PARTY},
	{.text = "Văn phòng Trung ương Đảng hướng dẫn thể thức theo Hướng dẫn 36-HD/VPTW.",
	 .count = 1, .type = "Hướng dẫn", .type_code = "HD", .number = "36", .symbol = "36-HD/VPTW", .issuer_code = "VPTW",
	 .type_text = "Hướng dẫn", .symbol_text = "36-HD/VPTW", .rule = PARTY},
	{.text = "Hội nghị sơ kết việc thực hiện Chỉ thị số 05 - CT/TW của Bộ Chính trị.",
	 .count = 1, .type = "Chỉ thị", .type_code = "CT", .number = "05", .symbol = "05-CT/TW", .issuer_code = "TW",
	 .issuer = "Bộ Chính trị", .type_text = "Chỉ thị", .symbol_text = "05 - CT/TW", .rule = PARTY},
	{.text = "Bộ Chính trị ban hành Quy định 144-QĐ/TW về chuẩn mực đạo đức cách mạng.",
	 .count = 1, .type = "Quy định", .type_code = "QĐ", .number = "144", .symbol = "144-QĐ/TW", .issuer_code = "TW",
	 .issuer = "Bộ Chính trị", .subject = "về chuẩn mực đạo đức cách mạng", .type_text = "Quy định", .symbol_text = "144-QĐ/TW", .rule = PARTY},
	/* without a type word the Party code QĐ reads as Quyết định */
	{.text = "Theo 144-QĐ/TW, cán bộ phải nêu gương.",
	 .count = 1, .type = "Quyết định", .type_code = "QĐ", .number = "144", .symbol = "144-QĐ/TW", .issuer_code = "TW",
	 .symbol_text = "144-QĐ/TW", .rule = PARTY},
	{.text = "Theo 07-TT/TU, các chi bộ tổ chức sinh hoạt chuyên đề.",
	 .count = 1, .type = "Thông tri", .type_code = "TT", .number = "07", .symbol = "07-TT/TU", .issuer_code = "TU",
	 .symbol_text = "07-TT/TU", .rule = PARTY},
	{.text = "Thực hiện Quyết định số 1027-QĐ/TU, ngày 20.5.2024 của Tỉnh ủy về việc điều động cán bộ.",
	 .count = 1, .type = "Quyết định", .type_code = "QĐ", .number = "1027", .symbol = "1027-QĐ/TU", .issuer_code = "TU", DATE(2024, 5, 20),
	 .issuer = "Tỉnh ủy", .subject = "về việc điều động cán bộ", .type_text = "Quyết định", .symbol_text = "1027-QĐ/TU", .rule = PARTY},
	{.text = "Tỉnh ủy vừa ban hành Kế hoạch số 120-KH/TU về tổng kết công tác năm.",
	 .count = 1, .type = "Kế hoạch", .type_code = "KH", .number = "120", .symbol = "120-KH/TU", .issuer_code = "TU",
	 .issuer = "Tỉnh ủy", .subject = "về tổng kết công tác năm", .type_text = "Kế hoạch", .symbol_text = "120-KH/TU", .rule = PARTY},
	{.text = "Đồng chí Bí thư cho biết Ban Thường vụ đã ban hành Chỉ thị số 09-CT/TU về phòng chống dịch.",
	 .count = 1, .type = "Chỉ thị", .type_code = "CT", .number = "09", .symbol = "09-CT/TU", .issuer_code = "TU",
	 .issuer = "Ban Thường vụ", .subject = "về phòng chống dịch", .type_text = "Chỉ thị", .symbol_text = "09-CT/TU", .rule = PARTY},
	{.text = "Đoàn viên thanh niên được giáo dục thông qua Chỉ thị 15-CT/TW.",
	 .count = 1, .type = "Chỉ thị", .type_code = "CT", .number = "15", .symbol = "15-CT/TW", .issuer_code = "TW",
	 .type_text = "Chỉ thị", .symbol_text = "15-CT/TW", .rule = PARTY},
	{.text = "Chỉ thị số 27-CT/TU về \"Tăng cường kỷ cương\", UBND tỉnh triển khai ngay.",
	 .count = 1, .type = "Chỉ thị", .type_code = "CT", .number = "27", .symbol = "27-CT/TU", .issuer_code = "TU",
	 .subject = "về \"Tăng cường kỷ cương\"", .type_text = "Chỉ thị", .symbol_text = "27-CT/TU", .rule = PARTY},

	/* ---- State symbols ---- */
	{.text = "Chính phủ ban hành Nghị định số 30/2020/NĐ-CP ngày 5/3/2020 về công tác văn thư.",
	 .count = 1, .type = "Nghị định", .type_code = "NĐ", .number = "30", .symbol = "30/2020/NĐ-CP", .issuer_code = "CP", DATE(2020, 3, 5),
	 .issuer = "Chính phủ", .subject = "về công tác văn thư", .type_text = "Nghị định", .symbol_text = "30/2020/NĐ-CP", .rule = STATE},
	{.text = "Chế độ áp dụng theo Nghị định 178/2024/NĐ-CP của Chính phủ về chính sách, chế độ đối với cán bộ.",
	 .count = 1, .type = "Nghị định", .type_code = "NĐ", .number = "178", .symbol = "178/2024/NĐ-CP", .issuer_code = "CP",
	 .issuer = "Chính phủ", .subject = "về chính sách, chế độ đối với cán bộ", .type_text = "Nghị định", .symbol_text = "178/2024/NĐ-CP", .rule = STATE},
	{.text = "Căn cứ Quyết định số 1234/QĐ-UBND ngày 20/4/2022 của UBND tỉnh về phê duyệt quy hoạch.",
	 .count = 1, .type = "Quyết định", .type_code = "QĐ", .number = "1234", .symbol = "1234/QĐ-UBND", .issuer_code = "UBND", DATE(2022, 4, 20),
	 .issuer = "UBND tỉnh", .subject = "về phê duyệt quy hoạch", .type_text = "Quyết định", .symbol_text = "1234/QĐ-UBND", .rule = STATE},
	{.text = "Bộ Nông nghiệp có Công văn số 3311/BNN-TCTS gửi các tỉnh ven biển.",
	 .count = 1, .type = "Công văn", .number = "3311", .symbol = "3311/BNN-TCTS", .issuer_code = "BNN",
	 .type_text = "Công văn", .symbol_text = "3311/BNN-TCTS", .rule = LETTER},
	{.text = "Sở Nội vụ có văn bản 2231/SNV-CCHC&PC hướng dẫn các xã.",
	 .count = 1, .type = "Văn bản", .number = "2231", .symbol = "2231/SNV-CCHC&PC", .issuer_code = "SNV",
	 .type_text = "văn bản", .symbol_text = "2231/SNV-CCHC&PC", .rule = LETTER},
	{.text = "Thực hiện văn bản số 304/UBND – NL ngày 23/01/2024 của UBND tỉnh về tuần tra rừng.",
	 .count = 1, .type = "Văn bản", .number = "304", .symbol = "304/UBND-NL", .issuer_code = "UBND", DATE(2024, 1, 23),
	 .issuer = "UBND tỉnh", .subject = "về tuần tra rừng", .type_text = "văn bản", .symbol_text = "304/UBND – NL", .rule = LETTER},
	{.text = "Thông tư liên tịch số 03/2016/TTLT-BTP-BNV quy định chức năng của sở.",
	 .count = 1, .type = "Thông tư liên tịch", .type_code = "TTLT", .number = "03", .symbol = "03/2016/TTLT-BTP-BNV", .issuer_code = "BTP-BNV",
	 .type_text = "Thông tư liên tịch", .symbol_text = "03/2016/TTLT-BTP-BNV", .rule = STATE},
	{.text = "Bộ luật Lao động số 45/2019/QH14 có hiệu lực từ năm 2021.",
	 .count = 1, .type = "Bộ luật", .number = "45", .symbol = "45/2019/QH14", .issuer_code = "QH14",
	 .type_text = "Bộ luật", .symbol_text = "45/2019/QH14", .rule = STATE},
	{.text = "Thủ tướng Chính phủ phê duyệt đề án nâng cao chất lượng báo chí tại Quyết định số 2080/QĐ-TTg ngày 12/11/2019.",
	 .count = 1, .type = "Quyết định", .type_code = "QĐ", .number = "2080", .symbol = "2080/QĐ-TTg", .issuer_code = "TTg", DATE(2019, 11, 12),
	 .issuer = "Thủ tướng Chính phủ", .type_text = "Quyết định", .symbol_text = "2080/QĐ-TTg", .rule = STATE},
	{.text = "HĐND tỉnh thông qua Nghị quyết số 45/2023/NQ-HĐND về giá đất.",
	 .count = 1, .type = "Nghị quyết", .type_code = "NQ", .number = "45", .symbol = "45/2023/NQ-HĐND", .issuer_code = "HĐND",
	 .issuer = "HĐND tỉnh", .subject = "về giá đất", .type_text = "Nghị quyết", .symbol_text = "45/2023/NQ-HĐND", .rule = STATE},
	{.text = "Quyết định số 12/QĐ-UBND ngày 5/3 của UBND huyện về kiện toàn ban chỉ đạo.",
	 .count = 1, .type = "Quyết định", .type_code = "QĐ", .number = "12", .symbol = "12/QĐ-UBND", .issuer_code = "UBND",
	 .issuer = "UBND huyện", .subject = "về kiện toàn ban chỉ đạo", .type_text = "Quyết định", .symbol_text = "12/QĐ-UBND", .rule = STATE},
	{.text = "Quyết định số 15/QĐ-UBND của UBND tỉnh, Sở Tài chính đã hướng dẫn thực hiện.",
	 .count = 1, .type = "Quyết định", .type_code = "QĐ", .number = "15", .symbol = "15/QĐ-UBND", .issuer_code = "UBND",
	 .issuer = "UBND tỉnh", .type_text = "Quyết định", .symbol_text = "15/QĐ-UBND", .rule = STATE},
	{.text = "Lễ hội được tổ chức theo Quyết định số 88/QĐ-BVHTTDL của Bộ Văn hóa, Thể thao và Du lịch về tổ chức lễ hội.",
	 .count = 1, .type = "Quyết định", .type_code = "QĐ", .number = "88", .symbol = "88/QĐ-BVHTTDL", .issuer_code = "BVHTTDL",
	 .issuer = "Bộ Văn hóa, Thể thao và Du lịch", .subject = "về tổ chức lễ hội", .type_text = "Quyết định", .symbol_text = "88/QĐ-BVHTTDL", .rule = STATE},
	{.text = "Hôm nay, UBND thành phố đã ban hành Quyết định số 77/QĐ-UBND về việc phân bổ vốn; các sở triển khai.",
	 .count = 1, .type = "Quyết định", .type_code = "QĐ", .number = "77", .symbol = "77/QĐ-UBND", .issuer_code = "UBND",
	 .issuer = "UBND thành phố", .subject = "về việc phân bổ vốn", .type_text = "Quyết định", .symbol_text = "77/QĐ-UBND", .rule = STATE},
	{.text = "Thực hiện Nghị quyết số 12/NQ-CP về phát triển TP. Hồ Chí Minh đến năm 2030; các bộ phối hợp.",
	 .count = 1, .type = "Nghị quyết", .type_code = "NQ", .number = "12", .symbol = "12/NQ-CP", .issuer_code = "CP",
	 .subject = "về phát triển TP. Hồ Chí Minh đến năm 2030", .type_text = "Nghị quyết", .symbol_text = "12/NQ-CP", .rule = STATE},
	{.text = "Ủy ban đã phân bổ theo Nghị quyết số 7/NQ-CP về phân bổ 1.999 tỷ đồng cho các tỉnh.",
	 .count = 1, .type = "Nghị quyết", .type_code = "NQ", .number = "7", .symbol = "7/NQ-CP", .issuer_code = "CP",
	 .subject = "về phân bổ 1.999 tỷ đồng cho các tỉnh", .type_text = "Nghị quyết", .symbol_text = "7/NQ-CP", .rule = STATE},
	{.text = "Các nhiệm vụ (theo Nghị quyết số 12/NQ-CP về cải cách hành chính) được giao cho các bộ.",
	 .count = 1, .type = "Nghị quyết", .type_code = "NQ", .number = "12", .symbol = "12/NQ-CP", .issuer_code = "CP",
	 .subject = "về cải cách hành chính", .type_text = "Nghị quyết", .symbol_text = "12/NQ-CP", .rule = STATE},
	{.text = "Nghị quyết số 2107/NQ- UBTVQH14 ngày 3/6/2019 của Ủy ban Thường vụ Quốc hội về điều chỉnh địa giới.",
	 .count = 1, .type = "Nghị quyết", .type_code = "NQ", .number = "2107", .symbol = "2107/NQ-UBTVQH14", .issuer_code = "UBTVQH14", DATE(2019, 6, 3),
	 .issuer = "Ủy ban Thường vụ Quốc hội", .subject = "về điều chỉnh địa giới", .type_text = "Nghị quyết", .symbol_text = "2107/NQ- UBTVQH14", .rule = STATE},
	{.text = "Luật số 12/2017/QH14 sửa đổi Bộ luật Hình sự được công bố.",
	 .count = 1, .type = "Luật", .number = "12", .symbol = "12/2017/QH14", .issuer_code = "QH14",
	 .type_text = "Luật", .symbol_text = "12/2017/QH14", .rule = STATE},
	{.text = "Nghị quyết số 25-2018/NQ-CP tiếp tục được thực hiện.",
	 .count = 1, .type = "Nghị quyết", .type_code = "NQ", .number = "25", .symbol = "25-2018/NQ-CP", .issuer_code = "CP",
	 .type_text = "Nghị quyết", .symbol_text = "25-2018/NQ-CP", .rule = STATE},
	{.text = "Chính phủ tiếp tục thực hiện Nghị quyết 17a/NQ-CP về chuyển đổi số.",
	 .count = 1, .type = "Nghị quyết", .type_code = "NQ", .number = "17a", .symbol = "17a/NQ-CP", .issuer_code = "CP",
	 .subject = "về chuyển đổi số", .type_text = "Nghị quyết", .symbol_text = "17a/NQ-CP", .rule = STATE},
	{.text = "Các huyện nghèo được hỗ trợ theo Nghị quyết số 80b/2011/NQ-CP của Chính phủ.",
	 .count = 1, .type = "Nghị quyết", .type_code = "NQ", .number = "80b", .symbol = "80b/2011/NQ-CP", .issuer_code = "CP",
	 .issuer = "Chính phủ", .type_text = "Nghị quyết", .symbol_text = "80b/2011/NQ-CP", .rule = STATE},
	{.text = "Thông tư số 01/2011/TT-BNV hướng dẫn thể thức văn bản.",
	 .count = 1, .type = "Thông tư", .type_code = "TT", .number = "01", .symbol = "01/2011/TT-BNV", .issuer_code = "BNV",
	 .type_text = "Thông tư", .symbol_text = "01/2011/TT-BNV", .rule = STATE},
	{.text = "Văn bản được trình bày theo 01/2011/TT-BNV.",
	 .count = 1, .type = "Thông tư", .type_code = "TT", .number = "01", .symbol = "01/2011/TT-BNV", .issuer_code = "BNV",
	 .symbol_text = "01/2011/TT-BNV", .rule = STATE},
	{.text = "Luật Đất đai số 31/2024/QH15 có hiệu lực từ ngày 1/8/2024.",
	 .count = 1, .type = "Luật", .number = "31", .symbol = "31/2024/QH15", .issuer_code = "QH15",
	 .type_text = "Luật", .symbol_text = "31/2024/QH15", .rule = STATE},
	{.text = "Văn phòng Chính phủ đã ban hành Thông báo số 212/TB-VPCP ngày 6-5-2023 về kết luận của Phó Thủ tướng.",
	 .count = 1, .type = "Thông báo", .type_code = "TB", .number = "212", .symbol = "212/TB-VPCP", .issuer_code = "VPCP", DATE(2023, 5, 6),
	 .issuer = "Văn phòng Chính phủ", .subject = "về kết luận của Phó Thủ tướng", .type_text = "Thông báo", .symbol_text = "212/TB-VPCP", .rule = STATE},
	/* passive without an agent: no issuer */
	{.text = "Các phòng học đã được phê duyệt tại Quyết định số 41/2009/QĐ-TTg thuộc các huyện nghèo.",
	 .count = 1, .type = "Quyết định", .type_code = "QĐ", .number = "41", .symbol = "41/2009/QĐ-TTg", .issuer_code = "TTg",
	 .type_text = "Quyết định", .symbol_text = "41/2009/QĐ-TTg", .rule = STATE},
	{.text = "Quyết định số 4025/QĐ-UBND ngày 11 tháng 12 năm 2020 của Chủ tịch UBND tỉnh về việc thành lập Tổ công tác.",
	 .count = 1, .type = "Quyết định", .type_code = "QĐ", .number = "4025", .symbol = "4025/QĐ-UBND", .issuer_code = "UBND", DATE(2020, 12, 11),
	 .issuer = "Chủ tịch UBND tỉnh", .subject = "về việc thành lập Tổ công tác", .type_text = "Quyết định", .symbol_text = "4025/QĐ-UBND", .rule = STATE},
	{.text = "Công điện số 05/CĐ-TTg của Thủ tướng Chính phủ về ứng phó bão số 3 được gửi tới các tỉnh.",
	 .count = 1, .type = "Công điện", .type_code = "CĐ", .number = "05", .symbol = "05/CĐ-TTg", .issuer_code = "TTg",
	 .issuer = "Thủ tướng Chính phủ", .subject = "về ứng phó bão số 3", .type_text = "Công điện", .symbol_text = "05/CĐ-TTg", .rule = STATE},
	{.text = "Sở Y tế gửi Tờ trình số 66/TTr-SYT đề nghị bổ sung kinh phí.",
	 .count = 1, .type = "Tờ trình", .type_code = "TTr", .number = "66", .symbol = "66/TTr-SYT", .issuer_code = "SYT",
	 .type_text = "Tờ trình", .symbol_text = "66/TTr-SYT", .rule = STATE},
	{.text = "Theo Báo cáo số 552/BC-HĐND, tỷ lệ giải ngân đạt 80%.",
	 .count = 1, .type = "Báo cáo", .type_code = "BC", .number = "552", .symbol = "552/BC-HĐND", .issuer_code = "HĐND",
	 .type_text = "Báo cáo", .symbol_text = "552/BC-HĐND", .rule = STATE},
	{.text = "Ủy ban Thường vụ Quốc hội đã có văn bản số 512/UBTVQH15 gửi Chính phủ.",
	 .count = 1, .type = "Văn bản", .number = "512", .symbol = "512/UBTVQH15", .issuer_code = "UBTVQH15",
	 .type_text = "văn bản", .symbol_text = "512/UBTVQH15", .rule = STATE},
	{.text = "UBND tỉnh ban hành Kế hoạch số 88/KH-UBND về cải cách hành chính.",
	 .count = 1, .type = "Kế hoạch", .type_code = "KH", .number = "88", .symbol = "88/KH-UBND", .issuer_code = "UBND",
	 .issuer = "UBND tỉnh", .subject = "về cải cách hành chính", .type_text = "Kế hoạch", .symbol_text = "88/KH-UBND", .rule = STATE},
	{.text = "Triển khai Quyết định số 21/QĐ-BKHĐT của Bộ Kế hoạch và Đầu tư về đầu tư công.",
	 .count = 1, .type = "Quyết định", .type_code = "QĐ", .number = "21", .symbol = "21/QĐ-BKHĐT", .issuer_code = "BKHĐT",
	 .issuer = "Bộ Kế hoạch và Đầu tư", .subject = "về đầu tư công", .type_text = "Quyết định", .symbol_text = "21/QĐ-BKHĐT", .rule = STATE},
	{.text = "Các huyện được hỗ trợ theo Nghị quyết số 09/NQ-CP của Chính phủ, không thuộc diện điều chỉnh.",
	 .count = 1, .type = "Nghị quyết", .type_code = "NQ", .number = "09", .symbol = "09/NQ-CP", .issuer_code = "CP",
	 .issuer = "Chính phủ", .type_text = "Nghị quyết", .symbol_text = "09/NQ-CP", .rule = STATE},
	{.text = "Nghị quyết số 22/NQ-CP về an sinh xã hội\nCác bộ ngành cần chủ động.",
	 .count = 1, .type = "Nghị quyết", .type_code = "NQ", .number = "22", .symbol = "22/NQ-CP", .issuer_code = "CP",
	 .subject = "về an sinh xã hội", .type_text = "Nghị quyết", .symbol_text = "22/NQ-CP", .rule = STATE},
	{.text = "Quyết định số 210/QĐ-UBND ngày 24/02/2017 của UBND tỉnh.",
	 .count = 1, .type = "Quyết định", .type_code = "QĐ", .number = "210", .symbol = "210/QĐ-UBND", .issuer_code = "UBND", DATE(2017, 2, 24),
	 .issuer = "UBND tỉnh", .type_text = "Quyết định", .symbol_text = "210/QĐ-UBND", .rule = STATE},
	{.text = "Quyết định số 50/QĐ-UBND của UBND tỉnh ngày 3/2/2022 về giao đất.",
	 .count = 1, .type = "Quyết định", .type_code = "QĐ", .number = "50", .symbol = "50/QĐ-UBND", .issuer_code = "UBND", DATE(2022, 2, 3),
	 .issuer = "UBND tỉnh", .subject = "về giao đất", .type_text = "Quyết định", .symbol_text = "50/QĐ-UBND", .rule = STATE},
	/* an impossible date is not read, and nothing after it is trusted */
	{.text = "Quyết định số 51/QĐ-UBND ngày 35/13/2020 của UBND tỉnh.",
	 .count = 1, .type = "Quyết định", .type_code = "QĐ", .number = "51", .symbol = "51/QĐ-UBND", .issuer_code = "UBND",
	 .type_text = "Quyết định", .symbol_text = "51/QĐ-UBND", .rule = STATE},
	{.text = "Biên bản ghi nhớ số 02/BGN-UBND được ký kết giữa hai tỉnh.",
	 .count = 1, .type = "Bản ghi nhớ", .type_code = "BGN", .number = "02", .symbol = "02/BGN-UBND", .issuer_code = "UBND",
	 .type_text = "Biên bản ghi nhớ", .symbol_text = "02/BGN-UBND", .rule = STATE},
	{.text = "Nghị quyết liên tịch số 09/2008/NQLT-CP-UBTWMTTQVN về quy chế phối hợp.",
	 .count = 1, .type = "Nghị quyết liên tịch", .type_code = "NQLT", .number = "09", .symbol = "09/2008/NQLT-CP-UBTWMTTQVN", .issuer_code = "CP-UBTWMTTQVN",
	 .subject = "về quy chế phối hợp", .type_text = "Nghị quyết liên tịch", .symbol_text = "09/2008/NQLT-CP-UBTWMTTQVN", .rule = STATE},
	/* tone placement: "thoả" = "thỏa", "uỷ" = "ủy" */
	{.text = "Hai bên ký Bản thoả thuận số 03/BTT-UBND về hợp tác.",
	 .count = 1, .type = "Bản thỏa thuận", .type_code = "BTT", .number = "03", .symbol = "03/BTT-UBND", .issuer_code = "UBND",
	 .subject = "về hợp tác", .type_text = "Bản thoả thuận", .symbol_text = "03/BTT-UBND", .rule = STATE},
	{.text = "Giám đốc ký Giấy uỷ quyền số 12/GUQ-SYT cho phó giám đốc.",
	 .count = 1, .type = "Giấy ủy quyền", .type_code = "GUQ", .number = "12", .symbol = "12/GUQ-SYT", .issuer_code = "SYT",
	 .type_text = "Giấy uỷ quyền", .symbol_text = "12/GUQ-SYT", .rule = STATE},
	{.text = "Pháp lệnh số 02/2022/UBTVQH15 được thông qua.",
	 .count = 1, .type = "Pháp lệnh", .number = "02", .symbol = "02/2022/UBTVQH15", .issuer_code = "UBTVQH15",
	 .type_text = "Pháp lệnh", .symbol_text = "02/2022/UBTVQH15", .rule = STATE},
	{.text = "Số: 15/QĐ-UBND",
	 .count = 1, .type = "Quyết định", .type_code = "QĐ", .number = "15", .symbol = "15/QĐ-UBND", .issuer_code = "UBND",
	 .symbol_text = "15/QĐ-UBND", .rule = STATE},
	{.text = "Theo Nghị quyết số 15/NQ-CP, ngày 24/3/2023 của Chính phủ, về cắt giảm thủ tục hành chính; các bộ rà soát.",
	 .count = 1, .type = "Nghị quyết", .type_code = "NQ", .number = "15", .symbol = "15/NQ-CP", .issuer_code = "CP", DATE(2023, 3, 24),
	 .issuer = "Chính phủ", .subject = "về cắt giảm thủ tục hành chính", .type_text = "Nghị quyết", .symbol_text = "15/NQ-CP", .rule = STATE},
	{.text = "Vốn được bố trí theo Nghị quyết số 215/NQ-UBTVQH14 ngày 5/5/2018 và Nghị quyết số 390/NQ-UBTVQH14 ngày 22/12/2018 của Ủy ban Thường vụ Quốc hội về phân bổ vốn.",
	 .count = 2, .idx = 0, .type = "Nghị quyết", .type_code = "NQ", .number = "215", .symbol = "215/NQ-UBTVQH14", .issuer_code = "UBTVQH14", DATE(2018, 5, 5),
	 .issuer = "Ủy ban Thường vụ Quốc hội", .subject = "về phân bổ vốn", .type_text = "Nghị quyết", .symbol_text = "215/NQ-UBTVQH14", .rule = STATE},
	{.text = "Vốn được bố trí theo Nghị quyết số 215/NQ-UBTVQH14 ngày 5/5/2018 và Nghị quyết số 390/NQ-UBTVQH14 ngày 22/12/2018 của Ủy ban Thường vụ Quốc hội về phân bổ vốn.",
	 .count = 2, .idx = 1, .type = "Nghị quyết", .type_code = "NQ", .number = "390", .symbol = "390/NQ-UBTVQH14", .issuer_code = "UBTVQH14", DATE(2018, 12, 22),
	 .issuer = "Ủy ban Thường vụ Quốc hội", .subject = "về phân bổ vốn", .type_text = "Nghị quyết", .symbol_text = "390/NQ-UBTVQH14", .rule = STATE},
	{.text = "Nghị định 30/2020/NĐ-CP quy định thể thức văn bản. Theo Nghị định số 30/2020/NĐ-CP, số văn bản ghi bằng chữ số Ả Rập.",
	 .count = 2, .idx = 1, .type = "Nghị định", .type_code = "NĐ", .number = "30", .symbol = "30/2020/NĐ-CP", .issuer_code = "CP",
	 .type_text = "Nghị định", .symbol_text = "30/2020/NĐ-CP", .same1 = 1, .rule = STATE},

	/* ---- Short re-mentions and linking ---- */
	{.text = "Quyết định 417, 418 của Ban Thường vụ Thành ủy có ý nghĩa quan trọng.",
	 .count = 2, .idx = 0, .type = "Quyết định", .number = "417", .symbol = "417",
	 .issuer = "Ban Thường vụ Thành ủy", .type_text = "Quyết định", .symbol_text = "417", .is_short = 1, .rule = SHORT},
	{.text = "Bộ Tài chính đang lấy ý kiến dự thảo sửa đổi Nghị định số 91/2015 của Chính phủ về đầu tư vốn nhà nước.",
	 .count = 1, .type = "Nghị định", .number = "91", .symbol = "91/2015",
	 .issuer = "Chính phủ", .subject = "về đầu tư vốn nhà nước", .type_text = "Nghị định", .symbol_text = "91/2015", .is_short = 1, .rule = SHORT},
	{.text = "Quyết định 417, 418 của Ban Thường vụ Thành ủy có ý nghĩa quan trọng.",
	 .count = 2, .idx = 1, .type = "Quyết định", .number = "418", .symbol = "418",
	 .issuer = "Ban Thường vụ Thành ủy", .symbol_text = "418", .is_short = 1, .rule = SLIST},
	{.text = "Kết luận 72 được triển khai sâu rộng. Kết luận số 72-KL/TW ngày 5/3/2020 của Bộ Chính trị về bảo vệ môi trường.",
	 .count = 2, .idx = 0, .type = "Kết luận", .number = "72", .symbol = "72",
	 .type_text = "Kết luận", .symbol_text = "72", .is_short = 1, .rule = SHORT},
	{.text = "Kết luận 72 được triển khai sâu rộng. Kết luận số 72-KL/TW ngày 5/3/2020 của Bộ Chính trị về bảo vệ môi trường.",
	 .count = 2, .idx = 1, .type = "Kết luận", .type_code = "KL", .number = "72", .symbol = "72-KL/TW", .issuer_code = "TW", DATE(2020, 3, 5),
	 .issuer = "Bộ Chính trị", .subject = "về bảo vệ môi trường", .type_text = "Kết luận", .symbol_text = "72-KL/TW", .same1 = 1, .rule = PARTY},
	{.text = "Chỉ thị số 05 của Bộ Chính trị về “Đẩy mạnh học tập và làm theo Bác”, các đảng bộ hưởng ứng.",
	 .count = 1, .type = "Chỉ thị", .number = "05", .symbol = "05",
	 .issuer = "Bộ Chính trị", .subject = "về “Đẩy mạnh học tập và làm theo Bác”", .type_text = "Chỉ thị", .symbol_text = "05", .is_short = 1, .rule = SHORT},
	{.text = "Kết luận số 21-KL/TW của Bộ Chính trị. Thực hiện Kết luận 21, các tỉnh đã xây dựng kế hoạch.",
	 .count = 2, .idx = 1, .type = "Kết luận", .number = "21", .symbol = "21",
	 .type_text = "Kết luận", .symbol_text = "21", .is_short = 1, .same1 = 1, .rule = SHORT},
	{.text = "Chỉ thị 05 của Bộ Chính trị về học tập và làm theo Bác.",
	 .count = 1, .type = "Chỉ thị", .number = "05", .symbol = "05",
	 .issuer = "Bộ Chính trị", .subject = "về học tập và làm theo Bác", .type_text = "Chỉ thị", .symbol_text = "05", .is_short = 1, .rule = SHORT},
	/* leading zeros do not matter when linking */
	{.text = "Chỉ thị số 5-CT/TW được ban hành năm 2016. Việc thực hiện Chỉ thị số 05 cần gắn với kiểm tra.",
	 .count = 2, .idx = 1, .type = "Chỉ thị", .number = "05", .symbol = "05",
	 .type_text = "Chỉ thị", .symbol_text = "05", .is_short = 1, .same1 = 1, .rule = SHORT},
	{.text = "Hội nghị nghiên cứu quyết định số 68 ngày 4/7/2018 của Bộ Chính trị khóa XII về công tác cán bộ.",
	 .count = 1, .type = "Quyết định", .number = "68", .symbol = "68", DATE(2018, 7, 4),
	 .issuer = "Bộ Chính trị khóa XII", .subject = "về công tác cán bộ", .type_text = "quyết định", .symbol_text = "68", .is_short = 1, .rule = SHORT},
	{.text = "Các địa phương cần đẩy mạnh thực hiện Nghị quyết 41, Nghị quyết 52 của Chính phủ để thúc đẩy doanh nghiệp.",
	 .count = 2, .idx = 0, .type = "Nghị quyết", .number = "41", .symbol = "41",
	 .issuer = "Chính phủ", .type_text = "Nghị quyết", .symbol_text = "41", .is_short = 1, .rule = SHORT},
	{.text = "Các địa phương cần đẩy mạnh thực hiện Nghị quyết 41, Nghị quyết 52 của Chính phủ để thúc đẩy doanh nghiệp.",
	 .count = 2, .idx = 1, .type = "Nghị quyết", .number = "52", .symbol = "52",
	 .issuer = "Chính phủ", .type_text = "Nghị quyết", .symbol_text = "52", .is_short = 1, .rule = SHORT},
	{.text = "Quy định số 01 của Ban Thường vụ Tỉnh ủy nhằm siết chặt kỷ cương.",
	 .count = 1, .type = "Quy định", .number = "01", .symbol = "01",
	 .issuer = "Ban Thường vụ Tỉnh ủy", .type_text = "Quy định", .symbol_text = "01", .is_short = 1, .rule = SHORT},
	{.text = "Chỉ thị 08 được quán triệt sâu rộng; việc thực hiện Chỉ thị 08 được kiểm tra thường xuyên.",
	 .count = 2, .idx = 1, .type = "Chỉ thị", .number = "08", .symbol = "08",
	 .type_text = "Chỉ thị", .symbol_text = "08", .is_short = 1, .same1 = 1, .rule = SHORT},
	/* same number, another type: a different document */
	{.text = "Kết luận số 21-KL/TW đã được quán triệt. Chỉ thị 21 của Thành ủy cũng vậy.",
	 .count = 2, .idx = 1, .type = "Chỉ thị", .number = "21", .symbol = "21",
	 .issuer = "Thành ủy", .type_text = "Chỉ thị", .symbol_text = "21", .is_short = 1, .rule = SHORT},
	{.text = "Các bộ triển khai Đề án 06 của Chính phủ về phát triển dữ liệu dân cư.",
	 .count = 1, .type = "Đề án", .number = "06", .symbol = "06",
	 .issuer = "Chính phủ", .subject = "về phát triển dữ liệu dân cư", .type_text = "Đề án", .symbol_text = "06", .is_short = 1, .rule = SHORT},
	{.text = "Văn phòng Chính phủ có Thông báo số 118/TB-VPCP. Các nội dung tại Thông báo 118 được triển khai nghiêm túc.",
	 .count = 2, .idx = 1, .type = "Thông báo", .number = "118", .symbol = "118",
	 .type_text = "Thông báo", .symbol_text = "118", .is_short = 1, .same1 = 1, .rule = SHORT},
	{.text = "Thành ủy đã ban hành Nghị quyết số 09 – NQ/TU ngày 12/4/2019 về bảo vệ môi trường. Để Nghị quyết 09 đi vào cuộc sống, các quận cần vào cuộc.",
	 .count = 2, .idx = 0, .type = "Nghị quyết", .type_code = "NQ", .number = "09", .symbol = "09-NQ/TU", .issuer_code = "TU", DATE(2019, 4, 12),
	 .issuer = "Thành ủy", .subject = "về bảo vệ môi trường", .type_text = "Nghị quyết", .symbol_text = "09 – NQ/TU", .rule = PARTY},
	{.text = "Thành ủy đã ban hành Nghị quyết số 09 – NQ/TU ngày 12/4/2019 về bảo vệ môi trường. Để Nghị quyết 09 đi vào cuộc sống, các quận cần vào cuộc.",
	 .count = 2, .idx = 1, .type = "Nghị quyết", .number = "09", .symbol = "09",
	 .type_text = "Nghị quyết", .symbol_text = "09", .is_short = 1, .same1 = 1, .rule = SHORT},
	/* a short form before its full citation: one document, rooted at the
	 * first citation in text order */
	{.text = "Việc triển khai Quyết định 714 của Thủ tướng Chính phủ còn chậm. Quyết định số 714/QĐ-TTg ngày 6/4/2016 giao Bộ Kế hoạch và Đầu tư làm đầu mối.",
	 .count = 2, .idx = 0, .type = "Quyết định", .number = "714", .symbol = "714",
	 .issuer = "Thủ tướng Chính phủ", .type_text = "Quyết định", .symbol_text = "714", .is_short = 1, .rule = SHORT},
	{.text = "Việc triển khai Quyết định 714 của Thủ tướng Chính phủ còn chậm. Quyết định số 714/QĐ-TTg ngày 6/4/2016 giao Bộ Kế hoạch và Đầu tư làm đầu mối.",
	 .count = 2, .idx = 1, .type = "Quyết định", .type_code = "QĐ", .number = "714", .symbol = "714/QĐ-TTg", .issuer_code = "TTg", DATE(2016, 4, 6),
	 .type_text = "Quyết định", .symbol_text = "714/QĐ-TTg", .same1 = 1, .rule = STATE},
	{.text = "Chỉ thị 15 và 16 của Thủ tướng Chính phủ về giãn cách xã hội.",
	 .count = 2, .idx = 1, .type = "Chỉ thị", .number = "16", .symbol = "16",
	 .issuer = "Thủ tướng Chính phủ", .subject = "về giãn cách xã hội", .symbol_text = "16", .is_short = 1, .rule = SLIST},
	{.text = "Đại biểu chất vấn về nghị quyết số 05 của HĐND tỉnh về học phí.",
	 .count = 1, .type = "Nghị quyết", .number = "05", .symbol = "05",
	 .issuer = "HĐND tỉnh", .subject = "về học phí", .type_text = "nghị quyết", .symbol_text = "05", .is_short = 1, .rule = SHORT},
	{.text = "Việc ban hành Quyết định 218 năm 2013 của Bộ Chính trị có ý nghĩa lớn.",
	 .count = 1, .type = "Quyết định", .number = "218", .symbol = "218",
	 .issuer = "Bộ Chính trị", .type_text = "Quyết định", .symbol_text = "218", .is_short = 1, .rule = SHORT},
	{.text = "Kế hoạch số 07-KH/TU của Tỉnh ủy đã nêu rõ. Theo Kế hoạch số 7-KH/TU ngày 2/3/2022, các huyện báo cáo trước tháng 6.",
	 .count = 2, .idx = 1, .type = "Kế hoạch", .type_code = "KH", .number = "7", .symbol = "7-KH/TU", .issuer_code = "TU", DATE(2022, 3, 2),
	 .type_text = "Kế hoạch", .symbol_text = "7-KH/TU", .same1 = 1, .rule = PARTY},
	{.text = "Các chi bộ thực hiện Chỉ thị 11-CT/TW (ngày 3/6/2022) của Ban Bí thư.",
	 .count = 1, .type = "Chỉ thị", .type_code = "CT", .number = "11", .symbol = "11-CT/TW", .issuer_code = "TW", DATE(2022, 6, 3),
	 .issuer = "Ban Bí thư", .type_text = "Chỉ thị", .symbol_text = "11-CT/TW", .rule = PARTY},
	{.text = "Quyết định số 22/QĐ-UBND của UBND TP. Hồ Chí Minh về chống ngập được công bố.",
	 .count = 1, .type = "Quyết định", .type_code = "QĐ", .number = "22", .symbol = "22/QĐ-UBND", .issuer_code = "UBND",
	 .issuer = "UBND TP. Hồ Chí Minh", .subject = "về chống ngập", .type_text = "Quyết định", .symbol_text = "22/QĐ-UBND", .rule = STATE},
	{.text = "Hai cơ quan ký Kế hoạch liên tịch số 12/KHLT-UBND-MTTQ về vận động quần chúng.",
	 .count = 1, .type = "Kế hoạch", .type_code = "KHLT", .number = "12", .symbol = "12/KHLT-UBND-MTTQ", .issuer_code = "UBND-MTTQ",
	 .subject = "về vận động quần chúng", .type_text = "Kế hoạch", .symbol_text = "12/KHLT-UBND-MTTQ", .rule = STATE},
	/* a code missing from the table that extends the written type's code */
	{.text = "Căn cứ Quyết định số 45/QĐUB-NN của UBND huyện về giao đất.",
	 .count = 1, .type = "Quyết định", .type_code = "QĐUB", .number = "45", .symbol = "45/QĐUB-NN", .issuer_code = "NN",
	 .issuer = "UBND huyện", .subject = "về giao đất", .type_text = "Quyết định", .symbol_text = "45/QĐUB-NN", .rule = STATE},
	{.text = "Đồng chí yêu cầu thực hiện Quy định 105-QĐ/TW của Bộ Chính trị về phân cấp cán bộ và Quy định 98-QĐ/TW về luân chuyển cán bộ.",
	 .count = 2, .idx = 0, .type = "Quy định", .type_code = "QĐ", .number = "105", .symbol = "105-QĐ/TW", .issuer_code = "TW",
	 .issuer = "Bộ Chính trị", .subject = "về phân cấp cán bộ", .type_text = "Quy định", .symbol_text = "105-QĐ/TW", .rule = PARTY},
	{.text = "Luật số 77/2015/QH13 về tổ chức chính quyền địa phương có hiệu lực từ ngày 01/01/2016.",
	 .count = 1, .type = "Luật", .number = "77", .symbol = "77/2015/QH13", .issuer_code = "QH13",
	 .subject = "về tổ chức chính quyền địa phương", .type_text = "Luật", .symbol_text = "77/2015/QH13", .rule = STATE},
	{.text = "Đề án số 01-ĐA/TU về sắp xếp tổ chức bộ máy được Ban Thường vụ thông qua.",
	 .count = 1, .type = "Đề án", .type_code = "ĐA", .number = "01", .symbol = "01-ĐA/TU", .issuer_code = "TU",
	 .subject = "về sắp xếp tổ chức bộ máy", .type_text = "Đề án", .symbol_text = "01-ĐA/TU", .rule = PARTY},
	{.text = "Chỉ thị 05, 120 cán bộ được khen thưởng.",
	 .count = 1, .type = "Chỉ thị", .number = "05", .symbol = "05",
	 .type_text = "Chỉ thị", .symbol_text = "05", .is_short = 1, .rule = SHORT},

	/* ---- read from the shared tokens and the dates and terms lists ---- */
	/* a code written in other letter case: the folded key finds it */
	{.text = "Theo 05-QĐI/TW, các chi bộ rà soát.",
	 .count = 1, .type = "Quy định", .type_code = "QĐI", .number = "05", .symbol = "05-QĐI/TW", .issuer_code = "TW",
	 .symbol_text = "05-QĐI/TW", .rule = PARTY},
	/* a number with a letter is two glued atoms, still one number */
	{.text = "Các chi bộ quán triệt Chỉ thị 05a của Bộ Chính trị.",
	 .count = 1, .type = "Chỉ thị", .number = "05a", .symbol = "05a",
	 .issuer = "Bộ Chính trị", .type_text = "Chỉ thị", .symbol_text = "05a", .is_short = 1, .rule = SHORT},
	/* the date before the agent may carry a part of day */
	{.text = "Sáng ngày 17.2.2025, Ban Thường vụ Tỉnh ủy đã ban hành Kế hoạch số 12-KH/TU về chuyển đổi số.",
	 .count = 1, .type = "Kế hoạch", .type_code = "KH", .number = "12", .symbol = "12-KH/TU", .issuer_code = "TU", DATE(2025, 2, 17),
	 .issuer = "Ban Thường vụ Tỉnh ủy", .subject = "về chuyển đổi số", .type_text = "Kế hoạch", .symbol_text = "12-KH/TU", .rule = PARTY},
	/* a range of days is one date (its first day), and the issuer follows */
	{.text = "Quyết định số 7/QĐ-UBND ngày 5-7/3/2021 của UBND tỉnh.",
	 .count = 1, .type = "Quyết định", .type_code = "QĐ", .number = "7", .symbol = "7/QĐ-UBND", .issuer_code = "UBND", DATE(2021, 3, 5),
	 .issuer = "UBND tỉnh", .type_text = "Quyết định", .symbol_text = "7/QĐ-UBND", .rule = STATE},
	/* so is a date with its clock time */
	{.text = "Quyết định số 12/QĐ-UBND ngày 5/3/2021 lúc 8 giờ của UBND tỉnh.",
	 .count = 1, .type = "Quyết định", .type_code = "QĐ", .number = "12", .symbol = "12/QĐ-UBND", .issuer_code = "UBND", DATE(2021, 3, 5),
	 .issuer = "UBND tỉnh", .type_text = "Quyết định", .symbol_text = "12/QĐ-UBND", .rule = STATE},
	/* a term period written with "đến" closes the issuer name */
	{.text = "Nghị quyết số 03-NQ/TU của Ban Chấp hành Đảng bộ tỉnh nhiệm kỳ 2020 đến 2025 về phát triển du lịch.",
	 .count = 1, .type = "Nghị quyết", .type_code = "NQ", .number = "03", .symbol = "03-NQ/TU", .issuer_code = "TU",
	 .issuer = "Ban Chấp hành Đảng bộ tỉnh nhiệm kỳ 2020 đến 2025", .subject = "về phát triển du lịch", .type_text = "Nghị quyết", .symbol_text = "03-NQ/TU", .rule = PARTY},
};
/* clang-format on */

static char *slice(const char *text, span_t s)
{
	if (s.start == 0 && s.end == 0)
		return NULL;
	return strndup(text + s.start, s.end - s.start);
}

static void expect_str(const char *what, const char *got, const char *want, const char *text)
{
	if (!want)
		cr_expect_null(got, "%s: expected none, got \"%s\" in: %s", what, got, text);
	else
		cr_expect(got && strcmp(got, want) == 0, "%s: expected \"%s\", got \"%s\" in: %s",
			  what, want, got ? got : "(null)", text);
}

static void expect_span(const char *what, const char *text, span_t s, const char *want)
{
	char *got = slice(text, s);
	expect_str(what, got, want, text);
	free(got);
}

#define NCASES (sizeof(CASES) / sizeof(CASES[0]))

/* Criterion runs each case in a re-executed worker where pointers from the
 * runner are not valid: pass the index, read the table in the worker. */
static int case_ids[NCASES];

ParameterizedTestParameters(documents, cases)
{
	for (size_t i = 0; i < NCASES; i++)
		case_ids[i] = (int)i;
	return cr_make_param_array(int, case_ids, NCASES);
}

ParameterizedTest(int *id, documents, cases)
{
	const struct dcase *tc = &CASES[*id];
	doc_list_t l = {0};
	doc_fixture_t fx;
	size_t len = strlen(tc->text);
	cr_assert_eq(doc_fixture_find(&fx, tc->text, len, &l), 0);
	cr_assert_eq((int)l.n, tc->count, "expected %d citations, got %zu in: %s", tc->count, l.n,
		     tc->text);
	const doc_cite_t *d = &l.v[tc->idx];
	expect_str("type", d->type, tc->type, tc->text);
	expect_str("type_code", d->type_code, tc->type_code, tc->text);
	expect_str("number", d->number, tc->number, tc->text);
	expect_str("symbol", d->symbol, tc->symbol, tc->text);
	expect_str("issuer_code", d->issuer_code, tc->issuer_code, tc->text);
	cr_expect(d->year == tc->y && d->month == tc->m && d->day == tc->d,
		  "date: expected %d-%d-%d, got %d-%d-%d in: %s", tc->y, tc->m, tc->d, d->year,
		  d->month, d->day, tc->text);
	expect_span("issuer", tc->text, d->issuer_span, tc->issuer);
	expect_span("subject", tc->text, d->subject_span, tc->subject);
	expect_span("type_span", tc->text, d->type_span, tc->type_text);
	expect_span("symbol_span", tc->text, d->symbol_span, tc->symbol_text);
	cr_expect_eq(d->is_short, tc->is_short, "is_short in: %s", tc->text);
	int same = tc->same1 ? tc->same1 - 1 : tc->idx;
	cr_expect_eq(d->same_as, same, "same_as: expected %d, got %d in: %s", same, d->same_as,
		     tc->text);
	expect_str("rule", d->rule, tc->rule, tc->text);
	/* the whole citation covers its symbol; an issuer or subject shared by
	 * a list ("Nghị quyết 41, Nghị quyết 52 của ...") may lie after it */
	cr_expect(d->span.start <= d->symbol_span.start && d->symbol_span.end <= d->span.end);
	if (d->subject_span.end)
		cr_expect(d->subject_span.start > d->symbol_span.end && d->subject_span.end <= len);
	documents_list_free(&l);
	doc_fixture_free(&fx);
}

/* ---- Not documents ----
 * Each text lists the symbols that must be found ('|'-separated, "" for
 * none); anything else is a false positive. */
struct ncase {
	const char *text;
	const char *symbols;
};

/* clang-format off */
static struct ncase NEG[] = {
	{"Ban Thường vụ nghe báo cáo dự thảo Kế hoạch thực hiện chương trình công tác năm 2024.", ""},
	{"Hội nghị quán triệt Nghị quyết Trung ương 4 (khóa XII) về xây dựng Đảng.", ""},
	{"Các chi bộ tiếp tục thực hiện Nghị quyết Đại hội XIII của Đảng.", ""},
	{"Tỉnh xây dựng Kế hoạch 5 năm giai đoạn 2021-2025.", ""},
	{"Tỷ lệ hộ đạt chuẩn là 91/2015 hộ, theo kế hoạch 3/2024 của xã.", ""},
	{"Luật Đất đai 2013 đã bộc lộ nhiều bất cập.", ""},
	{"Việc thu hồi đất thực hiện theo Luật 2013.", ""},
	{"Quyết định ngày 5/3 của UBND tỉnh được công bố rộng rãi.", ""},
	{"Nội dung được quy định tại Điều 5, khoản 2 của Luật Tổ chức chính quyền địa phương.", ""},
	{"Hội nghị quyết định 3 vấn đề quan trọng.", ""},
	{"Kết luận 3 nội dung, đồng chí Bí thư yêu cầu các sở khẩn trương triển khai.", ""},
	{"Hội nghị diễn ra ngày 25/10/2021 tại Hà Nội.", ""},
	{"Tỷ lệ giải ngân mới đạt 6000/31.328 tỷ đồng.", ""},
	{"Vốn trái phiếu giai đoạn 2012- 2015 được phân bổ.", ""},
	{"Chương trình 2 ngày làm việc của đoàn kết thúc tốt đẹp.", ""},
	{"Đội U23-VN giành chiến thắng.", ""},
	{"Các cấp ủy đã thi hành kỷ luật 429 trường hợp đảng viên.", ""},
	{"Hội đồng cho rằng phương án 2 được lựa chọn.", ""},
	{"Phương án 2 được đa số đại biểu tán thành.", ""},
	{"Dự án 3 đã hoàn thành đúng tiến độ.", ""},
	{"Kế hoạch 1.500 hộ thoát nghèo đã đạt.", ""},
	{"Thông báo 30% dân số đã tiêm chủng.", ""},
	{"Nghị quyết 5/3 đã được ký.", ""},
	{"Số liệu 12/2017 cho thấy tăng trưởng.", ""},
	{"Chỉ thị 2020 là năm bản lề.", ""},
	{"Hiến pháp năm 2013 quy định rõ quyền con người.", ""},
	{"Dịch COVID-19 được kiểm soát.", ""},
	{"Hội chợ diễn ra từ 14-15/10/2021 tại quảng trường.", ""},
	{"Báo cáo 6 tháng đầu năm cho thấy kinh tế tăng trưởng.", ""},
	{"Quốc hội cho ý kiến về dự thảo Nghị quyết về xử lý nợ xấu.", ""},
	{"Kết luận buổi làm việc, đồng chí Phó Thủ tướng yêu cầu đẩy nhanh tiến độ.", ""},
	{"Đồng chí cho biết điểm h, khoản 1, điều 5 quy định rõ.", ""},
	{"Thông báo kết quả tuyển sinh năm 2024 được công bố ngày 3/8.", ""},
	{"Xe mang biển kiểm soát 29A-123.45 bị tạm giữ.", ""},
	{"Lúc 14 giờ 30, đoàn làm việc với Quận 9.", ""},
	{"Kế hoạch số", ""},
	{"Quyết định số 12/", ""},
	{"Kế hoạch 3 tháng cuối năm được thông qua.", ""},
	{"Đề án 2 tỷ đồng đã được phê duyệt.", ""},
	{"Quyết định 2 lần bị hoãn.", ""},
	{"Ban Thường vụ nghe dự thảo Kế hoạch thực hiện Kết luận số 30-KL/TW của Bộ Chính trị.", "30-KL/TW"},
	{"Nghị quyết Trung ương 4 (khóa XII) gắn với Chỉ thị 05 của Bộ Chính trị.", "05"},
	{"Quyết định ngày 5/3 và Quyết định số 12/QĐ-UBND đều được công bố.", "12/QĐ-UBND"},
	{"Căn cứ điểm h, khoản 1, điều 5 Quyết định 33/QĐ-UBND của UBND tỉnh.", "33/QĐ-UBND"},
	{"Luật Đất đai 2013 và Luật số 45/2013/QH13 cùng được nhắc tới.", "45/2013/QH13"},
	{"Kế hoạch 5 năm và Kế hoạch 28 của Bộ Chính trị được sơ kết.", "28"},
	{"Quyết định 935, 10 năm qua đã phát huy hiệu quả.", "935"},
	{"Thực hiện Chỉ thị 05, 2017 là năm bản lề.", "05"},
	{"Tổng kết 10 năm thực hiện Nghị quyết 26-NQ/TW về nông nghiệp, nông dân.", "26-NQ/TW"},
	{"Vốn đạt 1.234/QĐ-UBND không phải là số hiệu.", ""},
	{"Mã A12-KL/TW không phải số hiệu vì có chữ phía trước.", ""},
	/* a type word glued to digits is no type, a number glued after letters no number */
	{"Kết luận30-KL/TW và U23-KL/TW không phải số hiệu.", ""},
};
/* clang-format on */

#define NNEG (sizeof(NEG) / sizeof(NEG[0]))
static int neg_ids[NNEG];

ParameterizedTestParameters(doc_negative, cases)
{
	for (size_t i = 0; i < NNEG; i++)
		neg_ids[i] = (int)i;
	return cr_make_param_array(int, neg_ids, NNEG);
}

ParameterizedTest(int *id, doc_negative, cases)
{
	const struct ncase *tc = &NEG[*id];
	doc_list_t l = {0};
	doc_fixture_t fx;
	cr_assert_eq(doc_fixture_find(&fx, tc->text, strlen(tc->text), &l), 0);
	char got[512] = "";
	for (size_t i = 0; i < l.n; i++) {
		if (i)
			strncat(got, "|", sizeof(got) - strlen(got) - 1);
		strncat(got, l.v[i].symbol, sizeof(got) - strlen(got) - 1);
	}
	cr_expect_str_eq(got, tc->symbols, "in: %s", tc->text);
	documents_list_free(&l);
	doc_fixture_free(&fx);
}
