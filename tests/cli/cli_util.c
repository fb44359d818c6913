/* Helpers of the archive-mode tests (see cli_util.h). */
#include "tests/cli/cli_util.h"

#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tests/http/harness.h"

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void cli_test_tmpdir(char *dir, size_t cap)
{
	snprintf(dir, cap, "/tmp/meetingd-cli-test-XXXXXX");
	cr_assert_not_null(mkdtemp(dir), "mkdtemp: %s", strerror(errno));
}

static void rm_tree(const char *path)
{
	struct stat st;
	DIR *d;
	struct dirent *e;

	if (lstat(path, &st))
		return;
	if (!S_ISDIR(st.st_mode)) {
		unlink(path);
		return;
	}
	chmod(path, 0700);
	d = opendir(path);
	while (d && (e = readdir(d))) {
		char *sub;
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		sub = cli_test_path(path, e->d_name);
		rm_tree(sub);
		free(sub);
	}
	if (d)
		closedir(d);
	rmdir(path);
}

void cli_test_rmdir(const char *dir)
{
	if (dir && !strncmp(dir, "/tmp/meetingd-cli-", 18))
		rm_tree(dir);
}

char *cli_test_path(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *p = malloc(n);

	cr_assert_not_null(p);
	snprintf(p, n, "%s/%s", dir, name);
	return p;
}

char *cli_test_write(const char *dir, const char *name, const void *data, size_t len)
{
	char *p = cli_test_path(dir, name);
	int fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	cr_assert(fd >= 0, "create %s: %s", p, strerror(errno));
	cr_assert_eq(write(fd, data, len), (ssize_t)len);
	close(fd);
	return p;
}

char *cli_test_slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t n = 0, cap = 0, got;

	cr_assert_not_null(f, "open %s: %s", path, strerror(errno));
	do {
		if (n + 65536 + 1 > cap) {
			cap = cap ? cap * 2 : 65536 * 2;
			buf = realloc(buf, cap);
			cr_assert_not_null(buf);
		}
		got = fread(buf + n, 1, 65536, f);
		n += got;
	} while (got);
	fclose(f);
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}

