/* The slow path of the character table, and case mappings. */
#include <stddef.h>
#include <utf8proc.h>

#include "model/text/chars.h"

/* Spaces outside the table (U+3000, U+FEFF) and everything else by its
 * Unicode category: the same rules tools/lexgen_chars.c applies below
 * CHARS_N. */
const struct char_info *chars_slow(uint32_t cp, struct char_info *buf)
{
	const utf8proc_property_t *p = utf8proc_get_property((utf8proc_int32_t)cp);
	int cat = p->category;
	buf->cls = 0;
	buf->tone = 0;
	buf->flen = 0;
	buf->pad = 0;
	if (cp == 0x3000 || cp == 0xFEFF || cat == UTF8PROC_CATEGORY_ZS ||
	    cat == UTF8PROC_CATEGORY_ZL || cat == UTF8PROC_CATEGORY_ZP) {
		buf->cls = CC_SPACE;
		return buf;
	}
	if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME) {
		buf->cls = CC_LETTER;
		if (cat >= UTF8PROC_CATEGORY_MN)
			buf->cls |= CC_MARK;
		else if (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT)
			buf->cls |= CC_UPPER;
		else if (cat == UTF8PROC_CATEGORY_LL)
			buf->cls |= CC_LOWER;
		if (!(buf->cls & CC_MARK))
			buf->flen = (uint8_t)utf8proc_encode_char(
			    utf8proc_tolower((utf8proc_int32_t)cp), (utf8proc_uint8_t *)buf->fold);
		return buf;
	}
	buf->flen =
	    (uint8_t)utf8proc_encode_char((utf8proc_int32_t)cp, (utf8proc_uint8_t *)buf->fold);
	return buf;
}

int chars_encode(uint32_t cp, char *out)
{
	utf8proc_ssize_t n = utf8proc_encode_char((utf8proc_int32_t)cp, (utf8proc_uint8_t *)out);
	return n > 0 ? (int)n : 0;
}

uint32_t chars_lower(uint32_t cp)
{
	return cp < 0x80 ? (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp)
			 : (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
}

uint32_t chars_upper(uint32_t cp)
{
	return cp < 0x80 ? (cp >= 'a' && cp <= 'z' ? cp - 32 : cp)
			 : (uint32_t)utf8proc_toupper((utf8proc_int32_t)cp);
}
