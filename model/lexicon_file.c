#include "lexicon.h"

#include <string.h>

extern const struct embedded_file lexicon_files[];

const struct embedded_file *lexicon_file(const char *name)
{
	for (const struct embedded_file *f = lexicon_files; f->name; f++)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL;
}

int lexicon_next_row(const struct embedded_file *f, size_t *pos, char *linebuf,
		     size_t bufsize, char **cols, int maxcols)
{
	while (*pos < f->len) {
		const char *s = (const char *)f->data + *pos;
		const char *nl = memchr(s, '\n', f->len - *pos);
		size_t n = nl ? (size_t)(nl - s) : f->len - *pos;
		*pos += n + (nl ? 1 : 0);
		if (n && s[n - 1] == '\r')
			n--;
		if (n == 0 || s[0] == '#')
			continue;
		if (n >= bufsize)
			n = bufsize - 1;
		memcpy(linebuf, s, n);
		linebuf[n] = '\0';
		int nc = 0;
		char *p = linebuf;
		while (nc < maxcols) {
			cols[nc++] = p;
			char *tab = strchr(p, '\t');
			if (!tab)
				break;
			*tab = '\0';
			p = tab + 1;
		}
		return nc;
	}
	return -1;
}
