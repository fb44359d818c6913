/* The vocabulary compiler (tools/lexgen.c), run on lexicons written here:
 * its term array filled up exactly when a term was added to a node that
 * already had one, and the realloc left add_term()'s link into the old
 * array dangling, so the new term was written to freed memory and matched
 * nothing (in the real build, one row of some lexicon, depending on the
 * tables' layout). lexgen now grows the array first and checks that every
 * term is linked. The binary is the one beside MEETINGD_BIN (make test sets
 * it), else build/lexgen. */
#include <criterion/criterion.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests/cli/cli_util.h"

static void lexgen_path(char *out, size_t cap)
{
	const char *bin = getenv("MEETINGD_BIN");
	char dir[512];
	snprintf(dir, sizeof dir, "%s", bin && *bin ? bin : "build/meetingd");
	snprintf(out, cap, "%s/lexgen", dirname(dir));
}

Test(lexgen, term_that_fills_the_array_on_a_shared_node_is_kept)
{
	char dir[64], exe[600], cmd[1400];
	size_t cap = 4096 * 8 + 64, n = 0;
	char *a = malloc(cap);
	cr_assert_not_null(a);
	lexgen_path(exe, sizeof exe);
	cr_assert(access(exe, X_OK) == 0, "%s is not built", exe);
	cli_test_tmpdir(dir, sizeof dir);
	/* 4,096 one-word rows fill the first array; the next lexicon's row
	 * ends at the node of the first of them */
	n += (size_t)snprintf(a + n, cap - n, "#! lex aa\n");
	for (int i = 0; i < 4096; i++) {
		static const char letters[] = "bcdg";
		char w[8];
		for (int k = 0; k < 6; k++)
			w[k] = letters[(i >> (2 * (5 - k))) & 3];
		w[6] = '\0';
		n += (size_t)snprintf(a + n, cap - n, "%s\n", w);
	}
	free(cli_test_write(dir, "a.tsv", a, n));
	free(cli_test_write(dir, "b.tsv", "#! lex bb\nbbbbbb\n", 17));
	snprintf(cmd, sizeof cmd, "%s %s %s/a.tsv %s/b.tsv 2>%s/err", exe, dir, dir, dir, dir);
	int st = system(cmd);
	char *errp = cli_test_path(dir, "err");
	char *err = cli_test_slurp(errp, NULL);
	cr_expect(WIFEXITED(st) && WEXITSTATUS(st) == 0, "lexgen failed (%d): %s", st, err);
	cr_expect(strstr(err, "2 lexicons, 4097 entries"), "%s", err);
	free(err);
	free(errp);
	free(a);
	cli_test_rmdir(dir);
}
