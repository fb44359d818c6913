/* Strict request framing: the head's bytes are checked one at a time as
 * they arrive (NUL, bare CR or LF, obs-fold, control bytes refused at
 * once), and the whole head is parsed once its blank line is in. */
#include "server/wire.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

/* RFC 9110 tchar: the bytes of a method, a field name or a token. */
static int tchar(unsigned char c)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
		return 1;
	return c && strchr("!#$%&'*+-.^_`|~", c) != NULL;
}

/* Client bytes shown in a detail: printable ASCII only, at most 40. */
static const char *shown(char *out, size_t cap, const char *s, size_t n)
{
	size_t i, k = n < cap - 4 ? n : cap - 4;

	for (i = 0; i < k; i++)
		out[i] = (s[i] >= 0x20 && s[i] < 0x7f) ? s[i] : '?';
	if (k < n)
		memcpy(out + k, "...", 3), k += 3;
	out[k] = '\0';
	return out;
}

static enum wire_status refuse(struct wire_head *h, enum wire_status st, const char *why)
{
	snprintf(h->why, sizeof h->why, "%s", why);
	return st;
}

/* The request line buf[0..n): METHOD SP target SP HTTP/1.x. */
static enum wire_status request_line(struct wire_head *h, const char *buf, size_t n)
{
	size_t i = 0, t;

	while (i < n && tchar((unsigned char)buf[i]))
		i++;
	if (i == 0 || i == n || buf[i] != ' ')
		return refuse(h, WIRE_BAD,
			      "The request line must be METHOD SP target SP HTTP/1.1.");
	h->method_len = i;
	t = ++i;
	while (i < n && (unsigned char)buf[i] > 0x20 && (unsigned char)buf[i] < 0x7f)
		i++;
	if (i == t || i == n || buf[i] != ' ')
		return refuse(h, WIRE_BAD,
			      "The request target must be one run of visible ASCII characters "
			      "(percent-encode the rest).");
	h->target_off = t;
	h->target_len = i - t;
	i++;
	if (n - i != 8 || memcmp(buf + i, "HTTP/1.", 7) || (buf[i + 7] != '0' && buf[i + 7] != '1'))
		return refuse(h, WIRE_BAD, "The request line must end in HTTP/1.1 or HTTP/1.0.");
	h->minor = buf[i + 7] - '0';
	return WIRE_MORE;
}

static int name_is(const char *name, size_t n, const char *want)
{
	return strlen(want) == n && !strncasecmp(name, want, n);
}

/* Does the comma list v[0..n) hold token tok (case-insensitive)? */
static int list_has(const char *v, size_t n, const char *tok)
{
	size_t i = 0, k = strlen(tok);

	while (i < n) {
		size_t s, e;
		while (i < n && (v[i] == ' ' || v[i] == '\t' || v[i] == ','))
			i++;
		s = i;
		while (i < n && v[i] != ',')
			i++;
		e = i;
		while (e > s && (v[e - 1] == ' ' || v[e - 1] == '\t'))
			e--;
		if (e - s == k && !strncasecmp(v + s, tok, k))
			return 1;
	}
	return 0;
}

