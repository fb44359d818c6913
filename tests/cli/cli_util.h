/* Helpers for the archive-mode tests of `meetingd parse`: temporary
 * folders of articles, the binary run in the background (for signals and
 * terminals), and strict readers of the CSV and TSV it writes. */
#ifndef MEETINGD_TEST_CLI_UTIL_H
#define MEETINGD_TEST_CLI_UTIL_H

#include <stddef.h>
#include <sys/types.h>

/* A fresh folder under /tmp (path written to dir, cap >= 64). */
void cli_test_tmpdir(char *dir, size_t cap);
/* Remove a folder made by cli_test_tmpdir() and everything in it. */
void cli_test_rmdir(const char *dir);
/* Write len bytes to dir/name (folders in name must exist); returns the
 * path (malloc'ed; caller frees). */
char *cli_test_write(const char *dir, const char *name, const void *data, size_t len);
/* dir/name as a new string (caller frees). */
char *cli_test_path(const char *dir, const char *name);
/* The bytes of a file (malloc'ed, NUL-terminated; caller frees), *len set
 * when len is not NULL; fails the test when it cannot be read. */
char *cli_test_slurp(const char *path, size_t *len);
/* Number of '\n' in s. */
int cli_test_lines(const char *s);
/* Names in dir (excluding . and ..), sorted and joined by '\n' (malloc'ed). */
char *cli_test_listing(const char *dir);

/* Every article the project owns: tests/corpus/own/ *.txt and
 * tests/cases/ * /article.txt, sorted; NULL-terminated, malloc'ed. */
char **cli_test_own_articles(int *count);
void cli_test_free_list(char **list);

/* A meetingd run in the background: stdout and stderr go to files in a
 * folder of its own (stdin from /dev/null), or stderr to err_fd when >= 0. */
struct cli_test_proc {
	pid_t pid;
	char dir[64], out_path[96], err_path[96];
};
/* Start meetingd with argv (NULL-terminated, without the binary). */
void cli_test_spawn(struct cli_test_proc *p, const char *const *argv, int err_fd);
/* Wait up to timeout_s for needle in the file at path; 1 when it came. */
int cli_test_wait_for(const char *path, const char *needle, double timeout_s);
/* Wait up to timeout_s for the file at path to hold at least n lines. */
int cli_test_wait_lines(const char *path, int n, double timeout_s);
/* Wait for the process to exit (killing it after timeout_s): the exit
 * status, 128+signal, or -1 when it had to be killed. */
int cli_test_wait(struct cli_test_proc *p, double timeout_s);
/* Remove the run's folder (after cli_test_wait). */
void cli_test_proc_free(struct cli_test_proc *p);

/* Open a FIFO at path for writing (blocks until the reader opens it),
 * write data and close it. */
void cli_test_fifo_feed(const char *path, const char *data);

/* A table read back strictly: rows of fields (malloc'ed strings). */
struct cli_test_table {
	char ***rows;
	int *widths;
	int n;
};
/* RFC 4180, strictly: every record ends in CRLF, a field is either bare
 * (no comma, quote, CR or LF) or quoted with inner quotes doubled and
 * followed by a comma or CRLF, all records as wide as the first. 0, or -1
 * with the reason in why (cap bytes). */
int cli_test_read_csv(const char *s, size_t len, struct cli_test_table *t, char *why, size_t cap);
/* TSV as meetingd writes it: LF after every record, tabs between fields,
 * \\ \t \n \r escapes and no other backslash; no raw CR. Same results. */
int cli_test_read_tsv(const char *s, size_t len, struct cli_test_table *t, char *why, size_t cap);
void cli_test_table_free(struct cli_test_table *t);

#endif
