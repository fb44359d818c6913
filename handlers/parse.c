/* POST /v1/parse: one article as text/plain, a page as text/html (in the
 * charset its Content-Type or its <meta> names), or a JSON object with
 * "text" or "html". */
#include <string.h>

#include "handlers/handlers.h"

static const char *const accepted[] = {"text/plain", "application/json", "text/html", NULL};
#define ACCEPTED_TEXT "text/plain; charset=utf-8, text/html or application/json"

int handlers_parse(struct request *req, struct http_reply *out)
{
	struct model_options opt;
	struct model_error err;
	json_t *doc = NULL, *problem = NULL, *id;
	struct model_buf buf = {0};
	struct handlers_request rq;
	const char *text = req->body ? req->body : "";
	size_t len = req->body_len;
	enum problem_kind kind;
	char charset[64];
	int which, status;

	if (handlers_query_options(req, &opt, out))
		return out->status;
	which = handlers_content_type(req, accepted, ACCEPTED_TEXT, out);
	if (which < 0)
		return out->status;
	if (which == 1) {
		if (handlers_decode_json(text, len, req->id, 0, &doc, &rq, &id, &problem, &kind)) {
			status = http_reply_problem_object(out, problem);
			json_decref(problem);
			json_decref(doc);
			return status;
		}
		handlers_request_options(&rq, &opt);
		text = rq.text;
		len = rq.len;
	} else if (which == 2) {
		opt.input = MODEL_INPUT_HTML;
		if (*handlers_content_charset(req, charset, sizeof charset))
			opt.charset = charset;
	}
	memset(&err, 0, sizeof err);
	if (model_parse_into(text, len, &opt, &buf, &err)) {
		problem = handlers_model_problem(&err, req->id, &kind);
		status = http_reply_problem_object(out, problem);
		json_decref(problem);
	} else {
		/* the model's own writer here and in `meetingd parse` keeps both
		 * byte-identical */
		status = http_reply_owned(out, 200, "application/json", buf.data, buf.len);
	}
	json_decref(doc);
	return status;
}
