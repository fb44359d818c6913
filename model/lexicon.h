/* Compiled-in vocabulary: model/lexicon/<name>.tsv embedded at build time. */
#ifndef MEETINGD_LEXICON_H
#define MEETINGD_LEXICON_H

#include <stddef.h>

struct embedded_file {
	const char *name;
	const unsigned char *data; /* NUL-terminated */
	size_t len;
};

/* The raw bytes of model/lexicon/<name>.tsv, or NULL. Static storage. */
const struct embedded_file *lexicon_file(const char *name);

/* Iterate the data lines of a TSV file: skips blank lines and lines starting
 * with '#'. Splits on TAB into at most maxcols fields (pointers into a
 * caller-supplied copy of the line; fields are NUL-terminated). Returns the
 * number of fields, or -1 at the end. *pos is the cursor (start at 0). */
int lexicon_next_row(const struct embedded_file *f, size_t *pos, char *linebuf,
		     size_t bufsize, char **cols, int maxcols);

#endif
