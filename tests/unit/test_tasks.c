/* Meeting recogniser (model/meetings), the directives a meeting gives, "5
 * rõ" (suite "tasks"): who does what, by when, with what responsibility and
 * deliverable, tested end to end through model_parse(). The agenda is in
 * test_agenda.c. Contract: shared/design/meeting-model.md, "Task".
 *
 * Every article is written for these tests; people and events are invented.
 * Cases that failed when first written were fixed in the recognisers
 * and are part of these tables. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>

#include "jsonq.h"
#include "meeting_paths.h"

/* clang-format off */
static const struct jq_case TASKS[] = {
    {"assign_with_deadline_no_year",
     "Sáng 26/1, Ban Thường vụ Tỉnh ủy tổ chức hội nghị. Ban Thường vụ Tỉnh ủy giao Sở Tài chính rà "
     "soát nguồn vốn, báo cáo UBND tỉnh trước ngày 15/3.",
     NULL,
     {{M0 "tasks#", "1"},
      {T0 "assignee.name", "Sở Tài chính"},
      {T0 "assignee.organization_id@", "Sở Tài chính"},
      {T0 "assignee.person_id", "null"},
      {T0 "deadline.text", "trước ngày 15/3"},
      {T0 "deadline.date", "null"},
      {T0 "clarity.who", "true"},
      {T0 "clarity.what", "true"},
      {T0 "clarity.when", "true"}}},
    /* the deadline in the sentence after the directive, which opens with
     * an action verb and names no assignee */
    {"deadline_in_a_follow_up_sentence",
     "Sáng 26/1, Ban Thường vụ Tỉnh ủy tổ chức hội nghị. Ban Thường vụ Tỉnh ủy giao Sở Tài chính và "
     "Sở Xây dựng rà soát nguồn vốn. Hoàn thành báo cáo và gửi về UBND tỉnh trước ngày 15/3.",
     NULL,
     {{M0 "tasks#", "2"},
      {T0 "deadline.text", "trước ngày 15/3"},
      {M0 "tasks[1].deadline.text", "trước ngày 15/3"}}},
    /* a sentence with its own assignee keeps its deadline */
    {"follow_up_with_its_own_assignee_gives_nothing_back",
     "Sáng 26/1, Ban Thường vụ Tỉnh ủy tổ chức hội nghị. Ban Thường vụ Tỉnh ủy yêu cầu Sở Tài chính "
     "cần rà soát nguồn vốn. Phát huy kết quả, Sở Xây dựng cần hoàn thành quy hoạch trước ngày 15/3.",
     NULL,
     {{M0 "tasks#", "2"}, {T0 "deadline", "null"}}},
    {"assign_with_deadline_dated",
     "Sáng 26/1, Ban Thường vụ Tỉnh ủy tổ chức hội nghị. Ban Thường vụ Tỉnh ủy giao Sở Tài chính rà "
     "soát nguồn vốn trước ngày 15/3.",
     PUB,
     {{T0 "assignee.name", "Sở Tài chính"},
      {T0 "action", "rà soát nguồn vốn"},
      {T0 "deadline.text", "trước ngày 15/3"},
      {T0 "deadline.date", "2024-03-15"}}},
    {"require_lead_coordinate_deliver_in_quarter",
     "Sáng 26/1, Ban Thường vụ Tỉnh ủy tổ chức hội nghị. Hội nghị yêu cầu Sở Nội vụ chủ trì, phối "
     "hợp với các sở, ngành liên quan xây dựng đề án, trình UBND tỉnh trong quý II.",
     NULL,
     {{M0 "tasks#", "1"},
      {T0 "assignee.name", "Sở Nội vụ"},
      {T0 "responsibility", "lead"},
      {T0 "deliverable", "trình UBND tỉnh"},
      {T0 "deadline.text", "trong quý II"},
      {T0 "clarity.responsibility", "true"},
      {T0 "clarity.deliverable", "true"},
      {T0 "clarity.score", "5"}}},
    {"body_takes_in_comments_to_submit",
     "Sáng 26/1, Ban Thường vụ Tỉnh ủy tổ chức hội nghị. Ủy ban Kiểm tra Tỉnh ủy tiếp thu các ý "
     "kiến thảo luận tại hội nghị, hoàn thiện dự thảo kế hoạch để trình Ban Thường vụ Tỉnh ủy ban "
     "hành trước ngày 15/2.",
     NULL,
     {{M0 "tasks#", "1"},
      {T0 "assignee.name", "Ủy ban Kiểm tra Tỉnh ủy"},
      {T0 "assignee.organization_id@", "Ủy ban Kiểm tra Tỉnh ủy"},
      {T0 "action", "tiếp thu các ý kiến thảo luận tại hội nghị, hoàn thiện dự thảo kế hoạch"},
      {T0 "deliverable", "trình Ban Thường vụ Tỉnh ủy ban hành"},
      {T0 "deadline.text", "trước ngày 15/2"},
      {T0 "responsibility", "null"},
      {T0 "clarity.responsibility", "false"},
      {T0 "clarity.score", "4"}}},
    {"assign_coordinate_without_deadline",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị. Chủ tịch UBND tỉnh giao Sở Xây dựng phối hợp với UBND "
     "các huyện kiểm tra các công trình.",
     NULL,
     {{M0 "tasks#", "1"},
      {T0 "assignee.name", "Sở Xây dựng"},
      {T0 "responsibility", "coordinate"},
      {T0 "deadline", "null"},
      {T0 "deliverable", "null"},
      {T0 "clarity.when", "false"},
      {T0 "clarity.deliverable", "false"},
      {T0 "clarity.score", "3"}}},
    {"propose_to_a_body",
     "Sáng 26/1, Ban Thường vụ Tỉnh ủy tổ chức hội nghị. Ban Thường vụ Tỉnh ủy đề nghị UBND tỉnh "
     "chỉ đạo rà soát quy hoạch.",
     NULL,
     {{M0 "tasks#", "1"},
      {T0 "assignee.name", "UBND tỉnh"},
      {T0 "assignee.organization_id@", "Ủy ban nhân dân tỉnh"},
      {T0 "action", "chỉ đạo rà soát quy hoạch"}}},
    {"assign_to_with_cho",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị. Hội nghị giao cho Sở Y tế kiểm tra an toàn thực phẩm.",
     NULL,
     {{M0 "tasks#", "1"},
      {T0 "assignee.name", "Sở Y tế"},
      {T0 "action", "kiểm tra an toàn thực phẩm"}}},
    {"require_a_person",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị. Chủ tịch UBND tỉnh yêu cầu đồng chí Trần Văn Minh, "
     "Giám đốc Sở Y tế khẩn trương hoàn thành kế hoạch tiêm chủng.",
     NULL,
     {{M0 "tasks#", "1"},
      {T0 "assignee.name", "Trần Văn Minh"},
      {T0 "assignee.person_id@", "Trần Văn Minh"},
      {T0 "assignee.organization_id", "null"}}},
    {"two_assignments_in_one_sentence",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị. Hội nghị giao Sở Tài chính cân đối nguồn vốn; giao Sở "
     "Xây dựng thẩm định thiết kế.",
     NULL,
     {{M0 "tasks#", "2"},
      {"meetings[0].tasks[*].assignee.name", "Sở Tài chính; Sở Xây dựng"},
      {T1 "action", "thẩm định thiết kế"}}},
    {"deadline_within_month",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị. UBND tỉnh giao Sở Giao thông vận tải hoàn thành sửa "
     "chữa cầu trong tháng 6.",
     NULL,
     {{T0 "assignee.name", "Sở Giao thông vận tải"},
      {T0 "deadline.text", "trong tháng 6"}}},
    {"deadline_before_day_without_ngay",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị. UBND tỉnh giao Sở Tài chính tổng hợp số liệu trước "
     "30/6.",
     PUB,
     {{T0 "assignee.name", "Sở Tài chính"},
      {T0 "deadline.text", "trước 30/6"},
      {T0 "deadline.date", "2024-06-30"}}},
    {"draft_then_submit_with_deadline",
     "Sáng 26/1, Tỉnh ủy tổ chức hội nghị. Hội nghị giao Sở Nội vụ xây dựng đề án, trình Ban Thường "
     "vụ Tỉnh ủy trước ngày 30/6.",
     NULL,
     {{T0 "assignee.name", "Sở Nội vụ"},
      {T0 "action", "xây dựng đề án"},
      {T0 "deliverable", "trình Ban Thường vụ Tỉnh ủy"},
      {T0 "deadline.text", "trước ngày 30/6"},
      {T0 "clarity.score", "4"}}},
    {"task_mention_is_the_directive",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị. Hội nghị giao cho Sở Y tế kiểm tra an toàn thực phẩm.",
     NULL,
     {{T0 "mention.text", "giao cho Sở Y tế kiểm tra an toàn thực phẩm"}}},
    {"neg_praise_is_no_task",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị. Hội nghị đánh giá cao kết quả các địa phương đạt được.",
     NULL,
     {{"meetings#", "1"},
      {M0 "tasks#", "0"}}},
    /* a common noun with its quantifier is an assignee as written */
    {"collective_assignee_is_named_as_written",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị. Hội nghị yêu cầu các địa phương tăng cường kiểm tra.",
     NULL,
     {{M0 "tasks#", "1"},
      {T0 "assignee.name", "các địa phương"},
      {T0 "assignee.organization_id", "null"},
      {T0 "action", "tăng cường kiểm tra"}}},
    /* "báo cáo UBND tỉnh" is what the assignee must hand in (rõ sản phẩm) */
    {"report_to_a_body_is_the_deliverable",
     "Sáng 26/1, Ban Thường vụ Tỉnh ủy tổ chức hội nghị. Ban Thường vụ Tỉnh ủy giao Sở Tài chính rà "
     "soát nguồn vốn, báo cáo UBND tỉnh trước ngày 15/3.",
     NULL,
     {{T0 "action", "rà soát nguồn vốn"},
      {T0 "deliverable", "báo cáo UBND tỉnh"},
      {T0 "clarity.score", "4"}}},
    /* distinct bodies joined by "và" are one task each; a collective phrase stays one */
    {"list_of_bodies_one_task_each",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị sơ kết công tác quý I. "
     "Chủ tịch UBND tỉnh giao Sở Tài chính và Sở Kế hoạch và Đầu tư rà soát nguồn vốn đầu tư công.",
     NULL,
     {{M0 "tasks#", "2"},
      {"meetings[0].tasks[*].assignee.name", "Sở Tài chính; Sở Kế hoạch và Đầu tư"},
      {T1 "action", "rà soát nguồn vốn đầu tư công"}}},
    {"collective_phrase_stays_one",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị sơ kết công tác quý I. "
     "Chủ tịch UBND tỉnh yêu cầu các sở, ngành, địa phương tập trung tháo gỡ khó khăn cho doanh nghiệp.",
     NULL,
     {{M0 "tasks#", "1"},
      {T0 "assignee.name", "các sở, ngành, địa phương"}}},
    {"deadline_in_quarter_with_plan",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị sơ kết công tác quý I. "
     "Hội nghị giao Sở Công Thương xây dựng kế hoạch phát triển thương mại trong quý III.",
     NULL,
     {{T0 "assignee.name", "Sở Công Thương"},
      {T0 "deadline.text", "trong quý III"},
      {T0 "deliverable", "kế hoạch phát triển thương mại"},
      {T0 "action", "xây dựng kế hoạch phát triển thương mại"}}},
    {"deadline_from_now_to_year_end",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị sơ kết công tác quý I. "
     "Chủ tịch UBND tỉnh yêu cầu Sở Nông nghiệp và Phát triển nông thôn hoàn thành việc rà soát từ nay đến cuối năm.",
     NULL,
     {{T0 "assignee.name", "Sở Nông nghiệp và Phát triển nông thôn"},
      {T0 "deadline.text", "từ nay đến cuối năm"},
      {T0 "action", "hoàn thành việc rà soát"}}},
    {"deadline_month_with_year",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị sơ kết công tác quý I. "
     "UBND tỉnh giao Sở Xây dựng hoàn thành thẩm định dự án trong tháng 7/2017.",
     NULL,
     {{T0 "deadline.text", "trong tháng 7/2017"}}},
    {"deadline_within_the_week",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị sơ kết công tác quý I. "
     "Chủ tịch UBND tỉnh yêu cầu Công an tỉnh triển khai ngay trong tuần.",
     NULL,
     {{T0 "assignee.name", "Công an tỉnh"},
      {T0 "deadline.text", "ngay trong tuần"}}},
    {"deadline_at_the_latest",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị sơ kết công tác quý I. "
     "Chủ tịch UBND tỉnh yêu cầu Sở Y tế hoàn thành báo cáo chậm nhất ngày 4/2/2017.",
     NULL,
     {{T0 "deadline.text", "chậm nhất ngày 4/2/2017"},
      {T0 "deadline.date", "2017-02-04"}}},
    {"deadline_opens_the_sentence",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị sơ kết công tác quý I. "
     "Trong ba tháng tới, Chủ tịch UBND tỉnh cũng yêu cầu Sở Y tế tổ chức hội thảo lấy ý kiến chuyên gia.",
     NULL,
     {{T0 "assignee.name", "Sở Y tế"},
      {T0 "deadline.text", "Trong ba tháng tới"}}},
    {"deadline_opens_the_quote",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị sơ kết công tác quý I. "
     "Ông Tâm nói: “Trong ba tháng tới, Sở Y tế phải tổ chức hội thảo lấy ý kiến chuyên gia”.",
     NULL,
     {{T0 "assignee.name", "Sở Y tế"},
      {T0 "deadline.text", "Trong ba tháng tới"},
      {T0 "action", "tổ chức hội thảo lấy ý kiến chuyên gia"}}},
    /* a report the meeting asks for is a task, and no presenter */
    {"report_about_is_the_deliverable",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị sơ kết công tác quý I. "
     "Chủ tịch UBND tỉnh đề nghị Sở Y tế báo cáo UBND tỉnh về tình hình dịch bệnh trước ngày 10/2.",
     NULL,
     {{T0 "assignee.name", "Sở Y tế"},
      {T0 "deliverable", "báo cáo UBND tỉnh về tình hình dịch bệnh"},
      {T0 "deadline.text", "trước ngày 10/2"},
      {M0 "agenda#", "0"}}},
    {"purpose_clause_to_submit",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị sơ kết công tác quý I. "
     "Chủ tịch UBND tỉnh giao Sở Nội vụ tiếp thu ý kiến đại biểu, hoàn thiện đề án để trình Ban Thường vụ Tỉnh ủy.",
     NULL,
     {{T0 "action", "tiếp thu ý kiến đại biểu, hoàn thiện đề án"},
      {T0 "deliverable", "trình Ban Thường vụ Tỉnh ủy"}}},
    {"subject_must_do",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị sơ kết công tác quý I. "
     "Sở Giao thông vận tải cần khẩn trương sửa chữa các tuyến đường hư hỏng.",
     NULL,
     {{M0 "tasks#", "1"},
      {T0 "assignee.name", "Sở Giao thông vận tải"},
      {T0 "action", "khẩn trương sửa chữa các tuyến đường hư hỏng"}}},
    {"lead_with_coordinate",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị sơ kết công tác quý I. "
     "Chủ tịch UBND tỉnh chỉ đạo Sở Tài nguyên và Môi trường chủ trì, phối hợp với UBND các huyện kiểm tra việc khai thác cát.",
     NULL,
     {{M0 "tasks#", "1"},
      {T0 "assignee.name", "Sở Tài nguyên và Môi trường"},
      {T0 "responsibility", "lead"}}},
    /* the sentence after a directive goes on with its next assignee */
    {"directive_over_two_sentences",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị sơ kết công tác quý I. "
     "Chủ tịch UBND tỉnh yêu cầu Sở Y tế khẩn trương kiểm tra an toàn thực phẩm. Sở Công Thương phối hợp kiểm soát thị trường.",
     NULL,
     {{M0 "tasks#", "2"},
      {T1 "assignee.name", "Sở Công Thương"},
      {T1 "responsibility", "coordinate"}}},
    /* "Kết luận hội nghị" is the chair's conclusion, not a cited document */
    {"conclusion_opens_the_sentence",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị sơ kết công tác quý I. "
     "Kết luận hội nghị, Chủ tịch UBND tỉnh Lê Văn Tâm yêu cầu Sở Giáo dục và Đào tạo rà soát đội ngũ giáo viên.",
     NULL,
     {{M0 "tasks#", "1"},
      {T0 "assignee.name", "Sở Giáo dục và Đào tạo"}}},
    {"honorific_left_out_of_person",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị sơ kết công tác quý I. "
     "Chủ tịch UBND tỉnh yêu cầu đồng chí Trần Văn Minh, Giám đốc Sở Y tế khẩn trương hoàn thành kế hoạch tiêm chủng.",
     NULL,
     {{T0 "assignee.name", "Trần Văn Minh"},
      {T0 "action", "khẩn trương hoàn thành kế hoạch tiêm chủng"}}},
    {"neg_delegate_request",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị sơ kết công tác quý I. "
     "Đại biểu Trần Văn Minh đề nghị Sở Y tế tăng cường kiểm tra an toàn thực phẩm.",
     NULL,
     {{"meetings#", "1"},
      {M0 "tasks#", "0"}}},
    {"neg_opinion",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị sơ kết công tác quý I. "
     "Một số ý kiến cho rằng Sở Y tế cần tăng cường kiểm tra an toàn thực phẩm.",
     NULL,
     {{"meetings#", "1"},
      {M0 "tasks#", "0"}}},
    {"neg_pledge",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị sơ kết công tác quý I. "
     "Giám đốc Sở Y tế Lê Văn Bình cho biết, thời gian tới Sở sẽ tăng cường kiểm tra an toàn thực phẩm.",
     NULL,
     {{"meetings#", "1"},
      {M0 "tasks#", "0"}}},
    {"neg_wish",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị sơ kết công tác quý I. "
     "Ông Tâm mong rằng các địa phương sẽ tiếp tục đồng hành cùng tỉnh.",
     NULL,
     {{"meetings#", "1"},
      {M0 "tasks#", "0"}}},
    {"neg_document_directs",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị sơ kết công tác quý I. "
     "Nghị quyết số 12-NQ/TU yêu cầu các cấp ủy tập trung lãnh đạo công tác phòng chống dịch.",
     NULL,
     {{"meetings#", "1"},
      {M0 "tasks#", "0"}}},
    {"neg_done_already",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị sơ kết công tác quý I. "
     "Sở Y tế đã hoàn thành việc kiểm tra an toàn thực phẩm.",
     NULL,
     {{"meetings#", "1"},
      {M0 "tasks#", "0"}}},
    {"neg_request_as_noun",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị sơ kết công tác quý I. "
     "Theo yêu cầu của UBND tỉnh, Sở Y tế đã kiểm tra an toàn thực phẩm.",
     NULL,
     {{"meetings#", "1"},
      {M0 "tasks#", "0"}}},
    {"neg_report_recommends",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị sơ kết công tác quý I. "
     "Báo cáo của Sở Tài chính kiến nghị UBND tỉnh bổ sung vốn cho các dự án trọng điểm.",
     NULL,
     {{"meetings#", "1"},
      {M0 "tasks#", "0"}}},
    /* a quote that opens the sentence opens a clause; the action ends at the quote */
    {"quoted_directive_opens_the_sentence",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị sơ kết công tác quý I. "
     "“Người đứng đầu các sở, ngành, địa phương chịu trách nhiệm về an toàn thông tin”, thông báo kết luận nêu rõ.",
     NULL,
     {{M0 "tasks#", "1"},
      {T0 "assignee.name", "Người đứng đầu các sở, ngành, địa phương"},
      {T0 "action", "chịu trách nhiệm về an toàn thông tin"}}},
    /* "nhất là ..." singles some of the assignees out; the action is after it */
    {"aside_after_the_assignee",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị sơ kết công tác quý I. "
     "Theo đó các cấp, ngành, nhất là người đứng đầu cần xác định rõ trách nhiệm của mình.",
     NULL,
     {{M0 "tasks#", "1"},
      {T0 "assignee.name", "các cấp, ngành"},
      {T0 "action", "xác định rõ trách nhiệm của mình"}}},
    /* a document named as the topic ("Về Luật ...") does not direct */
    {"topic_document_is_no_directive",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị sơ kết công tác quý I. "
     "Về Luật Đầu tư công, Chủ tịch UBND tỉnh giao Sở Kế hoạch và Đầu tư rà soát các dự án.",
     NULL,
     {{M0 "tasks#", "1"},
      {T0 "assignee.name", "Sở Kế hoạch và Đầu tư"}}},
    {"opening_deadline_then_assignee",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị sơ kết công tác quý I. "
     "Chủ tịch UBND tỉnh yêu cầu các sở rà soát thủ tục. Trước ngày 30/6, các sở, ngành có liên quan báo cáo UBND tỉnh kết quả thực hiện.",
     NULL,
     {{M0 "tasks#", "2"},
      {T1 "assignee.name", "các sở, ngành có liên quan"},
      {T1 "deadline.text", "Trước ngày 30/6"}}},
    /* the report written first is what is handed in first */
    {"report_before_submission",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị sơ kết công tác quý I. "
     "Chủ tịch UBND tỉnh giao Sở Tư pháp rà soát văn bản, báo cáo UBND tỉnh về những vướng mắc để trình HĐND tỉnh xem xét.",
     NULL,
     {{T0 "action", "rà soát văn bản"},
      {T0 "deliverable", "báo cáo UBND tỉnh về những vướng mắc để trình HĐND tỉnh xem xét"}}},
    /* after a comma a common noun with no quantifier of its own is no assignee */
    {"soft_start_with_quantifier",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị sơ kết công tác quý I. "
     "Kết quả thu ngân sách còn thấp, các ngành cần đổi mới cách làm.",
     NULL,
     {{M0 "tasks#", "1"},
      {T0 "assignee.name", "các ngành"}}},
    {"neg_soft_start_common_noun",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị sơ kết công tác quý I. "
     "Kết quả thu ngân sách còn thấp, ngành thuế cần đổi mới cách làm.",
     NULL,
     {{"meetings#", "1"},
      {M0 "tasks#", "0"}}},
    /* after ";" the delegates named before no longer make the clause a request; a report made stays in the action */
    {"new_clause_after_semicolon",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị sơ kết công tác quý I. "
     "Chủ tịch UBND tỉnh nhấn mạnh, các văn bản phải được gửi tới các đại biểu trước kỳ họp; Văn phòng UBND tỉnh tiếp thu ý kiến, hoàn chỉnh báo cáo giải trình vào chiều 18/5.",
     NULL,
     {{M0 "tasks#", "1"},
      {T0 "assignee.name", "Văn phòng UBND tỉnh"},
      {T0 "deadline.text", "vào chiều 18/5"},
      {T0 "action", "tiếp thu ý kiến, hoàn chỉnh báo cáo giải trình"},
      {T0 "deliverable", "báo cáo giải trình"}}},
    {"bare_year_between_cue_and_assignee",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị sơ kết công tác quý I. "
     "Chủ tịch UBND tỉnh đề nghị, năm 2025, hai bên cần tăng cường phối hợp.",
     NULL,
     {{M0 "tasks#", "1"},
      {T0 "assignee.name", "hai bên"},
      {T0 "deadline.text", "năm 2025"}}},
    /* "đối với X thì Y phải ...": the clause opens after "thì"; "đối với" is no "phối hợp với" */
    {"clause_after_thi",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị sơ kết công tác quý I. "
     "Chủ tịch UBND tỉnh yêu cầu Sở Xây dựng rà soát các dự án. Đối với các dự án chậm tiến độ thì Sở Xây dựng phải thu hồi vào năm 2026.",
     NULL,
     {{M0 "tasks#", "2"},
      {T1 "assignee.name", "Sở Xây dựng"},
      {T1 "deadline.text", "vào năm 2026"}}},
    /* in a directive's sentences a deadline and "phải" with no assignee is a task */
    {"impersonal_deadline_and_must",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị sơ kết công tác quý I. "
     "Chủ tịch UBND tỉnh yêu cầu Sở Xây dựng rà soát các dự án. Đối với các dự án nhỏ thì chậm nhất năm 2027 phải hoàn thành.",
     NULL,
     {{M0 "tasks#", "2"},
      {T1 "assignee", "null"},
      {T1 "deadline.text", "chậm nhất năm 2027"}}},
    {"cue_object_is_no_assignee",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị sơ kết công tác quý I. "
     "Phó Chủ tịch UBND tỉnh Lê Văn Tâm yêu cầu các công trình phục vụ lễ hội phải tập trung nhân lực để hoàn thành trong tháng 6.",
     NULL,
     {{M0 "tasks#", "1"},
      {T0 "assignee", "null"},
      {T0 "deadline.text", "trong tháng 6"}}},
    /* an impersonal instruction needs a deadline or a product */
    /* "cần phối hợp" urges cooperation; it gives no coordinating role */
    {"must_cooperate_is_no_role",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị sơ kết công tác quý I. "
     "Chủ tịch UBND tỉnh yêu cầu Sở Tài chính rà soát nguồn vốn. Các chủ đầu tư cần phối hợp với Sở Tài chính chốt lại việc quyết toán.",
     NULL,
     {{M0 "tasks#", "2"},
      {T1 "assignee.name", "Các chủ đầu tư"},
      {T1 "responsibility", "null"}}},
    {"neg_impersonal_without_deadline",
     "Sáng 26/1, UBND tỉnh tổ chức hội nghị sơ kết công tác quý I. "
     "Phó Chủ tịch UBND tỉnh Lê Văn Tâm yêu cầu các công trình phục vụ lễ hội phải bảo đảm chất lượng.",
     NULL,
     {{"meetings#", "1"},
      {M0 "tasks#", "0"}}},
};
/* clang-format on */

ParameterizedTestParameters(tasks, recognise)
{
	return JQ_PARAMS(TASKS);
}

ParameterizedTest(size_t *k, tasks, recognise)
{
	jq_run_case(&TASKS[*k]);
}
