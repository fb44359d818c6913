/* Unit tests of the class byte (model/tag/classes.h, cls_bits.h): its
 * lexicon bits come from the table the vocabulary compiler writes
 * (lex_node_cls), and they must be those the token's lexicon mask gives, or
 * a skip loop would pass over a token it has to stop at. Every text here is
 * invented. */
#include <criterion/criterion.h>

#include "model/meetings/tasks.h"
#include "model/tag/classes.h"
#include "textfix.h"

static const char TEXT[] =
    "Sáng 12/3, Chủ tịch UBND tỉnh Hòa Bình Nguyễn Văn Tâm yêu cầu Sở Y tế khẩn trương "
    "báo cáo theo Quyết định số 12/QĐ-UBND trước ngày 30/4.\n"
    "Đồng chí Lê Thị Hoa đề nghị các xã phối hợp với huyện Lạc Sơn trong nhiệm kỳ 2020-2025.\n";

/* The class bits of the lexicons in mask m. */
static unsigned mask_cls(uint64_t m)
{
	unsigned c = 0;
	for (int l = 0; l < LEX_COUNT; l++)
		if ((m >> l) & 1)
			c |= tag_cls_of_lexicon(lex_name(l));
	return c;
}

Test(tag_classes, lexicon_bits_are_those_of_the_token_lexicons)
{
	textfix_t f;
	const text_t *tx = textfix_str(&f, TEXT);
	uint8_t kwc[64];
	tag_cls_kw_table(kwc);
	unsigned seen = 0;
	for (size_t i = 0; i < tx->n; i++) {
		unsigned want = mask_cls(tx->lexmask[i]);
		seen |= want;
		cr_expect_eq(tx->cls[i], tag_cls_token(kwc, &tx->tok[i], want), "token %zu", i);
	}
	/* the text has an entry of every kind of lexicon bit */
	cr_expect_eq(seen,
		     TAG_CLS_DATE | TAG_CLS_ORG | TAG_CLS_DOC | TAG_CLS_TASK | TAG_CLS_DIRECT);
	for (size_t i = tx->n; i < tx->n + 16; i++)
		cr_expect_eq(tx->cls[i], 0xFF, "the padding stops every scan");
	textfix_close(&f);
}

Test(tag_classes, each_bit_names_its_lexicons)
{
	for (int l = 0; l < LEX_COUNT; l++) {
		unsigned c = tag_cls_of_lexicon(lex_name(l));
		cr_expect_eq(!!(c & TAG_CLS_TASK), (MEETINGS_TASK_LEXICONS >> l) & 1, "%s",
			     lex_name(l));
		cr_expect_eq(!!(c & TAG_CLS_DIRECT), l == LEX_TASK_CUE || l == LEX_TASK_VERB, "%s",
			     lex_name(l));
		cr_expect_eq(!!(c & TAG_CLS_DATE), l == LEX_DATE_START, "%s", lex_name(l));
		cr_expect_eq(!!(c & TAG_CLS_ORG), l == LEX_BODIES || l == LEX_PLACES, "%s",
			     lex_name(l));
		cr_expect_eq(!!(c & TAG_CLS_DOC), l == LEX_DOC_TYPE, "%s", lex_name(l));
		cr_expect_not(c & (TAG_CLS_NUM | TAG_CLS_TERM | TAG_CLS_LINE), "%s", lex_name(l));
	}
}

/* text_tok_at through the block index tag_text builds (text.h: tok_blk):
 * every byte offset, asked out of order so that the last answer is seldom
 * near, gives the first token starting at or after it, as a walk does. */
Test(tag_index, tok_at_agrees_with_a_walk_at_every_offset)
{
	char buf[4096];
	size_t len = 0;
	/* a text over several blocks, with long and short tokens */
	while (len + sizeof TEXT < sizeof buf) {
		memcpy(buf + len, TEXT, sizeof TEXT - 1);
		len += sizeof TEXT - 1;
	}
	textfix_t f;
	const text_t *tx = textfix_open(&f, buf, len);
	cr_assert_not_null(tx->tok_blk);
	cr_assert_gt(len >> TEXT_BLK_SHIFT, 4);
	for (size_t k = 0; k <= len + 2; k++) {
		size_t off = (k * 7919) % (len + 3);
		size_t want = 0;
		while (want < tx->n && tx->tok[want].start < off)
			want++;
		cr_expect_eq(text_tok_at(tx, off), want, "offset %zu", off);
	}
	textfix_close(&f);
}
