#include "model/write/jw.h"

#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include "model/mem.h"

static int jw_reserve(jw_t *w, size_t n)
{
	if (w->failed)
		return -1;
	if (w->len + n + 1 <= w->cap)
		return 0;
	size_t cap = w->cap ? w->cap : 4096;
	while (cap < w->len + n + 1)
		cap *= 2;
	char *p = mem_realloc(w->buf, cap);
	if (!p) {
		w->failed = 1;
		return -1;
	}
	w->buf = p;
	w->cap = cap;
	return 0;
}

void jw_raw(jw_t *w, const char *s, size_t n)
{
	if (jw_reserve(w, n))
		return;
	memcpy(w->buf + w->len, s, n);
	w->len += n;
	w->buf[w->len] = '\0';
}

static inline void jw_byte(jw_t *w, char c)
{
	if (jw_reserve(w, 1))
		return;
	w->buf[w->len++] = c;
	w->buf[w->len] = '\0';
}

void jw_comma(jw_t *w)
{
	jw_byte(w, ',');
}

static void jw_open(jw_t *w, char c)
{
	jw_value(w);
	jw_byte(w, c);
	if (w->depth < JW_DEPTH)
		w->first[w->depth] = 1;
	w->depth++;
}

void jw_obj(jw_t *w)
{
	jw_open(w, '{');
}

void jw_arr(jw_t *w)
{
	jw_open(w, '[');
}

void jw_obj_end(jw_t *w)
{
	w->depth--;
	jw_byte(w, '}');
}

void jw_arr_end(jw_t *w)
{
	w->depth--;
	jw_byte(w, ']');
}

/* n bytes from s to p, without a library call for the short lengths of
 * member names: two overlapping words. */
static inline void copy_short(char *p, const char *s, size_t n)
{
	if (n >= 8 && n <= 16) {
		uint64_t a, b;
		memcpy(&a, s, 8);
		memcpy(&b, s + n - 8, 8);
		memcpy(p, &a, 8);
		memcpy(p + n - 8, &b, 8);
	} else if (n >= 4 && n < 8) {
		uint32_t a, b;
		memcpy(&a, s, 4);
		memcpy(&b, s + n - 4, 4);
		memcpy(p, &a, 4);
		memcpy(p + n - 4, &b, 4);
	} else if (n < 4) {
		for (size_t k = 0; k < n; k++)
			p[k] = s[k];
	} else {
		memcpy(p, s, n);
	}
}

/* The general case of jw_key_n: the buffer grows, or the depth is outside
 * first[] (no comma then), or the writer failed. */
void jw_key_slow(jw_t *w, const char *key, size_t n)
{
	int d = w->depth - 1;
	int comma = d >= 0 && d < JW_DEPTH && !w->first[d];
	if (jw_reserve(w, n + 4))
		return;
	char *p = w->buf + w->len;
	if (comma) {
		*p++ = ',';
		w->len++;
	}
	*p++ = '"';
	copy_short(p, key, n);
	p += n;
	*p++ = '"';
	*p++ = ':';
	w->len += n + 3;
	w->buf[w->len] = '\0';
	if (d >= 0 && d < JW_DEPTH)
		w->first[d] = 2;
}

/* A byte of x is below 0x20, '"' or '\\' (the bytes a JSON string must
 * escape): nonzero when one is. */
static inline uint64_t needs_escape(uint64_t x)
{
	const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
	uint64_t lt = (x - ones * 0x20) & ~x;		       /* byte < 0x20 */
	uint64_t q = x ^ (ones * '"'), bs = x ^ (ones * '\\'); /* zero where equal */
	return (lt | ((q - ones) & ~q) | ((bs - ones) & ~bs)) & high;
}

/* The JSON string of s[0..n) at p (room for 6n + 2 bytes); the end. */
static char *put_str(char *p, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	*p++ = '"';
	/* s[plain, i) went out as it is, so at p - (i - plain) */
	size_t i = 0, plain = 0;
	int tail = n >= 8;
	while (i < n) {
#ifdef __SSE2__
		/* runs of plain bytes sixteen at a time; at a byte to escape
		 * the plain ones before it are kept (the 16 stored bytes fit
		 * in the room of the bytes still to write) */
		while (i + 16 <= n) {
			__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
			__m128i esc =
			    _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')),
						      _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'))),
					 _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(0x1F)), x));
			unsigned m = (unsigned)_mm_movemask_epi8(esc);
			_mm_storeu_si128((__m128i *)(void *)p, x);
			if (m) {
				unsigned k = (unsigned)__builtin_ctz(m);
				p += k;
				i += k;
				break;
			}
			p += 16;
			i += 16;
		}
