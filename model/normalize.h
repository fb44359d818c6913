/* UTF-8 validation, NFC normalisation and offset conversion. */
#ifndef MEETINGD_NORMALIZE_H
#define MEETINGD_NORMALIZE_H

#include <stddef.h>
#include <stdint.h>

/* Index of the first byte that is not valid UTF-8 (overlong forms,
 * surrogates, code points above U+10FFFF, truncated sequences) or a NUL byte;
 * len when the whole buffer is valid. *is_nul tells which. */
size_t norm_utf8_check(const char *s, size_t len, int *is_nul);

/* 1 when s (valid UTF-8) certainly is NFC without running the normaliser:
 * every code point is below U+0300 or in blocks that never change under NFC
 * (Vietnamese precomposed letters U+1E00-U+1EFF, general punctuation). */
int norm_is_nfc_fast(const char *s, size_t len);

/* NFC of valid UTF-8 s. Returns malloc'ed NUL-terminated text (caller frees)
 * and its length in *out_len, or NULL when out of memory. */
char *norm_nfc(const char *s, size_t len, size_t *out_len);

/* Byte offsets -> offsets in one unit (0 code points, 1 UTF-16 units, 2
 * bytes), in O(1) time: the units before every 64-byte block are counted
 * once, the rest of a block at each conversion. */
typedef struct offset_map {
	const char *text;
	size_t len;
	int unit;
	uint32_t *at; /* units before block i (NULL for bytes) */
} offset_map_t;

/* Count text[0..len) for unit. 0, or -1 when out of memory. */
int offset_map_init(offset_map_t *m, const char *text, size_t len, int unit);
void offset_map_free(offset_map_t *m);
/* The offset in the map's unit of byte offset byte_off (clamped to len). */
size_t offset_map_convert(const offset_map_t *m, size_t byte_off);


/* Decode one code point of valid UTF-8 at s[*i], advancing *i. */
static inline uint32_t utf8_next(const char *s, size_t len, size_t *i)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c = u[*i];
	if (c < 0x80) {
		(*i)++;
		return c;
	}
	int n = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
	c &= 0x3F >> n;
	size_t j = *i + 1;
	for (int k = 0; k < n && j < len; k++, j++)
		c = (c << 6) | (u[j] & 0x3F);
	*i = j;
	return c;
}

#endif
