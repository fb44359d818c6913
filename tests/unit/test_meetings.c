/* Meeting recogniser (model/meetings), tested end to end through
 * model_parse(): which meetings an article reports and, for each, its kind,
 * ordinal, convening body, term, date, place, format, chairs and attendees
 * (suite "meetings"). What was presented and decided (suite "agenda") and
 * the directives given (suite "tasks") are in test_agenda.c. Contract:
 * shared/design/meeting-model.md, "Meeting".
 *
 * Every article is written for these tests; people and events are invented.
 * An article of more than one line starts with a title line, as the genre
 * does, so that its first paragraph is not read as the headline.
 * Cases that failed when first written were fixed in the recognisers
 * and are part of these tables. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>

#include "jsonq.h"
#include "meeting_paths.h"

/* ======================================================================== */
/* meetings                                                                  */
/* ======================================================================== */

/* clang-format off */
static const struct jq_case MEETINGS[] = {
    /* ---- kinds, ordinals, bodies ---- */
    {"conference_ordinal_of_body",
     "Sáng 26/1, đồng chí Nguyễn Văn Hải, Bí thư Tỉnh ủy chủ trì Hội nghị lần thứ 53 của Ban "
     "Thường vụ Tỉnh ủy.",
     NULL,
     {{"meetings#", "1"},
      {M0 "kind", "conference"},
      {M0 "kind_text", "hội nghị"},
      {M0 "ordinal", "53"},
      {M0 "name", "Hội nghị lần thứ 53 của Ban Thường vụ Tỉnh ủy"},
      {M0 "body.name", "Ban Thường vụ Tỉnh ủy"},
      {M0 "body.organization_id@", "Ban Thường vụ Tỉnh ủy"},
      {M0 "date", "null"},
      {M0 "month_day", "01-26"},
      {M0 "date_text.text", "Sáng 26/1"},
      {M0 "part_of_day", "morning"},
      {M0 "chairs@", "Nguyễn Văn Hải"},
      {"warnings", ""}}},
    {"conference_subject_body_organises",
     "Sáng 26/1, Ban Thường vụ Tỉnh ủy tổ chức Hội nghị lần thứ 53 để cho ý kiến vào dự thảo kế "
     "hoạch.",
     NULL,
     {{"meetings#", "1"},
      {M0 "kind", "conference"},
      {M0 "ordinal", "53"},
      {M0 "body.name", "Ban Thường vụ Tỉnh ủy"},
      {M0 "chairs", ""}}},
    {"session_word_ordinal_and_term",
     "Chiều 4/12, HĐND tỉnh khóa XVIII khai mạc kỳ họp thứ Tám.",
     NULL,
     {{"meetings#", "1"},
      {M0 "kind", "session"},
      {M0 "kind_text", "kỳ họp"},
      {M0 "ordinal", "8"},
      {M0 "body.name", "HĐND tỉnh"},
      {M0 "body.organization_id@", "Hội đồng nhân dân tỉnh"},
      {M0 "term", "khóa XVIII"},
      {M0 "part_of_day", "afternoon"}}},
    {"session_body_and_term_after_comma",
     "Sáng 5/7, HĐND tỉnh khai mạc kỳ họp thứ 4, HĐND tỉnh khóa X.",
     NULL,
     {{M0 "kind", "session"},
      {M0 "ordinal", "4"},
      {M0 "body.name", "HĐND tỉnh"},
      {M0 "term", "khóa X"}}},
    {"conference_roman_ordinal",
     "Sáng 10/3, Ban Chấp hành Đảng bộ tỉnh tổ chức Hội nghị lần thứ XIX.",
     NULL,
     {{M0 "kind", "conference"},
      {M0 "ordinal", "19"},
      {M0 "body.name", "Ban Chấp hành Đảng bộ tỉnh"}}},
    {"central_plenum_numbered",
     "Sáng 5/10, Ban Chấp hành Trung ương Đảng khóa XIII khai mạc Hội nghị Trung ương 8.",
     NULL,
     {{M0 "kind", "conference"},
      {M0 "ordinal", "8"},
      {M0 "body.name", "Ban Chấp hành Trung ương Đảng"},
      {M0 "term", "khóa XIII"}}},
    {"sitting_of_the_government",
     "Chiều 12/6, Chính phủ họp phiên họp thường kỳ tháng 5.",
     NULL,
     {{M0 "kind", "sitting"},
      {M0 "kind_text", "phiên họp"},
      {M0 "ordinal", "null"},
      {M0 "body.name", "Chính phủ"}}},
    /* the verb before the noun: "họp phiên", "họp kỳ" report the noun
     * phrase, a longer kind from the noun on wins */
    {"verb_before_the_sitting_noun",
     "Chiều 12/6, Chính phủ họp phiên thường kỳ tháng 5.",
     NULL,
     {{M0 "kind", "sitting"},
      {M0 "kind_text", "phiên họp"},
      {M0 "mentions[0].text", "họp phiên"},
      {M0 "body.name", "Chính phủ"}}},
    {"verb_before_the_session_noun_and_its_number",
     "Ngày 5/4, Ủy ban Kiểm tra Tỉnh ủy Nghệ An họp kỳ 45.",
     NULL,
     {{M0 "kind", "session"},
      {M0 "kind_text", "kỳ họp"},
      {M0 "ordinal", "45"},
      {M0 "body.name", "Ủy ban Kiểm tra Tỉnh ủy Nghệ An"}}},
    {"verb_before_a_named_sitting",
     "Sáng 1/6, Quốc hội họp phiên bế mạc.",
     NULL,
     {{M0 "kind", "sitting"}, {M0 "kind_text", "phiên bế mạc"}}},
    /* a date after "họp kỳ" is no ordinal */
    {"date_after_hop_ky_is_no_ordinal",
     "Ngày 5/4, Ủy ban Kiểm tra Tỉnh ủy họp kỳ 5/2024.",
     NULL,
     {{M0 "kind", "session"}, {M0 "ordinal", "null"}}},
    /* "buổi lễ" refers to the ceremony named with its verb */
    {"bare_ceremony_takes_its_named_kind",
     "Sáng 3/9, ông Lê Văn An phát biểu tại buổi lễ. Tham dự buổi lễ trao học bổng có ông Trần "
     "Văn Bình.",
     NULL,
     {{"meetings#", "1"}, {M0 "kind", "ceremony"}, {M0 "kind_text", "lễ trao"}}},
    {"bare_ceremony_without_a_name_stays",
     "Sáng 3/9, UBND xã Hòa Bình tổ chức buổi lễ. Buổi lễ có nhiều hoạt động.",
     NULL,
     {{M0 "kind_text", "buổi lễ"}, {M0 "body.name", "UBND xã Hòa Bình"}}},
    /* a body as the place keeps its lower-case descriptors */
    {"place_is_a_body_with_descriptors",
     "Sáng 5/3, tại Viện nghiên cứu chiến lược Hàn Quốc, hội thảo về thương mại đã diễn ra.",
     NULL,
     {{M0 "location", "Viện nghiên cứu chiến lược Hàn Quốc"}}},
    {"plenary_sitting_of_committee",
     "Sáng 20/10, Ủy ban Kinh tế của Quốc hội tổ chức phiên họp toàn thể lần thứ 12.",
     NULL,
     {{M0 "kind", "sitting"},
      {M0 "kind_text", "phiên họp toàn thể"},
      {M0 "ordinal", "12"},
      {M0 "body.name", "Ủy ban Kinh tế của Quốc hội"}}},
    {"congress_with_term_of_office",
     "Ngày 20/9, Đảng bộ xã Diễn Hoa tổ chức Đại hội đại biểu lần thứ XXV, nhiệm kỳ 2025 - 2030.",
     NULL,
     {{M0 "kind", "congress"},
      {M0 "kind_text", "đại hội"},
      {M0 "ordinal", "25"},
      {M0 "body.name", "Đảng bộ xã Diễn Hoa"},
      {M0 "term", "nhiệm kỳ 2025 - 2030"},
      {M0 "date_text.text", "Ngày 20/9"},
      {M0 "month_day", "09-20"},
      {M0 "part_of_day", "null"}}},
    {"working_session_with_counterpart",
     "Sáng 14/8, đồng chí Nguyễn Văn Hải, Bí thư Tỉnh ủy làm việc với Ban Thường vụ Thành ủy Vinh.",
     NULL,
     {{"meetings#", "1"},
      {M0 "kind", "working_session"},
      {M0 "kind_text", "làm việc"},
      {M0 "body.name", "Ban Thường vụ Thành ủy Vinh"},
      {M0 "chairs@", "Nguyễn Văn Hải"}}},
    {"working_session_of_a_subject_body",
     "Chiều 14/8, UBND tỉnh có buổi làm việc với Công an tỉnh về công tác bảo đảm an ninh.",
     NULL,
     {{M0 "kind", "working_session"},
      {M0 "kind_text", "buổi làm việc"},
      {M0 "body.name", "UBND tỉnh"}}},
    {"working_session_of_a_visiting_team",
     "Chiều 14/8, Đoàn công tác của Bộ Y tế có buổi làm việc với UBND tỉnh.",
     NULL,
     {{M0 "kind", "working_session"},
      {M0 "kind_text", "buổi làm việc"},
      {M0 "body.name", "UBND tỉnh"}}},
    {"seminar_hoi_thao",
     "Sáng 21/5, Sở Khoa học và Công nghệ tổ chức hội thảo khoa học về chuyển đổi số.",
     NULL,
     {{M0 "kind", "seminar"},
      {M0 "kind_text", "hội thảo"},
      {M0 "body.name", "Sở Khoa học và Công nghệ"}}},
    {"seminar_toa_dam",
     "Chiều 21/5, Ban Tuyên giáo Tỉnh ủy tổ chức tọa đàm về báo chí cách mạng.",
     NULL,
     {{M0 "kind", "seminar"},
      {M0 "kind_text", "tọa đàm"},
      {M0 "body.name", "Ban Tuyên giáo Tỉnh ủy"}}},
    {"ceremony_anniversary_no_ordinal",
     "Sáng 2/9, UBND tỉnh tổ chức lễ kỷ niệm 79 năm Quốc khánh.",
     NULL,
     {{M0 "kind", "ceremony"},
      {M0 "kind_text", "lễ kỷ niệm"},
      {M0 "ordinal", "null"},
      {M0 "body.name", "UBND tỉnh"}}},
    {"ceremony_signing_joint_organisers",
     "Sáng 12/5, Hội Nông dân tỉnh và Liên đoàn Lao động tỉnh tổ chức lễ ký kết chương trình phối "
     "hợp.",
     NULL,
     {{M0 "kind", "ceremony"},
      {M0 "kind_text", "lễ ký kết"},
      {M0 "body.name", "Hội Nông dân tỉnh và Liên đoàn Lao động tỉnh"}}},
    {"ceremony_rally",
     "Sáng 30/4, UBND thành phố tổ chức lễ mít tinh kỷ niệm ngày giải phóng.",
     NULL,
     {{M0 "kind", "ceremony"},
      {M0 "kind_text", "lễ mít tinh"}}},
    {"meeting_cuoc_hop",
     "Chiều 6/11, UBND tỉnh tổ chức cuộc họp về phòng, chống bão.",
     NULL,
     {{M0 "kind", "meeting"},
      {M0 "kind_text", "cuộc họp"},
      {M0 "body.name", "UBND tỉnh"}}},
    {"meeting_reception_named_later",
     "Sáng 3/4, đồng chí Lê Văn Thành, Chủ tịch UBND tỉnh tiếp đoàn doanh nghiệp Nhật Bản. Buổi "
     "tiếp diễn ra thân mật.",
     NULL,
     {{"meetings#", "1"},
      {M0 "kind", "meeting"},
      {M0 "kind_text", "buổi tiếp"},
      {M0 "chairs@", "Lê Văn Thành"}}},
    {"meeting_get_together",
     "Trưa 2/9, Tỉnh đoàn tổ chức buổi gặp mặt thanh niên tiêu biểu.",
     NULL,
     {{M0 "kind", "meeting"},
      {M0 "kind_text", "buổi gặp mặt"},
      {M0 "body.name", "Tỉnh đoàn"},
      {M0 "part_of_day", "noon"}}},
    {"conference_briefing_online",
     "Sáng 8/7, UBND tỉnh tổ chức hội nghị giao ban trực tuyến với các huyện.",
     NULL,
     {{M0 "kind", "conference"},
      {M0 "kind_text", "hội nghị giao ban"},
      {M0 "format", "online"},
      {M0 "body.name", "UBND tỉnh"}}},
    /* ---- dates: dateline, published_at, relative dates ---- */
    {"date_from_dateline",
     "HĐND tỉnh khai mạc kỳ họp thứ 9\n"
     "\n"
     "THỨ HAI, 08/07/2024 10:15:00\n"
     "\n"
     "Sáng 8/7, HĐND tỉnh khóa XVIII khai mạc kỳ họp thứ 9.\n",
     NULL,
     {{"article.published_at", "2024-07-08T10:15:00+07:00"},
      {"meetings#", "1"},
      {M0 "date", "2024-07-08"},
      {M0 "month_day", "07-08"},
      {M0 "date_text.text", "Sáng 8/7"},
      {M0 "ordinal", "9"},
      {M0 "term", "khóa XVIII"},
      {"warnings[*].code", "year_inferred"}}},
    {"date_from_published_at_option",
     "Sáng 15/3, UBND tỉnh tổ chức hội nghị tổng kết công tác năm 2023.",
     PUB,
     {{M0 "date", "2024-03-15"},
      {M0 "month_day", "03-15"},
      {"warnings[*].code", "year_inferred"}}},
    {"date_in_previous_year",
     "Sáng 28/12, UBND tỉnh tổ chức hội nghị tổng kết.",
     PUB,
     {{M0 "date", "2023-12-28"},
      {"warnings[*].code", "year_inferred"}}},
    {"date_with_its_own_year",
     "Sáng 15/3/2023, UBND tỉnh tổ chức hội nghị.",
     PUB,
     {{M0 "date", "2023-03-15"},
      {M0 "date_text.text", "Sáng 15/3/2023"},
      {"warnings", ""}}},
    {"date_without_any_year",
     "Sáng 15/3, UBND tỉnh tổ chức hội nghị.",
     NULL,
     {{M0 "date", "null"},
      {M0 "month_day", "03-15"},
      {"warnings", ""}}},
    {"date_relative_this_morning",
     "Sáng nay (20/3), UBND tỉnh tổ chức hội nghị.",
     PUB,
     {{M0 "date", "2024-03-20"},
      {M0 "date_text.text", "Sáng nay (20/3)"},
      {M0 "part_of_day", "morning"}}},
    {"date_relative_yesterday_afternoon",
     "Chiều qua, UBND tỉnh họp bàn phương án ứng phó mưa lũ.",
     PUB,
     {{"meetings#", "1"},
      {M0 "date", "2024-03-19"},
      {M0 "part_of_day", "afternoon"}}},
    {"date_year_from_meeting_name",
     "Sáng 10/7, UBND tỉnh tổ chức phiên họp thường kỳ tháng 6 năm 2017.",
     NULL,
     {{M0 "kind", "sitting"},
      {M0 "date", "2017-07-10"},
      {M0 "month_day", "07-10"}}},
    {"date_year_from_the_same_day_in_full",
     "Sáng 24/5, UBND tỉnh tổ chức hội nghị tổng kết. Trước đó, trong ngày 24/5/2019, đoàn "
     "công tác đã khảo sát thực tế.",
     NULL,
     {{M0 "date", "2019-05-24"}, {"warnings", ""}}},
    /* ... which beats the year the publication date suggests */
    {"date_year_from_the_same_day_beats_the_publication",
     "Sáng 15/3, UBND tỉnh tổ chức hội nghị. Hội nghị ngày 15/3/2023 thống nhất nhiều nội dung.",
     PUB,
     {{M0 "date", "2023-03-15"}, {"warnings", ""}}},
    /* not a day the article recalls, nor the start of a period */
    {"date_year_not_from_a_recalled_day_or_a_start",
     "Sáng 21/6, UBND tỉnh tổ chức hội nghị. Ngày 21/6/1977, ông Lê Văn Bình nhập ngũ; ngày "
     "3/2/2019 ông nghỉ hưu. Chiều 9/8, UBND tỉnh họp tiếp. Quy định có hiệu lực kể từ ngày "
     "9/8/2019.",
     NULL,
     {{M0 "date", "null"}, {"meetings[1].date", "null"}, {"meetings[1].month_day", "08-09"}}},
    {"start_time_from_clock",
     "Lúc 8 giờ 30 phút sáng 15/3, UBND tỉnh tổ chức hội nghị.",
     PUB,
     {{M0 "start_time", "08:30"},
      {M0 "part_of_day", "morning"},
      {M0 "date", "2024-03-15"}}},
    {"multi_day_session",
     "Từ ngày 18 đến 20/3, HĐND tỉnh tổ chức kỳ họp thứ 12.",
     PUB,
     {{M0 "kind", "session"},
      {M0 "date", "2024-03-18"},
      {M0 "end_date", "2024-03-20"},
      {M0 "ordinal", "12"}}},
    {"evening_ceremony",
     "Tối 1/9, UBND tỉnh tổ chức lễ kỷ niệm Quốc khánh.",
     NULL,
     {{M0 "part_of_day", "evening"},
      {M0 "month_day", "09-01"}}},
    {"same_afternoon_second_meeting",
     "HĐND tỉnh khai mạc kỳ họp thứ 9\n"
     "\n"
     "Sáng 8/7, HĐND tỉnh khai mạc kỳ họp thứ 9.\n"
     "\n"
     "Chiều cùng ngày, đồng chí Lê Văn Thành, Chủ tịch UBND tỉnh chủ trì cuộc họp về giải ngân vốn "
     "đầu tư công.\n",
     NULL,
     {{"meetings#", "2"},
      {M0 "kind", "session"},
      {M0 "chairs", ""},
      {M1 "id", "m2"},
      {M1 "kind", "meeting"},
      {M1 "kind_text", "cuộc họp"},
      {M1 "date_text.text", "Chiều cùng ngày"},
      {M1 "month_day", "07-08"},
      {M1 "part_of_day", "afternoon"},
      {M1 "chairs@", "Lê Văn Thành"}}},
    {"same_afternoon_with_dateline",
     "HĐND tỉnh khai mạc kỳ họp thứ 9\n"
     "\n"
     "THỨ HAI, 08/07/2024 10:15:00\n"
     "\n"
     "Sáng 8/7, HĐND tỉnh khai mạc kỳ họp thứ 9.\n"
     "\n"
     "Chiều cùng ngày, đồng chí Lê Văn Thành, Chủ tịch UBND tỉnh chủ trì cuộc họp về giải ngân vốn "
     "đầu tư công.\n",
     NULL,
     {{"meetings#", "2"},
      {M0 "date", "2024-07-08"},
      {M1 "date", "2024-07-08"},
      {M1 "part_of_day", "afternoon"}}},
    /* ---- location and format ---- */
    {"location_hall",
     "Sáng 9/10, UBND tỉnh tổ chức hội nghị tại Hội trường Tỉnh ủy.",
     NULL,
     {{M0 "location", "Hội trường Tỉnh ủy"},
      {M0 "body.name", "UBND tỉnh"}}},
    {"location_city_before_subject",
     "Sáng 9/10, tại Hà Nội, Bộ Công an tổ chức hội nghị.",
     NULL,
     {{M0 "location", "Hà Nội"},
      {M0 "body.name", "Bộ Công an"}}},
    {"format_online",
     "Sáng 15/3, UBND tỉnh tổ chức hội nghị trực tuyến với 21 huyện, thành, thị.",
     NULL,
     {{M0 "format", "online"},
      {M0 "kind_text", "hội nghị"}}},
    {"format_hybrid",
     "Sáng 15/3, UBND tỉnh tổ chức hội nghị theo hình thức trực tiếp kết hợp trực tuyến.",
     NULL,
     {{M0 "format", "hybrid"}}},
    {"format_not_stated",
     "Sáng 15/3, UBND tỉnh tổ chức hội nghị.",
     NULL,
     {{M0 "format", "null"},
      {M0 "location", "null"},
      {M0 "start_time", "null"},
      {M0 "end_date", "null"}}},
    /* ---- chairs ---- */
    {"chair_under_the_chairmanship_of",
     "Sáng 15/3, dưới sự chủ trì của đồng chí Nguyễn Văn Hải, Bí thư Tỉnh ủy, Ban Thường vụ Tỉnh ủy "
     "tổ chức hội nghị.",
     NULL,
     {{M0 "chairs@", "Nguyễn Văn Hải"},
      {M0 "body.name", "Ban Thường vụ Tỉnh ủy"},
      {M0 "attendees", ""}}},
    {"co_chairs",
     "Sáng 15/3, đồng chí Nguyễn Văn Hải, Bí thư Tỉnh ủy và đồng chí Lê Văn Thành, Chủ tịch UBND "
     "tỉnh đồng chủ trì hội nghị.",
     NULL,
     {{M0 "chairs#", "2"},
      {"people[=Nguyễn Văn Hải].id", "p1"},
      {"people[=Lê Văn Thành].id", "p2"},
      {M0 "attendees", ""}}},
    {"chair_in_following_sentence",
     "Sáng 15/3, Tỉnh ủy tổ chức hội nghị sơ kết công tác quý I. Đồng chí Nguyễn Văn Hải, Bí thư "
     "Tỉnh ủy chủ trì hội nghị.",
     NULL,
     {{M0 "chairs@", "Nguyễn Văn Hải"},
      {M0 "body.name", "Tỉnh ủy"}}},
    {"chair_with_do",
     "Sáng 15/3, Tỉnh ủy tổ chức hội nghị. Hội nghị do đồng chí Nguyễn Văn Hải, Bí thư Tỉnh ủy chủ "
     "trì.",
     NULL,
     {{M0 "chairs@", "Nguyễn Văn Hải"}}},
    {"chair_title_before_name",
     "Chiều 6/11, Phó Chủ tịch UBND tỉnh Lê Văn Thành chủ trì cuộc họp về phòng, chống bão.",
     NULL,
     {{M0 "chairs@", "Lê Văn Thành"},
      {M0 "body", "null"}}},
    {"chair_leader_of_delegation",
     "Sáng 15/3, Đoàn công tác do đồng chí Lê Quang Vịnh, Phó Chủ tịch Quốc hội làm Trưởng đoàn "
     "làm việc với UBND tỉnh.",
     NULL,
     {{M0 "kind", "working_session"},
      {M0 "chairs@", "Lê Quang Vịnh"},
      {M0 "body.name", "UBND tỉnh"}}},
    {"opening_speech_is_not_chairing",
     "Sáng 8/7, HĐND tỉnh khai mạc kỳ họp thứ 9. Đồng chí Trần Minh Khoa, Chủ tịch HĐND tỉnh phát "
     "biểu khai mạc kỳ họp.",
     NULL,
     {{M0 "chairs", ""},
      {M0 "attendees", ""}}},
    {"bridge_point_operator_is_not_a_chair",
     "Sáng 15/3, Bộ Công an tổ chức hội nghị trực tuyến toàn quốc. Đồng chí Nguyễn Đức Hùng, Giám "
     "đốc Công an tỉnh điều hành điểm cầu tỉnh Nghệ An.",
     NULL,
     {{M0 "chairs", ""},
      {M0 "format", "online"}}},
    /* ---- attendees ---- */
    {"attendee_du_hoi_nghi_co",
     "Sáng 15/3, UBND tỉnh tổ chức hội nghị sơ kết. Dự hội nghị có đồng chí Trần Thị Bích, Phó "
     "Chủ tịch UBND tỉnh.",
     NULL,
     {{M0 "attendees@", "Trần Thị Bích"},
      {M0 "chairs", ""}}},
    {"attendees_cung_du_list",
     "Sáng 15/3, Tỉnh ủy tổ chức hội nghị. Cùng dự có các đồng chí: Hoàng Minh Tuấn, Phó Bí thư "
     "Tỉnh ủy; Đặng Thị Thu, Trưởng Ban Dân vận Tỉnh ủy.",
     NULL,
     {{M0 "attendees@", "Hoàng Minh Tuấn; Đặng Thị Thu"}}},
    {"chair_and_attendee_separated",
     "Sáng 15/3, Tỉnh ủy tổ chức hội nghị. Đồng chí Nguyễn Văn Hải, Bí thư Tỉnh ủy chủ trì hội "
     "nghị. Dự hội nghị có đồng chí Trần Thị Bích, Phó Chủ tịch UBND tỉnh.",
     NULL,
     {{M0 "chairs@", "Nguyễn Văn Hải"},
      {M0 "attendees@", "Trần Thị Bích"}}},
    {"chair_named_again_among_attendees",
     "Sáng 15/3, đồng chí Lê Văn Thành, Chủ tịch UBND tỉnh chủ trì hội nghị. Dự hội nghị có đồng "
     "chí Lê Văn Thành và đồng chí Trần Thị Bích, Phó Chủ tịch UBND tỉnh.",
     NULL,
     {{M0 "chairs@", "Lê Văn Thành"},
      {M0 "attendees@", "Trần Thị Bích"}}},
    {"attendee_with_participation_of",
     "Sáng 15/3, UBND tỉnh tổ chức hội nghị. Hội nghị có sự tham dự của đồng chí Trần Thị Bích, "
     "Phó Chủ tịch UBND tỉnh.",
     NULL,
     {{M0 "attendees@", "Trần Thị Bích"}}},
    {"attendee_tham_du",
     "Sáng 15/3, Sở Y tế tổ chức hội nghị. Tham dự có ông Nguyễn Thanh Bình, Phó Giám đốc Sở Y tế.",
     NULL,
     {{M0 "attendees@", "Nguyễn Thanh Bình"}}},
    /* ---- negatives ---- */
    {"neg_article_without_meeting",
     "Tỉnh Nghệ An có thêm 5 xã đạt chuẩn nông thôn mới trong năm 2024.",
     NULL,
     {{"meetings#", "0"},
      {"warnings[*].code", "no_meeting_found"}}},
    {"neg_fire_report",
     "Rạng sáng 12/3, một vụ cháy xảy ra tại xưởng gỗ ở xã Nghi Kim, không có thiệt hại về người.",
     NULL,
     {{"meetings#", "0"},
      {"warnings[*].code", "no_meeting_found"}}},
    {"neg_resolution_of_a_plenum_is_cited",
     "Sáng 15/3, các cơ quan, đơn vị trong tỉnh tiếp tục thực hiện Nghị quyết Hội nghị Trung ương 4 "
     "khóa XII về xây dựng Đảng.",
     NULL,
     {{"meetings#", "0"}}},
    {"neg_conclusion_of_a_conference_is_cited",
     "Ngày 10/5, Tỉnh ủy ban hành kế hoạch thực hiện Kết luận Hội nghị lần thứ 9 Ban Chấp hành "
     "Trung ương.",
     NULL,
     {{"meetings#", "0"}}},
    {"neg_spirit_of_a_congress_is_cited",
     "Ngày 2/2, toàn tỉnh ra quân đưa tinh thần Đại hội XIII vào cuộc sống.",
     NULL,
     {{"meetings#", "0"}}},
    {"neg_conference_centre_is_a_building",
     "Ngày 5/5, Trung tâm Hội nghị tỉnh được bàn giao đưa vào sử dụng.",
     NULL,
     {{"meetings#", "0"}}},
    {"neg_public_holiday",
     "Từ ngày 30/4 đến 3/5, cán bộ, công chức được nghỉ lễ theo quy định.",
     NULL,
     {{"meetings#", "0"},
      {"warnings[*].code", "no_meeting_found"}}},
    {"neg_cited_meeting_next_to_a_real_one",
     "Sáng 15/3, Ban Thường vụ Tỉnh ủy tổ chức hội nghị quán triệt Nghị quyết Hội nghị Trung ương "
     "8.",
     NULL,
     {{"meetings#", "1"},
      {M0 "ordinal", "null"},
      {M0 "body.name", "Ban Thường vụ Tỉnh ủy"}}},
    /* "chương trình làm việc" is a schedule, not a working session */
    {"work_schedule_is_no_meeting",
     "Ngày 15/3, Văn phòng UBND tỉnh thông báo chương trình làm việc của lãnh đạo tỉnh trong tuần.",
     NULL,
     {{"meetings#", "0"},
      {"warnings[*].code", "no_meeting_found"}}},
    /* the venue name runs on through "Hội nghị tỉnh" */
    {"location_conference_centre",
     "Sáng 8/7, HĐND tỉnh khai mạc kỳ họp thứ 9 tại Hội trường Trung tâm Hội nghị tỉnh.",
     NULL,
     {{M0 "location", "Hội trường Trung tâm Hội nghị tỉnh"}}},
    {"location_cultural_house_of_commune",
     "Sáng 9/10, tại Nhà văn hóa xã Nghi Phong, Đảng ủy xã tổ chức đại hội.",
     NULL,
     {{M0 "location", "Nhà văn hóa xã Nghi Phong"}}},
    {"location_lower_case_head",
     "Sáng 9/10, UBND tỉnh tổ chức hội nghị tại trụ sở UBND tỉnh.",
     NULL,
     {{M0 "location", "trụ sở UBND tỉnh"}}},
    /* contract: the ordinal belongs to the meeting itself; a sitting of
     * "kỳ họp thứ 15" has none */
    {"sitting_of_a_numbered_session_has_no_ordinal",
     "Chiều 6/12, HĐND thành phố tổ chức phiên chất vấn tại kỳ họp thứ 15.",
     NULL,
     {{M0 "kind", "sitting"},
      {M0 "kind_text", "phiên chất vấn"},
      {M0 "ordinal", "null"}}},
    /* people who run a bridge point of an online conference attend it */
    {"bridge_point_operator_is_an_attendee",
     "Sáng 15/3, Bộ Công an tổ chức hội nghị trực tuyến toàn quốc. Đồng chí Nguyễn Đức Hùng, Giám "
     "đốc Công an tỉnh điều hành điểm cầu tỉnh Nghệ An.",
     NULL,
     {{M0 "attendees@", "Nguyễn Đức Hùng"}}},
    /* co-chairs in the order the article names them */
    {"co_chairs_in_text_order",
     "Sáng 15/3, đồng chí Nguyễn Văn Hải, Bí thư Tỉnh ủy và đồng chí Lê Văn Thành, Chủ tịch UBND "
     "tỉnh đồng chủ trì hội nghị.",
     NULL,
     {{M0 "chairs@", "Nguyễn Văn Hải; Lê Văn Thành"}}},
};
/* clang-format on */

