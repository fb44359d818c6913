/* The progress line of archive mode: in a real terminal (tmux: the screen
 * as a user sees it, Ctrl+C from the keyboard), on a pseudo-terminal (the
 * bytes: redraws in place, at most 10 a second, cut to the width), and its
 * absence off a terminal unless --progress. The run is held at a FIFO
 * among the inputs (see test_cli_signal.c) so that the line can be looked
 * at while the run is going on. */
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "tests/cli/cli_util.h"
#include "tests/http/harness.h"

TestSuite(cli_progress, .timeout = 180);

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

struct fixture {
	char dir[64];
	char *a1, *empty, *fifo, *a4;
};

static void fixture_make(struct fixture *f)
{
	cli_test_tmpdir(f->dir, sizeof f->dir);
	f->a1 = cli_test_write(f->dir, "a1.txt", harness_article, strlen(harness_article));
	f->empty = cli_test_write(f->dir, "empty.txt", "", 0);
	f->fifo = cli_test_path(f->dir, "held.fifo");
	cr_assert_eq(mkfifo(f->fifo, 0600), 0);
	f->a4 = cli_test_write(f->dir, "a4.txt", harness_article, strlen(harness_article));
}

static void fixture_free(struct fixture *f)
{
	free(f->a1);
	free(f->empty);
	free(f->fifo);
	free(f->a4);
	cli_test_rmdir(f->dir);
}

/* ---- tmux ---- */

static int have_tmux(void)
{
	return system("command -v tmux >/dev/null 2>&1") == 0;
}

/* tmux, installed from Debian when missing and we may; else skip. */
static void need_tmux(void)
{
	if (have_tmux())
		return;
	if (geteuid() == 0 && system("command -v apt-get >/dev/null 2>&1") == 0) {
		cr_log_info("installing tmux for the terminal tests");
		if (system("DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tmux "
			   ">/dev/null 2>&1") == 0 &&
		    have_tmux())
			return;
	}
	cr_skip_test("tmux is not available (apt-get install tmux): the progress line was "
		     "not tested in a terminal");
}

static int tmux(const struct fixture *f, const char *args)
{
	char cmd[1024];

	snprintf(cmd, sizeof cmd, "tmux -S '%s/tmux.sock' %s >/dev/null 2>&1", f->dir, args);
	return system(cmd);
}

/* The pane's text as a user sees it now (malloc'ed). */
static char *capture(const struct fixture *f)
{
	char cmd[512], *buf = calloc(1, 65536);
	size_t n = 0, got;
	FILE *p;

	snprintf(cmd, sizeof cmd, "tmux -S '%s/tmux.sock' capture-pane -p -t cli", f->dir);
	p = popen(cmd, "r");
	cr_assert(p && buf);
	while ((got = fread(buf + n, 1, 65535 - n, p)) > 0)
		n += got;
	pclose(p);
	return buf;
}

static char *wait_screen(const struct fixture *f, const char *needle, double timeout_s)
{
	double deadline = now_s() + timeout_s;

	for (;;) {
		char *s = capture(f);
		if (strstr(s, needle))
			return s;
		if (now_s() > deadline) {
			cr_log_error("screen:\n%s", s);
			free(s);
			return NULL;
		}
		free(s);
		usleep(50000);
	}
}

/* Start `parse -j 1 a1 empty fifo a4` in a 100x20 tmux window; the shell
 * keeps the window open after the run, with its exit status on screen. */
static void tmux_start(struct fixture *f)
{
	char script[2048], *path, args[600];

	snprintf(script, sizeof script,
		 "trap true INT\n" /* Ctrl+C is meetingd's to handle; the shell stays */
		 "'%s' parse -j 1 '%s' '%s' '%s' '%s' > '%s/out.ndjson'\n"
		 "echo \"EXIT=$?\"\n"
		 "sleep 120\n",
		 harness_bin(), f->a1, f->empty, f->fifo, f->a4, f->dir);
	path = cli_test_write(f->dir, "run.sh", script, strlen(script));
	snprintf(args, sizeof args, "new-session -d -s cli -x 100 -y 20 \"sh '%s'\"", path);
	cr_assert_eq(tmux(f, args), 0, "tmux new-session failed");
	free(path);
}

