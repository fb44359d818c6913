/* libFuzzer target: the new model engine against the old one (commit
 * 1a65850, linked in beside it with every symbol renamed old_; see
 * fuzz/fuzz_compare_old.h) on the same bytes, read as a text article (the
 * old engine had no HTML). Both must give the same ParseResult, byte for
 * byte once the deliberate fixes below are set aside, or the same error
 * code. The same rule as `make engine-compare` (tools/engine_compare.py),
 * on inputs no one recorded. The first byte chooses the options, so seeds
 * stay plain articles.
 *
 * The deliberate fixes, the only differences forgiven:
 * - quotes[].mentions: the new engine lists a quote's occurrences in
 *   quotation marks, the old one the first matches of its words anywhere;
 *   quotes are compared without their mentions;
 * - a document citation whose trailing date is not read ("ban hành ngày
 *   7/6/24"): the old mention ran past the symbol, the new one ends at it;
 *   forgiven when issued_on is null on both sides (or the same date, given
 *   by another mention), both start alike, the new text ends with the
 *   symbol and the old text starts with the new one.
 * Inputs of a shape a listed change of the text layer applies to are not
 * compared (tools/engine_compare.py SHAPES): C0 controls, read as blanks; a
 * letter glued to a digit, read as a word and a number; letters of other
 * scripts, read as letters; a date glued to a following % or /. */
#include <jansson.h>

#include "fuzz/fuzz_common.h"
#include "fuzz/fuzz_compare_old.h"
#include "model/model.h"

#define SHOW 160 /* bytes of each differing value printed */

static json_t *load(const char *what, const char *s, size_t n)
{
	json_error_t je;
	json_t *v = json_loadb(s, n, 0, &je);

	FZ_CHECK(v != NULL, "the %s engine's JSON does not load: %s", what, je.text);
	return v;
}

static void drop_quote_mentions(json_t *r)
{
	json_t *q;
	size_t i;

	json_array_foreach(json_object_get(r, "quotes"), i, q) json_object_del(q, "mentions");
}

static int is_prefix(const char *p, const char *s)
{
	return !strncmp(p, s, strlen(p));
}

static int ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), k = strlen(tail);

	return k <= n && !strcmp(s + n - k, tail);
}

/* The old mention a, cut where the new mention b ends when the fix
 * explains the difference. */
static void cut_doc_mention(json_t *a, const json_t *b, const char *symbol)
{
	const char *at = json_string_value(json_object_get(a, "text")),
		   *bt = json_string_value(json_object_get(b, "text"));
	json_t *as = json_object_get(a, "start"), *bs = json_object_get(b, "start"),
	       *ae = json_object_get(a, "end"), *be = json_object_get(b, "end");

	if (!at || !bt || !json_is_integer(as) || !json_is_integer(bs) || !json_is_integer(ae) ||
	    !json_is_integer(be) || json_object_size(a) != json_object_size(b))
		return;
	if (json_integer_value(as) != json_integer_value(bs) ||
	    json_integer_value(ae) <= json_integer_value(be) || strlen(at) <= strlen(bt) ||
	    !is_prefix(bt, at) || !ends_with(bt, symbol))
		return;
	json_object_set(a, "text", json_object_get(b, "text"));
	json_object_set(a, "end", be);
}

static void cut_doc_mentions(json_t *old, const json_t *new)
{
	json_t *od = json_object_get(old, "documents"), *nd = json_object_get(new, "documents");
	size_t i, k;

	if (json_array_size(od) != json_array_size(nd))
		return;
	for (i = 0; i < json_array_size(od); i++) {
		json_t *o = json_array_get(od, i), *n = json_array_get(nd, i);
		json_t *om = json_object_get(o, "mentions"), *nm = json_object_get(n, "mentions");
		const char *symbol = json_string_value(json_object_get(n, "symbol"));

		const json_t *oi = json_object_get(o, "issued_on"),
			     *ni = json_object_get(n, "issued_on");

		/* no date read; or one, alike, that another mention gave */
		if (!oi || !ni || !json_equal(oi, ni) ||
		    (!json_is_null(ni) && json_array_size(nm) < 2) || !symbol || !*symbol ||
		    json_array_size(om) != json_array_size(nm))
			continue;
		for (k = 0; k < json_array_size(om); k++)
			cut_doc_mention(json_array_get(om, k), json_array_get(nm, k), symbol);
	}
}

static char *dump(const json_t *v)
{
	char *s = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);

	FZ_CHECK(s != NULL, "json_dumps: out of memory");
	return s;
}

/* Writes the path of the first difference of a and b into path; 1 when
 * one was found. The key order counts, as in the output. */
