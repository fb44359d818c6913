/* UTF-8 validation and NFC normalisation of a request's text. */
#include "model/text/nfc.h"

#include "model/mem.h"
#include "model/text/chars.h"
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

size_t text_utf8_check(const char *s, size_t len, int *is_nul)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	*is_nul = 0;
	while (i < len) {
		unsigned char c = u[i];
		if (c < 0x80) {
			if (c == 0) {
				*is_nul = 1;
				return i;
			}
			i++;
			continue;
		}
		size_t n;
		uint32_t cp, min;
		if (c >= 0xC2 && c <= 0xDF) {
			n = 1, cp = c & 0x1F, min = 0x80;
		} else if (c >= 0xE0 && c <= 0xEF) {
			n = 2, cp = c & 0x0F, min = 0x800;
		} else if (c >= 0xF0 && c <= 0xF4) {
			n = 3, cp = c & 0x07, min = 0x10000;
		} else {
			return i; /* continuation byte, C0/C1 overlong lead, F5+ */
		}
		for (size_t k = 1; k <= n; k++) {
			if (i + k >= len || (u[i + k] & 0xC0) != 0x80)
				return i;
			cp = (cp << 6) | (u[i + k] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return i;
		i += n + 1;
	}
	return len;
}

int text_is_nfc_fast(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	while (i < len) {
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		uint32_t c = chars_decode(s, len, &i);
		if (c < 0x300)
			continue;
		if (c >= 0x1E00 && c <= 0x1EFF)
			continue;
		/* dashes, quotes, ellipsis, bullets: no canonical mappings */
		if (c >= 0x2010 && c <= 0x206F)
			continue;
		if (c >= 0x20A0 && c <= 0x20CF)
			continue;
		return 0;
	}
	return 1;
}

/* UAX #15 "stream-safe text": no more than 30 non-starters in a row, else a
 * U+034F COMBINING GRAPHEME JOINER goes between them. utf8proc sorts a run of
 * combining marks by insertion, so a base letter followed by thousands of
 * marks made normalisation quadratic; no Vietnamese text has such a run.
 * Returns a malloc'ed copy with joiners inserted, or NULL when s is already
 * stream-safe (or out of memory: *oom set). */
#define MAX_NONSTARTERS 30
static char *stream_safe(const char *s, size_t len, size_t *out_len, int *oom)
{
	size_t i = 0, run = 0, extra = 0;
	*oom = 0;
	while (i < len) {
		uint32_t c = chars_decode(s, len, &i);
		const utf8proc_property_t *p = utf8proc_get_property((utf8proc_int32_t)c);
		if (c >= 0x300 && p->combining_class) {
			if (++run > MAX_NONSTARTERS) {
				extra++;
				run = 1;
			}
		} else {
			run = 0;
		}
	}
	if (!extra)
		return NULL;
	char *out = mem_malloc(len + extra * 2 + 1);
	if (!out) {
		*oom = 1;
		return NULL;
	}
	size_t o = 0;
	i = 0;
	run = 0;
	while (i < len) {
		size_t st = i;
		uint32_t c = chars_decode(s, len, &i);
		const utf8proc_property_t *p = utf8proc_get_property((utf8proc_int32_t)c);
		if (c >= 0x300 && p->combining_class) {
			if (++run > MAX_NONSTARTERS) {
				out[o++] = (char)0xCD; /* U+034F */
				out[o++] = (char)0x8F;
				run = 1;
			}
		} else {
			run = 0;
		}
		memcpy(out + o, s + st, i - st);
		o += i - st;
	}
	out[o] = '\0';
	*out_len = o;
	return out;
}

/* Append s[0..len) to *out (of *cap bytes, *n used; room kept for a NUL),
 * growing it to twice what is needed when it is full. 0 or -1. */
static int nfc_put(char **out, size_t *n, size_t *cap, const char *s, size_t len)
{
	if (*n + len + 1 > *cap) {
		size_t nc = (*n + len + 1) * 2;
		char *p = mem_realloc(*out, nc);
		if (!p)
			return -1;
		*out = p;
		*cap = nc;
	}
	memcpy(*out + *n, s, len);
	*n += len;
	return 0;
}

/* NFC of one stretch that holds code points NFC may change, appended to
 * *out (of *cap bytes, *n used). 0 or -1. */
static int nfc_stretch(const char *s, size_t len, char **out, size_t *n, size_t *cap)
{
	size_t sl = 0;
	int oom;
	char *safe = stream_safe(s, len, &sl, &oom);
	if (oom)
		return -1;
	if (safe) {
		s = safe;
		len = sl;
	}
	utf8proc_uint8_t *dst = NULL;
	utf8proc_ssize_t m = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &dst,
					  UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	free(safe);
	if (m < 0)
		return -1;
	int rc = nfc_put(out, n, cap, (const char *)dst, (size_t)m);
	free(dst);
	return rc;
}

/* 1 when NFC leaves c and what follows it alone: Latin below the combining
 * marks, Vietnamese letters, punctuation and currency (text_is_nfc_fast). */
static int nfc_safe(uint32_t c)
{
	return c < 0x300 || (c >= 0x1E00 && c <= 0x1EFF) || (c >= 0x2010 && c <= 0x206F) ||
	       (c >= 0x20A0 && c <= 0x20CF);
}

/* Only the stretches that may change go through utf8proc: each runs from
 * the safe code point before a risky one (the base a combining mark may
 * join) to the next safe code point; the rest is copied as it is. */
char *text_nfc(const char *s, size_t len, size_t *out_len)
{
	size_t cap = len + len / 8 + 16, n = 0, i = 0, copied = 0, last_safe = (size_t)-1;
	char *out = mem_malloc(cap);
	if (!out)
		return NULL;
	while (i < len) {
		size_t p = i;
		uint32_t c = chars_decode(s, len, &i);
		if (nfc_safe(c)) {
			last_safe = p;
			continue;
		}
		size_t a = last_safe != (size_t)-1 && last_safe >= copied ? last_safe : p, e = i;
		while (e < len) {
			size_t q = e;
			uint32_t d = chars_decode(s, len, &q);
			if (nfc_safe(d))
				break;
			e = q;
		}
		/* the part before the stretch as it is */
		if (nfc_put(&out, &n, &cap, s + copied, a - copied)) {
			free(out);
			return NULL;
		}
		if (nfc_stretch(s + a, e - a, &out, &n, &cap)) {
			free(out);
			return NULL;
		}
		copied = i = e;
		last_safe = (size_t)-1;
	}
	if (nfc_put(&out, &n, &cap, s + copied, len - copied)) {
		free(out);
		return NULL;
	}
	out[n] = '\0';
	*out_len = n;
	return out;
}
