/* libFuzzer target: the JSON request decoder of POST /v1/parse and of
 * each batch line (handlers_decode_json), with and without "id". A decoded
 * request must hand the model valid UTF-8 text from a JSON object (its
 * "text" or its "html", never both); a
 * refusal must be a 400 problem of the right kind that serialises. The
 * decoder's own UTF-8 check is also compared with the model's. */
#include <jansson.h>

#include "fuzz/fuzz_common.h"
#include "handlers/handlers.h"

static void decode(const char *s, size_t size, int allow_id)
{
	json_t *doc, *id, *problem;
	struct handlers_request rq;
	size_t dumped;
	enum problem_kind kind;
	char *out;
	int rc = handlers_decode_json(s, size, "fuzz-1", allow_id, &doc, &rq, &id, &problem, &kind);

	if (rc == 0) {
		FZ_CHECK(json_is_object(doc) && rq.text && !problem, "accepted without a request");
		FZ_CHECK(json_string_value(json_object_get(doc, rq.is_html ? "html" : "text")) ==
			     rq.text,
			 "text is not the request's member");
		FZ_CHECK(!json_object_get(doc, rq.is_html ? "text" : "html"),
			 "both \"text\" and \"html\" accepted");
		FZ_CHECK(handlers_utf8_invalid_at(rq.text, rq.len) < 0,
			 "accepted text is not UTF-8");
		FZ_CHECK(!rq.published_at || json_is_string(json_object_get(doc, "published_at")),
			 "published_at borrowed from elsewhere");
		FZ_CHECK(!rq.url || json_is_string(json_object_get(doc, "url")),
			 "url borrowed from elsewhere");
	} else {
		FZ_CHECK(problem != NULL, "refused without a problem");
		FZ_CHECK(kind == PROBLEM_MALFORMED_JSON || kind == PROBLEM_INVALID_REQUEST ||
			     kind == PROBLEM_INVALID_UTF8,
			 "refused with kind %d", (int)kind);
		FZ_CHECK(json_integer_value(json_object_get(problem, "status")) == 400,
			 "refusal is not a 400");
		out = model_dump(problem, &dumped);
		FZ_CHECK(out != NULL, "the problem does not serialise");
		free(out);
		json_decref(problem);
	}
	FZ_CHECK(allow_id || !id, "an id without allow_id");
	if (id)
		FZ_CHECK(doc && (json_is_string(id) || json_is_integer(id) || json_is_null(id)),
			 "id of another type");
	json_decref(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	long a;
	size_t b;
	int nul;

	if (size > FUZZ_MAX_INPUT)
		return 0;
	/* two validators, one definition: they must agree (the model's also
	 * stops at NUL, which JSON text may carry as bytes in no string) */
	a = handlers_utf8_invalid_at(s, size);
	b = text_utf8_check(s, size, &nul);
	if (nul)
		FZ_CHECK(a < 0 || (size_t)a > b, "validators disagree around a NUL at %zu", b);
	else
		FZ_CHECK((a < 0 ? size : (size_t)a) == b, "validators disagree: %ld vs %zu", a, b);
	decode(s, size, 0);
	decode(s, size, 1);
	return 0;
}
