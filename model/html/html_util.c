/* Buffers, vectors and the work bound shared by the HTML extractor. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model/html/html_int.h"
#include "model/text/chars.h"

/* Make room for extra more bytes plus a NUL in *b. 0 or -1. */
int html_buf_reserve(hbuf_t *b, size_t extra)
{
	if (b->n + extra + 1 <= b->cap)
		return 0;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < b->n + extra + 1) {
		if (cap > SIZE_MAX / 2)
			return -1;
		cap *= 2;
	}
	char *p = realloc(b->p, cap);
	if (!p)
		return -1;
	b->p = p;
	b->cap = cap;
	return 0;
}

/* Append n bytes of s to *b, keeping it NUL-terminated. 0 or -1. */
int html_buf_put(hbuf_t *b, const void *s, size_t n)
{
	if (html_buf_reserve(b, n))
		return -1;
	if (n)
		memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
	return 0;
}

/* White space: every code point the model's tokenizer takes for a space
 * (its class table: the C0 controls, NEL, U+2028 and U+2029 too, so that a
 * line the model would find empty is never kept), and the ideographic
 * space and the BOM, which collapse here as well. */
int html_is_space(uint32_t c)
{
	return (c < CHARS_N && (chars_table[c].cls & CC_SPACE)) || c == 0x3000 || c == 0xFEFF;
}

size_t html_space_len(const unsigned char *s, size_t n)
{
	if (!n)
		return 0;
	size_t cl = s[0] < 0xC0 ? 1 : s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : 2;
	if (cl > n || (s[0] >= 0x80 && s[0] < 0xC0))
		return 0; /* cut, or a continuation byte: not a space */
	size_t at = 0;
	uint32_t cp = chars_decode((const char *)s, cl, &at);
	return html_is_space(cp) ? cl : 0;
}

/* Append the C string s to *b. 0 or -1. */
int html_buf_puts(hbuf_t *b, const char *s)
{
	return html_buf_put(b, s, strlen(s));
}

/* Append code point cp as UTF-8 (U+FFFD for what UTF-8 cannot hold). */
int html_buf_put_cp(hbuf_t *b, uint32_t cp)
{
	char u[4];
	size_t n;
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = 0xFFFD;
	if (cp < 0x80) {
		u[0] = (char)cp, n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | cp >> 6), u[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | cp >> 12), u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
	} else {
		u[0] = (char)(0xF0 | cp >> 18), u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), u[3] = (char)(0x80 | (cp & 0x3F)), n = 4;
	}
	return html_buf_put(b, u, n);
}

/* Grow a vector's storage to hold at least n + 1 elements (doubling). The
 * address is returned, NULL when out of memory (the old storage stays). */
void *html_vec_grow(void **v, size_t *cap, size_t n, size_t elem)
{
	size_t c = *cap ? *cap * 2 : 16;
	if (c < n + 1)
		c = n + 1;
	if (c > SIZE_MAX / elem)
		return NULL;
	void *p = realloc(*v, c * elem);
	if (!p)
		return NULL;
	*v = p;
	*cap = c;
	return p;
}

/* Count work; look at the clock every 4096 units. Nonzero once stopped. */
int html_work_tick(hwork_t *w, unsigned n)
{
	if (w->stop)
		return w->stop;
	w->ticks += n;
	if (w->ticks < 4096)
		return 0;
	w->ticks = 0;
	if (w->cancel && atomic_load(w->cancel)) {
		w->stop = HTML_E_CANCELLED;
		return w->stop;
	}
	if (w->deadline_ns) {
		struct timespec ts;
		clock_gettime(CLOCK_MONOTONIC, &ts);
		if ((uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec >= w->deadline_ns)
			w->stop = HTML_E_DEADLINE;
	}
	return w->stop;
}
