/* Replays the html fuzz target's seeds (fuzz/corpus/html/) and every input
 * it ever reported (fuzz/regressions/html/) with the target's own
 * properties (fuzz/fuzz_html_check.h): a failed property aborts, which
 * Criterion reports as a crash of this test. Run from the repository root. */
#include <criterion/criterion.h>
#include <criterion/logging.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>

#include "fuzz/fuzz_html_check.h"

static size_t replay(const char *dir)
{
	struct dirent **names;
	int k = scandir(dir, &names, NULL, alphasort);
	size_t done = 0;
	if (k < 0)
		return 0;
	for (int i = 0; i < k; i++) {
		char path[600];
		if (names[i]->d_name[0] != '.') {
			snprintf(path, sizeof path, "%s/%s", dir, names[i]->d_name);
			FILE *f = fopen(path, "rb");
			cr_assert(f, "%s", path);
			fseek(f, 0, SEEK_END);
			long n = ftell(f);
			fseek(f, 0, SEEK_SET);
			uint8_t *b = malloc((size_t)n + 1);
			cr_assert(b && fread(b, 1, (size_t)n, f) == (size_t)n, "%s", path);
			fclose(f);
			cr_log_info("html: %s", path);
			fz_html_check(b, (size_t)n);
			free(b);
			done++;
		}
		free(names[i]);
	}
	free(names);
	return done;
}

Test(html_fuzz, seeds_and_regressions_keep_the_properties, .timeout = 120)
{
	cr_assert_geq(replay("fuzz/corpus/html"), 8, "the seeds are missing (run from the root)");
	replay("fuzz/regressions/html");
}
