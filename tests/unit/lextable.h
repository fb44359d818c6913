/* Test helper: the vocabulary files of model/lexicon read as tables, from
 * the checkout (the tests run from its root). A lexicon is one file or a
 * file and its parts (bodies.tsv, bodies_party.tsv, ...). Include after
 * <criterion/criterion.h>; used by test_lexicon.c. */
#ifndef MEETINGD_TESTS_LEXTABLE_H
#define MEETINGD_TESTS_LEXTABLE_H

#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LEXDIR "model/lexicon/"

/* A vocabulary file, read whole. */
struct lexfile {
	const char *data; /* NUL-terminated */
	size_t len;
};

#define LINEMAX 512
#define MAXCOLS 7

struct row {
	char *col[MAXCOLS];
	int ncol;
};

struct table {
	const char *name;
	struct row *rows;
	size_t n;
};

static const struct lexfile *must_file(const char *name)
{
	static struct lexfile files[32];
	static const char *names[32];
	for (int i = 0; i < 32; i++)
		if (names[i] && !strcmp(names[i], name))
			return &files[i];
	char path[256];
	snprintf(path, sizeof path, LEXDIR "%s.tsv", name);
	FILE *fp = fopen(path, "rb");
	cr_assert_not_null(fp, "%s cannot be read (the tests run from the checkout)", path);
	fseek(fp, 0, SEEK_END);
	long n = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	char *d = malloc((size_t)n + 1);
	cr_assert_not_null(d);
	cr_assert_eq(fread(d, 1, (size_t)n, fp), (size_t)n);
	fclose(fp);
	d[n] = '\0';
	for (int i = 0; i < 32; i++)
		if (!names[i]) {
			names[i] = strdup(name);
			cr_assert_not_null(names[i]);
			files[i].data = d;
			files[i].len = (size_t)n;
			return &files[i];
		}
	cr_assert_fail("too many files");
	return NULL;
}

/* The data rows of a file: blank lines and '#' lines skipped, TAB-split
 * into at most maxcols fields (pointers into linebuf). The number of
 * fields, or -1 at the end; *pos is the cursor. */
static int next_row(const struct lexfile *f, size_t *pos, char *linebuf, size_t bufsize,
		    char **cols, int maxcols)
{
	while (*pos < f->len) {
		const char *s = f->data + *pos;
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

/* The data rows of a lexicon: NAME.tsv, then its parts NAME_*.tsv in byte
 * order of their names (bodies.tsv, bodies_agencies.tsv, ...). Each row
 * must have exactly ncols non-empty fields without surrounding blanks. The
 * caller frees with table_free(). */
static struct table load(const char *name, int ncols)
{
	struct table t = {name, NULL, 0};
	size_t cap = 0;
	char buf[LINEMAX];
	char *cols[MAXCOLS + 1];
	int nc;
	char pattern[256];
	glob_t parts;
	snprintf(pattern, sizeof pattern, LEXDIR "%s_*.tsv", name);
	int gr = glob(pattern, 0, NULL, &parts);
	cr_assert(gr == 0 || gr == GLOB_NOMATCH);
	size_t nparts = gr == 0 ? parts.gl_pathc : 0;

	cr_assert(ncols < MAXCOLS);
	for (size_t p = 0; p <= nparts; p++) {
		char part[256];
		if (p) {
			/* the part's name: its path without LEXDIR and ".tsv" */
			const char *path = parts.gl_pathv[p - 1] + strlen(LEXDIR);
			snprintf(part, sizeof part, "%.*s", (int)(strlen(path) - strlen(".tsv")),
				 path);
		}
		const struct lexfile *f = must_file(p ? part : name);
		size_t pos = 0;
		while ((nc = next_row(f, &pos, buf, sizeof buf, cols, ncols + 1)) >= 0) {
			cr_assert_eq(nc, ncols, "%s.tsv: row '%s' has %d columns, want %d", name,
				     buf, nc, ncols);
			if (t.n == cap) {
				cap = cap ? 2 * cap : 64;
				t.rows = realloc(t.rows, cap * sizeof *t.rows);
				cr_assert_not_null(t.rows);
			}
			struct row *r = &t.rows[t.n++];
			r->ncol = nc;
			for (int i = 0; i < nc; i++) {
				size_t len = strlen(cols[i]);
				cr_assert(len > 0, "%s.tsv: empty field %d in row starting '%s'",
					  name, i + 1, cols[0]);
				cr_assert(cols[i][0] != ' ' && cols[i][len - 1] != ' ',
					  "%s.tsv: blank around field '%s'", name, cols[i]);
				r->col[i] = strdup(cols[i]);
				cr_assert_not_null(r->col[i]);
			}
		}
	}
	if (gr == 0)
		globfree(&parts);
	return t;
}

static void table_free(struct table *t)
{
	for (size_t i = 0; i < t->n; i++)
		for (int c = 0; c < t->rows[i].ncol; c++)
			free(t->rows[i].col[c]);
	free(t->rows);
	t->rows = NULL;
	t->n = 0;
}

#endif
