/* libFuzzer target: the model entry point on raw bytes, as every front-end
 * calls it. Beyond "no crash, no sanitizer report", it checks what a client
 * relies on: an error is one of the documented kinds at a real offending
 * byte; a result serialises and reads back unchanged, and every span, in
 * the offset unit asked for, slices the normalised text to its "text".
 * The first byte chooses the options, so seeds stay plain articles. */
#include <jansson.h>

#include "fuzz/fuzz_common.h"
#include "model/model.h"

/* Byte offset of each unit index of valid UTF-8 text; SIZE_MAX inside a
 * code point (the low half of a UTF-16 surrogate pair). Caller frees. */
static size_t *unit_map(const char *t, size_t len, int unit, size_t *units)
{
	size_t *m = malloc((len + 1) * 2 * sizeof *m), i = 0, u = 0;

	if (!m)
		fz_fail("out of memory");
	while (i < len) {
		size_t at = i;
		uint32_t cp = chars_decode(t, len, &i);
		if (unit == MODEL_OFFSET_BYTE) {
			for (; at < i; at++)
				m[u++] = at;
			continue;
		}
		m[u++] = at;
		if (unit == MODEL_OFFSET_UTF16 && cp > 0xFFFF)
			m[u++] = SIZE_MAX;
	}
	m[u] = len;
	*units = u;
	return m;
}

static long check_spans(const json_t *v, const char *text, size_t len, const size_t *map,
			size_t units)
{
	long n = 0;

	if (json_is_object(v)) {
		json_t *t = json_object_get(v, "text"), *s = json_object_get(v, "start"),
		       *e = json_object_get(v, "end"), *x;
		const char *k;
		if (json_is_integer(s) && json_is_integer(e)) {
			json_int_t a = json_integer_value(s), z = json_integer_value(e);
			size_t ba, bz;
			FZ_CHECK(a >= 0 && a <= z && (size_t)z <= units,
				 "span %lld..%lld outside 0..%zu units", (long long)a, (long long)z,
				 units);
			ba = map[a];
			bz = map[z];
			FZ_CHECK(ba != SIZE_MAX && bz != SIZE_MAX,
				 "span %lld..%lld splits a surrogate pair", (long long)a,
				 (long long)z);
			fz_span("model", text, len, (uint32_t)ba, (uint32_t)bz, 1);
			if (json_is_string(t))
				FZ_CHECK(json_string_length(t) == bz - ba &&
					     !memcmp(text + ba, json_string_value(t), bz - ba),
					 "span %lld..%lld is not its text \"%s\"", (long long)a,
					 (long long)z, json_string_value(t));
			n++;
		}
		json_object_foreach((json_t *)v, k, x) n += check_spans(x, text, len, map, units);
	} else if (json_is_array(v)) {
		size_t i;
		json_t *x;
		json_array_foreach(v, i, x) n += check_spans(x, text, len, map, units);
	}
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct model_options o = {0};
	struct model_error e;
	const char *s = (const char *)data, *text;
	json_t *r, *back;
	size_t units, dumped, len, *map;
	char *out;
	int nul;

	if (size > FUZZ_MAX_INPUT)
		return 0;
	if (size) {
		o.unit = (enum model_offset_unit)(data[0] % 3);
		o.explain = (data[0] >> 2) & 1;
		if (data[0] & 0x80) /* valid UTF-8 never starts with 10xxxxxx: an anchor */
			o.published_at = "2022-03-14T09:00:00+07:00";
	}
	o.include_text = 1;
	r = model_parse(s, size, &o, &e);
	if (!r) {
		size_t bad = text_utf8_check(s, size, &nul);
		switch (e.code) {
		case MODEL_E_UTF8:
			FZ_CHECK(bad < size && e.offset == bad,
				 "invalid UTF-8 reported at %zu, first bad byte is %zu of %zu",
				 e.offset, bad, size);
			break;
		case MODEL_E_EMPTY:
			FZ_CHECK(bad == size, "empty reported for invalid UTF-8");
			break;
		default:
			fz_fail("unexpected error %s: %s", model_errcode_name(e.code), e.message);
		}
		FZ_CHECK(memchr(e.message, '\0', sizeof e.message) != NULL,
			 "unterminated error message");
		return 0;
	}
	text = json_string_value(json_object_get(r, "text"));
	FZ_CHECK(text != NULL, "include_text gave no text");
	len = json_string_length(json_object_get(r, "text"));
	FZ_CHECK(text_utf8_check(text, len, &nul) == len, "normalised text is not valid UTF-8");
	map = unit_map(text, len, o.unit, &units);
	check_spans(r, text, len, map, units);
	free(map);
	out = model_dump(r, &dumped);
	FZ_CHECK(out && dumped && out[dumped - 1] == '\n', "model_dump failed");
	back = json_loadb(out, dumped, 0, NULL);
	FZ_CHECK(back && json_equal(back, r), "the dump does not read back");
	json_decref(back);
	free(out);
	json_decref(r);
	return 0;
}