#endif
		/* runs of plain bytes, eight at a time */
		while (i + 8 <= n) {
			uint64_t x;
			memcpy(&x, s + i, 8);
			if (needs_escape(x))
				break;
			memcpy(p, &x, 8);
			p += 8;
			i += 8;
		}
		if (i >= n)
			break;
		/* the last bytes (fewer than 8) as the word that ends the
		 * string, written over the plain bytes before them again */
		if (tail && i + 8 > n && n - 8 >= plain) {
			uint64_t x;
			memcpy(&x, s + n - 8, 8);
			tail = 0;
			if (!needs_escape(x)) {
				memcpy(p - (i - (n - 8)), &x, 8);
				p += n - i;
				break;
			}
		}
		unsigned char c = (unsigned char)s[i++];
		if (c >= 0x20 && c != '"' && c != '\\') {
			*p++ = (char)c;
			continue;
		}
		plain = i;
		*p++ = '\\';
		switch (c) {
		case '"':
		case '\\':
			*p++ = (char)c;
			break;
		case '\b':
			*p++ = 'b';
			break;
		case '\f':
			*p++ = 'f';
			break;
		case '\n':
			*p++ = 'n';
			break;
		case '\r':
			*p++ = 'r';
			break;
		case '\t':
			*p++ = 't';
			break;
		default:
			*p++ = 'u';
			*p++ = '0';
			*p++ = '0';
			*p++ = hex[c >> 4];
			*p++ = hex[c & 15];
		}
	}
	*p++ = '"';
	return p;
}

/* The decimal digits of u at p; the end. Written in place from the last
 * digit, two per division (offsets, the most frequent numbers, have five
 * or six digits), their count found by comparisons. */
static char *put_uint(char *p, unsigned long long u)
{
	static const char d2[] = "00010203040506070809101112131415161718192021222324252627282930313"
				 "23334353637383940414243444546474849"
				 "50515253545556575859606162636465666768697071727374757677787980818"
				 "28384858687888990919293949596979899";
	unsigned nd = 1;
	for (unsigned long long t = 10; nd < 20 && u >= t; t *= 10)
		nd++;
	char *q = p + nd;
	while (u >= 100) {
		unsigned r = (unsigned)(u % 100);
		u /= 100;
		q -= 2;
		memcpy(q, d2 + 2 * r, 2);
	}
	if (u >= 10)
		memcpy(q - 2, d2 + 2 * u, 2);
	else
		q[-1] = (char)('0' + u);
	return p + nd;
}

void jw_str(jw_t *w, const char *s, size_t n)
{
	jw_value(w);
	/* worst case: every byte a \u00XX */
	if (jw_reserve(w, n * 6 + 2))
		return;
	w->len = (size_t)(put_str(w->buf + w->len, s, n) - w->buf);
	w->buf[w->len] = '\0';
}

void jw_mention(jw_t *w, const char *s, size_t n, size_t start, size_t end)
{
	static const char k1[] = "{\"text\":", k2[] = ",\"start\":", k3[] = ",\"end\":";
	jw_value(w);
	if (jw_reserve(w, n * 6 + 2 + sizeof k1 + sizeof k2 + sizeof k3 + 2 * 20 + 1))
		return;
	char *p = w->buf + w->len;
	memcpy(p, k1, sizeof k1 - 1);
	p = put_str(p + sizeof k1 - 1, s, n);
	memcpy(p, k2, sizeof k2 - 1);
	p = put_uint(p + sizeof k2 - 1, start);
	memcpy(p, k3, sizeof k3 - 1);
	p = put_uint(p + sizeof k3 - 1, end);
	*p++ = '}';
	w->len = (size_t)(p - w->buf);
	w->buf[w->len] = '\0';
}

void jw_int(jw_t *w, long long v)
{
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	jw_value(w);
	/* one of the most frequent calls (every start and end): the digits
	 * written in place */
	if (jw_reserve(w, 21))
		return;
	char *p = w->buf + w->len;
	if (v < 0)
		*p++ = '-';
	p = put_uint(p, u);
	w->len = (size_t)(p - w->buf);
	w->buf[w->len] = '\0';
}

void jw_bool(jw_t *w, int v)
{
	jw_value(w);
	jw_raw(w, v ? "true" : "false", v ? 4 : 5);
}

void jw_null(jw_t *w)
{
	jw_value(w);
	jw_raw(w, "null", 4);
}

void jw_json(jw_t *w, const char *s, size_t n)
{
	jw_value(w);
	jw_raw(w, s, n);
}
