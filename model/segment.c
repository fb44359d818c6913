/* STUB — being replaced by the article segmenter. */
#include "segment.h"
int segment_article(const char *text, size_t len, article_t *out) { (void)text; (void)len; (void)out; return 0; }
void segment_free(article_t *a) { (void)a; }
