/* The inputs of archive mode, one at a time. A folder is read when the walk
 * reaches it, so what is held is the names of the folders on the current
 * path, never the whole tree: memory does not grow with the archive. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "cli/archive.h"

struct frame {
	char *dir;   /* path of the folder, as it will prefix its entries */
	char *pool;  /* per name: its d_type byte, the name, a NUL */
	size_t *off; /* where each name starts in pool, sorted by name */
	size_t n, i;
	struct frame *up;
};

struct cli_walk {
	char **inputs;
	int n_inputs, next_input;
	const char *const *exts;
	int want_size;
	struct frame *top;
};

/* byte order, so the walk is the same on every file system and locale */
static int by_name(const void *a, const void *b, void *pool)
{
	return strcmp((char *)pool + *(const size_t *)a + 1, (char *)pool + *(const size_t *)b + 1);
}

static void frame_free(struct frame *f)
{
	free(f->pool);
	free(f->off);
	free(f->dir);
	free(f);
}

/* Read folder dir onto the stack: 0 (the frame owns dir), or errno (dir
 * is still the caller's). The names go into one block (a few bytes each,
 * no allocation per name): a folder of 100,000 files costs about 2 MB
 * while it is walked. */
static int push_dir(struct cli_walk *w, char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	struct frame *f;
	size_t len = 0, cap = 0, ocap = 0;
	int e = 0;

	if (!d)
		return errno;
	f = calloc(1, sizeof *f);
	if (!f) {
		closedir(d);
		return ENOMEM;
	}
	errno = 0;
	while ((de = readdir(d))) {
		size_t k = strlen(de->d_name);
		if (de->d_name[0] == '.')
			continue; /* ., .., and hidden names */
		if (len + k + 2 > cap) {
			char *p;
			cap = cap ? cap * 2 : 4096;
			while (cap < len + k + 2)
				cap *= 2;
			p = realloc(f->pool, cap);
			if (!p) {
				e = ENOMEM;
				break;
			}
			f->pool = p;
		}
		if (f->n == ocap) {
			size_t *o;
			ocap = ocap ? ocap * 2 : 256;
			o = realloc(f->off, ocap * sizeof *o);
			if (!o) {
				e = ENOMEM;
				break;
			}
			f->off = o;
		}
		f->off[f->n++] = len;
		f->pool[len] = (char)de->d_type;
		memcpy(f->pool + len + 1, de->d_name, k + 1);
		len += k + 2;
		errno = 0;
	}
	if (!e && errno)
		e = errno;
	closedir(d);
	if (e) {
		frame_free(f);
		return e;
	}
	if (f->n)
		qsort_r(f->off, f->n, sizeof *f->off, by_name, f->pool);
	f->dir = dir;
	f->up = w->top;
	w->top = f;
	return 0;
}

static int wanted(const struct cli_walk *w, const char *name)
{
	size_t n = strlen(name), i;

	for (i = 0; w->exts[i]; i++) {
		size_t k = strlen(w->exts[i]);
		if (n > k && !strcasecmp(name + n - k, w->exts[i]))
			return 1;
	}
	return 0;
}

static char *join(const char *dir, const char *name)
{
	size_t a = strlen(dir), b = strlen(name);
	int slash = a && dir[a - 1] != '/';
	char *p = malloc(a + slash + b + 1);

	if (p) {
		memcpy(p, dir, a);
		if (slash)
			p[a] = '/';
		memcpy(p + a + slash, name, b + 1);
	}
	return p;
}

struct cli_walk *cli_walk_new(char **inputs, int n, const char *const *exts, int want_size)
{
	struct cli_walk *w = calloc(1, sizeof *w);

	if (w) {
		w->inputs = inputs;
		w->n_inputs = n;
		w->exts = exts;
		w->want_size = want_size;
	}
	return w;
}

/* The next entry of the folder on top: 1 with *it, 2 when a subfolder
 * was pushed, 0 when the folder is done, -1 out of memory. */
