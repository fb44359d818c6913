/* Stopping an archive run: SIGINT finishes the articles being parsed and
 * writes the summary; with -o an interrupted run leaves the file as it was
 * and no temporary file; a second signal stops at once; an output that
 * cannot be written stops the run with exit 1.
 *
 * A FIFO among the inputs holds the run at a known point: the one worker
 * (-j 1) blocks opening it, so the article "in flight" is the FIFO's, and
 * it completes when the test writes to it. */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests/cli/cli_util.h"
#include "tests/http/harness.h"

TestSuite(cli_signal, .timeout = 60);

struct held_run {
	char dir[64];
	char *in[5]; /* a1, a2 (empty: fails, so stderr shows it), fifo, a4, a5 */
	int count;
	char **own;
};

static void held_setup(struct held_run *h)
{
	size_t len;
	char *text;

	h->own = cli_test_own_articles(&h->count);
	cli_test_tmpdir(h->dir, sizeof h->dir);
	text = cli_test_slurp(h->own[0], &len);
	h->in[0] = cli_test_write(h->dir, "a1.txt", text, len);
	free(text);
	h->in[1] = cli_test_write(h->dir, "a2.txt", "", 0);
	h->in[2] = cli_test_path(h->dir, "a3.fifo");
	cr_assert_eq(mkfifo(h->in[2], 0600), 0);
	h->in[3] = cli_test_write(h->dir, "a4.txt", harness_article, strlen(harness_article));
	h->in[4] = cli_test_write(h->dir, "a5.txt", harness_article, strlen(harness_article));
}

static void held_free(struct held_run *h)
{
	int i;

	for (i = 0; i < 5; i++)
		free(h->in[i]);
	cli_test_free_list(h->own);
	cli_test_rmdir(h->dir);
}

/* Start `parse -j 1 [extra] a1 a2 fifo a4 a5` and wait until it is held
 * at the FIFO (a2's failure has been reported, so a1 and a2 are done). */
static void held_start(struct held_run *h, struct cli_test_proc *p, const char *o_path)
{
	const char *argv[16];
	int a = 0, i;

	argv[a++] = "parse";
	argv[a++] = "-j";
	argv[a++] = "1";
	if (o_path) {
		argv[a++] = "-o";
		argv[a++] = o_path;
	}
	for (i = 0; i < 5; i++)
		argv[a++] = h->in[i];
	argv[a] = NULL;
	cli_test_spawn(p, argv, -1);
	cr_assert(cli_test_wait_for(p->err_path, "a2.txt: The article is empty", 30),
		  "the run never reached the FIFO");
}

Test(cli_signal, sigint_finishes_the_articles_in_flight)
{
	struct held_run h;
	struct cli_test_proc p;
	char *out, *err;
	int rc;

	held_setup(&h);
	held_start(&h, &p, NULL);
	cr_assert(cli_test_wait_lines(p.out_path, 2, 10), "a1 and a2 are written");
	kill(p.pid, SIGINT);
	cr_assert(cli_test_wait_for(p.err_path, "interrupted: finishing", 10));
	/* the article in flight completes after the signal */
	cli_test_fifo_feed(h.in[2], harness_article);
	rc = cli_test_wait(&p, 30);
	out = cli_test_slurp(p.out_path, NULL);
	err = cli_test_slurp(p.err_path, NULL);
	cr_assert_eq(rc, 130, "exit %d; stderr: %s", rc, err);
	cr_assert_eq(cli_test_lines(out), 3, "a1, a2 and the FIFO, not a4 or a5: %s", out);
	cr_assert(strstr(out, "{\"id\":1,\"source\":\""));
	cr_assert(strstr(out, "\"id\":2,\"source\":"));
	{
		char want[200];
		snprintf(want, sizeof want, "{\"id\":3,\"source\":\"%s\",\"version\"", h.in[2]);
		cr_assert(strstr(out, want), "the FIFO's article was parsed: %s", out);
	}
	cr_assert(!strstr(out, "a4.txt") && !strstr(out, "a5.txt"));
	cr_assert(strstr(err, "interrupted after 3 of 5 files: 2 parsed, 1 failed"), "summary: %s",
		  err);
	free(out);
	free(err);
	cli_test_proc_free(&p);
	held_free(&h);
}

