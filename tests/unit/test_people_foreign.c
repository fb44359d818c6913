/* Foreign names (model/people/names.c), tested end to end through
 * model_parse(): Latin spellings told by words that are no Vietnamese
 * syllable, hyphenated transliterations, a name after a country or after a
 * body whose tail it is, and the positions before and after it. Words
 * that only look foreign (abbreviations, places, companies) stay refused.
 *
 * Every sentence is written for these tests; the people are invented or
 * only named, with no facts about them. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>

#include "jsonq.h"

#define P(nm) "people[=" nm "]"

/* clang-format off */
static const struct jq_case FOREIGN[] = {
    {"latin_name_after_position_and_country",
     "Sáng 12/4, Tổng thống Mỹ Joe Biden phát biểu tại hội nghị.",
     NULL,
     {{"people[*].name", "Joe Biden"},
      {P("Joe Biden") ".positions[*].text", "Tổng thống Mỹ"}}},
    {"korean_name_with_hyphen",
     "Sáng 12/4, Tổng thống Hàn Quốc Moon Jae-in phát biểu tại hội nghị.",
     NULL,
     {{"people[*].name", "Moon Jae-in"},
      {P("Moon Jae-in") ".positions[*].text", "Tổng thống Hàn Quốc"}}},
    {"lao_province_ends_the_position",
     "Sáng 5/6, HĐND tỉnh Thanh Hóa và HĐND tỉnh Hủa Phăn tổ chức hội thảo. Hội thảo đã nghe Chủ "
     "tịch HĐND tỉnh Hủa Phăn Khămphăn Phômmathắt trình bày tham luận.",
     NULL,
     {{"people[*].name", "Khămphăn Phômmathắt"},
      {"people[0].positions[*].text", "Chủ tịch HĐND tỉnh Hủa Phăn"}}},
    {"position_after_a_foreign_name",
     "Sáng 12/4, ông Pascal Lamy, Tổng Giám đốc WTO phát biểu tại hội nghị.",
     NULL,
     {{"people[*].name", "Pascal Lamy"},
      {P("Pascal Lamy") ".positions[*].text", "Tổng Giám đốc WTO"}}},
    {"chinese_name_in_vietnamese_reading",
     "Sáng 12/4, Chủ tịch Trung Quốc Tập Cận Bình phát biểu.",
     NULL,
     {{"people[*].name", "Tập Cận Bình"}}},
    {"foreign_name_ends_the_body_before_it",
     "Sáng 12/4, Tổng Giám đốc WTO Pascal Lamy phát biểu tại hội nghị.",
     NULL,
     {{"people[*].name", "Pascal Lamy"},
      {P("Pascal Lamy") ".positions[*].text", "Tổng Giám đốc WTO"}}},
    {"capitalised_function_word_ends_a_name",
     "Tổng thống Nga Vladimir Putin Trong buổi tiếp đã nhấn mạnh hợp tác.",
     NULL,
     {{"people[*].name", "Vladimir Putin"}}},
    {"foreign_minister_title",
     "Sáng 12/4, Ngoại trưởng Nga Sergey Lavrov phát biểu tại hội nghị.",
     NULL,
     {{"people[*].name", "Sergey Lavrov"},
      {P("Sergey Lavrov") ".positions[*].text", "Ngoại trưởng Nga"}}},
    {"king_title",
     "Sáng 12/4, Quốc vương Campuchia Norodom Sihamoni tiếp đoàn đại biểu.",
     NULL,
     {{"people[*].name", "Norodom Sihamoni"},
      {P("Norodom Sihamoni") ".positions[*].text", "Quốc vương Campuchia"}}},
    {"mayor_title_and_place",
     "Sáng 12/4, Thị trưởng thành phố Viêng Chăn Atsaphangthong Siphandone phát biểu.",
     NULL,
     {{"people[*].name", "Atsaphangthong Siphandone"},
      {P("Atsaphangthong Siphandone") ".positions[*].text", "Thị trưởng thành phố Viêng Chăn"}}},
    /* foreign family names spelled like Vietnamese syllables */
    {"chinese_surname_in_vietnamese_reading_without_country",
     "Sáng 12/4, Chủ tịch Tập Cận Bình phát biểu tại hội nghị.",
     NULL,
     {{"people[*].name", "Tập Cận Bình"},
      {P("Tập Cận Bình") ".family_name", "Tập"}}},
    {"khmer_family_name_first",
     "Sáng 12/4, Thủ tướng Hun Sen phát biểu tại hội nghị.",
     NULL,
     {{"people[*].name", "Hun Sen"},
      {P("Hun Sen") ".positions[*].text", "Thủ tướng"}}},
    /* "giao" (to assign) is the second syllable of "Ngoại giao" here */
    {"foreign_minister_written_with_field",
     "Sáng 12/4, Phó Thủ tướng, Bộ trưởng Ngoại giao Campuchia Prak Sokhonn phát biểu.",
     NULL,
     {{"people[*].name", "Prak Sokhonn"},
      {P("Prak Sokhonn") ".positions[*].text", "Phó Thủ tướng; Bộ trưởng Ngoại giao Campuchia"}}},
    {"neg_assigning_verb_after_body_ends_position",
     "Sáng 12/4, Chủ tịch UBND tỉnh Nghệ An giao Sở Y tế chủ trì.",
     NULL,
     {{"people#", "0"}}},
    /* an envoy's post after "tại" */
    {"envoy_post_before_the_name",
     "Sáng 12/4, Đại sứ Nhật Bản tại Việt Nam Yamada Takio phát biểu tại hội nghị.",
     NULL,
     {{"people[*].name", "Yamada Takio"},
      {P("Yamada Takio") ".positions[*].text", "Đại sứ Nhật Bản tại Việt Nam"}}},
    {"envoy_post_unknown_city_before_foreign_name",
     "Hãng tin cho biết Đại sứ nước này tại Washington Sergei Kislyak đã gặp phía Mỹ.",
     NULL,
     {{"people[*].name", "Sergei Kislyak"},
      {P("Sergei Kislyak") ".positions[*].text", "Đại sứ nước này tại Washington"}}},
    {"envoy_post_after_the_name",
     "Sáng 12/4, bà Ramla Khalidi, Trưởng Đại diện thường trú UNDP tại Việt Nam phát biểu.",
     NULL,
     {{P("Ramla Khalidi") ".positions[*].text", "Trưởng Đại diện thường trú UNDP tại Việt Nam"}}},
    {"neg_place_of_speech_is_no_post",
     "Sáng 12/4, ông Nguyễn Văn Hùng, Đại sứ Việt Nam phát biểu tại Hà Nội.",
     NULL,
     {{P("Nguyễn Văn Hùng") ".positions[*].text", "Đại sứ Việt Nam"}}},
    {"neg_embassy_is_no_envoy",
     "Tới thăm Đại sứ quán Việt Nam tại Nhật Bản, Phó Chủ tịch Quốc hội Lê Văn Lưu phát biểu.",
     NULL,
     {{P("Lê Văn Lưu") ".positions[*].text", "Phó Chủ tịch Quốc hội"}}},
    /* "tân" (new), "cựu" (former) stay in the position as written */
    {"new_and_former_modifiers",
     "Sáng 12/4, tân Tổng thống Pháp Emmanuel Macron tiếp cựu Thủ tướng Anh Tony Blair.",
     NULL,
     {{P("Emmanuel Macron") ".positions[*].text", "tân Tổng thống Pháp"},
      {P("Tony Blair") ".positions[*].text", "cựu Thủ tướng Anh"}}},
    /* initials and particles */
    {"initial_glued_to_the_family_name",
     "Sáng 12/4, Tổng thống Nga V.Putin phát biểu tại hội nghị.",
     NULL,
     {{"people[*].name", "V.Putin"},
      {P("V.Putin") ".given_name", "Putin"},
      {P("V.Putin") ".positions[*].text", "Tổng thống Nga"}}},
    {"middle_initial",
     "Sáng 12/4, Đại sứ Hoa Kỳ Marc E. Knapper phát biểu tại hội nghị.",
     NULL,
     {{"people[*].name", "Marc E. Knapper"}}},
    {"particles_inside_a_western_name",
     "Sáng 12/4, Chủ tịch Ủy ban châu Âu Ursula von der Leyen phát biểu.",
     NULL,
     {{"people[*].name", "Ursula von der Leyen"},
      {P("Ursula von der Leyen") ".positions[*].text", "Chủ tịch Ủy ban châu Âu"}}},
    /* a place in the body, though its words are family names too */
    {"place_in_body_before_foreign_name",
     "Sáng 12/4, Chủ tịch Hội đồng Châu Âu Charles Michel phát biểu.",
     NULL,
     {{"people[*].name", "Charles Michel"},
      {P("Charles Michel") ".positions[*].text", "Chủ tịch Hội đồng Châu Âu"}}},
    {"neg_particle_does_not_extend_a_vietnamese_name",
     "Sáng 12/4, ông Nguyễn Văn Nam de Leon phát biểu.",
     NULL,
     {{"people[*].name", "Nguyễn Văn Nam"}}},
    {"neg_company_with_place_is_no_name",
     "Sáng 12/4, Tổng Giám đốc Samsung Việt Nam phát biểu tại hội nghị.",
     NULL,
     {{"people#", "0"}}},
    {"neg_province_with_dash_is_no_name",
     "Đoàn công tác làm việc tại tỉnh Bà Rịa-Vũng Tàu.",
     NULL,
     {{"people#", "0"}}},
};
/* clang-format on */

ParameterizedTestParameters(people_foreign, recognise)
{
	return JQ_PARAMS(FOREIGN);
}

ParameterizedTest(size_t *k, people_foreign, recognise)
{
	jq_run_case(&FOREIGN[*k]);
}
