/* Is a meeting reported as held in the article's own time frame
 * (model/meetings/frame.c, merge.c; suite "meetings_frame")? A meeting
 * announced for later, recalled as background, dated by a time limit, a
 * cited document or an anniversary, or a rite, a sports festival or a
 * meeting-shaped verb is no meeting; a meeting told as held is one, once,
 * and a day of a numbered session is that session. Kinds beyond the
 * provincial conference (press conferences, talks, dialogues) are here too.
 *
 * Every article is written for these tests; people and events are
 * invented. An article of more than one line starts with a title line. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>

#include "jsonq.h"
#include "meeting_paths.h"

/* clang-format off */
static const struct jq_case FRAME[] = {
    /* ---- announced for later ---- */
    {"neg_future_with_se",
     "Hội nghị tổng kết công tác năm của Sở Nội vụ sẽ diễn ra vào sáng 28/12 tại hội trường "
     "tỉnh.",
     PUB,
     {{"meetings#", "0"}}},
    {"neg_future_du_kien",
     "Dự kiến, sáng 30/4, UBND huyện tổ chức hội nghị sơ kết công tác phòng chống thiên tai.",
     PUB,
     {{"meetings#", "0"}}},
    {"neg_future_tomorrow",
     "Sáng mai, Hội đồng nhân dân thành phố khai mạc kỳ họp thứ 12.",
     PUB,
     {{"meetings#", "0"}}},
    {"neg_future_modal_after_the_noun",
     "Ngày 14/9, Hội nghị Bộ trưởng Nông nghiệp các nước Đông Nam Á sẽ diễn ra tại Đà Nẵng.",
     PUB,
     {{"meetings#", "0"}}},
    /* "sáng nay" is today: held even when told with "sẽ" */
    {"today_with_se_is_held",
     "Sáng nay, HĐND tỉnh sẽ khai mạc kỳ họp thứ 9 tại hội trường tỉnh.",
     PUB,
     {{"meetings#", "1"},
      {M0 "kind", "session"},
      {M0 "ordinal", "9"}}},
    /* once a meeting was announced, another is reported only when told
     * in the past */
    {"after_an_announcement_only_the_past_is_held",
     "Hội nghị Ban Chấp hành\n"
     "Sáng 20/3, Ban Thường vụ Huyện ủy sẽ tổ chức hội nghị lần thứ 7. Chiều 19/3, Ban Thường "
     "vụ Huyện ủy đã tổ chức hội nghị chuẩn bị nội dung.",
     PUB,
     {{"meetings#", "1"},
      {M0 "month_day", "03-19"}}},
    {"neg_after_an_announcement_a_plain_date_is_no_report",
     "Lịch họp của Huyện ủy\n"
     "Sáng 20/3, Ban Thường vụ Huyện ủy sẽ tổ chức hội nghị lần thứ 7. Ngày 25/3, Ban Chấp "
     "hành Đảng bộ huyện tổ chức hội nghị sơ kết quý I.",
     PUB,
     {{"meetings#", "0"}}},
    /* ---- recalled, time limits, citations ---- */
    {"neg_background_recall",
     "Trước đó, ngày 3/2, tại Hội nghị cán bộ chủ chốt, Chủ tịch tỉnh Lê Văn Thành yêu cầu các "
     "sở đẩy nhanh tiến độ.",
     PUB,
     {{"meetings#", "0"}}},
    {"neg_deadline_date",
     "Ủy ban nhân dân tỉnh yêu cầu các sở báo cáo kết quả hội nghị về Văn phòng trước ngày 10/2.",
     PUB,
     {{"meetings#", "0"}}},
    {"neg_schedule_of_weeks_is_not_a_day",
     "Kỳ thi tuyển sinh của tỉnh diễn ra từ ngày 2/6 đến 28/6 tại các điểm thi.",
     PUB,
     {{"meetings#", "0"}}},
    {"neg_anniversary_range",
     "Ngày 2/9, tỉnh treo cờ kỷ niệm Ngày Quốc khánh (2.9.1945 - 2.9.2024) tại các cơ quan.",
     PUB,
     {{"meetings#", "0"}}},
    /* ---- written plans: the meeting is a topic ---- */
    {"neg_plan_to_hold_a_conference",
     "Ngày 12/3, UBND tỉnh ban hành kế hoạch tổ chức Hội nghị xúc tiến đầu tư năm 2024.",
     PUB,
     {{"meetings#", "0"}}},
    {"neg_undated_plan_about_a_conference",
     "Kế hoạch số 45\n"
     "UBND tỉnh vừa ban hành Kế hoạch số 45/KH-UBND về tổ chức Hội nghị xúc tiến đầu tư năm "
     "2024. Theo đó, hội nghị sẽ được tổ chức vào tháng 6.",
     PUB,
     {{"meetings#", "0"}}},
    {"meeting_preparing_a_conference_is_the_meeting",
     "Sáng 12/3, UBND tỉnh họp bàn công tác chuẩn bị tổ chức Hội nghị xúc tiến đầu tư năm 2024.",
     PUB,
     {{"meetings#", "1"},
      {M0 "kind_text", "họp"}}},
    /* ---- rites and festivals ---- */
    {"neg_religious_rite",
     "Sáng 12/5, hàng nghìn tín đồ dự lễ cầu siêu tại chùa Phổ Minh.",
     PUB,
     {{"meetings#", "0"}}},
    {"neg_sports_festival",
     "Sáng 8/6, huyện khai mạc Đại hội Thể dục thể thao lần thứ X.",
     PUB,
     {{"meetings#", "0"}}},
    /* ---- kinds ---- */
    {"ceremony_kind_after_a_measure_word",
     "Sáng 9/9, Hội Khuyến học tỉnh tổ chức buổi lễ trao học bổng cho học sinh nghèo.",
     PUB,
     {{"meetings#", "1"},
      {M0 "kind", "ceremony"},
      {M0 "kind_text", "lễ trao"}}},
    {"press_conference_is_its_own_kind",
     "Chiều 5/4, Sở Văn hóa tỉnh tổ chức họp báo giới thiệu lễ hội mùa hè.",
     PUB,
     {{"meetings#", "1"},
      {M0 "kind", "meeting"},
      {M0 "kind_text", "họp báo"}}},
    {"dialogue_named_with_a_capital",
     "Ngày 11/11, Đối thoại nhiều bên về kinh tế số được tổ chức tại Hà Nội.",
     PUB,
     {{"meetings#", "1"},
      {M0 "kind_text", "đối thoại"},
      {M0 "location", "Hà Nội"}}},
    {"neg_dialogue_as_a_verb",
     "Ngày 11/11, Sở Tài chính cho biết đơn vị thường xuyên đối thoại với doanh nghiệp.",
     PUB,
     {{"meetings#", "0"}}},
    /* a day of a numbered session is that session; a numbered sitting
     * stays a sitting */
    {"bare_sitting_of_a_numbered_session",
     "Kỳ họp thứ 8 HĐND tỉnh\n"
     "Sáng 10/7, HĐND tỉnh khóa XVIII tiến hành phiên họp toàn thể của kỳ họp thứ 8. Phiên "
     "họp do Chủ tịch HĐND tỉnh điều khiển.",
     PUB,
     {{"meetings#", "1"},
      {M0 "kind", "sitting"},
      {M0 "kind_text", "phiên họp toàn thể"},
      {M0 "ordinal", "null"}}},
    {"bare_sitting_is_the_session",
     "HĐND tỉnh họp\n"
     "Sáng 10/7, HĐND tỉnh tiến hành phiên họp ngày thứ hai của kỳ họp thứ 8 tại hội trường "
     "tỉnh.",
     PUB,
     {{"meetings#", "1"},
      {M0 "kind", "session"},
      {M0 "ordinal", "8"}}},
    /* ---- one meeting told twice, two meetings of one afternoon ---- */
    {"repeated_lead_is_one_meeting",
     "Hội nghị tổng kết\n"
     "Sáng 15/3, UBND tỉnh tổ chức hội nghị tổng kết công tác năm. Sáng 15/3, hội nghị tổng "
     "kết công tác năm của UBND tỉnh diễn ra tại hội trường tỉnh.",
     PUB,
     {{"meetings#", "1"}}},
    {"two_meetings_of_one_afternoon_other_places",
     "Lãnh đạo tỉnh làm việc\n"
     "Chiều 15/3, đồng chí Nguyễn Văn Hải, Bí thư Tỉnh ủy chủ trì cuộc họp tại huyện Nam Đàn. "
     "Cũng chiều 15/3, đồng chí Lê Văn Thành, Chủ tịch UBND tỉnh chủ trì cuộc họp tại huyện "
     "Hưng Nguyên.",
     PUB,
     {{"meetings#", "2"}}},
    /* ---- the meeting's year and date ---- */
    {"year_from_the_name_after_the_verb",
     "Chính phủ họp\n"
     "Sáng 4-7, Chính phủ họp phiên thường kỳ tháng 6-2017. Thủ tướng chủ trì phiên họp.",
     NULL,
     {{"meetings#", "1"},
      {M0 "date", "2017-07-04"}}},
    {"title_citation_does_not_take_the_lead_date",
     "Triển khai Chỉ thị số 12 của Ban Thường vụ\n"
     "Ngày 7/7, Đoàn công tác của Tỉnh ủy có buổi làm việc với Huyện ủy Nam Đàn.",
     NULL,
     {{"meetings#", "1"},
      {M0 "month_day", "07-07"}}},
    {"anniversary_range_in_brackets_dates_nothing",
     "Giao lưu văn nghệ\n"
     "Tối 22.4, tại tỉnh Nghệ An, Sở Văn hóa tổ chức lễ khai mạc liên hoan văn nghệ. Liên hoan "
     "chào mừng 50 năm Ngày giải phóng (30.4.1975 - 30.4.2025).",
     "2025-04-23",
     {{"meetings#", "1"},
      {M0 "month_day", "04-22"}}},
    /* ---- the meeting's place ---- */
    {"place_after_o_right_after_the_noun",
     "Ngày 7/7, Bộ Ngoại giao nước này tổ chức cuộc họp báo ở Seoul.",
     PUB,
     {{M0 "location", "Seoul"}}},
    {"neg_o_far_from_the_meeting_is_no_place",
     "Ngày 7/7, Sở Y tế tổ chức hội nghị về công tác phòng dịch ở các xã vùng cao.",
     PUB,
     {{M0 "location", "null"}}},
    {"place_with_its_address",
     "Tối 19/5, lễ kỷ niệm đã diễn ra tại Quảng trường Hồ Chí Minh, thành phố Vinh, tỉnh Nghệ "
     "An.",
     PUB,
     {{M0 "location", "Quảng trường Hồ Chí Minh, thành phố Vinh, tỉnh Nghệ An"}}},
    {"place_lower_case_venue",
     "Tối 20.9, Đại hội Hội Nông dân tỉnh đã khai mạc tại sân vận động Quy Nhơn (TP.Quy Nhơn).",
     PUB,
     {{M0 "location", "sân vận động Quy Nhơn"}}},
    {"neg_tai_inside_a_body_name",
     "Ngày 7/2/2017, Tổng Lãnh sự quán Việt Nam tại Osaka tổ chức hội thảo xúc tiến đầu tư.",
     NULL,
     {{M0 "location", "null"}}},
    {"neg_tai_after_another_event",
     "Chiều 7-2, Chủ tịch UBND tỉnh chủ trì cuộc họp về chuẩn bị các hội nghị quốc tế diễn ra "
     "tại TP Nha Trang.",
     PUB,
     {{M0 "kind_text", "cuộc họp"},
      {M0 "location", "null"}}},
    {"place_from_a_later_sentence_naming_the_meeting",
     "Kỳ họp thứ 3\n"
     "Chiều 29/5, Quốc hội tiếp tục kỳ họp thứ 3. Tiếp tục kỳ họp thứ 3, các đại biểu làm việc "
     "tại Hội trường, thảo luận dự án luật.",
     PUB,
     {{M0 "location", "Hội trường"}}},
    {"neg_legal_reference_is_no_place",
     "Phiên họp thứ 10\n"
     "Sáng 12/7, Ủy ban Thường vụ Quốc hội tiến hành phiên họp thứ 10. Cũng trong phiên họp "
     "này, căn cứ quy định tại Điều 74 của Hiến pháp, Ủy ban đã xem xét một tờ trình.",
     PUB,
     {{M0 "location", "null"}}},
    {"place_of_a_trip_when_nothing_nearer",
     "Ngày 24/5, Phó Thủ tướng chủ trì khai mạc Diễn đàn kinh tế Việt Nam - Pháp nhân chuyến "
     "thăm chính thức tại Pháp.",
     PUB,
     {{M0 "kind_text", "diễn đàn"},
      {M0 "location", "Pháp"}}},
    {"neg_posted_envoy_is_no_place",
     "Ngày 3/7, Đại sứ nước này tại Washington đã có cuộc gặp với Thứ trưởng Ngoại giao.",
     PUB,
     {{M0 "kind_text", "cuộc gặp"},
      {M0 "location", "null"}}},
    {"neg_a_topic_meeting_later_gives_no_place",
     "Hai bên chuẩn bị\n"
     "Ngày 3/7, hai thứ trưởng đã có cuộc gặp. Ngoài chủ đề về cuộc gặp thượng đỉnh tại Đức, "
     "hai bên còn bàn về quan hệ song phương.",
     PUB,
     {{M0 "location", "null"}}},
    {"place_of_a_later_sentence_attending_it",
     "Trao học bổng\n"
     "Sáng 1/11, Báo Tuổi Trẻ tổ chức buổi lễ trao học bổng cho học sinh. Tham dự buổi lễ trao "
     "học bổng tại Trung tâm hội nghị tỉnh Đắk Nông có lãnh đạo tỉnh.",
     PUB,
     {{M0 "location", "Trung tâm hội nghị tỉnh Đắk Nông"}}},
    {"ceremony_of_setting_out",
     "Sáng 5/2, Bộ Chỉ huy Quân sự tỉnh tổ chức lễ ra quân huấn luyện năm 2024.",
     PUB,
     {{M0 "kind", "ceremony"},
      {M0 "kind_text", "lễ ra quân"}}},
    {"opening_night_is_a_ceremony",
     "Liên hoan văn nghệ\n"
     "Tối 20/9, liên hoan văn nghệ quần chúng của tỉnh đã chính thức khai mạc. Trong đêm khai "
     "mạc, 20 đoàn đã diễu hành qua lễ đài.",
     PUB,
     {{"meetings#", "1"},
      {M0 "kind_text", "đêm khai mạc"}}},
    {"neg_next_days_agenda_is_announced",
     "Thông cáo số 9\n"
     "Ngày 20-6-2023, Quốc hội họp phiên toàn thể tại hội trường. Thứ tư, ngày 21-6-2023, Quốc "
     "hội họp phiên bế mạc. Phiên bế mạc sẽ được truyền hình trực tiếp.",
     NULL,
     {{"meetings#", "1"},
      {M0 "kind_text", "phiên toàn thể"}}},
    /* ---- term and ordinal ---- */
    {"term_from_the_body_named_in_the_title",
     "Bế mạc Phiên họp thứ 9 của Ủy ban Thường vụ Quốc hội khóa XV\n"
     "Sáng 12/7, Ủy ban Thường vụ Quốc hội bế mạc Phiên họp thứ 9.",
     PUB,
     {{M0 "ordinal", "9"},
      {M0 "term", "khóa XV"}}},
    {"neg_term_of_another_meeting_named_after",
     "Chiều 19/5, Văn phòng Quốc hội tổ chức họp báo thông tin về kỳ họp thứ 5 của Quốc hội "
     "khóa XV.",
     PUB,
     {{M0 "kind_text", "họp báo"},
      {M0 "term", "null"},
      {M0 "ordinal", "null"}}},
    {"ordinal_from_the_same_noun_restated",
     "Ủy ban Kiểm tra họp\n"
     "Từ ngày 7 - 9/6, tại Hà Nội, Ủy ban Kiểm tra Trung ương đã họp kỳ thứ 21. Chủ nhiệm Ủy ban "
     "chủ trì kỳ họp. Toàn cảnh kỳ họp thứ 21 của Ủy ban Kiểm tra Trung ương.",
     PUB,
     {{M0 "kind_text", "kỳ họp"},
      {M0 "ordinal", "21"}}},
    {"neg_ordinal_of_another_noun_of_the_kind",
     "Hai bên gặp nhau\n"
     "Ngày 3/7, hai thứ trưởng đã có cuộc gặp tại Hà Nội. Hai bên bàn về cuộc đối thoại lần thứ "
     "hai giữa hai nước.",
     PUB,
     {{M0 "kind_text", "cuộc gặp"},
      {M0 "ordinal", "null"}}},
};
/* clang-format on */

ParameterizedTestParameters(meetings_frame, recognise)
{
	return JQ_PARAMS(FRAME);
}

ParameterizedTest(size_t *k, meetings_frame, recognise)
{
	jq_run_case(&FRAME[*k]);
}
