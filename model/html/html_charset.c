/* The page's charset and its decoding to UTF-8.
 *
 * Order of trust: a byte order mark, then the charset the transport names
 * (the HTTP Content-Type), then <meta charset> or <meta http-equiv
 * content="...; charset=..."> in the first 16 KiB (and <?xml encoding>),
 * then UTF-8. A <meta> naming a legacy charset on bytes that are valid
 * UTF-8 with multi-byte sequences (a page converted without its tag) is
 * read as UTF-8. Bytes that declare nothing and are not UTF-8 are read as
 * windows-1258, the legacy charset of Vietnamese pages, with a warning.
 * Every charset but UTF-8 goes through iconv; glibc's WINDOWS-1258 module
 * composes a base letter with the tone mark that follows it, and the layout
 * composes what is left (NFC). Only ASCII-compatible charsets are read, so
 * the markup can be tokenised on the raw bytes. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/html/html_int.h"

struct alias {
	const char *label, *name;
};

/* Labels (after lower-casing, '_' read as '-') and the iconv name read for
 * them. The WHATWG Encoding Standard reads Latin-1 and ASCII labels as
 * windows-1252; so do we. UTF-16 in a <meta> is read as UTF-8 (the page
 * could not have been parsed to find it otherwise). */
static const struct alias ALIASES[] = {{"utf-8", "UTF-8"},
				       {"utf8", "UTF-8"},
				       {"unicode-1-1-utf-8", "UTF-8"},
				       {"x-unicode20utf8", "UTF-8"},
				       {"windows-1258", "WINDOWS-1258"},
				       {"cp1258", "WINDOWS-1258"},
				       {"x-cp1258", "WINDOWS-1258"},
				       {"vn", "WINDOWS-1258"},
				       {"windows-1252", "WINDOWS-1252"},
				       {"cp1252", "WINDOWS-1252"},
				       {"x-cp1252", "WINDOWS-1252"},
				       {"iso-8859-1", "WINDOWS-1252"},
				       {"iso8859-1", "WINDOWS-1252"},
				       {"latin1", "WINDOWS-1252"},
				       {"l1", "WINDOWS-1252"},
				       {"us-ascii", "WINDOWS-1252"},
				       {"ascii", "WINDOWS-1252"},
				       {"ansi_x3.4-1968", "WINDOWS-1252"},
				       {"iso-8859-15", "ISO-8859-15"},
				       {"latin9", "ISO-8859-15"},
				       {"iso-8859-2", "ISO-8859-2"},
				       {"windows-1250", "WINDOWS-1250"},
				       {"windows-1251", "WINDOWS-1251"},
				       {"cp1251", "WINDOWS-1251"},
				       {"windows-1253", "WINDOWS-1253"},
				       {"windows-1254", "WINDOWS-1254"},
				       {"windows-1255", "WINDOWS-1255"},
				       {"windows-1256", "WINDOWS-1256"},
				       {"windows-1257", "WINDOWS-1257"},
				       {"koi8-r", "KOI8-R"},
				       {"koi8-u", "KOI8-U"},
				       {"viscii", "VISCII"},
				       {"csviscii", "VISCII"},
				       {"tcvn", "TCVN5712-1"},
				       {"tcvn-5712", "TCVN5712-1"},
				       {"tcvn5712-1", "TCVN5712-1"},
				       {"x-viet-tcvn", "TCVN5712-1"},
				       {"tis-620", "TIS-620"},
				       {"windows-874", "CP874"},
				       {"gbk", "GB18030"},
				       {"gb2312", "GB18030"},
				       {"gb18030", "GB18030"},
				       {"big5", "BIG5-HKSCS"},
				       {"shift-jis", "SHIFT_JIS"},
				       {"sjis", "SHIFT_JIS"},
				       {"euc-jp", "EUC-JP"},
				       {"euc-kr", "EUC-KR"},
				       {"utf-16", "UTF-16"},
				       {"utf-16le", "UTF-16"},
				       {"utf-16be", "UTF-16"},
				       {NULL, NULL}};

/* Canonical name of a charset label, NULL when unknown. */
const char *html_charset_name(const char *label, size_t n)
{
	char k[40];
	size_t m = 0;
	while (n && (isspace((unsigned char)*label) || *label == '"' || *label == '\''))
		label++, n--;
	while (n && (isspace((unsigned char)label[n - 1]) || label[n - 1] == '"' ||
		     label[n - 1] == '\''))
		n--;
	if (!n || n >= sizeof k)
		return NULL;
	for (; m < n; m++) {
		char c = (char)tolower((unsigned char)label[m]);
		k[m] = c == '_' ? '-' : c;
	}
	k[m] = '\0';
	for (const struct alias *a = ALIASES; a->label; a++)
		if (!strcmp(a->label, k))
			return a->name;
	return NULL;
}

