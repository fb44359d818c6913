/* Built-in example articles for the meetingd page.
 *
 * Written for this project in the genre of Vietnamese provincial news: the
 * people, figures, document numbers and events are invented; bodies and
 * places are real or plausible. The Nôm example carries characters outside
 * the BMP (𡨸, U+21A38) so that UTF-16 offsets are exercised. */
'use strict';
window.MEETINGD_EXAMPLES = [
	{
		id: "ubnd",
		vi: "Phiên họp UBND tỉnh",
		en: "Provincial committee sitting",
		text: `Gỡ vướng mặt bằng cho tuyến đường ven sông Trà Khúc

THỨ NĂM, 05/06/2025 17:20:03

Chiều 5.6, đồng chí Võ Minh Tâm, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh chủ trì phiên họp thường kỳ tháng 6 của UBND tỉnh để nghe báo cáo tiến độ giải phóng mặt bằng dự án đường ven sông Trà Khúc. Cùng dự có đồng chí Nguyễn Thị Bích Ngọc, Phó Chủ tịch UBND tỉnh.

Theo báo cáo của Sở Xây dựng, đến nay dự án đã bàn giao 38,5/52 km mặt bằng; còn 214 hộ dân chưa nhận tiền bồi thường, chủ yếu ở huyện Sơn Tịnh. Việc xác định nguồn gốc đất và giá đất cụ thể còn chậm so với Kế hoạch số 45/KH-UBND, ngày 10.3.2025 của UBND tỉnh.

Kết luận phiên họp, Chủ tịch UBND tỉnh Võ Minh Tâm yêu cầu UBND huyện Sơn Tịnh chủ trì, phối hợp với Sở Tài nguyên và Môi trường hoàn thành phê duyệt phương án bồi thường cho các hộ còn lại trước ngày 30.6.2025. Sở Tài chính phối hợp bố trí đủ vốn chi trả trong tháng 7. “Không để người dân chịu thiệt, nhưng cũng không để dự án chờ đợi”, đồng chí Võ Minh Tâm nhấn mạnh.

THANH TRÚC
`,
	},
	{
		id: "hoithao",
		vi: "Hội thảo chữ Nôm",
		en: "Seminar on N\u00f4m script",
		text: `Đưa chữ Nôm đến gần hơn với học sinh

THỨ BẢY, 18/10/2025 10:12:45

Sáng 18.10, Sở Giáo dục và Đào tạo phối hợp với Trường Đại học Sư phạm tổ chức hội thảo khoa học “Chữ Nôm (𡨸喃) trong nhà trường hôm nay”. Đồng chí Hà Văn Khải, Phó Chủ tịch UBND tỉnh dự và phát biểu khai mạc. Tham dự hội thảo có PGS.TS Trần Thị Diệu Linh, Viện trưởng Viện Nghiên cứu Hán Nôm, cùng hơn 120 giáo viên ngữ văn, lịch sử.

Đồng chí Hà Văn Khải phát biểu khai mạc hội thảo

Các tham luận giới thiệu bộ tư liệu 36 văn bia, câu đối, gia phả viết bằng chữ Nôm được sưu tầm tại các làng ven biển, trong đó có chữ 𡨸 (chữ) và 喃 (nôm) được dùng làm tên gọi của cả hệ chữ. Theo Quyết định số 1520/QĐ-UBND, ngày 2.9.2025 của UBND tỉnh, năm học 2025 - 2026 sẽ thí điểm chuyên đề “Đọc di sản quê hương” tại 15 trường trung học phổ thông.

Phát biểu tại hội thảo, đồng chí Hà Văn Khải đề nghị Sở Giáo dục và Đào tạo chủ trì xây dựng tài liệu chuyên đề, hoàn thành trước ngày 15.12.2025; Sở Văn hóa, Thể thao và Du lịch phối hợp số hóa toàn bộ văn bia đã sưu tầm.

NGỌC ANH
`,
	},
	{
		id: "kyhop",
		vi: "Kỳ họp HĐND xã",
		en: "Commune council session",
		text: `HĐND xã Phú Lộc thông qua 9 nghị quyết quan trọng

THỨ TƯ, 23/07/2025 20:41:10

Ngày 23.7, HĐND xã Phú Lộc khóa I, nhiệm kỳ 2021 - 2026 tổ chức kỳ họp thứ Ba để xem xét, quyết định nhiều nội dung quan trọng sau khi sắp xếp đơn vị hành chính. Đồng chí Phan Thanh Hải, Bí thư Đảng ủy, Chủ tịch HĐND xã chủ trì kỳ họp. Dự kỳ họp có ông Lò Văn Sơn, Phó Chủ tịch HĐND tỉnh.

Tại kỳ họp, UBND xã trình các tờ trình về kế hoạch đầu tư công trung hạn, kế hoạch sử dụng đất năm 2026 và chương trình giám sát của HĐND xã. Các đại biểu đã biểu quyết thông qua 9 nghị quyết với tỷ lệ tán thành cao, trong đó có Nghị quyết về phân bổ 18,6 tỷ đồng xây dựng trường mầm non trung tâm.

Bế mạc kỳ họp, đồng chí Phan Thanh Hải đề nghị UBND xã khẩn trương triển khai các nghị quyết vừa được thông qua; Ban Kinh tế - Xã hội HĐND xã chủ trì giám sát việc thực hiện, báo cáo kết quả tại kỳ họp cuối năm.

ĐỨC HUY
`,
	},
];
