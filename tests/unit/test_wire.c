/* server/wire.c, the gate's strict request framing: every verdict is the
 * same whether the bytes arrive at once or one at a time, and a refusal
 * comes at the byte that breaks the grammar, not at the end. */
#include <criterion/criterion.h>
#include <string.h>

#include "server/wire.h"

struct hcase {
	const char *name;
	const char *bytes;
	size_t len;
	enum wire_status want;
};

#define H(name, s, want)                                                                           \
	{                                                                                          \
		name, s, sizeof(s) - 1, want                                                       \
	}

static const struct hcase heads[] = {
    H("plain GET", "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n", WIRE_DONE),
    H("HTTP/1.0 without Host", "GET / HTTP/1.0\r\n\r\n", WIRE_DONE),
    H("OWS around a value", "GET / HTTP/1.1\r\nHost:  x \t\r\n\r\n", WIRE_DONE),
    H("obs-text in a value", "GET / HTTP/1.1\r\nHost: x\r\nX-A: \xC3\xA9\r\n\r\n", WIRE_DONE),
    H("incomplete", "GET / HTTP/1.1\r\nHost: x\r\n", WIRE_MORE),
    H("NUL in a value", "GET / HTTP/1.1\r\nHost: x\0y\r\n\r\n", WIRE_BAD),
    H("NUL in the target", "GET /a\0b HTTP/1.1\r\nHost: x\r\n\r\n", WIRE_BAD),
    H("bare LF", "GET / HTTP/1.1\nHost: x\n\n", WIRE_BAD),
    H("bare CR", "GET / HTTP/1.1\r\nHost: x\ry\r\n\r\n", WIRE_BAD),
    H("obs-fold", "GET / HTTP/1.1\r\nHost: x\r\n y\r\n\r\n", WIRE_BAD),
    H("DEL", "GET / HTTP/1.1\r\nHost: x\x7f\r\n\r\n", WIRE_BAD),
    H("no Host in 1.1", "GET / HTTP/1.1\r\n\r\n", WIRE_BAD),
    H("two Hosts", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", WIRE_BAD),
    H("space in a name", "GET / HTTP/1.1\r\nHost: x\r\nA B: c\r\n\r\n", WIRE_BAD),
    H("space before the colon", "GET / HTTP/1.1\r\nHost : x\r\n\r\n", WIRE_BAD),
    H("no colon", "GET / HTTP/1.1\r\nHost: x\r\nfoo\r\n\r\n", WIRE_BAD),
    H("HTTP/2.0", "GET / HTTP/2.0\r\nHost: x\r\n\r\n", WIRE_BAD),
    H("HTTP/1.10", "GET / HTTP/1.10\r\nHost: x\r\n\r\n", WIRE_BAD),
    H("lower-case version", "GET / http/1.1\r\nHost: x\r\n\r\n", WIRE_BAD),
    H("two spaces", "GET  / HTTP/1.1\r\nHost: x\r\n\r\n", WIRE_BAD),
    H("empty first line", "\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n", WIRE_BAD),
    H("method not a token", "G(T / HTTP/1.1\r\nHost: x\r\n\r\n", WIRE_BAD),
    H("non-ASCII target", "GET /\xC3\xA9 HTTP/1.1\r\nHost: x\r\n\r\n", WIRE_BAD),
    H("Content-Length 5abc", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5abc\r\n\r\n",
      WIRE_BAD),
    H("Content-Length empty", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length:\r\n\r\n", WIRE_BAD),
    H("two Content-Lengths",
      "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\n", WIRE_LENGTH),
    H("length and chunked",
      "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n",
      WIRE_LENGTH),
    H("gzip", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n", WIRE_LENGTH),
    H("chunked", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: Chunked\r\n\r\n", WIRE_DONE),
};

static enum wire_status feed_all(struct wire_head *h, const char *s, size_t n)
{
	memset(h, 0, sizeof *h);
	return wire_head_feed(h, s, n);
}

/* One byte more at a time: the same verdict, and MORE before it. */
static enum wire_status feed_bytes(struct wire_head *h, const char *s, size_t n)
{
	enum wire_status st = WIRE_MORE;
	size_t i;

	memset(h, 0, sizeof *h);
	for (i = 1; i <= n && st == WIRE_MORE; i++)
		st = wire_head_feed(h, s, i);
	return st;
}

Test(wire, heads_at_once_and_byte_by_byte)
{
	size_t i;

	for (i = 0; i < sizeof heads / sizeof heads[0]; i++) {
		struct wire_head a, b;
		enum wire_status x = feed_all(&a, heads[i].bytes, heads[i].len),
				 y = feed_bytes(&b, heads[i].bytes, heads[i].len);
		cr_assert_eq(x, heads[i].want, "%s: %d, expected %d (%s)", heads[i].name, x,
			     heads[i].want, a.why);
		cr_assert_eq(y, x, "%s: %d byte by byte, %d at once", heads[i].name, y, x);
		if (x != WIRE_DONE && x != WIRE_MORE)
			cr_assert(a.why[0], "%s: refused without a reason", heads[i].name);
	}
}

Test(wire, refused_at_the_byte_not_at_the_end)
{
	static const char s[] = "GET / HTTP/1.1\nHost: x\r\n"; /* no end of head yet */
	struct wire_head h;

	cr_assert_eq(feed_all(&h, s, sizeof s - 1), WIRE_BAD);
	cr_assert_eq(feed_all(&h, "GET /\0", 6), WIRE_BAD);
	cr_assert_eq(feed_all(&h, "GET / HTTP/1.1\r\nHost: x\r\n\tfold", 31), WIRE_BAD);
}

Test(wire, fields_of_a_head)
{
	static const char s[] = "POST /v1/parse?x=1 HTTP/1.1\r\nHost: a\r\nContent-Length: 12\r\n"
				"Expect: 100-continue\r\nConnection: keep-alive, Close\r\n"
				"X-Request-Id: abc-1\r\nX-Forwarded-For: 1.2.3.4\r\n"
				"X-Forwarded-For: 5.6.7.8\r\n\r\nbody bytes..";
	struct wire_head h;

	cr_assert_eq(feed_all(&h, s, sizeof s - 1), WIRE_DONE);
	cr_assert_eq(h.len, (size_t)(strstr(s, "body") - s));
	cr_assert_eq(h.method_len, 4);
	cr_assert_eq(h.target_len, strlen("/v1/parse?x=1"));
	cr_assert(!memcmp(s + h.target_off, "/v1/parse?x=1", h.target_len));
	cr_assert_eq(h.minor, 1);
	cr_assert_eq(h.content_lengths, 1);
	cr_assert_eq(h.content_length, 12);
	cr_assert(h.expect_continue);
	cr_assert(!memcmp(s + h.expect_off, "Expect: 100-continue\r\n", h.expect_len));
	cr_assert(h.conn_close && h.conn_keep_alive);
	cr_assert_eq(h.rid_len, 5);
	cr_assert(!memcmp(s + h.rid_off, "abc-1", 5));
}

struct joined {
	char buf[100];
	size_t n;
};

static void join(void *cls, const char *v, size_t n)
{
	struct joined *j = cls;

	j->buf[j->n++] = '[';
	memcpy(j->buf + j->n, v, n);
	j->n += n;
	j->buf[j->n++] = ']';
	j->buf[j->n] = '\0';
}

Test(wire, each_header_of_a_name)
{
	static const char s[] =
	    "GET / HTTP/1.1\r\nHost: a\r\nX-F: 1\r\nx-f:  2 \r\nX-Fo: 3\r\n\r\n";
	struct wire_head h;
	struct joined j = {.n = 0};

	cr_assert_eq(feed_all(&h, s, sizeof s - 1), WIRE_DONE);
	wire_head_each(&h, s, "X-F", join, &j);
	cr_assert_str_eq(j.buf, "[1][2]");
}

Test(wire, head_limits)
{
	static char big[WIRE_MAX_HEAD + 100];
	struct wire_head h;

	memset(big, 'a', sizeof big);
	memcpy(big, "GET /", 5);
	cr_assert_eq(feed_all(&h, big, sizeof big), WIRE_URI_TOO_LONG);
	memcpy(big, "GET / HTTP/1.1\r\nX-A: ", 21);
	cr_assert_eq(feed_all(&h, big, sizeof big), WIRE_HEAD_TOO_LARGE);
}

/* ---- chunked bodies ---- */

struct ccase {
	const char *name;
	const char *bytes;
	size_t len;
	enum wire_status want;
	size_t used; /* bytes of the body when DONE */
};

#define C(name, s, want, used)                                                                     \
	{                                                                                          \
		name, s, sizeof(s) - 1, want, used                                                 \
	}

static const struct ccase chunks[] = {
    C("two chunks", "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n", WIRE_DONE, 26),
    C("with the next request after", "1\r\na\r\n0\r\n\r\nGET /", WIRE_DONE, 11),
    C("extension", "5;a=b\r\nhello\r\n0\r\n\r\n", WIRE_DONE, 19),
    C("trailer", "1\r\na\r\n0\r\nX-T: 1\r\n\r\n", WIRE_DONE, 19),
    C("upper-case hex", "A\r\n0123456789\r\n0\r\n\r\n", WIRE_DONE, 20),
    C("unfinished", "5\r\nhel", WIRE_MORE, 0),
    C("bare LF after the size", "5\nhello\r\n0\r\n\r\n", WIRE_BAD, 0),
    C("bare LF after the data", "5\r\nhello\n0\r\n\r\n", WIRE_BAD, 0),
    C("data longer than the size", "3\r\nhello\r\n0\r\n\r\n", WIRE_BAD, 0),
    C("no size", "\r\nhello\r\n", WIRE_BAD, 0),
    C("not hex", "5g\r\nhello\r\n", WIRE_BAD, 0),
    C("NUL in the size line", "5\0\r\nhello\r\n", WIRE_BAD, 0),
    C("control byte in an extension", "5;\x01\r\nhello\r\n", WIRE_BAD, 0),
    C("bare LF at the end", "0\r\n\n", WIRE_BAD, 0),
    C("trailer with obs-fold", "0\r\nX: 1\r\n 2\r\n\r\n", WIRE_BAD, 0),
    C("2^64 - 1", "ffffffffffffffff\r\n", WIRE_TOO_LARGE, 0),
    C("17 digits", "00000000000000001\r\n", WIRE_TOO_LARGE, 0),
    C("over the limit", "401\r\n", WIRE_TOO_LARGE, 0),
    C("over the limit in total", "200\r\n", WIRE_MORE, 0),
};

Test(wire, chunked_bodies_at_once_and_byte_by_byte)
{
	size_t i;

	for (i = 0; i < sizeof chunks / sizeof chunks[0]; i++) {
		struct wire_chunks a, b;
		enum wire_status x, y = WIRE_MORE;
		size_t used = 0, k, u, total = 0;
		char why[200] = "";

		memset(&a, 0, sizeof a);
		x = wire_chunks_feed(&a, chunks[i].bytes, chunks[i].len, 1024, &used, why,
				     sizeof why);
		cr_assert_eq(x, chunks[i].want, "%s: %d, expected %d (%s)", chunks[i].name, x,
			     chunks[i].want, why);
		if (x == WIRE_DONE)
			cr_assert_eq(used, chunks[i].used, "%s: used %zu", chunks[i].name, used);
		memset(&b, 0, sizeof b);
		for (k = 0; k < chunks[i].len && y == WIRE_MORE; k++) {
			y = wire_chunks_feed(&b, chunks[i].bytes + k, 1, 1024, &u, why, sizeof why);
			total += u;
		}
		cr_assert_eq(y, x, "%s: %d byte by byte, %d at once", chunks[i].name, y, x);
		if (x == WIRE_DONE)
			cr_assert_eq(total, used, "%s: %zu bytes byte by byte", chunks[i].name,
				     total);
	}
}

Test(wire, chunk_sizes_add_up_to_the_limit)
{
	struct wire_chunks c;
	size_t used;
	char why[200];

	memset(&c, 0, sizeof c);
	cr_assert_eq(wire_chunks_feed(&c, "3\r\nabc\r\n", 8, 5, &used, why, sizeof why), WIRE_MORE);
	cr_assert_eq(wire_chunks_feed(&c, "2\r\nde\r\n", 7, 5, &used, why, sizeof why), WIRE_MORE);
	cr_assert_eq(wire_chunks_feed(&c, "1\r\n", 3, 5, &used, why, sizeof why), WIRE_TOO_LARGE);
}
