/* Building a handler's reply: buffers, JSON, problems and streams. The
 * status and the MHD response go into struct http_reply; http.c adds the
 * common headers and queues it. */
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>

#include "model/model.h"
#include "server/http.h"

int http_reply_bytes(struct http_reply *out, int status, const char *content_type, const void *data,
		     size_t len, int copy)
{
	out->status = status;
	out->body_len = len;
	out->resp = MHD_create_response_from_buffer(
	    len, (void *)(uintptr_t)data, copy ? MHD_RESPMEM_MUST_COPY : MHD_RESPMEM_PERSISTENT);
	if (out->resp && content_type)
		MHD_add_response_header(out->resp, MHD_HTTP_HEADER_CONTENT_TYPE, content_type);
	return status;
}

int http_reply_owned(struct http_reply *out, int status, const char *content_type, char *data,
		     size_t len)
{
	out->status = status;
	out->body_len = len;
	out->resp = MHD_create_response_from_buffer(len, data, MHD_RESPMEM_MUST_FREE);
	if (!out->resp)
		free(data);
	else if (content_type)
		MHD_add_response_header(out->resp, MHD_HTTP_HEADER_CONTENT_TYPE, content_type);
	return status;
}

static int reply_json_typed(struct http_reply *out, int status, const json_t *value,
			    const char *content_type)
{
	size_t len;
	char *s = value ? model_dump(value, &len) : NULL;

	if (!s) {
		out->status = status;
		out->resp = NULL; /* finish() turns this into a bare 500 */
		return status;
	}
	return http_reply_owned(out, status, content_type, s, len);
}

int http_reply_json(struct http_reply *out, int status, const json_t *value)
{
	return reply_json_typed(out, status, value, "application/json");
}

int http_reply_problem_object(struct http_reply *out, const json_t *problem)
{
	json_int_t status = json_integer_value(json_object_get(problem, "status"));

	out->problem = problem_slug_of_type(json_string_value(json_object_get(problem, "type")));
	return reply_json_typed(out, status >= 400 && status < 600 ? (int)status : 500, problem,
				"application/problem+json");
}

int http_reply_problem(struct request *req, struct http_reply *out, enum problem_kind kind,
		       const char *fmt, ...)
{
	va_list ap;
	json_t *p;
	int status = problem_status(kind);

	va_start(ap, fmt);
	p = problem_newv(kind, req->id, fmt, ap);
	va_end(ap);
	reply_json_typed(out, status, p, "application/problem+json");
	out->problem = problem_slug(kind);
	json_decref(p);
	return status;
}

int http_reply_stream(struct http_reply *out, int status, const char *content_type,
		      MHD_ContentReaderCallback read_cb, void *cls,
		      MHD_ContentReaderFreeCallback free_cb)
{
	out->status = status;
	out->body_len = 0; /* counted by the callback into req->bytes_out */
	out->resp =
	    MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 16 * 1024, read_cb, cls, free_cb);
	if (!out->resp)
		free_cb(cls);
	else if (content_type)
		MHD_add_response_header(out->resp, MHD_HTTP_HEADER_CONTENT_TYPE, content_type);
	return status;
}