int cli_test_lines(const char *s)
{
	int n = 0;

	for (; *s; s++)
		n += *s == '\n';
	return n;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char *cli_test_listing(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char *names[256], *out;
	size_t n = 0, i, len = 1;

	cr_assert_not_null(d);
	while ((e = readdir(d)) && n < 256)
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			names[n++] = strdup(e->d_name);
	closedir(d);
	qsort(names, n, sizeof *names, cmp_str);
	for (i = 0; i < n; i++)
		len += strlen(names[i]) + 1;
	out = calloc(1, len);
	cr_assert_not_null(out);
	for (i = 0; i < n; i++) {
		strcat(out, names[i]);
		if (i + 1 < n)
			strcat(out, "\n");
		free(names[i]);
	}
	return out;
}

char **cli_test_own_articles(int *count)
{
	glob_t a, b;
	char **list;
	size_t i, n = 0;

	cr_assert_eq(glob("tests/corpus/own/*.txt", 0, NULL, &a), 0,
		     "the project's own articles are missing (run from the checkout)");
	cr_assert_eq(glob("tests/cases/*/article.txt", 0, NULL, &b), 0);
	list = calloc(a.gl_pathc + b.gl_pathc + 1, sizeof *list);
	cr_assert_not_null(list);
	for (i = 0; i < a.gl_pathc; i++)
		list[n++] = strdup(a.gl_pathv[i]);
	for (i = 0; i < b.gl_pathc; i++)
		list[n++] = strdup(b.gl_pathv[i]);
	globfree(&a);
	globfree(&b);
	*count = (int)n;
	return list;
}

void cli_test_free_list(char **list)
{
	char **p;

	for (p = list; p && *p; p++)
		free(*p);
	free(list);
}

void cli_test_spawn(struct cli_test_proc *p, const char *const *argv, int err_fd)
{
	char *args[80], wrap[512];
	const char *w = getenv("MEETINGD_WRAP");
	int argc = 0, i;

	memset(p, 0, sizeof *p);
	snprintf(p->dir, sizeof p->dir, "/tmp/meetingd-cli-run-XXXXXX");
	cr_assert_not_null(mkdtemp(p->dir));
	snprintf(p->out_path, sizeof p->out_path, "%s/stdout", p->dir);
	snprintf(p->err_path, sizeof p->err_path, "%s/stderr", p->dir);
	if (w && *w) {
		char *t;
		snprintf(wrap, sizeof wrap, "%s", w);
		for (t = strtok(wrap, " \t"); t && argc < 16; t = strtok(NULL, " \t"))
			args[argc++] = t;
	}
	args[argc++] = (char *)harness_bin();
	for (i = 0; argv[i] && argc < 79; i++)
		args[argc++] = (char *)argv[i];
	args[argc] = NULL;
	fflush(NULL);
	p->pid = fork();
	cr_assert(p->pid >= 0);
	if (p->pid == 0) {
		int in = open("/dev/null", O_RDONLY);
		int out = open(p->out_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		int err =
		    err_fd >= 0 ? err_fd : open(p->err_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (in < 0 || out < 0 || err < 0)
			_exit(126);
		dup2(in, 0);
		dup2(out, 1);
		dup2(err, 2);
		execvp(args[0], args);
		_exit(127);
	}
}

int cli_test_wait_for(const char *path, const char *needle, double timeout_s)
{
	double deadline = now_s() + timeout_s;

	for (;;) {
		FILE *f = fopen(path, "rb");
		char buf[65536];
		size_t n = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
		if (f)
			fclose(f);
		buf[n] = '\0';
		if (strstr(buf, needle))
			return 1;
		if (now_s() > deadline)
			return 0;
		usleep(10000);
	}
}

int cli_test_wait_lines(const char *path, int n, double timeout_s)
{
	double deadline = now_s() + timeout_s;

	for (;;) {
		FILE *f = fopen(path, "rb");
		int c, lines = 0;
		while (f && (c = fgetc(f)) != EOF)
			lines += c == '\n';
		if (f)
			fclose(f);
		if (lines >= n)
			return 1;
		if (now_s() > deadline)
			return 0;
		usleep(10000);
	}
}

int cli_test_wait(struct cli_test_proc *p, double timeout_s)
{
	double deadline = now_s() + timeout_s;
	int status;

	if (p->pid <= 0)
		return -1;
	for (;;) {
		if (waitpid(p->pid, &status, WNOHANG) == p->pid)
			break;
		if (now_s() > deadline) {
			kill(p->pid, SIGKILL);
			waitpid(p->pid, &status, 0);
			p->pid = -1;
			return -1;
		}
		usleep(5000);
	}
	p->pid = -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

void cli_test_proc_free(struct cli_test_proc *p)
{
	if (p->pid > 0) {
		kill(p->pid, SIGKILL);
		waitpid(p->pid, NULL, 0);
		p->pid = -1;
	}
	if (p->dir[0]) {
		unlink(p->out_path);
		unlink(p->err_path);
		rmdir(p->dir);
		p->dir[0] = '\0';
	}
}

void cli_test_fifo_feed(const char *path, const char *data)
{
	int fd = open(path, O_WRONLY);
	size_t n = strlen(data);

	cr_assert(fd >= 0, "open fifo %s: %s", path, strerror(errno));
	cr_assert_eq(write(fd, data, n), (ssize_t)n);
	close(fd);
}

/* ---- strict table readers ---- */

struct builder {
	struct cli_test_table *t;
	char **row;
	int nrow, caprow;
	char *f;
	size_t flen, fcap;
};

static void add_char(struct builder *b, char c)
{
	if (b->flen + 2 > b->fcap) {
		b->fcap = b->fcap ? b->fcap * 2 : 64;
		b->f = realloc(b->f, b->fcap);
		cr_assert_not_null(b->f);
	}
	b->f[b->flen++] = c;
	b->f[b->flen] = '\0';
}

static void end_field(struct builder *b)
{
	if (b->nrow == b->caprow) {
		b->caprow = b->caprow ? b->caprow * 2 : 32;
		b->row = realloc(b->row, (size_t)b->caprow * sizeof *b->row);
		cr_assert_not_null(b->row);
	}
	b->row[b->nrow++] = b->f ? b->f : strdup("");
	b->f = NULL;
	b->flen = b->fcap = 0;
}

static int end_record(struct builder *b, char *why, size_t cap)
{
	struct cli_test_table *t = b->t;

	end_field(b);
	if (t->n && b->nrow != t->widths[0]) {
		snprintf(why, cap, "record %d has %d fields, the header %d", t->n + 1, b->nrow,
			 t->widths[0]);
		return -1;
	}
	t->rows = realloc(t->rows, (size_t)(t->n + 1) * sizeof *t->rows);
	t->widths = realloc(t->widths, (size_t)(t->n + 1) * sizeof *t->widths);
	cr_assert(t->rows && t->widths);
	t->rows[t->n] = b->row;
	t->widths[t->n] = b->nrow;
	t->n++;
	b->row = NULL;
	b->nrow = b->caprow = 0;
	return 0;
}

static int fail_at(char *why, size_t cap, const char *what, size_t at)
{
	snprintf(why, cap, "%s at byte %zu", what, at);
	return -1;
}

int cli_test_read_csv(const char *s, size_t len, struct cli_test_table *t, char *why, size_t cap)
{
	struct builder b = {t, NULL, 0, 0, NULL, 0, 0};
	size_t i = 0;

	memset(t, 0, sizeof *t);
	while (i < len) {
		/* one field */
		if (s[i] == '"') {
			i++;
			for (;;) {
				if (i >= len)
					return fail_at(why, cap, "unterminated quoted field", i);
				if (s[i] == '"') {
					if (i + 1 < len && s[i + 1] == '"') {
						add_char(&b, '"');
						i += 2;
						continue;
					}
					i++;
					break;
				}
				add_char(&b, s[i++]);
			}
		} else {
			while (i < len && s[i] != ',' && s[i] != '\r' && s[i] != '\n') {
				if (s[i] == '"')
					return fail_at(why, cap, "quote inside a bare field", i);
				add_char(&b, s[i++]);
			}
		}
		if (i < len && s[i] == ',') {
			end_field(&b);
			i++;
			if (i == len)
				return fail_at(why, cap, "comma at the end", i);
			continue;
		}
		if (i + 1 < len && s[i] == '\r' && s[i + 1] == '\n') {
			if (end_record(&b, why, cap))
				return -1;
			i += 2;
			continue;
		}
		return fail_at(why, cap, i >= len ? "record without CRLF" : "bare CR or LF", i);
	}
	return 0;
}

int cli_test_read_tsv(const char *s, size_t len, struct cli_test_table *t, char *why, size_t cap)
{
	struct builder b = {t, NULL, 0, 0, NULL, 0, 0};
	size_t i;

	memset(t, 0, sizeof *t);
	for (i = 0; i < len; i++) {
		char c = s[i];
		if (c == '\t') {
			end_field(&b);
		} else if (c == '\n') {
			if (end_record(&b, why, cap))
				return -1;
		} else if (c == '\r') {
			return fail_at(why, cap, "raw CR", i);
		} else if (c == '\\') {
			char e = i + 1 < len ? s[i + 1] : 0;
			if (e != '\\' && e != 't' && e != 'n' && e != 'r')
				return fail_at(why, cap, "unknown escape", i);
			add_char(&b, e == 't' ? '\t' : e == 'n' ? '\n' : e == 'r' ? '\r' : '\\');
			i++;
		} else {
			add_char(&b, c);
		}
	}
	if (b.nrow || b.flen)
		return fail_at(why, cap, "record without LF", len);
	return 0;
}

void cli_test_table_free(struct cli_test_table *t)
{
	int r, c;

	for (r = 0; r < t->n; r++) {
		for (c = 0; c < t->widths[r]; c++)
			free(t->rows[r][c]);
		free(t->rows[r]);
	}
	free(t->rows);
	free(t->widths);
	memset(t, 0, sizeof *t);
}