static int next_in_dir(struct cli_walk *w, struct cli_item *it)
{
	struct frame *f = w->top;

	while (f->i < f->n) {
		const char *entry = f->pool + f->off[f->i++];
		unsigned char t = (unsigned char)entry[0];
		char *path;
		struct stat st;
		int e;

		path = join(f->dir, entry + 1);
		if (!path)
			return -1;
		if (t == DT_UNKNOWN) { /* some file systems do not say */
			if (lstat(path, &st)) {
				free(path);
				continue;
			}
			t = S_ISDIR(st.st_mode)	  ? DT_DIR
			    : S_ISLNK(st.st_mode) ? DT_LNK
			    : S_ISREG(st.st_mode) ? DT_REG
						  : DT_UNKNOWN;
		}
		if (t == DT_DIR) {
			e = push_dir(w, path);
			if (!e)
				return 2; /* walk on inside it */
			if (e == ENOMEM) {
				free(path);
				return -1;
			}
			/* an unreadable folder is one failed input, not the end */
			it->kind = CLI_ITEM_ERROR;
			it->err = e;
			it->path = path;
			return 1;
		}
		if ((t != DT_REG && t != DT_LNK) || !wanted(w, path)) {
			free(path);
			continue;
		}
		/* a link is followed to a file, never to a folder (no loops) */
		if (t == DT_LNK || w->want_size) {
			if (stat(path, &st) || !S_ISREG(st.st_mode)) {
				free(path);
				continue;
			}
			it->size = (uint64_t)st.st_size;
		}
		it->kind = CLI_ITEM_FILE;
		it->path = path;
		return 1;
	}
	return 0;
}

int cli_walk_next(struct cli_walk *w, struct cli_item *it)
{
	memset(it, 0, sizeof *it);
	for (;;) {
		const char *arg;
		struct stat st;
		int r, e;

		while (w->top) {
			struct frame *f;

			r = next_in_dir(w, it);
			if (r == 1 || r == -1)
				return r;
			if (r == 2)
				continue;
			f = w->top;
			w->top = f->up;
			frame_free(f);
		}
		if (w->next_input >= w->n_inputs)
			return 0;
		arg = w->inputs[w->next_input++];
		if (!strcmp(arg, "-")) {
			it->kind = CLI_ITEM_STDIN;
			it->path = strdup("-");
			return it->path ? 1 : -1;
		}
		if (stat(arg, &st) == 0 && S_ISDIR(st.st_mode)) {
			char *dir = strdup(arg);
			if (!dir)
				return -1;
			e = push_dir(w, dir);
			if (!e)
				continue;
			if (e == ENOMEM) {
				free(dir);
				return -1;
			}
			it->kind = CLI_ITEM_ERROR;
			it->err = e;
			it->path = dir;
			return 1;
		}
		/* a file named on the command line is taken whatever its name;
		 * one that cannot be opened fails when a worker opens it */
		it->kind = CLI_ITEM_FILE;
		it->path = strdup(arg);
		it->size = w->want_size && stat(arg, &st) == 0 ? (uint64_t)st.st_size : 0;
		return it->path ? 1 : -1;
	}
}

void cli_walk_free(struct cli_walk *w)
{
	if (!w)
		return;
	while (w->top) {
		struct frame *f = w->top;
		w->top = f->up;
		frame_free(f);
	}
	free(w);
}

int cli_name_is_html(const char *path)
{
	size_t n = strlen(path);

	return (n >= 5 && !strcasecmp(path + n - 5, ".html")) ||
	       (n >= 4 && !strcasecmp(path + n - 4, ".htm"));
}

int cli_looks_like_html(const char *s, size_t len)
{
	size_t i = 0;

	if (len >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3))
		i = 3;
	while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
		i++;
	if (i + 1 >= len || s[i] != '<')
		return 0;
	i++;
	return s[i] == '!' || s[i] == '?' || (s[i] >= 'a' && s[i] <= 'z') ||
	       (s[i] >= 'A' && s[i] <= 'Z');
}
