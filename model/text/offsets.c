/* Byte offsets to code point or UTF-16 offsets (offsets.h). */
#include "model/text/offsets.h"

#include <stdlib.h>
#include <string.h>

#include "model/mem.h"
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#define BLOCK 64

#define ONES 0x0101010101010101ULL

static inline uint64_t load8(const unsigned char *p)
{
	uint64_t x;
	memcpy(&x, p, 8);
	return x;
}

/* Units of the asked kind (0 code points, 1 UTF-16) in u[a, b), b - a <=
 * BLOCK: a code point is a byte that is not a continuation (10xxxxxx), and
 * a 4-byte lead (11110xxx) counts twice in UTF-16. Eight bytes at a time,
 * the flags summed per byte lane and added up by one multiplication (no
 * popcount instruction in the baseline x86-64). A last part word is read
 * whole and masked when u has 8 readable bytes there (u[0, lim)), so that
 * a conversion counts no byte on its own unless it is near the end of the
 * text. */
static uint32_t count_units(const unsigned char *u, size_t a, size_t b, size_t lim, int unit)
{
	size_t i = a;
	uint64_t cont = 0, lead4 = 0;
	for (; i + 8 <= b; i += 8) {
		uint64_t x = load8(u + i);
		cont += ((x & ~(x << 1)) >> 7) & ONES;
		if (unit)
			lead4 += ((x & (x << 1) & (x << 2) & (x << 3) & ~(x << 4)) >> 7) & ONES;
	}
	uint32_t c = (uint32_t)(i - a);
	if (i < b && i + 8 <= lim) {
		/* the first b - i bytes of the next word: low bytes first */
		uint64_t x = load8(u + i), keep = ONES * 0xFF >> (8 * (8 - (b - i)));
		uint64_t le = 1;
		if (*(const unsigned char *)&le != 1)
			keep = ~(~0ULL >> (8 * (b - i))); /* big-endian: the high bytes */
		cont += ((x & ~(x << 1)) >> 7) & ONES & keep;
		if (unit)
			lead4 +=
			    ((x & (x << 1) & (x << 2) & (x << 3) & ~(x << 4)) >> 7) & ONES & keep;
		c += (uint32_t)(b - i);
		i = b;
	}
	c = c - (uint32_t)((cont * ONES) >> 56) + (uint32_t)((lead4 * ONES) >> 56);
	for (; i < b; i++)
		if ((u[i] & 0xC0) != 0x80)
			c += unit && u[i] >= 0xF0 ? 2 : 1;
	return c;
}

#ifdef __SSE2__
/* The bits of the bytes u[0, 64) that start a code point (*lead) and that
 * lead a 4-byte sequence (*four, unless four is NULL): a continuation byte
 * is 0x80..0xBF, below -64 as a signed byte; a 4-byte lead is 0xF0 or
 * above (the text is valid UTF-8: no 0xF8..0xFF). */
static inline void block_masks(const unsigned char *u, uint64_t *lead, uint64_t *four)
{
	uint64_t l = 0, f = 0;
	for (int k = 0; k < 4; k++) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(u + 16 * k));
		l |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpgt_epi8(x, _mm_set1_epi8(-65)))
		     << (16 * k);
		if (four)
			f |= (uint64_t)(unsigned)_mm_movemask_epi8(
				 _mm_cmpeq_epi8(_mm_max_epu8(x, _mm_set1_epi8((char)0xF0)), x))
			     << (16 * k);
	}
	*lead = l;
	if (four)
		*four = f;
}

/* Set bits of x (no popcount instruction in the baseline x86-64). */
static inline uint32_t bits(uint64_t x)
{
	x -= (x >> 1) & 0x5555555555555555ULL;
	x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
	x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
	return (uint32_t)((x * ONES) >> 56);
}

/* Units of a whole block u[0, 64): 64 less its continuation bytes (summed
 * per lane, then across by psadbw), plus its 4-byte leads in UTF-16. */
static inline uint32_t block_units(const unsigned char *u, int unit)
{
	__m128i cont = _mm_setzero_si128(), four = _mm_setzero_si128();
	for (int k = 0; k < 4; k++) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(u + 16 * k));
		cont = _mm_sub_epi8(cont, _mm_cmplt_epi8(x, _mm_set1_epi8(-64)));
		four = _mm_sub_epi8(four,
				    _mm_cmpeq_epi8(_mm_max_epu8(x, _mm_set1_epi8((char)0xF0)), x));
	}
	__m128i z = _mm_setzero_si128();
	__m128i sc = _mm_sad_epu8(cont, z);
	uint32_t c = (uint32_t)(_mm_cvtsi128_si32(sc) + _mm_extract_epi16(sc, 4));
	uint32_t n = BLOCK - c;
	if (unit) {
		__m128i sf = _mm_sad_epu8(four, z);
		n += (uint32_t)(_mm_cvtsi128_si32(sf) + _mm_extract_epi16(sf, 4));
	}
	return n;
}
#endif

int offset_map_init(offset_map_t *m, const char *text, size_t len, int unit)
{
	m->text = text;
	m->len = len;
	m->unit = unit;
	m->at = NULL;
	if (unit == 2) /* bytes: nothing to count */
		return 0;
	size_t nb = len / BLOCK + 2;
	m->at = mem_malloc(nb * sizeof *m->at);
	if (!m->at)
		return -1;
	const unsigned char *u = (const unsigned char *)text;
	uint32_t n = 0;
	size_t b = 0;
	size_t i = 0;
#ifdef __SSE2__
	/* every whole block, sixteen bytes at a time */
	for (; i + BLOCK <= len; i += BLOCK, b++) {
		m->at[b] = n;
		n += block_units(u + i, unit);
	}
#endif
	if (!unit) {
		/* code points, every whole block in one loop: a block is 64
		 * bytes less its continuation bytes (bit 7 set, bit 6 clear) */
		for (; i + BLOCK <= len; i += BLOCK, b++) {
			uint64_t cont = 0;
			for (size_t k = 0; k < BLOCK; k += 8) {
				uint64_t x = load8(u + i + k);
				cont += (x >> 7) & ~(x >> 6) & ONES;
			}
			m->at[b] = n;
			n += BLOCK - (uint32_t)((cont * ONES) >> 56);
		}
	}
	for (; i < len; i += BLOCK, b++) {
		m->at[b] = n;
		n += count_units(u, i, i + BLOCK < len ? i + BLOCK : len, len, unit);
	}
	m->at[b] = n;
	if (b + 1 < nb)
		m->at[b + 1] = n;
	return 0;
}

void offset_map_free(offset_map_t *m)
{
	free(m->at);
	m->at = NULL;
}

size_t offset_map_convert(const offset_map_t *m, size_t off)
{
	if (m->unit == 2)
		return off;
	if (off > m->len)
		off = m->len;
	size_t b = off / BLOCK;
#ifdef __SSE2__
	/* a whole block to read: the bits of the bytes before off */
	if ((b + 1) * BLOCK <= m->len) {
		size_t r = off - b * BLOCK;
		if (!r)
			return m->at[b];
		uint64_t lead, four = 0, keep = ~0ULL >> (64 - r);
		block_masks((const unsigned char *)m->text + b * BLOCK, &lead,
			    m->unit ? &four : NULL);
		return m->at[b] + bits(lead & keep) + (m->unit ? bits(four & keep) : 0);
	}
#endif
	return m->at[b] +
	       count_units((const unsigned char *)m->text, b * BLOCK, off, m->len, m->unit);
}
