/* Meeting recogniser (model/meetings), the meeting's content, tested end to
 * end through model_parse(): what was presented and decided (suite
 * "agenda"). The directives given are in test_tasks.c, the meetings
 * themselves in test_meetings.c. Contract: shared/design/meeting-model.md,
 * "AgendaItem".
 *
 * Every article is written for these tests; people and events are invented.
 * Cases that failed when first written were fixed in the recognisers
 * and are part of these tables. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>

#include "jsonq.h"
#include "meeting_paths.h"

/* ======================================================================== */
/* agenda                                                                    */
/* ======================================================================== */

/* clang-format off */
static const struct jq_case AGENDA[] = {
    /* presenters named by a noun phrase, not a body or a person */
    {"group_of_leaders_reports",
     "Sáng 5/3, UBND tỉnh Hà Nam tổ chức hội nghị. Tại hội nghị, lãnh đạo các sở, ngành đã báo "
     "cáo tình hình thực hiện nhiệm vụ.",
     NULL,
     {{A0 "presenter.name", "lãnh đạo các sở, ngành"}, {A0 "subject", "tình hình thực hiện nhiệm vụ"}}},
    /* "trình bày tham luận" presents whoever does it, counted or not */
    {"experts_present_papers",
     "Sáng 5/3, Sở Y tế tổ chức hội thảo. Tại hội thảo, các nhà khoa học, chuyên gia trình bày "
     "nhiều tham luận.",
     NULL,
     {{M0 "agenda#", "1"}, {A0 "presenter.name", "các nhà khoa học, chuyên gia"}}},
    /* the report presented is no second item */
    {"presented_report_is_one_item",
     "Sáng 5/3, Sở Y tế tổ chức hội thảo. TS Lê Văn An, Viện Dinh dưỡng trình bày báo cáo khoa học.",
     NULL,
     {{M0 "agenda#", "1"}, {A0 "subject", "báo cáo khoa học"}}},
    {"heard_representatives_report",
     "Sáng 5/3, UBND tỉnh Hà Nam tổ chức hội nghị. Hội nghị đã nghe đại diện các địa phương báo "
     "cáo.",
     NULL,
     {{A0 "presenter.name", "đại diện các địa phương"}}},
    {"body_opening_its_sentence_reports",
     "Sáng 5/3, UBND tỉnh Hà Nam tổ chức hội nghị. Sở Xây dựng báo cáo tiến độ dự án đường vành đai.",
     NULL,
     {{A0 "presenter.name", "Sở Xây dựng"}, {A0 "subject", "tiến độ dự án đường vành đai"}}},
    /* a report due by a deadline is a task */
    {"report_due_by_a_deadline_is_no_presentation",
     "Sáng 5/3, UBND tỉnh Hà Nam tổ chức hội nghị. Đến ngày 30/6, các sở, ngành báo cáo kết quả "
     "cho UBND tỉnh.",
     NULL,
     {{M0 "agenda#", "0"}}},
    {"heard_body_report_with_document",
     "Sáng 26/1, Ban Thường vụ Tỉnh ủy tổ chức hội nghị. Hội nghị đã nghe Ban Tổ chức Tỉnh ủy báo "
     "cáo dự thảo Kế hoạch thực hiện Kết luận số 21-KL/TW.",
     NULL,
     {{M0 "agenda#", "1"},
      {A0 "presenter.name", "Ban Tổ chức Tỉnh ủy"},
      {A0 "presenter.organization_id@", "Ban Tổ chức Tỉnh ủy"},
      {A0 "presenter.person_id", "null"},
      {A0 "action", "báo cáo"},
      {A0 "subject", "dự thảo Kế hoạch thực hiện Kết luận số 21-KL/TW"},
      {A0 "document_ids@", "21-KL/TW"},
      {A0 "decision", "null"},
      {A0 "conclusion", "null"}}},
    {"heard_a_person_inform_about",
     "Chiều 9/5, UBND huyện họp phiên thường kỳ. Hội nghị đã nghe đồng chí Phạm Văn Tâm, Trưởng "
     "phòng Tài chính - Kế hoạch huyện thông tin về tình hình thu ngân sách.",
     NULL,
     {{M0 "agenda#", "1"},
      {A0 "presenter.name", "Phạm Văn Tâm"},
      {"people[=Phạm Văn Tâm].positions[*].text", "Trưởng phòng Tài chính - Kế hoạch huyện"}}},
    {"heard_a_person_convey_a_resolution",
     "Sáng 8/5, Ban Thường vụ Huyện ủy tổ chức hội nghị. Hội nghị nghe đồng chí Lê Thị Hoa, Phó "
     "Trưởng Ban Tuyên giáo Huyện ủy quán triệt nội dung Nghị quyết số 12-NQ/HU.",
     NULL,
     {{M0 "agenda#", "1"}, {A0 "presenter.name", "Lê Thị Hoa"}}},
    {"dash_between_titles_still_separates",
     "Sáng 8/5, đồng chí Trần Văn Nam, Bí thư Huyện ủy - Chủ tịch HĐND huyện chủ trì hội nghị.",
     NULL,
     {{"people[=Trần Văn Nam].positions[*].text", "Bí thư Huyện ủy; Chủ tịch HĐND huyện"}}},
    {"according_to_report_of",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị. Theo báo cáo của Sở Tài chính, thu ngân sách tăng 12%.",
     NULL,
     {{M0 "agenda#", "1"},
      {A0 "presenter.name", "Sở Tài chính"},
      {A0 "presenter.organization_id@", "Sở Tài chính"},
      {A0 "action", "báo cáo"}}},
    {"as_reported_by",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị. Như báo cáo của Sở Tài chính, thu ngân sách tăng 12%.",
     NULL,
     {{M0 "agenda#", "1"},
      {A0 "presenter.name", "Sở Tài chính"}}},
    {"person_presents_submission",
     "Sáng 26/1, HĐND tỉnh khai mạc kỳ họp thứ 9. Đồng chí Lê Văn Thành, Chủ tịch UBND tỉnh trình "
     "bày tờ trình về kế hoạch đầu tư công năm 2025.",
     NULL,
     {{M0 "agenda#", "1"},
      {A0 "presenter.name", "Lê Văn Thành"},
      {A0 "presenter.person_id@", "Lê Văn Thành"},
      {A0 "presenter.organization_id", "null"},
      {A0 "action", "trình"},
      {A0 "subject", "tờ trình về kế hoạch đầu tư công năm 2025"}}},
    {"submission_of_a_body",
     "Sáng 26/1, HĐND tỉnh khai mạc kỳ họp thứ 9. Tờ trình của UBND tỉnh nêu rõ nhu cầu vốn cho "
     "các dự án.",
     NULL,
     {{M0 "agenda#", "1"},
      {A0 "presenter.name", "UBND tỉnh"},
      {A0 "presenter.organization_id@", "Ủy ban nhân dân tỉnh"},
      {A0 "action", "trình"}}},
    {"decision_basic_agreement",
     "Sáng 26/1, Ban Thường vụ Tỉnh ủy tổ chức hội nghị. Hội nghị đã nghe Ban Tổ chức Tỉnh ủy báo "
     "cáo dự thảo đề án. Ban Thường vụ Tỉnh ủy cơ bản thống nhất với dự thảo đề án.",
     NULL,
     {{M0 "agenda#", "1"},
      {A0 "subject", "dự thảo đề án"},
      {A0 "decision", "cơ bản thống nhất với dự thảo đề án"}}},
    {"conclusion_paragraph_and_speaker",
     "Ban Thường vụ Tỉnh ủy họp cho ý kiến dự thảo đề án\n"
     "\n"
     "Sáng 26/1, đồng chí Nguyễn Văn Hải, Bí thư Tỉnh ủy chủ trì hội nghị. Hội nghị đã nghe Ban Tổ "
     "chức Tỉnh ủy báo cáo dự thảo đề án.\n"
     "\n"
     "Phát biểu kết luận, đồng chí Nguyễn Văn Hải đề nghị các cấp quán triệt.\n",
     NULL,
     {{M0 "agenda#", "1"},
      {A0 "conclusion.speaker_id@", "Nguyễn Văn Hải"},
      {A0 "conclusion.mention.text",
       "Phát biểu kết luận, đồng chí Nguyễn Văn Hải đề nghị các cấp quán triệt."}}},
    {"conclusion_speaker_after_name",
     "Ban Thường vụ Tỉnh ủy họp cho ý kiến dự thảo đề án\n"
     "\n"
     "Sáng 26/1, đồng chí Nguyễn Văn Hải, Bí thư Tỉnh ủy chủ trì hội nghị. Hội nghị đã nghe Ban Tổ "
     "chức Tỉnh ủy báo cáo dự thảo đề án.\n"
     "\n"
     "Đồng chí Nguyễn Văn Hải phát biểu kết luận hội nghị.\n",
     NULL,
     {{A0 "conclusion.speaker_id@", "Nguyễn Văn Hải"},
      {A0 "conclusion.mention.text", "Đồng chí Nguyễn Văn Hải phát biểu kết luận hội nghị."}}},
    {"heard_representative_of_body",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị. Hội nghị đã nghe đại diện lãnh đạo Sở Tài chính báo "
     "cáo tình hình thu ngân sách.",
     NULL,
     {{M0 "agenda#", "1"},
      {A0 "presenter.name", "đại diện lãnh đạo Sở Tài chính"},
      {A0 "presenter.organization_id@", "Sở Tài chính"},
      {A0 "subject", "tình hình thu ngân sách"}}},
    {"heard_committees_of_council",
     "Sáng 26/1, HĐND tỉnh khai mạc kỳ họp thứ 9. Kỳ họp đã nghe các ban của HĐND tỉnh báo cáo "
     "thẩm tra các tờ trình.",
     NULL,
     {{M0 "agenda#", "1"},
      {A0 "presenter.name", "các ban của HĐND tỉnh"},
      {A0 "presenter.organization_id@", "Hội đồng nhân dân tỉnh"}}},
    {"heard_person_with_position",
     "Sáng 26/1, Tỉnh ủy tổ chức hội nghị. Hội nghị đã nghe đồng chí Phạm Thị Thu Trang, Giám đốc "
     "Sở Nội vụ báo cáo đề án sắp xếp bộ máy.",
     NULL,
     {{M0 "agenda#", "1"},
      {A0 "presenter.name", "Phạm Thị Thu Trang"},
      {A0 "presenter.person_id@", "Phạm Thị Thu Trang"},
      {A0 "subject", "đề án sắp xếp bộ máy"}}},
    {"person_reports_as_subject",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị. Đồng chí Hồ Đức Phương, Giám đốc Sở Kế hoạch và Đầu "
     "tư báo cáo tình hình giải ngân vốn đầu tư công.",
     NULL,
     {{M0 "agenda#", "1"},
      {A0 "presenter.person_id@", "Hồ Đức Phương"},
      {A0 "action", "báo cáo"},
      {A0 "subject", "tình hình giải ngân vốn đầu tư công"}}},
    {"body_reports_as_subject",
     "Sáng 26/1, HĐND tỉnh khai mạc kỳ họp thứ 9. Tại kỳ họp, UBND tỉnh báo cáo tình hình kinh tế "
     "- xã hội năm 2024.",
     NULL,
     {{M0 "agenda#", "1"},
      {A0 "presenter.name", "UBND tỉnh"},
      {A0 "action", "báo cáo"}}},
    {"report_cites_state_document",
     "Sáng 26/1, HĐND tỉnh khai mạc kỳ họp thứ 9. Kỳ họp đã nghe Sở Tài chính báo cáo kết quả "
     "thực hiện Nghị quyết số 12/2023/NQ-HĐND.",
     NULL,
     {{A0 "presenter.name", "Sở Tài chính"},
      {A0 "document_ids@", "12/2023/NQ-HĐND"}}},
    {"several_presenters_in_turn",
     "Sáng 26/1, Sở Y tế tổ chức hội thảo. Hội thảo đã nghe ông Trần Văn Minh, bà Lê Thị Hồng "
     "Nhung và ông Phan Văn Tú lần lượt trình bày tham luận.",
     NULL,
     {{M0 "agenda#", "3"},
      {"meetings[0].agenda[*].presenter.name", "Trần Văn Minh; Lê Thị Hồng Nhung; Phan Văn Tú"}}},
    {"two_submissions_in_one_sentence",
     "Sáng 26/1, HĐND tỉnh khai mạc kỳ họp thứ 9. Tờ trình của UBND tỉnh về bảng giá đất; Tờ trình "
     "của Thường trực HĐND tỉnh về chương trình giám sát.",
     NULL,
     {{M0 "agenda#", "2"},
      {"meetings[0].agenda[*].presenter.name", "UBND tỉnh; Thường trực HĐND tỉnh"},
      {"meetings[0].agenda[*].action", "trình; trình"}}},
    {"decision_opening_the_sentence",
     "Sáng 26/1, Ban Thường vụ Tỉnh ủy tổ chức hội nghị. Hội nghị đã nghe Ban Tổ chức Tỉnh ủy báo "
     "cáo dự thảo kế hoạch. Cơ bản thống nhất với dự thảo kế hoạch, Ban Thường vụ Tỉnh ủy giao Ban "
     "Tổ chức Tỉnh ủy hoàn thiện.",
     NULL,
     {{A0 "decision", "Cơ bản thống nhất với dự thảo kế hoạch"}}},
    {"neg_no_agenda_without_report",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị. Các đại biểu thảo luận sôi nổi về giải pháp phát triển.",
     NULL,
     {{"meetings#", "1"},
      {M0 "agenda#", "0"}}},
    /* a speaker who introduces a subject ("giới thiệu về") presents it */
    {"speaker_introduces_subject",
     "Sáng 26/1, Bộ Tài chính tổ chức diễn đàn đầu tư. Tại diễn đàn, Thứ trưởng Bộ Tài chính Lê Văn "
     "Khải đã giới thiệu cụ thể về các chính sách ưu đãi thuế.",
     NULL,
     {{M0 "agenda#", "1"},
      {A0 "presenter.name", "Lê Văn Khải"}}},
    {"body_introduces_subject",
     "Sáng 26/1, UBND tỉnh tổ chức hội thảo. Sở Kế hoạch và Đầu tư giới thiệu về quy hoạch tỉnh.",
     NULL,
     {{M0 "agenda#", "1"},
      {A0 "presenter.name", "Sở Kế hoạch và Đầu tư"}}},
    /* introducing guests is no presentation */
    {"neg_introducing_guests",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị. Ông Đặng Minh Quang giới thiệu các đại biểu dự hội "
     "nghị.",
     NULL,
     {{"meetings#", "1"},
      {M0 "agenda#", "0"}}},
    /* at an international meeting a country that opens its clause reports */
    {"country_reports_at_international_meeting",
     "Sáng 26/1, các bộ trưởng thương mại ASEAN họp hội nghị tại Jakarta. Tại phiên thảo luận thứ "
     "hai, Việt Nam đã báo cáo kết quả hội thảo về kinh tế số.",
     NULL,
     {{M0 "agenda#", "1"},
      {A0 "presenter.name", "Việt Nam"},
      {A0 "subject", "kết quả hội thảo về kinh tế số"}}},
    /* a country inside a noun phrase ("doanh nghiệp Việt Nam") is no presenter */
    {"neg_country_inside_noun_phrase",
     "Sáng 26/1, các bộ trưởng thương mại ASEAN họp hội nghị tại Jakarta. Các doanh nghiệp Việt Nam "
     "báo cáo lợi nhuận tăng.",
     NULL,
     {{"meetings#", "1"},
      {M0 "agenda#", "0"}}},
    /* a body that opens the sentence presents: "X trình bày báo cáo thẩm tra" */
    {"body_presents_verification_report",
     "Sáng 26/1, HĐND tỉnh khai mạc kỳ họp thứ 9. Ban Kinh tế - Ngân sách HĐND tỉnh trình bày báo "
     "cáo thẩm tra dự toán ngân sách.",
     NULL,
     {{M0 "agenda#", "1"},
      {A0 "presenter.name", "Ban Kinh tế - Ngân sách HĐND tỉnh"},
      {A0 "subject", "báo cáo thẩm tra dự toán ngân sách"}}},
    {"body_presents_draft",
     "Sáng 26/1, Ban Thường vụ Tỉnh ủy tổ chức hội nghị. Ban Tổ chức Tỉnh ủy trình bày dự thảo đề "
     "án sắp xếp bộ máy.",
     NULL,
     {{M0 "agenda#", "1"},
      {A0 "presenter.name", "Ban Tổ chức Tỉnh ủy"},
      {A0 "subject", "dự thảo đề án sắp xếp bộ máy"}}},
    /* "X truyền đạt chuyên đề" makes X a presenter */
    {"person_conveys_a_topic",
     "Sáng 26/1, Tỉnh ủy tổ chức hội nghị. Đồng chí Nguyễn Hữu Đức, Trưởng Ban Tuyên giáo Tỉnh ủy "
     "truyền đạt chuyên đề về chuyển đổi số.",
     NULL,
     {{M0 "agenda#", "1"},
      {A0 "presenter.person_id@", "Nguyễn Hữu Đức"}}},
    {"heard_person_convey_resolution",
     "Sáng 26/1, Tỉnh ủy tổ chức hội nghị. Hội nghị đã nghe đồng chí Nguyễn Hữu Đức, Trưởng Ban "
     "Tuyên giáo Tỉnh ủy truyền đạt Nghị quyết số 57-NQ/TW của Bộ Chính trị.",
     NULL,
     {{M0 "agenda#", "1"},
      {A0 "presenter.person_id@", "Nguyễn Hữu Đức"},
      {A0 "document_ids@", "57-NQ/TW"}}},
    /* a coordinated list of bodies stays one presenter */
    {"coordinated_presenters_stay_one",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị. Hội nghị đã nghe Sở Tài chính và Sở Kế hoạch và Đầu "
     "tư báo cáo tình hình giải ngân.",
     NULL,
     {{M0 "agenda#", "1"},
      {A0 "presenter.name", "Sở Tài chính và Sở Kế hoạch và Đầu tư"}}},
    /* ... also one written with a comma, when the presenting verb follows */
    {"comma_listed_presenters_stay_one",
     "Sáng 26/1, UBND huyện tổ chức hội nghị. Hội nghị đã nghe lãnh đạo Sở Tài chính, Sở Y tế "
     "báo cáo tình hình giải ngân.",
     NULL,
     {{M0 "agenda#", "1"},
      {A0 "presenter.name", "lãnh đạo Sở Tài chính, Sở Y tế"}}},
    /* a comma that ends the clause joins nothing */
    {"comma_before_another_clause_joins_no_presenters",
     "Sáng 26/1, Ủy ban Thường vụ Quốc hội họp phiên thứ 12. Thẩm tra tờ trình của Chính phủ, Ủy "
     "ban Tài chính - Ngân sách cho rằng cần bổ sung vốn.",
     NULL,
     {{M0 "agenda[*].presenter.name", "Chính phủ; Ủy ban Tài chính - Ngân sách"}}},
    /* the chair's conclusion without "phát biểu" */
    {"conclusion_without_phat_bieu",
     "Ban Thường vụ Tỉnh ủy họp cho ý kiến dự thảo đề án\n"
     "\n"
     "Sáng 26/1, đồng chí Nguyễn Văn Hải, Bí thư Tỉnh ủy chủ trì hội nghị. Hội nghị đã nghe Ban Tổ "
     "chức Tỉnh ủy báo cáo dự thảo đề án.\n"
     "\n"
     "Kết luận hội nghị, đồng chí Nguyễn Văn Hải đề nghị các cấp quán triệt.\n",
     NULL,
     {{A0 "conclusion.speaker_id@", "Nguyễn Văn Hải"},
      {A0 "conclusion.mention.text",
       "Kết luận hội nghị, đồng chí Nguyễn Văn Hải đề nghị các cấp quán triệt."}}},
    /* a long noun phrase is the presenter as written */
    {"report_from_a_long_noun_phrase",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị sơ kết công tác quý I. "
     "Theo báo cáo từ các tiểu ban thuộc Ban Chỉ đạo của tỉnh Hòa Bình, công tác chuẩn bị đã hoàn tất.",
     NULL,
     {{M0 "agenda#", "1"},
      {A0 "presenter.name", "các tiểu ban thuộc Ban Chỉ đạo của tỉnh Hòa Bình"}}},
    /* "Ban chỉ đạo" in lower case is a body, not the verb "chỉ đạo" */
    {"report_from_steering_committee_lower_case",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị sơ kết công tác quý I. "
     "Theo báo cáo từ các tiểu ban thuộc Ban chỉ đạo của tỉnh Hòa Bình, công tác chuẩn bị đã hoàn tất.",
     NULL,
     {{M0 "agenda#", "1"},
      {A0 "presenter.name", "các tiểu ban thuộc Ban chỉ đạo của tỉnh Hòa Bình"},
      {M0 "tasks#", "0"}}},
    {"submission_opens_the_sentence",
     "Sáng 26/1, HĐND tỉnh khai mạc kỳ họp thứ 5. "
     "Trình bày báo cáo thẩm tra nội dung này, ông Lê Văn Hòa, Trưởng ban Kinh tế cho biết, đa số ý kiến tán thành.",
     NULL,
     {{M0 "agenda#", "1"},
      {A0 "presenter.person_id@", "Lê Văn Hòa"}}},
    {"heard_position_sum_up",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị sơ kết công tác quý I. "
     "Hội nghị đã nghe Giám đốc Sở Tài chính tóm tắt tình hình thu chi ngân sách.",
     NULL,
     {{M0 "agenda#", "1"},
      {A0 "presenter.name", "Giám đốc Sở Tài chính"},
      {A0 "subject", "tình hình thu chi ngân sách"}}},
    {"heard_positions_report",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị sơ kết công tác quý I. "
     "Hội nghị đã nghe các Phó Chủ tịch UBND tỉnh báo cáo kết quả thực hiện nhiệm vụ.",
     NULL,
     {{M0 "agenda#", "1"},
      {A0 "presenter.name", "các Phó Chủ tịch UBND tỉnh"}}},
    {"person_reads_submission",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị sơ kết công tác quý I. "
     "Đồng chí Trần Văn Minh, Giám đốc Sở Nội vụ, thay mặt UBND tỉnh đọc Tờ trình về đề án sắp xếp đơn vị hành chính.",
     NULL,
     {{M0 "agenda#", "1"},
      {A0 "presenter.person_id@", "Trần Văn Minh"},
      {A0 "subject", "Tờ trình về đề án sắp xếp đơn vị hành chính"}}},
    {"presents_before_the_meeting",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị sơ kết công tác quý I. "
     "Giám đốc Sở Tài chính Lê Thị Hoa trình bày trước hội nghị Tờ trình về dự toán ngân sách.",
     NULL,
     {{M0 "agenda#", "1"},
      {A0 "presenter.person_id@", "Lê Thị Hoa"}}},
    /* what a report says after its colon names no presenter */
    {"neg_what_the_report_says",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị sơ kết công tác quý I. "
     "Báo cáo tại hội nghị khẳng định: Năm qua, Sở Y tế có nhiều đổi mới.",
     NULL,
     {{"meetings#", "1"},
      {M0 "agenda#", "0"}}},
};
/* clang-format on */

ParameterizedTestParameters(agenda, recognise)
{
	return JQ_PARAMS(AGENDA);
}

ParameterizedTest(size_t *k, agenda, recognise)
{
	jq_run_case(&AGENDA[*k]);
}
