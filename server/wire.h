/* Strict HTTP/1.1 request framing (RFC 9112), checked by the gate before
 * libmicrohttpd sees a byte: the request head (request line and header
 * fields) and chunked bodies. libmicrohttpd 0.9.75 accepts bare LF, obs-fold,
 * NUL bytes that cut values short and chunk sizes it then waits for; here
 * each is refused as soon as the byte that breaks the grammar arrives.
 *
 * Pure functions over caller-owned buffers: no allocation, no I/O.
 */
#ifndef MEETINGD_WIRE_H
#define MEETINGD_WIRE_H

#include <stddef.h>
#include <stdint.h>

/* Largest request head (request line, header fields, blank line). */
#define WIRE_MAX_HEAD (16 * 1024)

enum wire_status {
	WIRE_MORE = 0,	     /* well formed so far; more bytes needed */
	WIRE_DONE,	     /* complete */
	WIRE_BAD,	     /* 400: not HTTP/1.1 grammar */
	WIRE_LENGTH,	     /* 411: a body framing the server will not delimit */
	WIRE_TOO_LARGE,	     /* 413: chunked body over the limit */
	WIRE_URI_TOO_LONG,   /* 414 */
	WIRE_HEAD_TOO_LARGE, /* 431 */
};

/* A request head, scanned as it arrives. Zero it before the first byte. */
struct wire_head {
	/* scan state (private) */
	size_t scanned;
	int line_start, cr, lines;

	/* known once the request line's CRLF arrived (line_len > 0) */
	size_t line_len, method_len, target_off, target_len;

	/* valid once wire_head_feed() returned WIRE_DONE */
	size_t len; /* bytes of the head, blank line included */
	int minor;  /* HTTP/1.<minor>: 0 or 1 */
	int hosts, content_lengths, transfer_encodings;
	uint64_t content_length;
	int chunked;
	int expect_continue;	       /* Expect: 100-continue */
	size_t expect_off, expect_len; /* that header line, CRLF included */
	int conn_close, conn_keep_alive;
	size_t rid_off, rid_len; /* first X-Request-Id value (rid_len 0: none) */

	char why[200]; /* the reason of a refusal, for the problem detail */
};

/* Scan buf[0..n) (the bytes of the head so far, from its first byte; the
 * buffer may hold bytes past the head). Resumes where the previous call
 * stopped, so feeding a trickle costs O(total). */
enum wire_status wire_head_feed(struct wire_head *h, const char *buf, size_t n);

/* Call fn for each header field named name (case-insensitive) of a complete
 * head in buf, with its value trimmed of whitespace. */
void wire_head_each(const struct wire_head *h, const char *buf, const char *name,
		    void (*fn)(void *cls, const char *value, size_t len), void *cls);

/* A chunked body, decoded as it arrives. Zero it before the first byte. */
struct wire_chunks {
	int state;
	uint64_t size, left, total;
	int digits;
	size_t line; /* bytes of the current size or trailer line */
};

/* Scan p[0..n) of a chunked body; *used gets the bytes that belong to the
 * body (on WIRE_DONE the rest is the next request). Chunk sizes adding up to
 * more than max_total are refused with WIRE_TOO_LARGE as soon as the size
 * is read. why (cap bytes) gets the reason of a refusal. */
enum wire_status wire_chunks_feed(struct wire_chunks *c, const char *p, size_t n,
				  uint64_t max_total, size_t *used, char *why, size_t cap);

#endif
