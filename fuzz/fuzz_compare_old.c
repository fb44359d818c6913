/* The old engine's side of the compare fuzz target: compiled against the
 * old tree's model/model.h (build-old/src), then renamed with the old
 * engine's objects, so that its calls reach old_model_parse and friends. */
#include <stdlib.h>

#include "fuzz/fuzz_compare_old.h"
#include "model/model.h"

/* Owned by the compare fuzz target: see fuzz/fuzz_compare_old.h. */
int old_parse(const char *bytes, size_t len, int unit, int explain, char **json, size_t *n,
	      int *errcode)
{
	struct model_options o = {0};
	struct model_error e;
	json_t *r;

	o.unit = (enum model_offset_unit)unit;
	o.explain = explain;
	o.include_text = explain;
	*json = NULL;
	*n = 0;
	*errcode = 0;
	r = model_parse(bytes, len, &o, &e);
	if (!r) {
		*errcode = (int)e.code;
		return -1;
	}
	*json = model_dump(r, n);
	json_decref(r);
	if (!*json) {
		*errcode = (int)MODEL_E_NOMEM;
		return -1;
	}
	return 0;
}