/* ---- <meta> prescan -------------------------------------------------------- */

/* Case-insensitive prefix test of p[0..e) against the lower-case w. */
static int starts(const char *p, const char *e, const char *w)
{
	size_t n = strlen(w);
	return (size_t)(e - p) >= n && !strncasecmp(p, w, n);
}

/* The label after "charset=" in a content value, or NULL. */
static const char *content_charset(const char *v, size_t n, size_t *ln)
{
	for (size_t i = 0; i + 7 < n; i++) {
		if (strncasecmp(v + i, "charset", 7))
			continue;
		size_t j = i + 7;
		while (j < n && isspace((unsigned char)v[j]))
			j++;
		if (j >= n || v[j] != '=')
			continue;
		j++;
		while (j < n && (isspace((unsigned char)v[j]) || v[j] == '"' || v[j] == '\''))
			j++;
		size_t k = j;
		while (k < n && v[k] != ';' && v[k] != '"' && v[k] != '\'' &&
		       !isspace((unsigned char)v[k]))
			k++;
		*ln = k - j;
		return k > j ? v + j : NULL;
	}
	return NULL;
}

/* One <meta ...> tag at p (after "<meta"): the charset it declares, or NULL.
 * *end gets where the tag ends. */
static const char *meta_tag(const char *p, const char *e, const char **end, size_t *ln)
{
	const char *cs = NULL, *ct = NULL;
	size_t csn = 0, ctn = 0;
	int equiv = 0;
	while (p < e) {
		while (p < e && (isspace((unsigned char)*p) || *p == '/'))
			p++;
		if (p >= e || *p == '>')
			break;
		const char *ns = p;
		while (p < e && !isspace((unsigned char)*p) && *p != '=' && *p != '>' && *p != '/')
			p++;
		size_t nn = (size_t)(p - ns);
		const char *vs = p;
		size_t vn = 0;
		while (p < e && isspace((unsigned char)*p))
			p++;
		if (p < e && *p == '=') {
			p++;
			while (p < e && isspace((unsigned char)*p))
				p++;
			if (p < e && (*p == '"' || *p == '\'')) {
				char q = *p++;
				vs = p;
				while (p < e && *p != q)
					p++;
				vn = (size_t)(p - vs);
				if (p < e)
					p++;
			} else {
				vs = p;
				while (p < e && !isspace((unsigned char)*p) && *p != '>')
					p++;
				vn = (size_t)(p - vs);
			}
		}
		if (nn == 7 && !strncasecmp(ns, "charset", 7))
			cs = vs, csn = vn;
		else if (nn == 10 && !strncasecmp(ns, "http-equiv", 10))
			equiv = vn == 12 && !strncasecmp(vs, "content-type", 12);
		else if (nn == 7 && !strncasecmp(ns, "content", 7))
			ct = vs, ctn = vn;
	}
	*end = p;
	if (cs && csn) {
		*ln = csn;
		return cs;
	}
	if (equiv && ct)
		return content_charset(ct, ctn, ln);
	return NULL;
}

/* The charset label the page declares in its first bytes, or NULL. */
static const char *prescan(const char *s, size_t len, size_t *ln)
{
	const char *p = s, *e = s + (len < 16384 ? len : 16384);
	if (starts(p, e, "<?xml")) {
		const char *q = p, *qe = memchr(p, '>', (size_t)(e - p));
		if (qe) {
			for (; q + 8 < qe; q++)
				if (!strncasecmp(q, "encoding", 8)) {
					const char *v = q + 8;
					while (v < qe && (*v == '=' || isspace((unsigned char)*v) ||
							  *v == '"' || *v == '\''))
						v++;
					const char *ve = v;
					while (ve < qe && *ve != '"' && *ve != '\'' && *ve != '?' &&
					       !isspace((unsigned char)*ve))
						ve++;
					if (ve > v) {
						*ln = (size_t)(ve - v);
						return v;
					}
				}
		}
	}
	while (p < e) {
		const char *lt = memchr(p, '<', (size_t)(e - p));
		if (!lt)
			break;
		p = lt + 1;
		if (starts(p, e, "!--")) {
			const char *c = p + 3;
			while (c + 2 < e && !(c[0] == '-' && c[1] == '-' && c[2] == '>'))
				c++;
			p = c + 3;
			continue;
		}
		if (starts(p, e, "meta") && p + 4 < e &&
		    (isspace((unsigned char)p[4]) || p[4] == '/')) {
			const char *end;
			const char *cs = meta_tag(p + 4, e, &end, ln);
			if (cs)
				return cs;
			p = end;
		}
	}
	return NULL;
}

