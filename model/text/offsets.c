/* Byte offsets to code point or UTF-16 offsets (offsets.h). */
#include "model/text/offsets.h"

#include <stdlib.h>
#include <string.h>

#include "model/mem.h"

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
	return m->at[b] +
	       count_units((const unsigned char *)m->text, b * BLOCK, off, m->len, m->unit);
}