Test(cli_signal, interrupted_output_file_is_left_as_it_was)
{
	struct held_run h;
	struct cli_test_proc p;
	char odir[64], *target, *content, *list, *err;
	int rc;

	held_setup(&h);
	cli_test_tmpdir(odir, sizeof odir);
	target = cli_test_write(odir, "out.ndjson", "old\n", 4);
	held_start(&h, &p, target);
	/* while the run goes on: the old file untouched, nothing half-written */
	content = cli_test_slurp(target, NULL);
	cr_assert_str_eq(content, "old\n");
	free(content);
	kill(p.pid, SIGINT);
	cr_assert(cli_test_wait_for(p.err_path, "interrupted: finishing", 10));
	cli_test_fifo_feed(h.in[2], harness_article);
	rc = cli_test_wait(&p, 30);
	err = cli_test_slurp(p.err_path, NULL);
	cr_assert_eq(rc, 130, "%s", err);
	cr_assert(strstr(err, "not written"), "the summary says so: %s", err);
	content = cli_test_slurp(target, NULL);
	cr_assert_str_eq(content, "old\n", "an interrupted run does not replace the file");
	list = cli_test_listing(odir);
	cr_assert_str_eq(list, "out.ndjson", "no temporary file is left: %s", list);
	free(list);
	free(content);
	free(err);
	cli_test_proc_free(&p);

	/* the same run to the end replaces the file with the whole output */
	{
		const char *argv[] = {"parse", "-o", target, h.in[0], h.in[3], NULL};
		const char *argv_stdout[] = {"parse", h.in[0], h.in[3], NULL};
		char *o1, *e1, *o2, *e2;
		struct stat st;
		mode_t mask = umask(022);
		umask(mask);
		cr_assert_eq(harness_run(argv, NULL, 0, &o1, NULL, &e1, NULL), 0, "%s", e1);
		cr_assert_str_eq(o1, "", "-o: nothing on stdout");
		cr_assert_eq(harness_run(argv_stdout, NULL, 0, &o2, NULL, &e2, NULL), 0);
		content = cli_test_slurp(target, NULL);
		cr_assert_str_eq(content, o2);
		cr_assert_eq(stat(target, &st), 0);
		cr_assert_eq(st.st_mode & 0777, 0666 & ~mask);
		list = cli_test_listing(odir);
		cr_assert_str_eq(list, "out.ndjson");
		free(list);
		free(content);
		free(o1);
		free(e1);
		free(o2);
		free(e2);
	}
	/* a folder that does not exist: exit 1 at once, nothing written */
	{
		char *bad = cli_test_path(odir, "no/such/dir.ndjson");
		const char *argv[] = {"parse", "-o", bad, h.in[0], h.in[3], NULL};
		char *o1, *e1;
		cr_assert_eq(harness_run(argv, NULL, 0, &o1, NULL, &e1, NULL), 1);
		cr_assert(strstr(e1, "cannot create the output"), "%s", e1);
		free(o1);
		free(e1);
		free(bad);
	}
	free(target);
	cli_test_rmdir(odir);
	held_free(&h);
}

Test(cli_signal, second_signal_stops_at_once)
{
	struct held_run h;
	struct cli_test_proc p;
	char odir[64], *target, *list, *err;
	int rc;

	held_setup(&h);
	cli_test_tmpdir(odir, sizeof odir);
	target = cli_test_path(odir, "table.csv");
	held_start(&h, &p, target);
	kill(p.pid, SIGTERM); /* SIGTERM stops like SIGINT */
	cr_assert(cli_test_wait_for(p.err_path, "interrupted: finishing", 10));
	kill(p.pid, SIGINT);
	/* the FIFO is never written: only the second signal ends the run */
	rc = cli_test_wait(&p, 20);
	err = cli_test_slurp(p.err_path, NULL);
	cr_assert_eq(rc, 130, "%s", err);
	cr_assert(strstr(err, "stopped at once"), "%s", err);
	list = cli_test_listing(odir);
	cr_assert_str_eq(list, "", "no output file, no temporary file: %s", list);
	free(list);
	free(err);
	free(target);
	cli_test_proc_free(&p);
	cli_test_rmdir(odir);
	held_free(&h);
}

Test(cli_signal, unwritable_output_stops_the_run)
{
	const char *argv[] = {harness_bin(), "parse", "-j", "2", "tests/corpus/own", NULL};
	int err_pipe[2], status;
	char buf[4096];
	ssize_t n;
	size_t got = 0;
	pid_t pid;

	if (access("/dev/full", W_OK))
		cr_skip_test("no /dev/full here");
	cr_assert_eq(pipe(err_pipe), 0);
	pid = fork();
	cr_assert(pid >= 0);
	if (pid == 0) {
		int full = open("/dev/full", O_WRONLY);
		dup2(full, 1);
		dup2(err_pipe[1], 2);
		close(err_pipe[0]);
		execv(argv[0], (char *const *)argv);
		_exit(127);
	}
	close(err_pipe[1]);
	while ((n = read(err_pipe[0], buf + got, sizeof buf - 1 - got)) > 0)
		got += (size_t)n;
	buf[got] = '\0';
	close(err_pipe[0]);
	waitpid(pid, &status, 0);
	cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 1, "status %d: %s", status, buf);
	cr_assert(strstr(buf, "cannot write the output: No space left on device"), "%s", buf);
}
