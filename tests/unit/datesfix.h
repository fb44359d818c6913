/* Shared by the tests of model/dates/ (test_dates*.c): names of weekdays,
 * and parameterised cases by index. Include after
 * <criterion/parameterized.h>. */
#ifndef MEETINGD_TESTS_DATESFIX_H
#define MEETINGD_TESTS_DATESFIX_H

#include <string.h>

static inline const char *wday_name(int wd)
{
	static const char *names[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
	return wd >= 0 && wd <= 6 ? names[wd] : NULL;
}

static inline int streq_null(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* Parameterised tests get an index into a static table: Criterion runs each
 * case in a fresh process where pointers copied from the parent (the
 * strings of a case) would not be valid. */
#define MAXCASES 512
static size_t case_index[MAXCASES];

static inline size_t *case_indices(size_t n)
{
	cr_assert_leq(n, MAXCASES);
	for (size_t i = 0; i < n; i++)
		case_index[i] = i;
	return case_index;
}

#define INDEX_PARAMS(table)                                                                        \
	cr_make_param_array(size_t, case_indices(sizeof table / sizeof table[0]),                  \
			    sizeof table / sizeof table[0])

#endif