/* The line the run shows now: the one starting "meetingd: 2/4 files". */
static void assert_progress_line(const char *screen)
{
	const char *l = strstr(screen, "meetingd: 2/4 files, ");
	const char *end;

	cr_assert_not_null(l, "no progress line on the screen:\n%s", screen);
	end = strchr(l, '\n');
	cr_assert(end, "%s", screen);
	cr_assert(strstr(l, " articles/s, ") < end && strstr(l, " MB/s, ") < end &&
		      strstr(l, ", 1 error, ETA ") < end,
		  "progress line: %.*s", (int)(end - l), l);
	cr_assert(strstr(screen, "empty.txt: The article is empty"),
		  "a failed input is named above the line:\n%s", screen);
	cr_assert(strstr(screen, "empty.txt: The article is empty") < l);
}

Test(cli_progress, progress_line_in_tmux)
{
	struct fixture f;
	char *s;

	need_tmux();
	fixture_make(&f);
	tmux_start(&f);
	s = wait_screen(&f, "meetingd: 2/4 files, ", 30);
	cr_assert_not_null(s, "the progress line never showed");
	assert_progress_line(s);
	free(s);
	cli_test_fifo_feed(f.fifo, harness_article);
	s = wait_screen(&f, "EXIT=", 30);
	cr_assert_not_null(s);
	cr_assert(strstr(s, "meetingd: 4 files: 3 parsed, 1 failed"), "summary:\n%s", s);
	cr_assert(strstr(s, "EXIT=1"), "%s", s);
	/* the progress line was erased, not left above the summary */
	cr_assert_null(strstr(s, "ETA"), "progress line left behind:\n%s", s);
	cr_assert_eq(cli_test_lines(cli_test_slurp(cli_test_path(f.dir, "out.ndjson"), NULL)), 4);
	free(s);
	tmux(&f, "kill-server");
	fixture_free(&f);
}

Test(cli_progress, ctrl_c_in_tmux)
{
	struct fixture f;
	char *s;

	need_tmux();
	fixture_make(&f);
	tmux_start(&f);
	s = wait_screen(&f, "meetingd: 2/4 files, ", 30);
	cr_assert_not_null(s);
	free(s);
	cr_assert_eq(tmux(&f, "send-keys -t cli C-c"), 0);
	s = wait_screen(&f, "interrupted: finishing", 15);
	cr_assert_not_null(s, "Ctrl+C did not reach meetingd");
	free(s);
	cli_test_fifo_feed(f.fifo, harness_article);
	s = wait_screen(&f, "EXIT=", 30);
	cr_assert_not_null(s);
	cr_assert(strstr(s, "interrupted after 3 of 4 files: 2 parsed, 1 failed"), "%s", s);
	cr_assert(strstr(s, "EXIT=130"), "%s", s);
	cr_assert_null(strstr(s, "ETA"), "%s", s);
	free(s);
	tmux(&f, "kill-server");
	fixture_free(&f);
}

/* ---- a pseudo-terminal: the bytes ---- */

struct pty_run {
	int master;
	pid_t pid;
	char *bytes;
	size_t len, cap;
};

static void pty_start(struct pty_run *r, const char *const *argv, int cols)
{
	struct winsize ws = {.ws_row = 24, .ws_col = (unsigned short)cols};
	const char *args[32];
	int a = 0, i;

	memset(r, 0, sizeof *r);
	r->master = posix_openpt(O_RDWR | O_NOCTTY);
	cr_assert(r->master >= 0 && grantpt(r->master) == 0 && unlockpt(r->master) == 0);
	cr_assert_eq(ioctl(r->master, TIOCSWINSZ, &ws), 0);
	args[a++] = harness_bin();
	for (i = 0; argv[i] && a < 31; i++)
		args[a++] = argv[i];
	args[a] = NULL;
	fflush(NULL);
	r->pid = fork();
	cr_assert(r->pid >= 0);
	if (r->pid == 0) {
		int slave = open(ptsname(r->master), O_RDWR);
		int devnull = open("/dev/null", O_RDWR);
		if (slave < 0 || devnull < 0)
			_exit(126);
		dup2(devnull, 0);
		dup2(devnull, 1);
		dup2(slave, 2);
		close(r->master);
		execv(args[0], (char *const *)args);
		_exit(127);
	}
}

