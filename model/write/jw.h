/* A streaming JSON writer: compact JSON appended to a growing buffer, byte
 * for byte what Jansson's json_dumps(JSON_COMPACT) writes for the same
 * values (members in the order written, "\uXXXX" with upper-case hex for
 * control characters, UTF-8 passed through), with no tree in between. */
#ifndef MEETINGD_WRITE_JW_H
#define MEETINGD_WRITE_JW_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define JW_DEPTH 16

typedef struct jw {
	char *buf;
	size_t len, cap;
	int failed; /* out of memory: everything after is dropped */
	int depth;
	uint8_t first[JW_DEPTH]; /* no member or element written yet at this depth */
} jw_t;

/* Append n raw bytes. */
void jw_raw(jw_t *w, const char *s, size_t n);

void jw_obj(jw_t *w);	  /* { as a value */
void jw_obj_end(jw_t *w); /* } */
void jw_arr(jw_t *w);	  /* [ as a value */
void jw_arr_end(jw_t *w); /* ] */

/* The out-of-line halves of the inline writers below: room to grow, or a
 * depth outside first[], or a failed writer. */
void jw_key_slow(jw_t *w, const char *key, size_t n);
void jw_comma(jw_t *w);

/* "key": — the next call writes the member's value. key is plain ASCII;
 * jw_key takes a string literal (its length is known where it is written),
 * jw_key_n any key with its length. Inline: about a third of the calls of
 * a result are keys, and a literal's copy becomes a few stores. */
static inline void jw_key_n(jw_t *w, const char *key, size_t n)
{
	unsigned d = (unsigned)(w->depth - 1);
	if (__builtin_expect(w->failed || d >= JW_DEPTH || w->len + n + 5 > w->cap, 0)) {
		jw_key_slow(w, key, n);
		return;
	}
	char *p = w->buf + w->len;
	*p = ',';
	p += !w->first[d];
	*p++ = '"';
	memcpy(p, key, n);
	p += n;
	*p++ = '"';
	*p++ = ':';
	*p = '\0';
	w->len = (size_t)(p - w->buf);
	w->first[d] = 2;
}
#define jw_key(w, key) jw_key_n((w), "" key "", sizeof(key) - 1)

/* The comma before a value inside an array (a member's value comes after
 * its key, which wrote the comma). */
static inline void jw_value(jw_t *w)
{
	unsigned d = (unsigned)(w->depth - 1);
	if (d < JW_DEPTH) {
		uint8_t f = w->first[d];
		w->first[d] = 0;
		if (!f)
			jw_comma(w);
	}
}

/* Values. */
void jw_str(jw_t *w, const char *s, size_t n); /* a JSON string of UTF-8 s[0..n) */
void jw_int(jw_t *w, long long v);
void jw_bool(jw_t *w, int v);
void jw_null(jw_t *w);
/* {"text":"<s[0..n)>","start":start,"end":end}, a span of the text. */
void jw_mention(jw_t *w, const char *s, size_t n, size_t start, size_t end);
/* A NUL-terminated string, or null for NULL: inline, so that a literal's
 * length is known where it is written. */
static inline void jw_cstr(jw_t *w, const char *s)
{
	if (s)
		jw_str(w, s, strlen(s));
	else
		jw_null(w);
}
/* A value given as raw JSON (the caller vouches for it). */
void jw_json(jw_t *w, const char *s, size_t n);

#endif
