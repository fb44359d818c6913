/* The body-name grammar (model/orgs/names.c) and the choice of a meeting's
 * convening body (model/meetings/body.c), tested end to end through
 * model_parse(): suite "bodies" reads one organisation's name, suite
 * "convener" the body a meeting records. Each grammar shape has a case,
 * and each near miss that must stay refused has one too.
 *
 * Every sentence is written for these tests: invented people and facts
 * about real provinces and bodies. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>

#include "jsonq.h"
#include "meeting_paths.h"

/* clang-format off */
static const struct jq_case BODIES[] = {
    /* ---- the locality ---- */
    /* districts named like people: two syllables after the unit word are a
     * place, three a person's name */
    {"district_named_like_a_person",
     "Chiều 1/11, Hội đồng nhân dân huyện Lương Sơn họp phiên bất thường.",
     NULL,
     {{"organizations#", "1"},
      {"organizations[0].name", "Hội đồng nhân dân huyện Lương Sơn"},
      {"organizations[0].level", "district"}}},
    {"full_name_after_the_unit_word_is_a_person",
     "Chủ tịch UBND tỉnh Phạm Anh Tuấn chủ trì hội nghị.",
     NULL,
     {{"organizations[0].name", "Ủy ban nhân dân tỉnh"}, {"people[0].name", "Phạm Anh Tuấn"}}},
    /* ---- the tail of a generic head ---- */
    {"remit_after_ve_then_locality",
     "Ban Chỉ đạo về phòng, chống tham nhũng tỉnh Nghệ An ban hành kế hoạch.",
     NULL,
     {{"organizations#", "1"},
      {"organizations[0].name", "Ban Chỉ đạo về phòng, chống tham nhũng tỉnh Nghệ An"},
      {"organizations[0].level", "province"}}},
    {"remit_of_a_national_committee",
     "Ủy ban Quốc gia về chuyển đổi số ban hành chương trình hành động.",
     NULL,
     {{"organizations[0].name", "Ủy ban Quốc gia về chuyển đổi số"}}},
    /* a remit written without "về" runs up to the body's locality */
    {"remit_without_ve_up_to_the_locality",
     "Chiều 8/9, Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn tỉnh Hà Nam họp khẩn.",
     NULL,
     {{"organizations#", "1"},
      {"organizations[0].name",
       "Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn tỉnh Hà Nam"},
      {"organizations[0].level", "province"},
      {M0 "body.name", "Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn tỉnh Hà Nam"}}},
    {"council_with_a_remit",
     "Hội đồng thẩm định giá đất tỉnh Quảng Nam họp chiều qua.",
     NULL,
     {{"organizations[0].name", "Hội đồng thẩm định giá đất tỉnh Quảng Nam"}}},
    /* without a locality after them, the words are the sentence going on */
    {"bare_remit_needs_a_locality",
     "Ban Chỉ đạo kiểm tra tình hình tại huyện Mèo Vạc. Ban Chỉ đạo phòng chống dịch đề nghị "
     "tỉnh Hà Giang khẩn trương.",
     NULL,
     {{"organizations#", "0"}}},
    /* "về việc" opens a subject line, not a remit */
    {"ve_viec_is_not_a_remit",
     "Ủy ban Quốc gia về việc này chưa có ý kiến.",
     NULL,
     {{"organizations[*].name", "Ủy ban Quốc gia"}}},
    {"number_as_name",
     "Ban Chỉ đạo 138 tỉnh triển khai đợt cao điểm.",
     NULL,
     {{"organizations[0].name", "Ban Chỉ đạo 138 tỉnh"}}},
    /* a number that runs on ("389/QĐ") is a document's, not a name */
    {"number_running_on_is_not_a_name",
     "Theo Quyết định 389/QĐ-TTg, Ban Chỉ đạo 389/QĐ đã họp.",
     NULL,
     {{"organizations[*].name", ""}}},
    {"descriptors_then_a_country",
     "Viện nghiên cứu kinh tế Hàn Quốc công bố báo cáo thường niên.",
     NULL,
     {{"organizations[0].name", "Viện nghiên cứu kinh tế Hàn Quốc"}}},
    {"mission_and_its_place",
     "Đại sứ quán Việt Nam tại Tây Ban Nha tổ chức buổi gặp mặt kiều bào.",
     NULL,
     {{"organizations#", "1"},
      {"organizations[0].name", "Đại sứ quán Việt Nam tại Tây Ban Nha"}}},
    /* a country of several words holds no body ("Tây Ban Nha" has no "Ban") */
    {"country_is_not_read_from_its_middle",
     "Doanh nghiệp Tây Ban Nha đầu tư vào Việt Nam.",
     NULL,
     {{"organizations[*].name", ""}}},
    {"owner_after_the_named_council",
     "Hội đồng Thi đua - Khen thưởng Bộ Công an xét tặng danh hiệu.",
     NULL,
     {{"organizations#", "1"},
      {"organizations[0].name", "Hội đồng Thi đua - Khen thưởng Bộ Công an"}}},
    {"bracketed_abbreviation_inside_then_locality",
     "Hội Nông dân (HND) huyện Quỳnh Lưu phát động phong trào thi đua.",
     NULL,
     {{"organizations#", "1"},
      {"organizations[0].name", "Hội Nông dân huyện Quỳnh Lưu"},
      {"organizations[0].text_forms", "Hội Nông dân (HND) huyện Quỳnh Lưu"}}},
    {"bracketed_abbreviation_then_country_then_locality",
     "Ủy ban Mặt trận Tổ quốc (MTTQ) Việt Nam tỉnh Nghệ An phát động cuộc vận động.",
     NULL,
     {{"organizations#", "1"},
      {"organizations[0].name", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Nghệ An"},
      {"organizations[0].level", "province"}}},
    {"organ_abbreviation_before_its_unit",
     "Ủy ban Kiểm tra (UBKT) Tỉnh ủy Nghệ An thi hành kỷ luật đảng viên.",
     NULL,
     {{"organizations#", "1"},
      {"organizations[0].name", "Ủy ban Kiểm tra Tỉnh ủy Nghệ An"}}},
    {"bracketed_abbreviation_inside_then_country",
     "Bảo hiểm xã hội (BHXH) Việt Nam ban hành hướng dẫn.",
     NULL,
     {{"organizations[0].name", "Bảo hiểm xã hội Việt Nam"}}},
    {"head_abbreviation_before_its_name",
     "Ban Chỉ đạo (BCĐ) 389 tỉnh triển khai đợt cao điểm.",
     NULL,
     {{"organizations#", "1"},
      {"organizations[0].name", "Ban Chỉ đạo 389 tỉnh"},
      {"organizations[0].text_forms", "Ban Chỉ đạo (BCĐ) 389 tỉnh"}}},
    /* the head and its abbreviation alone are no body */
    {"head_abbreviation_alone_is_no_body",
     "Ban Chỉ đạo (BCĐ) đã họp.",
     NULL,
     {{"organizations[*].name", ""}}},
    {"country_after_a_central_body",
     "Quốc hội Lào thông qua luật đất đai sửa đổi.",
     NULL,
     {{"organizations[0].name", "Quốc hội Lào"}}},
    {"team_of_a_body",
     "Đoàn giám sát của Ban Pháp chế HĐND tỉnh kiểm tra hồ sơ.",
     NULL,
     {{"organizations#", "1"},
      {"organizations[0].name", "Đoàn giám sát của Ban Pháp chế Hội đồng nhân dân tỉnh"}}},
    /* a bare team noun without "của" + a body is no body */
    {"bare_team_is_no_body",
     "Đoàn giám sát đã kiểm tra hồ sơ.",
     NULL,
     {{"organizations[*].name", ""}}},
    /* "và" + another body: two bodies, not one name */
    {"two_bodies_joined_by_va",
     "Hiệp hội Năng lượng sạch Việt Nam và Viện Năng lượng ký kết hợp tác.",
     NULL,
     {{"organizations[*].name", "Hiệp hội Năng lượng sạch Việt Nam; Viện Năng lượng"}}},
    {"va_inside_a_name",
     "Sở Khoa học và Công nghệ tỉnh Hà Tĩnh thẩm định đề tài.",
     NULL,
     {{"organizations#", "1"}}},
    /* a Party or mass unit inside the body it serves */
    {"union_of_a_corporation",
     "Công đoàn Tổng công ty Điện lực miền Bắc phát động thi đua.",
     NULL,
     {{"organizations#", "1"},
      {"organizations[0].name", "Công đoàn Tổng công ty Điện lực miền Bắc"},
      {"organizations[0].category", "mass"}}},
    {"youth_cell_of_an_office",
     "Chi đoàn Văn phòng Tỉnh ủy ra quân tình nguyện.",
     NULL,
     {{"organizations#", "1"},
      {"organizations[0].name", "Chi đoàn Văn phòng Tỉnh ủy"},
      {"organizations[0].level", "province"}}},
    {"committee_of_a_ministry_union",
     "Ban Chấp hành Công đoàn Bộ Y tế ban hành nghị quyết.",
     NULL,
     {{"organizations#", "1"},
      {"organizations[0].name", "Ban Chấp hành Công đoàn Bộ Y tế"}}},
    {"department_of_the_provincial_police",
     "Phòng Cảnh sát hình sự Công an tỉnh Nghệ An phá chuyên án.",
     NULL,
     {{"organizations#", "1"},
      {"organizations[0].name", "Phòng Cảnh sát hình sự Công an tỉnh Nghệ An"},
      {"organizations[0].level", "province"}}},
    {"department_of_a_military_region",
     "Cục Chính trị Quân khu 4 phát động thi đua.",
     NULL,
     {{"organizations#", "1"},
      {"organizations[0].name", "Cục Chính trị Quân khu 4"},
      {"organizations[0].category", "military"}}},
    /* a ministry has no host: two ministries without a comma stay two */
    {"ministry_takes_no_host",
     "Bộ Công an Bộ Quốc phòng phối hợp.",
     NULL,
     {{"organizations[*].name", "Bộ Công an; Bộ Quốc phòng"}}},
    /* corporations and international bodies by their short names */
    {"corporation_by_its_short_name",
     "EVNNPC và ACV ký kết thỏa thuận hợp tác.",
     NULL,
     {{"organizations[*].name",
       "Tổng công ty Điện lực miền Bắc; Tổng công ty Cảng hàng không Việt Nam"}}},
    {"international_body_by_its_short_name",
     "UNHCR công bố báo cáo về người tị nạn.",
     NULL,
     {{"organizations[0].name", "Cao ủy Liên hợp quốc về người tị nạn"},
      {"organizations[0].level", "central"}}},
    /* a unit with a level of its own takes no host: two bodies */
    {"territorial_unit_takes_no_host",
     "Tỉnh ủy, Bộ Y tế cùng chỉ đạo.",
     NULL,
     {{"organizations[*].name", "Tỉnh ủy; Bộ Y tế"}}},
    /* the issuer code inside a symbol names no body */
    {"issuer_code_in_a_symbol_is_no_body",
     "Thực hiện Công văn số 567/UBND-KT và Quyết định 12/QĐ-BCĐ, các xã rà soát.",
     NULL,
     {{"organizations[*].name", ""}}},
    /* a document's issuer is the whole body named after "của" */
    {"issuer_completed_by_the_body",
     "Thực hiện Công văn số 567/SYT-NVY của Sở Y tế tỉnh Hà Tĩnh, các bệnh viện rà soát.",
     NULL,
     {{"documents[0].issuer", "Sở Y tế tỉnh Hà Tĩnh"}}},
    {"issuer_with_a_remit",
     "Thực hiện Quyết định số 88/QĐ-BCĐ của Ban Chỉ đạo về phòng, chống tham nhũng tỉnh, đoàn "
     "kiểm tra làm việc.",
     NULL,
     {{"documents[0].issuer", "Ban Chỉ đạo về phòng, chống tham nhũng tỉnh"}}},
    {"issuer_passed_it_at",
     "Đề án đã được Ban Thường vụ Tỉnh ủy Nghệ An thông qua tại Nghị quyết số 12-NQ/TU ngày "
     "5/3/2024.",
     NULL,
     {{"documents[0].issuer", "Ban Thường vụ Tỉnh ủy Nghệ An"}}},
    /* a verb whose subject did not issue it names no issuer */
    {"no_issuer_without_an_issuing_verb",
     "Đề án được Ban Thường vụ Tỉnh ủy Nghệ An nhắc tới tại Nghị quyết số 12-NQ/TU.",
     NULL,
     {{"documents[0].issuer", "null"}}},
    /* heads of bodies outside the political system, and the Party
     * organisation of a bloc of agencies */
    {"port_authority_museum_and_border_post",
     "Cảng vụ Hàng hải Nghi Sơn, Bảo tàng Tổng hợp tỉnh Bến Tre và Đồn Biên phòng Cửa khẩu "
     "Nậm Cắn ký kết quy chế phối hợp.",
     NULL,
     {{"organizations#", "3"},
      {"organizations[0].name", "Cảng vụ Hàng hải Nghi Sơn"},
      {"organizations[1].name", "Bảo tàng Tổng hợp tỉnh Bến Tre"},
      {"organizations[2].name", "Đồn Biên phòng Cửa khẩu Nậm Cắn"}}},
    {"forest_ranger_station_takes_a_locality",
     "Hạt Kiểm lâm huyện Kỳ Sơn triển khai phương án phòng cháy.",
     NULL,
     {{"organizations[0].name", "Hạt Kiểm lâm huyện Kỳ Sơn"},
      {"organizations[0].level", "district"}}},
    {"party_organisation_of_a_bloc",
     "Ban Chấp hành Đảng bộ Khối Doanh nghiệp Trung ương thông qua nghị quyết.",
     NULL,
     {{"organizations[0].name", "Ban Chấp hành Đảng bộ Khối Doanh nghiệp Trung ương"},
      {"organizations[0].level", "central"}}},
    /* a modal or a directive verb after the name ends it */
    {"modal_verb_ends_the_name",
     "Sở Quy hoạch Kiến trúc phải làm xong phần mềm. Ban Chỉ đạo về tìm kiếm, quy tập hài cốt "
     "liệt sĩ tỉnh cần lập danh sách.",
     NULL,
     {{"organizations[0].name", "Sở Quy hoạch Kiến trúc"},
      {"organizations[1].name", "Ban Chỉ đạo về tìm kiếm, quy tập hài cốt liệt sĩ tỉnh"}}},
    /* "do" + a person or a title, or a form of address before a name,
     * ends the name: who leads the delegation is not part of it */
    {"delegation_led_by_a_person",
     "Đoàn đại biểu Đảng Cộng sản Cuba do đồng chí Roberto Ojeda dẫn đầu thăm Việt Nam. Đoàn "
     "đại biểu Quốc hội Lào do Chủ tịch Quốc hội dẫn đầu thăm Hà Nội.",
     NULL,
     {{"organizations[0].name", "Đoàn đại biểu Đảng Cộng sản Cuba"},
      {"organizations[1].name", "Đoàn đại biểu Quốc hội Lào"}}},
    {"school_named_after_a_person_keeps_the_name",
     "Trường THPT tư thục Nguyễn Văn Linh tổ chức lễ khai giảng.",
     NULL,
     {{"organizations[0].name", "Trường THPT tư thục Nguyễn Văn Linh"}}},
    /* a title beginning with a head is a title: "Cục trưởng" */
    {"title_beginning_with_a_head",
     "Cục trưởng Nguyễn Văn Hùng phát biểu.",
     NULL,
     {{"organizations[*].name", ""}}},
};

static const struct jq_case CONVENER[] = {
    {"subject_with_an_adverb",
     "Sáng 8/11, Chính phủ tiếp tục họp phiên thường kỳ tháng 10.",
     NULL,
     {{M0 "body.name", "Chính phủ"}}},
    {"subject_resumes_the_sitting",
     "Sáng 5/6, Ủy ban Thường vụ Quốc hội tiếp tục phiên họp thứ 12.",
     NULL,
     {{M0 "body.name", "Ủy ban Thường vụ Quốc hội"}}},
    {"subject_enters_a_day_of_the_session",
     "Sáng 5/6, Quốc hội bước vào ngày làm việc thứ 3 của Kỳ họp thứ 5.",
     NULL,
     {{M0 "body.name", "Quốc hội"}}},
    {"joint_subject_with_a_solemn_adverb",
     "Sáng 12/3, Tỉnh ủy, HĐND, UBND, Ủy ban MTTQ Việt Nam tỉnh Quảng Trị long trọng tổ chức Lễ "
     "kỷ niệm 50 năm ngày giải phóng.",
     NULL,
     {{M0 "body.name", "Tỉnh ủy, HĐND, UBND, Ủy ban MTTQ Việt Nam tỉnh Quảng Trị"}}},
    {"party_committee_of_the_provincial_agencies",
     "Sáng 12/3, Đảng ủy Khối các cơ quan tỉnh tổ chức hội nghị tổng kết.",
     NULL,
     {{M0 "body.name", "Đảng ủy Khối các cơ quan tỉnh"}}},
    {"delegation_meets_voters",
     "Sáng 5/6, Đoàn đại biểu Quốc hội tỉnh Nghệ An tiếp xúc cử tri huyện Nam Đàn.",
     NULL,
     {{M0 "body.name", "Đoàn đại biểu Quốc hội tỉnh Nghệ An"}}},
    {"bilateral_committee_after_the_kind",
     "Ngày 5/6, kỳ họp lần thứ 9 Ủy ban hợp tác song phương Việt Nam – Campuchia diễn ra tại Hà "
     "Nội.",
     NULL,
     {{M0 "body.name", "Ủy ban hợp tác song phương Việt Nam – Campuchia"}}},
    {"bilateral_body_after_a_long_remit",
     "Ngày 7/5, Ủy ban liên Chính phủ về hợp tác kinh tế, văn hóa và khoa học Việt Nam - Lào họp "
     "phiên thứ 46 tại Hà Nội.",
     NULL,
     {{M0 "body.name", "Ủy ban liên Chính phủ về hợp tác kinh tế, văn hóa và khoa học Việt Nam - "
                       "Lào"}}},
    {"bilateral_body_from_the_lexicon",
     "Chủ tịch Hội Hữu nghị Việt Nam - Nhật Bản Lê Văn An phát biểu.",
     NULL,
     {{"organizations[0].name", "Hội Hữu nghị Việt Nam - Nhật Bản"}}},
    {"a_country_after_a_verb_is_not_a_pair",
     "Sáng 7/5, đoàn đại biểu Đảng Cộng sản Pháp đến Việt Nam thăm và làm việc.",
     NULL,
     {{"organizations[=Đảng Cộng sản Pháp].name", "Đảng Cộng sản Pháp"}}},
    /* talks between two leaders name no convening body */
    {"talks_name_no_body",
     "Sáng 5/6, Thủ tướng Lê Văn Hùng hội đàm với Thủ tướng Lào Sonexay Siphandone.",
     NULL,
     {{M0 "body", "null"}}},
    /* a minister chairs; no body is named as convener */
    {"chair_without_a_body",
     "Sáng 5/6, Bộ trưởng Bộ Y tế Lê Văn Hùng chủ trì hội nghị trực tuyến với 63 tỉnh, thành phố.",
     NULL,
     {{M0 "body", "null"}}},
    {"passive_organisers_coordinated",
     "Chiều 6/10, tại Hà Nội, Hội thảo về năng lượng tái tạo do Hiệp hội Năng lượng sạch Việt "
     "Nam và Viện Năng lượng phối hợp tổ chức.",
     NULL,
     {{M0 "body.name", "Hiệp hội Năng lượng sạch Việt Nam và Viện Năng lượng"}}},
    {"joint_subject_phoi_hop_to_chuc",
     "Sáng 5/6, Hội Nông dân tỉnh và Hội Cựu chiến binh tỉnh phối hợp tổ chức hội nghị.",
     NULL,
     {{M0 "body.name", "Hội Nông dân tỉnh và Hội Cựu chiến binh tỉnh"}}},
    {"joint_subject_dong_to_chuc",
     "Sáng 5/6, Sở Y tế và Sở Giáo dục và Đào tạo đồng tổ chức hội thảo.",
     NULL,
     {{M0 "body.name", "Sở Y tế và Sở Giáo dục và Đào tạo"}}},
    /* "do" + a person is a chair, not a body */
    {"passive_person_is_no_body",
     "Chiều 6/10, Hội thảo về năng lượng do ông Trần Văn Bình chủ trì.",
     NULL,
     {{M0 "body", "null"}}},
    {"main_organiser_before_phoi_hop_voi_a_list",
     "Ngày 9/3, Tổng Lãnh sự quán Việt Nam tại Thượng Hải, Trung Quốc đã phối hợp với Hội Doanh "
     "nhân Việt Nam và Ngân hàng Vietcombank tổ chức hội thảo xúc tiến thương mại.",
     NULL,
     {{M0 "body.name", "Tổng Lãnh sự quán Việt Nam tại Thượng Hải"}}},
    {"bare_head_refers_back",
     "Sáng 3/5, Thủ tướng Lê Văn Bình, Chủ tịch Ủy ban Quốc gia về chuyển đổi số chủ trì cuộc "
     "họp của Ủy ban lần thứ 4.",
     NULL,
     {{M0 "body.name", "Ủy ban Quốc gia về chuyển đổi số"}}},
    {"bare_head_as_subject_refers_back",
     "Ban Chỉ đạo 138 tỉnh Nghệ An vừa được kiện toàn. Sáng 5/6, Ban Chỉ đạo họp phiên thường "
     "kỳ.",
     NULL,
     {{M0 "body.name", "Ban Chỉ đạo 138 tỉnh Nghệ An"}}},
    /* a bare head with no body named before it stays no body */
    {"bare_head_without_antecedent",
     "Sáng 5/6, Ban Chỉ đạo họp phiên thường kỳ.",
     NULL,
     {{M0 "body", "null"}}},
    {"joint_body_after_cua",
     "Sáng 20/3, hội nghị sơ kết công tác quý I năm 2024 của Sở Tư pháp và Sở Nội vụ được tổ "
     "chức tại Vinh.",
     NULL,
     {{M0 "body.name", "Sở Tư pháp và Sở Nội vụ"}}},
    /* "Lễ công bố Quyết định của Bộ ...": the ministry issued the decision */
    {"issuer_of_a_document_is_not_the_convener",
     "Chiều 14/8, Chủ tịch UBND tỉnh Trần Văn Hòa chủ trì Lễ công bố Quyết định của Bộ Nội vụ "
     "về việc thành lập thị xã.",
     NULL,
     {{M0 "body", "null"}}},
    {"working_session_of_a_body_as_subject",
     "Sáng 12/9, Ban Thường vụ Tỉnh ủy Hà Tĩnh làm việc với Ban Thường vụ Tỉnh ủy Quảng Bình về "
     "hợp tác phát triển. Bí thư Tỉnh ủy Hà Tĩnh Lê Văn An chủ trì buổi làm việc.",
     NULL,
     {{M0 "body.name", "Ban Thường vụ Tỉnh ủy Hà Tĩnh"}}},
    {"time_words_before_cua",
     "Chiều 4/3, tại cuộc họp mới đây của Ban chỉ đạo Bộ Y tế, Thứ trưởng Lê Văn Hùng chủ trì "
     "và yêu cầu đẩy nhanh tiến độ.",
     NULL,
     {{M0 "body.name", "Ban chỉ đạo Bộ Y tế"}}},
    {"organiser_after_a_caption",
     "Họp báo về kỳ họp thứ 5 Quốc hội khóa XV Chiều 19/5, Văn phòng Quốc hội tổ chức họp báo "
     "thông tin về kỳ họp.",
     NULL,
     {{M0 "body.name", "Văn phòng Quốc hội"}}},
    /* a person chairs a meeting "với" a body: that body is only invited */
    {"meeting_with_a_body_is_not_its",
     "Sáng 5/6, Phó Chủ tịch UBND tỉnh Lê Văn Hùng chủ trì cuộc họp với Hội đồng quản trị Công "
     "ty Cấp nước tỉnh.",
     NULL,
     {{M0 "body", "null"}}},
    {"working_session_with_a_body_is_its",
     "Sáng 5/6, Bí thư Tỉnh ủy Lê Văn Hùng có buổi làm việc với Ban Thường vụ Huyện ủy Nam Đàn.",
     NULL,
     {{M0 "body.name", "Ban Thường vụ Huyện ủy Nam Đàn"}}},
    /* a visiting team works with its host: the host is recorded */
    {"working_session_of_a_visiting_team",
     "Sáng 12/9, Đoàn kiểm tra của Ban Bí thư đã làm việc với Ban Thường vụ Tỉnh ủy Hà Tĩnh.",
     NULL,
     {{M0 "body.name", "Ban Thường vụ Tỉnh ủy Hà Tĩnh"}}},
    /* the period after a body's term: "khóa X, nhiệm kỳ 2021 - 2026" */
    {"term_and_period_before_the_verb",
     "Sáng 10/12, HĐND tỉnh Hòa Bình khóa XVII, nhiệm kỳ 2021 - 2026 khai mạc kỳ họp thứ 12.",
     NULL,
     {{M0 "body.name", "HĐND tỉnh Hòa Bình"}, {M0 "term", "khóa XVII"}}},
    {"term_and_period_without_a_comma",
     "Sáng 5/6, Ban Chấp hành Đảng bộ huyện Nam Đàn khóa XXIX nhiệm kỳ 2020-2025 tổ chức hội "
     "nghị lần thứ 9.",
     NULL,
     {{M0 "body.name", "Ban Chấp hành Đảng bộ huyện Nam Đàn"}, {M0 "term", "khóa XXIX"}}},
    /* the kind in a fronted phrase, the body the subject after it */
    {"body_after_a_fronted_kind",
     "Tiếp tục chương trình Kỳ họp thứ 9, sáng 5/11, Quốc hội thảo luận về dự án Luật Thủ đô.",
     NULL,
     {{M0 "kind", "session"}, {M0 "body.name", "Quốc hội"}}},
    /* a person there is no body */
    {"person_after_a_fronted_kind_is_no_body",
     "Tại kỳ họp thứ 9, sáng 5/11, Bộ trưởng Bộ Tài chính Lê Văn Hải báo cáo.",
     NULL,
     {{M0 "body", "null"}}},
    /* the guest of a reception is no convener */
    {"reception_guest_is_no_body",
     "Chiều 11/3, Chủ tịch nước Lê Văn Hòa đã tiếp Đoàn đại biểu cấp cao Đảng Cộng sản Cuba.",
     NULL,
     {{M0 "kind_text", "tiếp"}, {M0 "body", "null"}}},
    /* the body after the kind is the subject again, without its place:
     * the subject's full name is kept */
    {"subject_named_again_after_the_kind",
     "Sáng 27/6, Hội đồng nhân dân tỉnh Tây Ninh khai mạc kỳ họp thứ 12, HĐND tỉnh khóa X, "
     "nhiệm kỳ 2021-2026.",
     NULL,
     {{M0 "body.name", "Hội đồng nhân dân tỉnh Tây Ninh"}, {M0 "term", "khóa X"}}},
    /* a different body after the kind still wins over the subject */
    {"other_body_after_the_kind_wins",
     "Sáng 5/6, Đảng ủy Khối các cơ quan tỉnh tổ chức hội nghị lần thứ 9 Ban Chấp hành Đảng bộ "
     "huyện Nam Đàn.",
     NULL,
     {{M0 "body.name", "Ban Chấp hành Đảng bộ huyện Nam Đàn"}}},
};
/* clang-format on */

ParameterizedTestParameters(bodies, recognise)
{
	return JQ_PARAMS(BODIES);
}

ParameterizedTest(size_t *k, bodies, recognise)
{
	jq_run_case(&BODIES[*k]);
}

ParameterizedTestParameters(convener, recognise)
{
	return JQ_PARAMS(CONVENER);
}

ParameterizedTest(size_t *k, convener, recognise)
{
	jq_run_case(&CONVENER[*k]);
}