static int first_diff(const json_t *a, const json_t *b, char *path, size_t cap)
{
	size_t used = strlen(path), i;

	if (json_is_object(a) && json_is_object(b)) {
		void *ia = json_object_iter((json_t *)a), *ib = json_object_iter((json_t *)b);
		for (; ia && ib; ia = json_object_iter_next((json_t *)a, ia),
				 ib = json_object_iter_next((json_t *)b, ib)) {
			const char *ka = json_object_iter_key(ia), *kb = json_object_iter_key(ib);
			snprintf(path + used, cap - used, ".%s", ka);
			if (strcmp(ka, kb))
				return 1;
			if (first_diff(json_object_iter_value(ia), json_object_iter_value(ib), path,
				       cap))
				return 1;
		}
		path[used] = '\0';
		return ia || ib;
	}
	if (json_is_array(a) && json_is_array(b)) {
		for (i = 0; i < json_array_size(a) && i < json_array_size(b); i++) {
			snprintf(path + used, cap - used, "[%zu]", i);
			if (first_diff(json_array_get(a, i), json_array_get(b, i), path, cap))
				return 1;
		}
		path[used] = '\0';
		return json_array_size(a) != json_array_size(b);
	}
	return !json_equal(a, b) || json_typeof(a) != json_typeof(b);
}

static const json_t *at_path(const json_t *v, const char *path)
{
	while (*path && v) {
		char key[256];
		size_t n;

		if (*path == '[') {
			v = json_array_get(v, strtoul(path + 1, NULL, 10));
			path = strchr(path, ']') + 1;
			continue;
		}
		path++; /* '.' */
		n = strcspn(path, ".[");
		snprintf(key, sizeof key, "%.*s", (int)(n < sizeof key ? n : sizeof key - 1), path);
		v = json_object_get(v, key);
		path += n;
	}
	return v;
}

static void fail_diff(const json_t *old, const json_t *new, int unit, int explain)
{
	char path[1024] = "$", *a, *b;
	const json_t *va, *vb;

	first_diff(old, new, path, sizeof path);
	va = at_path(old, path + 1);
	vb = at_path(new, path + 1);
	a = va ? dump(va) : strdup("(absent)");
	b = vb ? dump(vb) : strdup("(absent)");
	fz_fail("old and new engines differ (unit %d, explain %d) at %s:\n  old: %.*s%s\n  new: "
		"%.*s%s",
		unit, explain, path, SHOW, a, strlen(a) > SHOW ? "..." : "", SHOW, b,
		strlen(b) > SHOW ? "..." : "");
}

/* 1 when the input has a shape a listed change applies to (see above);
 * generous where in doubt: such an input is only not compared. */
static int listed_shape(const uint8_t *d, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		uint8_t c = d[i], p = i ? d[i - 1] : ' ';
		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r') ||
		    c == 0x7F)
			return 1;
		/* after an ASCII letter or any non-ASCII character */
		if (c >= '0' && c <= '9' && (p >= 0x80 || ((p | 0x20) >= 'a' && (p | 0x20) <= 'z')))
			return 1;
		if ((c == '%' || c == '/') && i >= 5 && d[i - 5] == '/' && d[i - 4] >= '0' &&
		    d[i - 4] <= '9' && d[i - 3] >= '0' && d[i - 3] <= '9' && d[i - 2] >= '0' &&
		    d[i - 2] <= '9' && p >= '0' && p <= '9')
			return 1;
	}
	for (size_t i = 0; i < n; i++) {
		uint32_t cp;
		if (d[i] < 0xC0)
			continue;
		if (d[i] < 0xE0 && i + 1 < n)
			cp = (uint32_t)(d[i] & 0x1F) << 6 | (d[i + 1] & 0x3F);
		else if (d[i] < 0xF0 && i + 2 < n)
			cp = (uint32_t)(d[i] & 0x0F) << 12 | (uint32_t)(d[i + 1] & 0x3F) << 6 |
			     (d[i + 2] & 0x3F);
		else
			return 1;
		if (cp >= 0x370 && !(cp >= 0x1E00 && cp <= 0x1EFF) && !(cp >= 0x2000 && cp < 0x2300))
			return 1;
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct model_options o = {0};
	struct model_buf out = {0};
	struct model_error e;
	const char *s = (const char *)data;
	char *oj, *a, *b;
	size_t on;
	int oerr, orc, nrc;
	json_t *ov, *nv;

	if (size > FUZZ_MAX_INPUT || listed_shape(data, size))
		return 0;
	if (size) {
		o.unit = (enum model_offset_unit)(data[0] % 3);
		o.explain = (data[0] >> 2) & 1;
	}
	o.include_text = o.explain;
	o.input = MODEL_INPUT_TEXT;
	orc = old_parse(s, size, (int)o.unit, o.explain, &oj, &on, &oerr);
	nrc = model_parse_into(s, size, &o, &out, &e);
	if (orc || nrc) {
		FZ_CHECK(orc == nrc && oerr == (int)e.code,
			 "old engine: %s (code %d), new engine: %s (code %d, %s)",
			 orc ? "error" : "a result", oerr, nrc ? "error" : "a result",
			 nrc ? (int)e.code : 0, nrc ? model_errcode_name(e.code) : "");
		free(oj);
		free(out.data);
		return 0;
	}
	ov = load("old", oj, on);
	nv = load("new", out.data, out.len);
	free(oj);
	free(out.data);
	drop_quote_mentions(ov);
	drop_quote_mentions(nv);
	cut_doc_mentions(ov, nv);
	a = dump(ov);
	b = dump(nv);
	if (strcmp(a, b))
		fail_diff(ov, nv, (int)o.unit, o.explain);
	free(a);
	free(b);
	json_decref(ov);
	json_decref(nv);
	return 0;
}