/* ---- converter ------------------------------------------------------------- */

/* 1 when iconv reads the ASCII bytes of markup as themselves. */
static int ascii_compatible(iconv_t cd)
{
	static const char probe[] = "<a href=\"x\" b='y'/>\t\r\n&#0;09AZaz!?-_.:;=";
	char out[128], *in = (char *)probe, *o = out;
	size_t il = sizeof probe - 1, ol = sizeof out;
	iconv(cd, NULL, NULL, NULL, NULL);
	if (iconv(cd, &in, &il, &o, &ol) == (size_t)-1 || il)
		return 0;
	iconv(cd, NULL, NULL, &o, &ol);
	iconv(cd, NULL, NULL, NULL, NULL);
	return (size_t)(o - out) == sizeof probe - 1 && !memcmp(out, probe, sizeof probe - 1);
}

static int valid_utf8(const char *s, size_t n);

static int has_multibyte(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0xC2 && (unsigned char)s[i] <= 0xF4)
			return 1;
	return 0;
}

/* Open the converter for the page (see the top of this file). */
int html_charset_open(const char *page, size_t len, const char *transport, hconv_t *cv,
		      size_t *skip, struct html_error *err)
{
	const char *name = NULL;
	memset(cv, 0, sizeof *cv);
	cv->cd = (iconv_t)-1;
	*skip = 0;
	if (len >= 3 && !memcmp(page, "\xEF\xBB\xBF", 3)) {
		name = "UTF-8";
		*skip = 3;
	} else if (len >= 2 && (!memcmp(page, "\xFE\xFF", 2) || !memcmp(page, "\xFF\xFE", 2))) {
		err->code = HTML_E_CHARSET;
		snprintf(err->message, sizeof err->message,
			 "UTF-16 pages are not supported; send the page as UTF-8");
		return -1;
	} else if (transport && *transport) {
		name = html_charset_name(transport, strlen(transport));
		if (!name || !strcmp(name, "UTF-16")) {
			err->code = HTML_E_CHARSET;
			snprintf(err->message, sizeof err->message,
				 "charset '%.40s' is not supported (UTF-8, windows-1258 and other "
				 "ASCII-compatible charsets are)",
				 transport);
			return -1;
		}
	} else {
		size_t ln = 0;
		const char *label = prescan(page, len, &ln);
		if (label)
			name = html_charset_name(label, ln);
		if (name && !strcmp(name, "UTF-16"))
			name = "UTF-8";
		/* a page saved as UTF-8 that kept its old <meta charset>: text in a
		 * legacy charset is practically never valid UTF-8 with multi-byte
		 * sequences, so the bytes win over the tag */
		if (name && strcmp(name, "UTF-8") && has_multibyte(page, len) &&
		    valid_utf8(page, len))
			name = "UTF-8";
		if (!name) {
			name = "UTF-8";
			if (!label && !valid_utf8(page, len)) {
				name = "WINDOWS-1258"; /* a guess, told as a warning */
				cv->guessed = 1;
			}
		}
	}
	cv->name = name;
	if (!strcmp(name, "UTF-8")) {
		cv->utf8 = 1;
		return 0;
	}
	cv->cd = iconv_open("UTF-8", name);
	if (cv->cd == (iconv_t)-1 || !ascii_compatible(cv->cd)) {
		if (cv->cd != (iconv_t)-1)
			iconv_close(cv->cd);
		cv->cd = (iconv_t)-1;
		err->code = HTML_E_CHARSET;
		snprintf(err->message, sizeof err->message,
			 "charset '%s' cannot be read on this system", name);
		return -1;
	}
	return 0;
}

/* Close the converter. */
void html_charset_close(hconv_t *cv)
{
	if (cv->cd != (iconv_t)-1)
		iconv_close(cv->cd);
	cv->cd = (iconv_t)-1;
}

