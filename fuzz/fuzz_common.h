/* Shared by the libFuzzer targets in fuzz/: a failed property aborts with a
 * message, so libFuzzer keeps the input as a crash, and the span checks
 * every target applies to what the model reports. */
#ifndef MEETINGD_FUZZ_COMMON_H
#define MEETINGD_FUZZ_COMMON_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/text/chars.h"
#include "model/text/nfc.h"

#define FUZZ_MAX_INPUT (256 * 1024)

static void fz_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

static void fz_fail(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "fuzz property failed: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

#define FZ_CHECK(cond, ...)                                                                        \
	do {                                                                                       \
		if (!(cond))                                                                       \
			fz_fail(__VA_ARGS__);                                                      \
	} while (0)

/* 1 when off is a code point boundary of valid UTF-8 text[0..len). */
static inline int fz_boundary(const char *text, size_t len, size_t off)
{
	return off == 0 || off == len || (off < len && ((unsigned char)text[off] & 0xC0) != 0x80);
}

/* A half-open byte span that lies in the text on code point boundaries;
 * what says which recogniser reported it. */
static inline void fz_span(const char *what, const char *text, size_t len, uint32_t start,
			   uint32_t end, int allow_empty)
{
	FZ_CHECK(start <= end && end <= len, "%s: span %u..%u outside 0..%zu", what, start, end,
		 len);
	FZ_CHECK(allow_empty || start < end, "%s: empty span at %u", what, start);
	FZ_CHECK(fz_boundary(text, len, start) && fz_boundary(text, len, end),
		 "%s: span %u..%u cuts a UTF-8 sequence", what, start, end);
}

/* The NFC text the recognisers are given inside model_parse(): NULL when
 * the bytes are not valid UTF-8 (or hold a NUL), which model_parse()
 * refuses before any recogniser runs. Caller frees *owned. */
static inline const char *fz_nfc(const uint8_t *data, size_t size, size_t *len, char **owned)
{
	const char *s = (const char *)data;
	int nul;

	*owned = NULL;
	if (text_utf8_check(s, size, &nul) != size)
		return NULL;
	if (text_is_nfc_fast(s, size)) {
		*len = size;
		return s;
	}
	*owned = text_nfc(s, size, len);
	if (!*owned)
		fz_fail("text_nfc: out of memory on %zu bytes", size);
	return *owned;
}

#endif