/* Read what the pty shows for up to seconds (or to the end of the run). */
static int pty_read(struct pty_run *r, double seconds)
{
	double end = now_s() + seconds;

	for (;;) {
		struct pollfd pfd = {r->master, POLLIN, 0};
		double left = end - now_s();
		ssize_t n;
		if (left <= 0)
			return 0;
		if (poll(&pfd, 1, (int)(left * 1000) + 1) <= 0)
			continue;
		if (r->len + 4097 > r->cap) {
			r->cap = r->cap ? r->cap * 2 : 65536;
			r->bytes = realloc(r->bytes, r->cap);
			cr_assert_not_null(r->bytes);
		}
		n = read(r->master, r->bytes + r->len, 4096);
		if (n <= 0)
			return 1; /* EIO: every writer of the pty is gone */
		r->len += (size_t)n;
		r->bytes[r->len] = '\0';
	}
}

static int pty_finish(struct pty_run *r)
{
	int status;

	pty_read(r, 30);
	waitpid(r->pid, &status, 0);
	close(r->master);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

Test(cli_progress, redraws_in_place_at_most_ten_a_second)
{
	struct fixture f;
	struct pty_run r;
	double t0, held, total;
	size_t redraws = 0;
	const char *p;

	fixture_make(&f);
	{
		const char *argv[] = {"parse", "-j", "1", f.a1, f.empty, f.fifo, f.a4, NULL};
		pty_start(&r, argv, 40);
	}
	t0 = now_s();
	pty_read(&r, 2.0);
	held = now_s() - t0;
	cli_test_fifo_feed(f.fifo, harness_article);
	cr_assert_eq(pty_finish(&r), 1);
	total = now_s() - t0;
	/* a redraw is "\r", the line, "erase to the end of the line", and the
	 * next thing drawn starts with "\r" again: never a newline after it */
	for (p = r.bytes; (p = strstr(p, "\rmeetingd: ")); p++) {
		const char *e = strstr(p, "\033[K");
		cr_assert_not_null(e);
		cr_assert_leq((size_t)(e - p - 1), 39, "cut to the 40 columns: %.*s", (int)(e - p),
			      p);
		cr_assert(e[3] == '\r' || e[3] == '\0', "a newline after a redraw: %.*s",
			  (int)(e - p + 4), p);
		redraws++;
	}
	cr_assert_geq(redraws, 3, "the line is kept up to date while held: %s", r.bytes);
	cr_assert_leq(redraws, (size_t)(10 * total) + 2, "%zu redraws in %.2f s", redraws, total);
	cr_assert_geq(held, 1.9);
	/* messages and the summary start on an erased line */
	cr_assert(strstr(r.bytes, "\r\033[Kmeetingd: "), "%s", r.bytes);
	cr_assert(strstr(r.bytes, "meetingd: 4 files: 3 parsed, 1 failed"), "%s", r.bytes);
	free(r.bytes);
	fixture_free(&f);
}

Test(cli_progress, quiet_on_a_terminal_and_forced_off_one)
{
	struct fixture f;
	struct pty_run r;

	fixture_make(&f);
	{
		const char *argv[] = {"parse", "--quiet", f.a1, f.a4, NULL};
		pty_start(&r, argv, 80);
		cr_assert_eq(pty_finish(&r), 0);
		cr_assert_eq(r.len, 0, "--quiet draws nothing: %s", r.bytes ? r.bytes : "");
		free(r.bytes);
	}
	{
		const char *argv[] = {"parse", "--progress", "-j", "1", f.a1, f.fifo, f.a4, NULL};
		struct cli_test_proc p;
		char *err;
		cli_test_spawn(&p, argv, -1);
		cr_assert(cli_test_wait_for(p.err_path, "meetingd: 1/3 files, ", 30),
			  "--progress writes the line off a terminal");
		cli_test_fifo_feed(f.fifo, harness_article);
		cr_assert_eq(cli_test_wait(&p, 30), 0);
		err = cli_test_slurp(p.err_path, NULL);
		cr_assert_null(strchr(err, '\r'), "whole lines, not redraws: %s", err);
		cr_assert_null(strchr(err, '\033'), "no terminal codes in a log: %s", err);
		cr_assert(strstr(err, ", ETA "), "%s", err);
		free(err);
		cli_test_proc_free(&p);
	}
	fixture_free(&f);
}
