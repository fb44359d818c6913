/* STUB entry point — being replaced. */
#include "model.h"
#include <string.h>
int model_init(void) { return 0; }
json_t *model_parse(const char *bytes, size_t len, const struct model_options *opt, struct model_error *err)
{
	(void)bytes; (void)len; (void)opt;
	memset(err, 0, sizeof *err);
	return json_pack("{s:s}", "version", MODEL_VERSION);
}
char *model_dump(const json_t *result, size_t *len_out)
{
	char *s = json_dumps(result, JSON_COMPACT);
	if (!s) return NULL;
	size_t n = strlen(s);
	char *r = realloc(s, n + 2);
	if (!r) { free(s); return NULL; }
	r[n] = '\n'; r[n + 1] = '\0';
	*len_out = n + 1;
	return r;
}
const char *model_errcode_name(enum model_errcode c) { (void)c; return "error"; }
