/* Unit tests of the class byte (model/tag/classes.h, cls_bits.h): its
 * lexicon bits come from the table the vocabulary compiler writes
 * (lex_node_cls), and they must be those the token's lexicon mask gives, or
 * a skip loop would pass over a token it has to stop at. Every text here is
 * invented. */
#include <criterion/criterion.h>

#include <stdint.h>
#include <string.h>

#include "model/lexicon/lex.h"
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

/* Every entry of every lexicon is in the generated tables: its own form
 * finds it, or the earlier row of the same form, which wins. A term the
 * generator dropped (tools/lexgen.c once lost the one that filled its term
 * array, when the array moved) matches nothing in the text. The lexicons
 * declared "words" (phrases.tsv: words the model writes, not matches) have
 * no trie, so none of their rows is found. */
Test(tag_classes, every_lexicon_entry_is_found_by_its_form)
{
	size_t entries = 0, matched = 0;
	for (int lx = 0; lx < LEX_COUNT; lx++) {
		size_t found = 0, first_miss = SIZE_MAX;
		for (size_t i = 0; i < lex_count(lx); i++) {
			const lex_entry_t *e = lex_entry(lx, i);
			const lex_entry_t *hit = lex_lookup(lx, e->form, strlen(e->form));
			if (!hit) {
				if (first_miss == SIZE_MAX)
					first_miss = i;
				continue;
			}
			cr_expect(hit <= e, "%s: '%s' finds a later row", lex_name(lx), e->form);
			found++;
		}
		entries += lex_count(lx);
		if (!found)
			continue; /* a "words" lexicon */
		matched++;
		cr_expect_eq(
		    first_miss, SIZE_MAX, "%s: '%s' (row %zu) is not in the tables", lex_name(lx),
		    first_miss == SIZE_MAX ? "" : lex_entry(lx, first_miss)->form, first_miss);
	}
	cr_expect_gt(entries, 4096, "the lexicons span more than the generator's first array");
	cr_expect_gt(matched, LEX_COUNT / 2, "most lexicons are matched");
}