/* Length of the valid UTF-8 sequence at s[0..n), 0 when invalid. */
static size_t utf8_len(const unsigned char *s, size_t n, uint32_t *cp)
{
	unsigned c = s[0];
	size_t k;
	uint32_t v, min;
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF)
		k = 2, v = c & 0x1F, min = 0x80;
	else if (c >= 0xE0 && c <= 0xEF)
		k = 3, v = c & 0x0F, min = 0x800;
	else if (c >= 0xF0 && c <= 0xF4)
		k = 4, v = c & 0x07, min = 0x10000;
	else
		return 0;
	if (n < k)
		return 0;
	for (size_t i = 1; i < k; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		v = (v << 6) | (s[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = v;
	return k;
}

static int valid_utf8(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		uint32_t cp;
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		size_t k = utf8_len(u + i, n - i, &cp);
		if (!k)
			return 0;
		i += k;
	}
	return 1;
}

/* Append UTF-8 s[0..n) to *out: invalid sequences and characters the
 * parser refuses (NUL, C0 controls but tab and line breaks, U+FFFE/U+FFFF)
 * become U+FFFD or a space; *bad counts replacements of invalid bytes. */
static int put_clean_utf8(const char *s, size_t n, hbuf_t *out, int *bad)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, run = 0;
	if (html_buf_reserve(out, n))
		return -1;
	while (i < n) {
		unsigned c = u[i];
		if (c >= 0x20 && c < 0x80) {
			i++;
			continue;
		}
		uint32_t cp = 0;
		size_t k = c < 0x80 ? 1 : utf8_len(u + i, n - i, &cp);
		if (c < 0x80)
			cp = c;
		int ok = k && cp != 0xFFFE && cp != 0xFFFF &&
			 (cp >= 0x20 || cp == '\t' || cp == '\n' || cp == '\r');
		if (ok) {
			i += k;
			continue;
		}
		if (html_buf_put(out, s + run, i - run))
			return -1;
		if (!k) {
			*bad = 1;
			if (html_buf_put_cp(out, 0xFFFD))
				return -1;
			i++;
		} else {
			if (cp < 0x20 ? html_buf_putc(out, ' ') : html_buf_put_cp(out, 0xFFFD))
				return -1;
			i += k;
		}
		run = i;
	}
	return html_buf_put(out, s + run, n - run);
}

/* Emit what the converter holds back (glibc's WINDOWS-1258 keeps the last
 * letter until it knows no tone mark follows). 0 or -1. */
static int conv_flush(hconv_t *cv, hbuf_t *tmp)
{
	for (;;) {
		char *o = tmp->p + tmp->n;
		size_t ol = tmp->cap - tmp->n - 1;
		size_t r = iconv(cv->cd, NULL, NULL, &o, &ol);
		tmp->n = (size_t)(o - tmp->p);
		if (r != (size_t)-1)
			return 0;
		if (errno != E2BIG || html_buf_reserve(tmp, tmp->cap))
			return -1;
	}
}

/* Decode s[0..n) into *out (see html_int.h). */
int html_charset_decode(hconv_t *cv, const char *s, size_t n, hbuf_t *out)
{
	if (cv->utf8)
		return put_clean_utf8(s, n, out, &cv->repaired);
	hbuf_t tmp = {0};
	char *in = (char *)s;
	size_t il = n;
	iconv(cv->cd, NULL, NULL, NULL, NULL);
	if (html_buf_reserve(&tmp, n * 2 + 16))
		return -1;
	while (il) {
		char *o = tmp.p + tmp.n;
		size_t ol = tmp.cap - tmp.n - 1;
		size_t r = iconv(cv->cd, &in, &il, &o, &ol);
		tmp.n = (size_t)(o - tmp.p);
		if (r != (size_t)-1)
			continue;
		if (errno == E2BIG) {
			if (html_buf_reserve(&tmp, tmp.cap))
				goto oom;
			continue;
		}
		/* EILSEQ or EINVAL: a byte the charset does not define, or a
		 * sequence cut by the end of the run */
		cv->repaired = 1;
		if (conv_flush(cv, &tmp) || html_buf_put_cp(&tmp, 0xFFFD))
			goto oom;
		in++;
		il--;
	}
	if (conv_flush(cv, &tmp))
		goto oom;
	int bad = 0, rc = put_clean_utf8(tmp.p, tmp.n, out, &bad);
	free(tmp.p);
	return rc;
oom:
	free(tmp.p);
	return -1;
}
