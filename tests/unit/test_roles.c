/* A meeting's chairs and attendees (model/meetings/roles.c), tested end to
 * end through model_parse(): who presides (chair verbs, joint subjects,
 * presiding over a later part, the host of talks) and who attends (the
 * list after its head word, the subject of "đến dự"), and the shapes that
 * must stay refused (a hand-over "X giao Y chủ trì", "Dự án", "tiếp tục").
 * Contract: shared/design/meeting-model.md, "Meeting".
 *
 * Every sentence is written for these tests; people and events are
 * invented. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>

#include "jsonq.h"
#include "meeting_paths.h"

#define P(nm) "people[=" nm "]"

/* clang-format off */
static const struct jq_case ROLES[] = {
    /* ---- co-chairs ---- */
    {"joint_subject_of_talks_are_co_chairs",
     "Chiều 12/4, tại Hà Nội, Thủ tướng Lê Minh Tân và Thủ tướng Lào Sonexay Siphandone đã hội "
     "đàm.",
     NULL,
     {{M0 "chairs@", "Lê Minh Tân; Sonexay Siphandone"},
      {P("Sonexay Siphandone") ".positions[*].text", "Thủ tướng Lào"}}},
    {"host_of_talks_with_a_visitor_is_the_chair",
     "Sáng 12/4, Chủ tịch Trung Quốc Tập Cận Bình hội đàm với Tổng Bí thư Nguyễn Văn Hải.",
     NULL,
     {{M0 "chairs@", "Tập Cận Bình"},
      {P("Tập Cận Bình") ".positions[*].text", "Chủ tịch Trung Quốc"}}},
    {"both_sides_of_talks_between_two_people_chair",
     "Ngày 19/6, cuộc gặp giữa ông Lê Văn An, Đại sứ Việt Nam tại Lào và ông Somsak Vongsa, Thứ "
     "trưởng Ngoại giao Lào diễn ra tại Viêng Chăn.",
     NULL,
     {{M0 "chairs@", "Lê Văn An; Somsak Vongsa"},
      {P("Somsak Vongsa") ".positions[*].text", "Thứ trưởng Ngoại giao Lào"}}},
    {"cooperation_between_two_countries_names_no_chair",
     "Sáng 19/6, Sở Ngoại vụ tỉnh tổ chức hội nghị về hợp tác giữa hai nước. Ông Lê Văn An và ông "
     "Trần Văn Bình dự.",
     NULL,
     {{M0 "chairs", ""}}},
    {"who_holds_a_dialogue_is_the_chair",
     "Sáng 6/5, Chủ tịch UBND tỉnh Lê Văn Quang đối thoại với nông dân trong tỉnh.",
     NULL,
     {{M0 "chairs@", "Lê Văn Quang"}, {M0 "kind", "meeting"}}},
    {"host_of_a_reception_is_the_chair",
     "Chiều 22/7, Thủ tướng Lê Minh Khang tiếp Đại sứ Nhật Bản tại Việt Nam Ito Naoki.",
     NULL,
     {{M0 "chairs@", "Lê Minh Khang"}, {M0 "kind", "meeting"}, {M0 "kind_text", "tiếp"}}},
    {"host_of_a_delegation_is_the_chair",
     "Sáng 5/4, Bí thư Tỉnh ủy Lê Văn Minh đã tiếp đoàn công tác của Bộ Tài chính.",
     NULL,
     {{M0 "chairs@", "Lê Văn Minh"}, {M0 "kind_text", "tiếp"}}},
    {"host_receives_a_guest_addressed_by_a_form_of_address",
     "Ngày 17/10, Bộ trưởng Bộ Tài chính Lê Văn Hải tiếp ông Mark Davies, Giám đốc quốc gia của "
     "Ngân hàng Phát triển châu Á.",
     NULL,
     {{M0 "chairs@", "Lê Văn Hải"}, {M0 "kind_text", "tiếp"}}},
    /* the guest's title is enough when the name is not read as one */
    {"host_receives_a_guest_named_by_title",
     "Chiều 9/4, Chủ tịch UBND tỉnh Bến Tre Lê Văn Nam tiếp Thống đốc bang Oregon Kate Brown.",
     NULL,
     {{M0 "chairs@", "Lê Văn Nam"}, {M0 "kind_text", "tiếp"}}},
    /* a form of address before a lower-case word is no guest */
    {"form_of_address_without_a_name_is_no_guest",
     "Ngày 17/10, ông Lê Văn Hải tiếp bà con trong xóm tại nhà văn hóa.",
     NULL,
     {{"meetings#", "0"}}},
    {"tiep_tuc_and_a_sentence_start_are_no_reception",
     "Ngày 10/3, ông Nguyễn Văn An tiếp tục chỉ đạo Sở Xây dựng rà soát dự án. Tiếp đó, ông Trần "
     "Văn Bình tiếp nhận Trường Tiểu học Kim Đồng.",
     NULL,
     {{"meetings#", "0"}}},
    {"co_chairs_vietnamese_and_foreign",
     "Sáng 12/4, Phó Thủ tướng Trần Lưu Quang và Phó Thủ tướng Campuchia Sun Chanthol đồng chủ "
     "trì hội nghị.",
     NULL,
     {{M0 "chairs@", "Trần Lưu Quang; Sun Chanthol"},
      {P("Sun Chanthol") ".positions[*].text", "Phó Thủ tướng Campuchia"}}},
    /* ---- presiding over a sitting ---- */
    {"presides_over_a_sitting",
     "Sáng 12/4, Quốc hội tiếp tục kỳ họp thứ 8. Phó Chủ tịch Quốc hội Nguyễn Đức Hòa điều khiển "
     "phiên họp.",
     NULL,
     {{M0 "chairs@", "Nguyễn Đức Hòa"}}},
    {"presides_over_a_later_part",
     "Sáng 12/4, HĐND tỉnh khai mạc kỳ họp thứ 9. Chủ tịch HĐND tỉnh Lê Văn Tam chủ trì kỳ họp. "
     "Buổi chiều, Phó Chủ tịch HĐND tỉnh Trần Văn Hùng điều hành.",
     NULL,
     {{M0 "chairs@", "Lê Văn Tam; Trần Văn Hùng"}}},
    {"presiding_board_members_chair",
     "Sáng 12/4, Liên đoàn Lao động tỉnh tổ chức đại hội. Đoàn chủ tọa gồm đồng chí Lê Văn Tam, "
     "đồng chí Trần Thị Hoa và bà Ngô Thị Sen.",
     NULL,
     {{M0 "chairs@", "Lê Văn Tam; Trần Thị Hoa; Ngô Thị Sen"}}},
    /* a bare title in the chairing mention is written in full elsewhere */
    {"bare_title_of_chair_in_full_from_other_mention",
     "Sáng 12/4, Ban Thường vụ Tỉnh ủy tổ chức hội nghị. Bí thư Lê Văn Tam chủ trì hội nghị. Đồng "
     "chí Lê Văn Tam, Bí thư Tỉnh ủy Nghệ An nhấn mạnh nhiều nội dung.",
     NULL,
     {{M0 "chairs@", "Lê Văn Tam"},
      {P("Lê Văn Tam") ".positions[*].text", "Bí thư Tỉnh ủy Nghệ An"}}},
    /* a fronted chair verb, then its list after "có" / "là" */
    {"fronted_chair_verb_then_list",
     "Sáng 12/4, UBND tỉnh tổ chức hội nghị tổng kết. Chủ trì hội nghị có đồng chí Lê Văn Tam, "
     "Chủ tịch UBND tỉnh.",
     NULL,
     {{M0 "chairs@", "Lê Văn Tam"},
      {M0 "attendees", ""}}},
    {"fronted_co_chair_verb_in_later_sentence",
     "Sáng 12/4, UBND tỉnh tổ chức hội nghị tổng kết. Đồng chí Lê Văn Tam, Chủ tịch UBND tỉnh chủ "
     "trì hội nghị. Đồng chủ trì hội nghị là đồng chí Trần Văn Hùng, Phó Chủ tịch UBND tỉnh.",
     NULL,
     {{M0 "chairs@", "Lê Văn Tam; Trần Văn Hùng"}}},
    /* ---- refused ---- */
    {"hand_over_is_not_chairing",
     "Sáng 12/4, UBND tỉnh tổ chức hội nghị. Chủ tịch UBND tỉnh Lê Văn Tam giao Sở Tài chính chủ "
     "trì.",
     NULL,
     {{M0 "chairs", ""}}},
    {"continue_is_not_receiving_a_visitor",
     "Sáng 12/4, UBND tỉnh tổ chức hội nghị. Chủ tịch UBND tỉnh Lê Văn Tam tiếp tục chỉ đạo các "
     "sở.",
     NULL,
     {{M0 "chairs", ""}}},
    {"calling_for_dialogue_is_not_holding_one",
     "Sáng 12/4, UBND tỉnh tổ chức hội nghị. Chủ tịch UBND tỉnh Lê Văn Tam cho rằng các sở cần "
     "đối thoại với doanh nghiệp.",
     NULL,
     {{M0 "chairs", ""}}},
    /* ---- attendees ---- */
    {"attendee_list_after_colon",
     "Sáng 12/4, đồng chí Lê Văn Hà, Bí thư Tỉnh ủy chủ trì hội nghị. Tham dự có các đồng chí: "
     "Trần Văn Nam, Phó Bí thư Tỉnh ủy; Ngô Thị Lan, Phó Chủ tịch UBND tỉnh.",
     NULL,
     {{M0 "chairs@", "Lê Văn Hà"},
      {M0 "attendees@", "Trần Văn Nam; Ngô Thị Lan"}}},
    {"subject_of_came_to_attend",
     "Sáng 12/4, UBND tỉnh tổ chức hội nghị. Ông Lê Văn Tam đã đến dự và phát biểu.",
     NULL,
     {{M0 "attendees@", "Lê Văn Tam"}}},
    {"foreign_attendee_hyphenated_name",
     "Sáng 12/4, Bộ Công Thương tổ chức hội nghị. Ông Xổm-xạ-vạt Lềnh-xạ-vẳn, Phó Thủ tướng Lào "
     "dự hội nghị.",
     NULL,
     {{M0 "attendees@", "Xổm-xạ-vạt Lềnh-xạ-vẳn"},
      {P("Xổm-xạ-vạt Lềnh-xạ-vẳn") ".positions[*].text", "Phó Thủ tướng Lào"}}},
    {"project_is_not_attending",
     "Sáng 12/4, UBND tỉnh tổ chức hội nghị. Dự án do ông Lê Văn Tam làm chủ đầu tư.",
     NULL,
     {{M0 "attendees", ""}}},
    /* a plural form of address heads a list of names */
    {"plural_address_list_of_bare_names",
     "Sáng 12/4, UBND tỉnh tổ chức hội nghị. Dự hội nghị có các đồng chí Lê Văn Tam, Trần Thị Hoa "
     "và Ngô Văn Sỹ.",
     NULL,
     {{M0 "attendees@", "Lê Văn Tam; Trần Thị Hoa; Ngô Văn Sỹ"},
      {P("Trần Thị Hoa") ".honorific", "đồng chí"}}},
    {"plural_address_colon_list_with_positions",
     "Sáng 12/4, UBND tỉnh tổ chức hội nghị. Dự hội nghị có các đồng chí: Lê Văn Tam, Phó Bí thư "
     "Tỉnh ủy; Trần Thị Hoa, Phó Chủ tịch UBND tỉnh.",
     NULL,
     {{M0 "attendees@", "Lê Văn Tam; Trần Thị Hoa"},
      {P("Trần Thị Hoa") ".positions[*].text", "Phó Chủ tịch UBND tỉnh"}}},
    {"presiding_board_plural_list",
     "Sáng 12/4, Liên đoàn Lao động tỉnh tổ chức đại hội. Đoàn chủ tọa gồm các đồng chí Lê Văn "
     "Tam, Trần Thị Hoa và Ngô Văn Sỹ.",
     NULL,
     {{M0 "chairs@", "Lê Văn Tam; Trần Thị Hoa; Ngô Văn Sỹ"}}},
    {"neg_list_stops_at_a_non_name",
     "Sáng 12/4, UBND tỉnh tổ chức hội nghị. Dự hội nghị có các đồng chí Lê Văn Tam, Sở Tài chính "
     "và nhiều doanh nghiệp.",
     NULL,
     {{M0 "attendees@", "Lê Văn Tam"},
      {"people#", "1"}}},
    {"glued_dash_after_name_separates_position",
     "Sáng 12/4, UBND tỉnh tổ chức hội nghị. Dự hội nghị có đồng chí Lê Văn Tam- Ủy viên Ban "
     "Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh.",
     NULL,
     {{M0 "attendees@", "Lê Văn Tam"},
      {P("Lê Văn Tam") ".positions[*].text",
       "Ủy viên Ban Thường vụ Tỉnh ủy; Phó Chủ tịch UBND tỉnh"}}},
};
/* clang-format on */

ParameterizedTestParameters(roles, recognise)
{
	return JQ_PARAMS(ROLES);
}

ParameterizedTest(size_t *k, roles, recognise)
{
	jq_run_case(&ROLES[*k]);
}
