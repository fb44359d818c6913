/* Where archive mode writes: standard output, or -o FILE written
 * atomically. The file is first an unnamed O_TMPFILE in FILE's folder (so a
 * run killed even by SIGKILL leaves nothing behind), linked under a
 * temporary name and renamed over FILE once everything is written. Where
 * the file system has no O_TMPFILE, a named temporary file beside FILE is
 * used and removed on every failure or interruption. */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/archive.h"

#define OUT_BUF (256 * 1024)

/* What open(..., 0666) would give, for the files made without it; read
 * once, before any thread exists (umask is process-wide). */
static mode_t file_mode(void)
{
	mode_t m = umask(022);

	umask(m);
	return 0666 & ~m;
}

static char *dir_of(const char *path)
{
	char *copy = strdup(path), *d;

	if (!copy)
		return NULL;
	d = strdup(dirname(copy));
	free(copy);
	return d;
}

/* "DIR/.NAME.XXXXXX": beside the target, hidden, for mkstemp. */
static char *temp_name(const char *path)
{
	char *a = strdup(path), *b = strdup(path), *s = NULL;

	if (a && b && asprintf(&s, "%s/.%s.XXXXXX", dirname(a), basename(b)) < 0)
		s = NULL;
	free(a);
	free(b);
	return s;
}

int cli_out_open(struct cli_out *out, const char *path, char *err, size_t cap)
{
	char *dir;
	struct stat st;

	memset(out, 0, sizeof *out);
	if (!path || !strcmp(path, "-")) {
		out->fd = 1;
		return 0;
	}
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		snprintf(err, cap, "%s: is a folder", path);
		return -1;
	}
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		/* /dev/null, a FIFO, a terminal: written as it is; renaming a
		 * file over a device would replace the device */
		out->fd = open(path, O_WRONLY | O_CLOEXEC);
		if (out->fd < 0) {
			snprintf(err, cap, "%s: %s", path, strerror(errno));
			return -1;
		}
		out->is_file = 1;
		out->direct = 1;
		return 0;
	}
	out->is_file = 1;
	out->target = strdup(path);
	dir = dir_of(path);
	if (!out->target || !dir) {
		free(dir);
		snprintf(err, cap, "out of memory");
		return -1;
	}
	out->mode = file_mode();
	out->fd = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, out->mode);
	if (out->fd < 0 && errno != EISDIR && errno != EOPNOTSUPP && errno != EINVAL) {
		snprintf(err, cap, "%s: %s", path, strerror(errno));
		free(dir);
		cli_out_abort(out);
		return -1;
	}
	free(dir);
	if (out->fd < 0) {
		/* no O_TMPFILE here: a named temporary file */
		out->tmp_name = temp_name(path);
		out->fd = out->tmp_name ? mkostemp(out->tmp_name, O_CLOEXEC) : -1;
		if (out->fd < 0 || fchmod(out->fd, out->mode)) {
			snprintf(err, cap, "%s: %s", path, strerror(errno));
			cli_out_abort(out);
			return -1;
		}
	}
	return 0;
}

int cli_out_flush(struct cli_out *out)
{
	size_t done = 0;

	while (done < out->buf.len) {
		ssize_t n = write(out->fd, out->buf.data + done, out->buf.len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		done += (size_t)n;
	}
	out->buf.len = 0;
	return 0;
}

int cli_out_write(struct cli_out *out, const void *s, size_t n)
{
	if (out->buf.len + n > OUT_BUF && cli_out_flush(out))
		return -1;
	if (n > OUT_BUF) { /* a big result goes out as it is */
		struct cli_buf keep = out->buf;
		int rc;
		out->buf.data = (char *)s;
		out->buf.len = n;
		rc = cli_out_flush(out);
		out->buf = keep;
		return rc;
	}
	if (cli_buf_add(&out->buf, s, n)) {
		errno = ENOMEM;
		return -1;
	}
	return 0;
}

/* Give the unnamed file a name beside the target: through /proc (linkat
 * with AT_EMPTY_PATH needs a capability), else by copying it. */
static int name_tmpfile(struct cli_out *out)
{
	char proc[64];
	int fd, i;

	for (i = 0; i < 100; i++) {
		out->tmp_name = temp_name(out->target);
		if (!out->tmp_name)
			return -1;
		/* a name mkstemp would pick, without creating the file */
		fd = mkostemp(out->tmp_name, O_CLOEXEC);
		if (fd < 0)
			return -1;
		close(fd);
		unlink(out->tmp_name);
		snprintf(proc, sizeof proc, "/proc/self/fd/%d", out->fd);
		if (linkat(AT_FDCWD, proc, AT_FDCWD, out->tmp_name, AT_SYMLINK_FOLLOW) == 0)
			return 0;
		if (errno != EEXIST)
			break;
		free(out->tmp_name);
		out->tmp_name = NULL;
	}
	/* no /proc: copy the data into a named temporary file */
	free(out->tmp_name);
	out->tmp_name = temp_name(out->target);
	if (!out->tmp_name)
		return -1;
	fd = mkostemp(out->tmp_name, O_CLOEXEC);
	if (fd < 0 || fchmod(fd, out->mode))
		goto fail;
	{
		char buf[65536];
		off_t off = 0;
		ssize_t n;
		while ((n = pread(out->fd, buf, sizeof buf, off)) > 0) {
			ssize_t w = 0;
			while (w < n) {
				ssize_t k = write(fd, buf + w, (size_t)(n - w));
				if (k < 0 && errno != EINTR)
					goto fail;
				w += k > 0 ? k : 0;
			}
			off += n;
		}
		if (n < 0 || fsync(fd))
			goto fail;
	}
	close(fd);
	return 0;
fail:
	if (fd >= 0)
		close(fd);
	unlink(out->tmp_name);
	free(out->tmp_name);
	out->tmp_name = NULL;
	return -1;
}

int cli_out_commit(struct cli_out *out, char *err, size_t cap)
{
	if (cli_out_flush(out)) {
		snprintf(err, cap, "cannot write the output: %s", strerror(errno));
		cli_out_abort(out);
		return -1;
	}
	free(out->buf.data);
	out->buf.data = NULL;
	out->buf.cap = 0;
	if (!out->is_file)
		return 0;
	if (out->direct) {
		close(out->fd);
		out->fd = -1;
		return 0;
	}
	/* on disk before the name points at it, or a crash could leave an
	 * empty FILE in place of the old one */
	if (fsync(out->fd) || (!out->tmp_name && name_tmpfile(out)) ||
	    rename(out->tmp_name, out->target)) {
		snprintf(err, cap, "%s: %s", out->target, strerror(errno));
		cli_out_abort(out);
		return -1;
	}
	free(out->tmp_name);
	out->tmp_name = NULL;
	close(out->fd);
	out->fd = -1;
	free(out->target);
	out->target = NULL;
	return 0;
}

void cli_out_abort(struct cli_out *out)
{
	if (out->is_file && out->fd >= 0)
		close(out->fd);
	out->fd = -1;
	if (out->tmp_name)
		unlink(out->tmp_name);
	free(out->tmp_name);
	out->tmp_name = NULL;
	free(out->target);
	out->target = NULL;
	free(out->buf.data);
	out->buf.data = NULL;
	out->buf.len = out->buf.cap = 0;
}
