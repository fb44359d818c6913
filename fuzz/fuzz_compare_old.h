/* The old model engine (commit 1a65850, before the rewrite) as the compare
 * fuzz target sees it: one function, with no type of the old model.h, so
 * that both engines' headers never meet in one translation unit. Every
 * symbol of the old engine is renamed with an old_ prefix when it is built
 * (mk/engine-compare.mk), which is why both link into one binary. */
#ifndef MEETINGD_FUZZ_COMPARE_OLD_H
#define MEETINGD_FUZZ_COMPARE_OLD_H

#include <stddef.h>

/* Parse bytes[0..len) as a text article with the old engine: offsets in
 * unit (the enum model_offset_unit value, the same in both engines),
 * explain and include_text both set when explain is nonzero. Returns 0 and
 * the ParseResult as written (compact JSON and a newline) in *json, which
 * the caller frees, with its length in *n; or -1 with the old
 * model_errcode in *errcode. */
int old_parse(const char *bytes, size_t len, int unit, int explain, char **json, size_t *n,
	      int *errcode);

#endif