/* One header field line buf[0..n) starting at offset off of the head. */
static enum wire_status field_line(struct wire_head *h, const char *buf, size_t off, size_t n,
				   int *te_other, size_t *te_off, size_t *te_len)
{
	const char *line = buf + off, *v;
	size_t i = 0, vn;
	char s[48];

	while (i < n && tchar((unsigned char)line[i]))
		i++;
	if (i == 0 || i == n || line[i] != ':') {
		snprintf(h->why, sizeof h->why,
			 "Header line '%s' is not 'name: value' with a token name.",
			 shown(s, sizeof s, line, n));
		return WIRE_BAD;
	}
	v = line + i + 1;
	vn = n - i - 1;
	while (vn && (*v == ' ' || *v == '\t'))
		v++, vn--;
	while (vn && (v[vn - 1] == ' ' || v[vn - 1] == '\t'))
		vn--;
	if (name_is(line, i, "Host")) {
		h->hosts++;
	} else if (name_is(line, i, "Content-Length")) {
		size_t k;
		uint64_t x = 0;
		if (!vn)
			return refuse(h, WIRE_BAD, "Content-Length is empty.");
		for (k = 0; k < vn; k++) {
			if (v[k] < '0' || v[k] > '9') {
				snprintf(h->why, sizeof h->why,
					 "Content-Length '%s' is not a number of bytes.",
					 shown(s, sizeof s, v, vn));
				return WIRE_BAD;
			}
			x = x > (UINT64_MAX - 9) / 10 ? UINT64_MAX
						      : x * 10 + (uint64_t)(v[k] - '0');
		}
		h->content_lengths++;
		h->content_length = x;
	} else if (name_is(line, i, "Transfer-Encoding")) {
		h->transfer_encodings++;
		if (vn == 7 && !strncasecmp(v, "chunked", 7)) {
			h->chunked = 1;
		} else {
			*te_other = 1;
			*te_off = (size_t)(v - buf);
			*te_len = vn;
		}
	} else if (name_is(line, i, "Expect")) {
		if (vn == 12 && !strncasecmp(v, "100-continue", 12)) {
			h->expect_continue = 1;
			h->expect_off = off;
			h->expect_len = n + 2;
		}
	} else if (name_is(line, i, "Connection")) {
		h->conn_close |= list_has(v, vn, "close");
		h->conn_keep_alive |= list_has(v, vn, "keep-alive");
	} else if (name_is(line, i, "X-Request-Id") && !h->rid_len) {
		h->rid_off = (size_t)(v - buf);
		h->rid_len = vn;
	}
	return WIRE_MORE;
}

/* The whole head buf[0..h->len): every field line, then the framing
 * rules that need all of them. */
static enum wire_status whole_head(struct wire_head *h, const char *buf)
{
	size_t pos = h->line_len + 2, te_off = 0, te_len = 0;
	int te_other = 0;
	enum wire_status st;
	char s[48];

	while (pos + 2 < h->len) {
		const char *eol = memchr(buf + pos, '\r', h->len - pos);
		size_t n = (size_t)(eol - (buf + pos));
		st = field_line(h, buf, pos, n, &te_other, &te_off, &te_len);
		if (st != WIRE_MORE)
			return st;
		pos += n + 2;
	}
	if (h->minor == 1 ? h->hosts != 1 : h->hosts > 1) {
		snprintf(h->why, sizeof h->why,
			 "An HTTP/1.%d request needs %s one Host header; this one has %d.",
			 h->minor, h->minor == 1 ? "exactly" : "at most", h->hosts);
		return WIRE_BAD;
	}
	/* A body two parties could delimit differently is how requests are
	 * smuggled past a proxy; one that cannot be delimited would hang. */
	if (h->content_lengths > 1) {
		snprintf(h->why, sizeof h->why,
			 "The request has %d Content-Length headers; send exactly one.",
			 h->content_lengths);
		return WIRE_LENGTH;
	}
	if (h->content_lengths && h->transfer_encodings)
		return refuse(h, WIRE_LENGTH,
			      "The request has both Content-Length and Transfer-Encoding; send "
			      "only one.");
	if (h->transfer_encodings > 1 || te_other) {
		snprintf(h->why, sizeof h->why,
			 "Transfer-Encoding '%s' is not supported; send the body with "
			 "Content-Length or Transfer-Encoding: chunked.",
			 h->transfer_encodings > 1 ? "(several)"
						   : shown(s, sizeof s, buf + te_off, te_len));
		return WIRE_LENGTH;
	}
	return WIRE_DONE;
}

enum wire_status wire_head_feed(struct wire_head *h, const char *buf, size_t n)
{
	size_t i;

