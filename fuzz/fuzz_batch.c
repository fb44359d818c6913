/* libFuzzer target: the NDJSON batch splitter behind POST
 * /v1/parse/batch, driven the way libmicrohttpd drives it (the content
 * reader called with small buffers until the end of the stream). Its
 * functions are private to handlers/batch.c, so the file is included
 * whole; the rest of the server is linked as is. Checks: one answer line
 * per non-empty input line (the same count the 413 limit uses), each a
 * JSON object, either a result or a problem naming its input line, in
 * order. */
#include "handlers/batch.c"

#include "fuzz/fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct request *req;
	struct batch *b;
	char *out = NULL, chunk[700];
	size_t out_len = 0, pos, answers = 0;
	long expected, last_line = 0;

	if (size > FUZZ_MAX_INPUT)
		return 0;
	req = calloc(1, sizeof *req);
	b = calloc(1, sizeof *b);
	FZ_CHECK(req && b, "out of memory");
	atomic_init(&req->refs, 1); /* the batch's reference */
	snprintf(req->id, sizeof req->id, "fuzz-batch");
	b->req = req;
	b->body = malloc(size + 1);
	FZ_CHECK(b->body != NULL, "out of memory");
	memcpy(b->body, data, size);
	b->body[size] = '\0';
	b->len = size;
	b->opt.unit = size ? (enum model_offset_unit)(data[size - 1] % 3) : MODEL_OFFSET_CODEPOINT;
	expected = count_lines(b->body, b->len);

	for (;;) {
		/* an odd buffer size, so answers straddle reads */
		ssize_t n = batch_read(b, out_len, chunk, sizeof chunk);
		if (n == MHD_CONTENT_READER_END_OF_STREAM)
			break;
		FZ_CHECK(n > 0 && (size_t)n <= sizeof chunk, "content reader returned %zd", n);
		out = realloc(out, out_len + (size_t)n + 1);
		FZ_CHECK(out != NULL, "out of memory");
		memcpy(out + out_len, chunk, (size_t)n);
		out_len += (size_t)n;
	}
	FZ_CHECK(atomic_load(&req->bytes_out) == out_len, "bytes_out %zu, sent %zu",
		 atomic_load(&req->bytes_out), out_len);
	for (pos = 0; pos < out_len;) {
		char *nl = memchr(out + pos, '\n', out_len - pos);
		json_t *a, *line;
		FZ_CHECK(nl != NULL, "answer %zu does not end in a newline", answers + 1);
		a = json_loadb(out + pos, (size_t)(nl - (out + pos)), 0, NULL);
		FZ_CHECK(json_is_object(a), "answer %zu is not a JSON object", answers + 1);
		FZ_CHECK(json_object_get(a, "id") != NULL, "answer %zu has no id", answers + 1);
		line = json_object_get(a, "line");
		if (json_object_get(a, "version")) {
			FZ_CHECK(!line, "a result with a line number");
		} else {
			FZ_CHECK(json_is_string(json_object_get(a, "type")) &&
				     json_is_integer(line),
				 "answer %zu is neither a result nor a problem", answers + 1);
			FZ_CHECK(json_integer_value(line) > last_line,
				 "problem lines out of order: %lld after %ld",
				 (long long)json_integer_value(line), last_line);
			last_line = (long)json_integer_value(line);
		}
		json_decref(a);
		answers++;
		pos = (size_t)(nl - out) + 1;
	}
	FZ_CHECK((long)answers == expected, "%zu answers to %ld non-empty lines", answers,
		 expected);
	free(out);
	batch_free(b); /* drops the reference: req goes too */
	return 0;
}
