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