ParameterizedTestParameters(meetings, recognise)
{
	return JQ_PARAMS(MEETINGS);
}

ParameterizedTest(size_t *k, meetings, recognise)
{
	jq_run_case(&MEETINGS[*k]);
}

/* The query helper itself: a path that does not resolve must never equal an
 * expected value by accident, so every check above can fail. */
Test(meetings, query_helper_renders_what_it_finds)
{
	json_t *r =
	    jq_parse("Sáng 26/1, đồng chí Nguyễn Văn Hải, Bí thư Tỉnh ủy chủ trì hội nghị.", NULL);
	char b[JQ_BUF];
	cr_expect_str_eq(jq(r, "meetings#", b, sizeof b), "1");
	cr_expect_str_eq(jq(r, "meetings[0].chairs", b, sizeof b), "p1");
	cr_expect_str_eq(jq(r, "meetings[0].chairs@", b, sizeof b), "Nguyễn Văn Hải");
	cr_expect_str_eq(jq(r, "meetings[0].ordinal", b, sizeof b), "null");
	cr_expect_str_eq(jq(r, "meetings[0].agenda", b, sizeof b), "");
	cr_expect_str_eq(jq(r, "meetings[1].kind", b, sizeof b), JQ_MISSING);
	cr_expect_str_eq(jq(r, "people[=Nguyễn Văn Hải].id", b, sizeof b), "p1");
	cr_expect_str_eq(jq(r, "people[=Nguyễn Văn Hả].id", b, sizeof b), JQ_MISSING);
	cr_expect_str_eq(jq(r, "people[=Nguyễn Văn Hải].nope", b, sizeof b), JQ_MISSING);
	cr_expect_str_eq(jq(r, "people[*].positions[*].text", b, sizeof b), "Bí thư Tỉnh ủy");
	cr_expect_str_eq(jq(r, "people[0]", b, sizeof b), "<object>");
	json_decref(r);
}
