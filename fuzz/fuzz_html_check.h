/* The properties of the HTML path, shared by the libFuzzer target
 * (fuzz/fuzz_html.c) and the replay of its seeds and regressions in
 * `make test` (tests/unit/test_html_fuzz.c). A failed property aborts with
 * a message (fz_fail), which libFuzzer keeps as a crash. */
#ifndef MEETINGD_FUZZ_HTML_CHECK_H
#define MEETINGD_FUZZ_HTML_CHECK_H

#include <jansson.h>

#include "fuzz/fuzz_common.h"
#include "model/html/html.h"
#include "model/model.h"

/* Options from the first byte, so that seeds stay plain pages: the
 * transport's charset (none, UTF-8, windows-1258, an unknown one) and a url. */
static inline void fz_html_options(const uint8_t *data, size_t size, struct html_options *o)
{
	static const char *const CHARSETS[] = {NULL, "utf-8", "windows-1258", "x-unknown"};
	memset(o, 0, sizeof *o);
	if (!size || data[0] != 0xFF)
		return; /* a page starts with '<', ' ' or a BOM: no options */
	o->charset = size > 1 ? CHARSETS[data[1] % 4] : NULL;
	o->url = "https://baox.vn/thoi-su/bai-viet.html";
}

static inline void fz_html_check(const uint8_t *data, size_t size)
{
	struct html_options o;
	struct html_article a;
	struct html_error e;
	const char *page = (const char *)data;
	size_t skip = 0;
	int nul;

	fz_html_options(data, size, &o);
	if (o.url)
		skip = size > 1 ? 2 : 1;
	page += skip;
	size -= skip;
	if (html_extract(page, size, &o, &a, &e)) {
		FZ_CHECK(e.code == HTML_E_EMPTY || e.code == HTML_E_CHARSET,
			 "html_extract: error %d: %s", (int)e.code, e.message);
		FZ_CHECK(memchr(e.message, '\0', sizeof e.message) && e.message[0],
			 "an error without its message");
		FZ_CHECK(!a.text && !a.blocks, "a failed extraction left its article");
		return;
	}
	FZ_CHECK(a.text && a.len && a.text[a.len] == '\0' && a.text[a.len - 1] == '\n',
		 "the text is not one NUL-terminated block ending in a line break");
	FZ_CHECK(text_utf8_check(a.text, a.len, &nul) == a.len, "the text is not valid UTF-8");
	{
		size_t nl;
		char *nfc = text_nfc(a.text, a.len, &nl);
		FZ_CHECK(nfc, "text_nfc failed");
		FZ_CHECK(nl == a.len && !memcmp(nfc, a.text, nl), "the text is not NFC");
		free(nfc);
	}
	FZ_CHECK(a.n_blocks > 0, "a text without blocks");
	for (size_t k = 0; k < a.n_blocks; k++) {
		const struct html_block *b = &a.blocks[k];
		fz_span("html block", a.text, a.len, (uint32_t)b->start, (uint32_t)b->end, 0);
		FZ_CHECK(!k || b->start > a.blocks[k - 1].end, "blocks out of order at %zu", k);
		FZ_CHECK(b->html_start <= b->html_end && b->html_end <= size,
			 "block %zu: html range %zu..%zu outside the page of %zu bytes", k,
			 b->html_start, b->html_end, size);
		FZ_CHECK(!memchr(a.text + b->start, '\n', b->end - b->start) ||
			     b->kind == HTML_BLOCK_PLACEHOLDER,
			 "block %zu holds a line break", k);
		{ /* nor one the model reads as such (CR, NEL, U+2028, U+2029) */
			char *blk = strndup(a.text + b->start, b->end - b->start);
			FZ_CHECK(blk, "out of memory");
			FZ_CHECK(!strchr(blk, '\r') && !strstr(blk, "\xC2\x85") &&
				     !strstr(blk, "\xE2\x80\xA8") && !strstr(blk, "\xE2\x80\xA9"),
				 "block %zu holds a line separator", k);
			free(blk);
		}
		FZ_CHECK(html_block_at(&a, b->start) == b, "html_block_at misses block %zu", k);
	}
	for (size_t k = 0; k < a.n_authors; k++) {
		fz_span("html author", a.text, a.len, (uint32_t)a.authors[k].start,
			(uint32_t)a.authors[k].end, 0);
		FZ_CHECK(a.authors[k].name && *a.authors[k].name, "an author without a name");
	}
	if (a.published_at) {
		int y, mo, d;
		FZ_CHECK(
		    sscanf(a.published_at, "%4d-%2d-%2d", &y, &mo, &d) == 3 &&
			(strlen(a.published_at) == 10 ||
			 (strlen(a.published_at) == 25 && !strcmp(a.published_at + 19, "+07:00"))),
		    "published_at \"%s\" is not ISO 8601 in +07:00", a.published_at);
	}
	FZ_CHECK(a.charset && *a.charset, "no charset");
	html_article_free(&a);

	/* the model over the same page: a ParseResult whose paragraphs point
	 * into the page, or the same refusal */
	struct model_options mo = {
	    .input = MODEL_INPUT_HTML, .charset = o.charset, .url = o.url, .include_text = 1};
	struct model_error me;
	json_t *r = model_parse(page, size, &mo, &me), *p;
	FZ_CHECK(r, "model_parse refused a page html_extract read: %s", me.message);
	size_t i;
	json_array_foreach(json_object_get(json_object_get(r, "article"), "paragraphs"), i, p)
	{
		json_t *h = json_object_get(p, "html");
		if (!h)
			continue;
		json_int_t s = json_integer_value(json_object_get(h, "start")),
			   t = json_integer_value(json_object_get(h, "end"));
		FZ_CHECK(s >= 0 && s < t && (size_t)t <= size, "paragraph %zu: html %lld..%lld", i,
			 (long long)s, (long long)t);
	}
	FZ_CHECK(json_is_object(json_object_get(json_object_get(r, "article"), "source")),
		 "no article.source");
	json_decref(r);
}

#endif
