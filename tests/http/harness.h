/* Test harness for tests/http: runs the real meetingd binary on a loopback
 * port and talks raw HTTP/1.1 to it, so what is tested is what ships.
 *
 * Every response read through harness_request()/harness_read_response() is
 * also checked against the OpenAPI contract when MEETINGD_CONTRACT_URL is
 * set (see harness_contract_check()).
 */
#ifndef MEETINGD_TEST_HARNESS_H
#define MEETINGD_TEST_HARNESS_H

#include <jansson.h>
#include <stddef.h>
#include <sys/types.h>

#define HARNESS_PROBLEM_BASE "https://meetingd.dev/problems/"

struct harness_server {
	pid_t pid;
	int port;
	char dir[64];	    /* temporary directory for the logs */
	char out_path[128]; /* server stdout: the access log */
	char err_path[128]; /* server stderr */
};

struct harness_response {
	int status;
	char *head; /* status line and header lines, NUL-terminated */
	char *body; /* NUL-terminated; body_len excludes the NUL */
	size_t body_len;
	int chunked;  /* arrived with Transfer-Encoding: chunked */
	json_t *json; /* parsed body when it is JSON, else NULL */
};

/* A connection with its read buffer (for keep-alive and partial sends). */
struct harness_conn {
	int fd;
	char buf[65536];
	size_t len;
};

/* Path of the binary under test (MEETINGD_BIN or build/meetingd). */
const char *harness_bin(void);

/* Start meetingd serve on 127.0.0.1 with a kernel-chosen port, plus the
 * NULL-terminated extra arguments (may be NULL); returns once /healthz
 * answers 200. Fails the current test when it cannot. */
void harness_start(struct harness_server *s, const char *const *args);

/* Same, with extra environment entries "NAME=value" (NULL-terminated). */
void harness_start_env(struct harness_server *s, const char *const *args, const char *const *env);

/* Same, with the server's stdout (the access log) on stdout_fd instead of
 * out_path: a pipe whose reader stalls, say. */
void harness_start_stdout(struct harness_server *s, const char *const *args, int stdout_fd);

/* SIGTERM the server and wait; returns its exit status (or 128+signal), or
 * -1 when it was not running. Kills it after timeout_s seconds. */
int harness_stop(struct harness_server *s, int timeout_s);

/* harness_stop() that fails the test unless the server exited 0 (a
 * sanitizer report or a crash at shutdown shows up here), printing the
 * server's stderr. */
void harness_stop_ok(struct harness_server *s);

/* mkdtemp(tmpl) that fails the test on error, then opens the folder to
 * every user (0755): a folder handed to the server must be readable by it,
 * and it may run as another user (the image's UID 10001). */
void harness_mkdtemp_shared(char *tmpl);

/* Read a whole file into a malloc'ed NUL-terminated string (NULL if none). */
char *harness_read_file(const char *path);

/* Connect to the server (10 s receive timeout). Fails the test on error. */
void harness_connect(struct harness_server *s, struct harness_conn *c);

/* Send bytes; fails the test on error. */
void harness_send(struct harness_conn *c, const void *data, size_t len);

/* Read one response from c (HEAD: no body). 0, or -1 when the connection
 * closed or timed out first. The response is contract-checked against
 * method and path. */
int harness_read_response(struct harness_conn *c, const char *method, const char *path,
			  struct harness_response *r);

/* Close the connection. */
void harness_close(struct harness_conn *c);

/* One request on a new connection (Connection: close). headers is extra
 * "Name: value\r\n" lines or NULL; body may be NULL (then no
 * Content-Length is sent). Fails the test when no response arrives. */
void harness_request(struct harness_server *s, const char *method, const char *path,
		     const char *headers, const void *body, size_t body_len,
		     struct harness_response *r);

/* The same without the contract check, for responses libmicrohttpd writes
 * itself (431, 414), which carry no problem+json body. */
void harness_request_raw(struct harness_server *s, const char *method, const char *path,
			 const char *headers, const void *body, size_t body_len,
			 struct harness_response *r);

/* Value of a response header (case-insensitive name) copied into a static
 * per-call buffer, or NULL. */
const char *harness_header(const struct harness_response *r, const char *name);

/* Free what a response holds. */
void harness_response_free(struct harness_response *r);

/* Assert r is an application/problem+json answer with that status and type
 * slug, a title, a detail, and instance equal to its X-Request-Id. Returns
 * the detail (borrowed from r->json). */
const char *harness_assert_problem(const struct harness_response *r, int status, const char *slug);

/* POST the response to MEETINGD_CONTRACT_URL and assert {"valid":true};
 * without the variable, print one warning per process and return. */
void harness_contract_check(const char *method, const char *path, const struct harness_response *r);

/* Wait up to timeout_s for needle to appear in the file at path (the
 * access log is written after the response has gone out). Returns the
 * file's content (malloc'ed; caller frees) whether or not it appeared. */
char *harness_wait_file(const char *path, const char *needle, double timeout_s);

/* Run meetingd with argv (NULL-terminated, without the binary) and the
 * given stdin bytes (stdin_data may be NULL: empty stdin). *out and *err get
 * malloc'ed stdout/stderr (lengths in *out_len and *err_len when not NULL).
 * Returns the exit status (128+signal when killed). */
int harness_run(const char *const *argv, const void *stdin_data, size_t stdin_len, char **out,
		size_t *out_len, char **err, size_t *err_len);

/* A short article written for these tests (not from any corpus). */
extern const char harness_article[];

#endif
