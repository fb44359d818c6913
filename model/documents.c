/* STUB — being replaced by the document recogniser. */
#include "documents.h"
int documents_find(const char *text, size_t len, doc_list_t *out) { (void)text; (void)len; (void)out; return 0; }
void documents_list_free(doc_list_t *list) { free(list->v); list->v = NULL; list->n = list->cap = 0; }