	for (i = h->scanned; i < n; i++) {
		unsigned char c;

		/* the bytes of a line past its first that need no look: the
		 * whole head but its line ends, taken here a few instructions
		 * each (one per byte through the checks below cost ~4,000
		 * instructions a request) */
		if (!h->cr && ((size_t)h->line_start != i || !h->lines)) {
			size_t lim = n < WIRE_MAX_HEAD ? n : WIRE_MAX_HEAD;
			while (i < lim && (unsigned char)buf[i] > 0x1f && buf[i] != 0x7f)
				i++;
			if (i == n)
				break;
		}
		c = (unsigned char)buf[i];
		if (i >= WIRE_MAX_HEAD)
			return refuse(h, h->lines ? WIRE_HEAD_TOO_LARGE : WIRE_URI_TOO_LONG,
				      h->lines ? "The request head exceeds 16384 bytes."
					       : "The request line exceeds 16384 bytes.");
		if (h->cr) {
			if (c != '\n')
				return refuse(h, WIRE_BAD,
					      "A CR in the request head is not followed by LF.");
			h->cr = 0;
			if ((size_t)h->line_start == i - 1) {
				/* an empty line: the end of the head */
				if (!h->lines)
					return refuse(h, WIRE_BAD,
						      "The request starts with an empty line.");
				h->len = i + 1;
				h->scanned = i + 1;
				return whole_head(h, buf);
			}
			if (!h->lines) {
				enum wire_status st;
				h->line_len = i - 1;
				st = request_line(h, buf, h->line_len);
				if (st != WIRE_MORE)
					return st;
			}
			h->lines++;
			h->line_start = (int)(i + 1);
			continue;
		}
		if (c == '\r') {
			h->cr = 1;
			continue;
		}
		if (c == '\n')
			return refuse(h, WIRE_BAD, "A line of the request head ends in a bare LF.");
		if (c == 0)
			return refuse(h, WIRE_BAD, "The request head holds a NUL byte.");
		if ((size_t)h->line_start == i && h->lines && (c == ' ' || c == '\t'))
			return refuse(h, WIRE_BAD,
				      "Header line folding (obs-fold) is not accepted.");
		if ((c < 0x20 && c != '\t') || c == 0x7f)
			return refuse(h, WIRE_BAD, "The request head holds a control byte.");
	}
	h->scanned = n;
	return WIRE_MORE;
}

void wire_head_each(const struct wire_head *h, const char *buf, const char *name,
		    void (*fn)(void *cls, const char *value, size_t len), void *cls)
{
	size_t pos = h->line_len + 2, k = strlen(name);

	while (pos + 2 < h->len) {
		const char *line = buf + pos, *eol = memchr(line, '\r', h->len - pos), *v;
		size_t n = (size_t)(eol - line), vn;

		if (n > k && line[k] == ':' && !strncasecmp(line, name, k)) {
			v = line + k + 1;
			vn = n - k - 1;
			while (vn && (*v == ' ' || *v == '\t'))
				v++, vn--;
			while (vn && (v[vn - 1] == ' ' || v[vn - 1] == '\t'))
				vn--;
			fn(cls, v, vn);
		}
		pos += n + 2;
	}
}

/* ---- chunked bodies ---- */

enum {
	C_SIZE0,
	C_SIZE,
	C_EXT,
	C_SIZE_LF,
	C_DATA,
	C_DATA_CR,
	C_DATA_LF,
	C_TRAILER0,
	C_TRAILER_NAME,
	C_TRAILER_VALUE,
	C_TRAILER_LF,
	C_FINAL_LF,
};

#define MAX_CHUNK_LINE 4096

static enum wire_status cbad(char *why, size_t cap, const char *msg)
{
	snprintf(why, cap, "%s", msg);
	return WIRE_BAD;
}

static int hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

