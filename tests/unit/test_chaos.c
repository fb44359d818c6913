/* Failing allocator, in the style of Jansson's test_chaos.c: every
 * allocation the model makes for an article is made to fail once, in turn,
 * and the parse must answer MODEL_E_NOMEM or the whole result it gives
 * without the failure, never a crash or a result with parts missing. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/mem.h"
#include "model/model.h"

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f, "%s", path);
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *s = malloc((size_t)n + 1);
	cr_assert_not_null(s);
	cr_assert_eq(fread(s, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	s[n] = '\0';
	*len = (size_t)n;
	return s;
}

static void chaos(const char *text, size_t len, const struct model_options *opt)
{
	struct model_error err;
	struct model_buf ref = {0};
	mem_fail_at(-1);
	cr_assert_eq(model_parse_into(text, len, opt, &ref, &err), 0, "%s", err.message);
	long n = mem_fail_at(-1);
	cr_assert_gt(n, 0);
	for (long k = 0; k < n; k++) {
		struct model_buf out = {0};
		mem_fail_at(k);
		int rc = model_parse_into(text, len, opt, &out, &err);
		mem_fail_at(-1);
		if (rc) {
			cr_assert_eq(err.code, MODEL_E_NOMEM, "allocation %ld of %ld: %s", k, n,
				     err.message);
			cr_assert_eq(out.len, 0, "allocation %ld: a failed parse wrote output", k);
		} else {
			cr_assert_eq(out.len, ref.len,
				     "allocation %ld of %ld failed silently: %zu "
				     "bytes instead of %zu",
				     k, n, out.len, ref.len);
			cr_assert(memcmp(out.data, ref.data, ref.len) == 0,
				  "allocation %ld of %ld failed silently: the result differs", k,
				  n);
		}
		free(out.data);
	}
	free(ref.data);
}

Test(chaos, every_allocation_of_a_meeting_article_fails_once)
{
	size_t len;
	char *s = slurp("tests/cases/hoinghi-btctw-truc-tuyen/article.txt", &len);
	chaos(s, len, NULL);
	free(s);
}

Test(chaos, every_allocation_with_explain_and_text_fails_once)
{
	size_t len;
	char *s = slurp("tests/cases/phienhop-ubnd-huyen-tayson/article.txt", &len);
	struct model_options opt = {.explain = 1,
				    .include_text = 1,
				    .unit = MODEL_OFFSET_UTF16,
				    .lead_members = "\"id\":7"};
	chaos(s, len, &opt);
	free(s);
}

Test(chaos, every_allocation_of_a_short_text_fails_once)
{
	static const char t[] =
	    "Sáng 5/3, đồng chí Nguyễn Văn An, Bí thư Huyện ủy chủ trì hội nghị "
	    "theo Kết luận số 21-KL/TW ngày 25.10.2021 của Bộ Chính trị “5 rõ”.";
	chaos(t, sizeof t - 1, NULL);
}
