/* STUB — being replaced by the dates recogniser. */
#include "dates.h"
int dates_find(const char *text, size_t len, date_list_t *out) { (void)text; (void)len; (void)out; return 0; }
int dates_find_terms(const char *text, size_t len, term_list_t *out) { (void)text; (void)len; (void)out; return 0; }
int dates_parse_dateline(const char *line, size_t len, dateline_t *out) { (void)line; (void)len; (void)out; return 0; }
int dates_infer_year(int month, int day, int py, int pm, int pd) { (void)month; (void)day; (void)pm; (void)pd; return py; }
int dates_valid(int y, int m, int d) { (void)y; return m >= 1 && m <= 12 && d >= 1 && d <= 31; }
void dates_add_days(int *y, int *m, int *d, int n) { (void)y; (void)m; (void)d; (void)n; }
int dates_parse_ordinal(const char *s, size_t len) { (void)s; (void)len; return 0; }