enum wire_status wire_chunks_feed(struct wire_chunks *c, const char *p, size_t n,
				  uint64_t max_total, size_t *used, char *why, size_t cap)
{
	size_t i = 0;

	while (i < n) {
		unsigned char b = (unsigned char)p[i];
		int x;

		if (c->state == C_DATA) {
			size_t k = n - i < c->left ? n - i : (size_t)c->left;
			i += k;
			c->left -= k;
			if (!c->left)
				c->state = C_DATA_CR;
			continue;
		}
		i++;
		if (b == 0)
			return cbad(why, cap, "The chunked body holds a NUL byte in its framing.");
		if (++c->line > MAX_CHUNK_LINE)
			return cbad(why, cap, "A chunk size or trailer line is too long.");
		switch (c->state) {
		case C_SIZE0:
		case C_SIZE:
			x = hexval(b);
			if (x >= 0) {
				/* refused at the digit that passes the limit: a client
				 * announcing 2^64 bytes gets its 413 now, not at the
				 * deadline */
				if (++c->digits > 16 ||
				    (c->size = c->size * 16 + (uint64_t)x) > max_total - c->total) {
					snprintf(why, cap,
						 "A chunk announces more than the limit of %llu "
						 "bytes.",
						 (unsigned long long)max_total);
					return WIRE_TOO_LARGE;
				}
				c->state = C_SIZE;
			} else if (c->state == C_SIZE && (b == ';' || b == ' ' || b == '\t')) {
				c->state = C_EXT;
			} else if (c->state == C_SIZE && b == '\r') {
				c->state = C_SIZE_LF;
			} else {
				return cbad(why, cap,
					    "A chunk size line is not hexadecimal digits.");
			}
			break;
		case C_EXT:
			if (b == '\r')
				c->state = C_SIZE_LF;
			else if ((b < 0x20 && b != '\t') || b == 0x7f)
				return cbad(why, cap,
					    "A chunk size line holds a bare LF or a control byte.");
			break;
		case C_SIZE_LF:
			if (b != '\n')
				return cbad(why, cap,
					    "A chunk size line's CR is not followed by LF.");
			c->line = 0;
			c->digits = 0;
			if (!c->size) {
				c->state = C_TRAILER0;
			} else {
				c->total += c->size;
				c->left = c->size;
				c->size = 0;
				c->state = C_DATA;
			}
			break;
		case C_DATA_CR:
			if (b != '\r')
				return cbad(why, cap, "Chunk data is not followed by CRLF.");
			c->state = C_DATA_LF;
			break;
		case C_DATA_LF:
			if (b != '\n')
				return cbad(why, cap, "Chunk data is not followed by CRLF.");
			c->line = 0;
			c->state = C_SIZE0;
			break;
		case C_TRAILER0:
			if (b == '\r')
				c->state = C_FINAL_LF;
			else if (tchar(b))
				c->state = C_TRAILER_NAME;
			else
				return cbad(why, cap, "A trailer line is not 'name: value'.");
			break;
		case C_TRAILER_NAME:
			if (b == ':')
				c->state = C_TRAILER_VALUE;
			else if (!tchar(b))
				return cbad(why, cap, "A trailer line is not 'name: value'.");
			break;
		case C_TRAILER_VALUE:
			if (b == '\r')
				c->state = C_TRAILER_LF;
			else if ((b < 0x20 && b != '\t') || b == 0x7f)
				return cbad(why, cap,
					    "A trailer line holds a bare LF or a control byte.");
			break;
		case C_TRAILER_LF:
			if (b != '\n')
				return cbad(why, cap, "A trailer line's CR is not followed by LF.");
			c->line = 0;
			c->state = C_TRAILER0;
			break;
		case C_FINAL_LF:
			if (b != '\n')
				return cbad(why, cap, "The chunked body does not end in CRLF.");
			*used = i;
			return WIRE_DONE;
		}
	}
	*used = n;
	return WIRE_MORE;
}
