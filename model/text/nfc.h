/* UTF-8 validation and NFC normalisation of a request's text. */
#ifndef MEETINGD_TEXT_NFC_H
#define MEETINGD_TEXT_NFC_H

#include <stddef.h>
#include <stdint.h>

/* Index of the first byte that is not valid UTF-8 (overlong forms,
 * surrogates, code points above U+10FFFF, truncated sequences) or a NUL byte;
 * len when the whole buffer is valid. *is_nul tells which. */
size_t text_utf8_check(const char *s, size_t len, int *is_nul);

/* 1 when s (valid UTF-8) certainly is NFC without running the normaliser:
 * every code point is below U+0300 or in blocks that never change under NFC
 * (Vietnamese precomposed letters U+1E00-U+1EFF, general punctuation). */
int text_is_nfc_fast(const char *s, size_t len);

/* NFC of valid UTF-8 s. Returns malloc'ed NUL-terminated text (caller frees)
 * and its length in *out_len, or NULL when out of memory. */
char *text_nfc(const char *s, size_t len, size_t *out_len);

#endif
