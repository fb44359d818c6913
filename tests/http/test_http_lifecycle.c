/* Process behaviour: graceful drain on SIGTERM/SIGINT, the command line
 * (`meetingd parse`, --help, --version, bad flags), the access log and
 * trusted proxies. */
#include <arpa/inet.h>
#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tests/http/harness.h"

TestSuite(http_drain, .timeout = 30);
TestSuite(http_cli, .timeout = 30);
TestSuite(http_log, .timeout = 30);

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Exit status of the server once it is gone, or -1 after timeout_s. */
static int wait_exit(struct harness_server *s, double timeout_s)
{
	double deadline = now_s() + timeout_s;
	int status;

	while (now_s() < deadline) {
		if (waitpid(s->pid, &status, WNOHANG) == s->pid) {
			s->pid = -1;
			return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
		}
		usleep(5000);
	}
	return -1;
}

/* ---- drain ---- */

/* 1 when a new connection to port is refused outright. */
static int refused(int port)
{
	struct sockaddr_in a;
	int fd = socket(AF_INET, SOCK_STREAM, 0), rc;

	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_port = htons((unsigned short)port);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	rc = connect(fd, (struct sockaddr *)&a, sizeof a);
	close(fd);
	return rc < 0 && errno == ECONNREFUSED;
}

static void drain_with(int sig)
{
	struct harness_server s;
	struct harness_conn idle, slow;
	struct harness_response r;
	size_t len = strlen(harness_article), half = len / 2;
	char head[300];
	char *log;

	harness_start(&s, NULL);
	/* a keep-alive connection, to ask /readyz once the listener is closed */
	harness_connect(&s, &idle);
	harness_send(&idle, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n", 34);
	cr_assert_eq(harness_read_response(&idle, "GET", "/healthz", &r), 0);
	cr_assert_eq(r.status, 200);
	harness_response_free(&r);

	/* a request in flight: headers and half of the body sent */
	harness_connect(&s, &slow);
	snprintf(head, sizeof head,
		 "POST /v1/parse HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
		 "Content-Length: %zu\r\n\r\n",
		 len);
	harness_send(&slow, head, strlen(head));
	harness_send(&slow, harness_article, half);
	usleep(100000);

	kill(s.pid, sig);
	log = harness_wait_file(s.err_path, "draining", 5);
	cr_assert(log && strstr(log, "draining"), "stderr: %s", log ? log : "");
	free(log);
	usleep(100000);
	cr_assert_eq(wait_exit(&s, 0.01), -1, "exited with a request in flight");
	cr_assert_eq(refused(s.port), 1, "new connections are refused while draining");

	harness_send(&idle, "GET /readyz HTTP/1.1\r\nHost: x\r\n\r\n", 33);
	cr_assert_eq(harness_read_response(&idle, "GET", "/readyz", &r), 0);
	harness_assert_problem(&r, 503, "unavailable");
	cr_assert_str_eq(harness_header(&r, "Connection"), "close");
	harness_response_free(&r);
	harness_close(&idle);

	harness_send(&slow, harness_article + half, len - half);
	cr_assert_eq(harness_read_response(&slow, "POST", "/v1/parse", &r), 0,
		     "the in-flight request must complete");
	cr_assert_eq(r.status, 200, "body: %s", r.body);
	cr_assert_str_eq(json_string_value(json_object_get(r.json, "version")), "1.0");
	harness_response_free(&r);
	harness_close(&slow);

	cr_assert_eq(wait_exit(&s, 10), 0, "exit status after drain");
	log = harness_read_file(s.out_path);
	cr_assert(log && strstr(log, "\"path\":\"/v1/parse\",\"status\":200"), "access log: %s",
		  log);
	free(log);
	harness_stop(&s, 1);
}

Test(http_drain, sigterm_completes_in_flight_request)
{
	drain_with(SIGTERM);
}

Test(http_drain, sigint_drains_too)
{
	drain_with(SIGINT);
}

Test(http_drain, deadline_bounds_the_drain)
{
	struct harness_server s;
	static const char *const args[] = {
	    "--drain-timeout", "2", "--connection-timeout", "1", "--request-timeout", "30", NULL};
	struct harness_conn c;
	static const char head[] = "POST /v1/parse HTTP/1.1\r\nHost: x\r\n"
				   "Content-Type: text/plain\r\nContent-Length: 1000\r\n\r\n";
	double start;
	int i, rc = -1;

	harness_start(&s, args);
	harness_connect(&s, &c);
	harness_send(&c, head, strlen(head));
	usleep(150000); /* let the server read the request line: now it is in flight */
	kill(s.pid, SIGTERM);
	start = now_s();
	/* keep the request alive (never silent for 1 s) past the 2 s deadline */
	for (i = 0; i < 40 && rc < 0; i++) {
		send(c.fd, "a", 1, MSG_NOSIGNAL);
		rc = wait_exit(&s, 0.2);
	}
	/* the deadline cut a request: a distinct status says so */
	cr_assert_eq(rc, 3, "exit status %d (3: requests were cut)", rc);
	cr_assert(now_s() - start >= 1.8 && now_s() - start < 5.0, "drain took %.1f s",
		  now_s() - start);
	harness_close(&c);
	harness_stop(&s, 1);
}

Test(http_drain, idle_server_exits_at_once)
{
	struct harness_server s;
	double start;

	harness_start(&s, NULL);
	start = now_s();
	harness_stop_ok(&s);
	cr_assert(now_s() - start < 1.0, "took %.2f s", now_s() - start);
}

/* ---- command line ---- */

/* The CLI and the endpoint must print the very same bytes. */
static void cli_matches_endpoint(const char *const *cli_args, const char *path, const char *headers,
				 const char *body, size_t body_len)
{
	struct harness_server s;
	struct harness_response r;
	char *out, *err;
	size_t out_len;
	int rc;

	rc = harness_run(cli_args, harness_article, strlen(harness_article), &out, &out_len, &err,
			 NULL);
	cr_assert_eq(rc, 0, "meetingd parse failed: %s", err);
	cr_assert_str_eq(err, "", "nothing on stderr on success");
	harness_start(&s, NULL);
	harness_request(&s, "POST", path, headers, body, body_len, &r);
	cr_assert_eq(r.status, 200, "body: %s", r.body);
	cr_assert_eq(r.body_len, out_len, "lengths differ: endpoint %zu, CLI %zu", r.body_len,
		     out_len);
	cr_assert(memcmp(r.body, out, out_len) == 0, "bytes differ:\nHTTP %s\nCLI  %s", r.body,
		  out);
	harness_response_free(&r);
	harness_stop_ok(&s);
	free(out);
	free(err);
}

Test(http_cli, parse_stdin_is_byte_identical_to_endpoint)
{
	static const char *const args[] = {"parse", "-", NULL};

	cli_matches_endpoint(args, "/v1/parse", "Content-Type: text/plain; charset=utf-8\r\n",
			     harness_article, strlen(harness_article));
}

Test(http_cli, parse_options_match_query_options)
{
	static const char *const args[] = {"parse",	"--offsets", "utf16", "--include-text",
					   "--explain", "-",	     NULL};

	cli_matches_endpoint(args, "/v1/parse?offsets=utf16&include=text&explain=1",
			     "Content-Type: text/plain\r\n", harness_article,
			     strlen(harness_article));
}

Test(http_cli, published_at_matches_json_request)
{
	static const char *const args[] = {"parse", "--published-at=2022-03-14", "--offsets=byte",
					   "-", NULL};
	json_t *doc =
	    json_pack("{s:s, s:s}", "text", harness_article, "published_at", "2022-03-14");
	char *body = json_dumps(doc, JSON_COMPACT);

	cli_matches_endpoint(args, "/v1/parse?offsets=byte", "Content-Type: application/json\r\n",
			     body, strlen(body));
	free(body);
	json_decref(doc);
}

Test(http_cli, parse_file_equals_stdin)
{
	char path[] = "/tmp/meetingd-article-XXXXXX";
	int fd = mkstemp(path);
	const char *file_args[] = {"parse", path, NULL};
	static const char *const stdin_args[] = {"parse", "-", NULL};
	char *a, *b, *ea, *eb;

	cr_assert(fd >= 0);
	/* readable by the binary whichever user it runs as (the image's is
	 * not the test's) */
	cr_assert_eq(fchmod(fd, 0644), 0);
	cr_assert_eq(write(fd, harness_article, strlen(harness_article)),
		     (ssize_t)strlen(harness_article));
	close(fd);
	cr_assert_eq(harness_run(file_args, NULL, 0, &a, NULL, &ea, NULL), 0, "%s", ea);
	cr_assert_eq(
	    harness_run(stdin_args, harness_article, strlen(harness_article), &b, NULL, &eb, NULL),
	    0);
	cr_assert_str_eq(a, b);
	cr_assert(strstr(a, "\"version\":\"1.0\""));
	unlink(path);
	free(a);
	free(b);
	free(ea);
	free(eb);
}

static void expect_failure(const char *const *args, const void *in, size_t in_len, int code,
			   const char *needle)
{
	char *out, *err;
	int rc = harness_run(args, in, in_len, &out, NULL, &err, NULL);

	cr_assert_eq(rc, code, "%s %s: exit %d, stderr: %s", args[0], args[1] ? args[1] : "", rc,
		     err);
	cr_assert_str_eq(out, "", "nothing on stdout on failure");
	cr_assert(!strncmp(err, "meetingd: ", 10), "stderr: %s", err);
	cr_assert(strchr(err, '\n') == err + strlen(err) - 1, "one line: %s", err);
	if (needle)
		cr_assert(strstr(err, needle), "stderr lacks '%s': %s", needle, err);
	free(out);
	free(err);
}

Test(http_cli, parse_failures)
{
	static const char *const stdin_args[] = {"parse", "-", NULL};
	static const char *const missing[] = {"parse", "/nonexistent/article.txt", NULL};
	static const char *const no_file[] = {"parse", NULL};
	static const char *const bad_unit[] = {"parse", "--offsets", "words", "-", NULL};
	static const char *const bad_opt[] = {"parse", "--frobnicate", "-", NULL};
	static const char *const two_files[] = {"parse", "-", "-", NULL}; /* stdin twice */
	static const char *const bad_date[] = {"parse", "--published-at", "hôm qua", "-", NULL};

	expect_failure(stdin_args, "", 0, 1, "empty");
	expect_failure(stdin_args, "  \n\n ", 5, 1, "empty");
	expect_failure(stdin_args, "S\xc3\xa1ng \xff", 7, 1, "offset 6");
	expect_failure(missing, NULL, 0, 1, "/nonexistent/article.txt");
	expect_failure(bad_date, harness_article, strlen(harness_article), 1, "published_at");
	expect_failure(no_file, NULL, 0, 2, NULL);
	expect_failure(bad_unit, NULL, 0, 2, "--offsets");
	expect_failure(bad_opt, NULL, 0, 2, "--frobnicate");
	expect_failure(two_files, NULL, 0, 2, NULL);
}

Test(http_cli, help_and_version)
{
	static const char *const help[] = {"--help", NULL};
	static const char *const serve_help[] = {"serve", "--help", NULL};
	static const char *const ver[] = {"--version", NULL};
	char *out, *err;

	cr_assert_eq(harness_run(help, NULL, 0, &out, NULL, &err, NULL), 0);
	cr_assert(strstr(out, "meetingd parse") && strstr(out, "--max-body") &&
		      strstr(out, "MEETINGD_MAX_BODY") && strstr(out, "--auth-token"),
		  "%s", out);
	free(out);
	free(err);
	cr_assert_eq(harness_run(serve_help, NULL, 0, &out, NULL, &err, NULL), 0);
	cr_assert(strstr(out, "--trusted-proxies"));
	free(out);
	free(err);
	cr_assert_eq(harness_run(ver, NULL, 0, &out, NULL, &err, NULL), 0);
	cr_assert(!strncmp(out, "meetingd ", 9), "%s", out);
	free(out);
	free(err);
}

Test(http_cli, bad_flags_exit_2)
{
	static const char *const unknown[] = {"serve", "--frobnicate", "1", NULL};
	static const char *const port[] = {"--port", "http", NULL};
	static const char *const range[] = {"serve", "--port", "70000", NULL};
	static const char *const missing[] = {"serve", "--port", NULL};
	static const char *const timeouts[] = {
	    "serve", "--connection-timeout", "30", "--drain-timeout", "20", NULL};
	static const char *const proxies[] = {"serve", "--trusted-proxies", "10.0.0.0/33", NULL};
	static const char *const bind[] = {"serve", "--bind", "localhost", NULL};
	static const char *const command[] = {"frobnicate", NULL};

	expect_failure(unknown, NULL, 0, 2, "--frobnicate");
	expect_failure(port, NULL, 0, 2, "--port");
	expect_failure(range, NULL, 0, 2, "65535");
	expect_failure(missing, NULL, 0, 2, "--port");
	expect_failure(timeouts, NULL, 0, 2, "drain-timeout");
	expect_failure(proxies, NULL, 0, 2, "10.0.0.0/33");
	expect_failure(command, NULL, 0, 2, "frobnicate");
	expect_failure(bind, NULL, 0, 2, "localhost");
}

Test(http_cli, bad_environment_exits_2)
{
	static const char *const args[] = {"serve", "--port", "0", NULL};
	char *out, *err;
	int rc;

	setenv("MEETINGD_MAX_CONNECTIONS", "many", 1);
	rc = harness_run(args, NULL, 0, &out, NULL, &err, NULL);
	unsetenv("MEETINGD_MAX_CONNECTIONS");
	cr_assert_eq(rc, 2, "exit %d: %s", rc, err);
	cr_assert(strstr(err, "MEETINGD_MAX_CONNECTIONS"), "names the variable: %s", err);
	free(out);
	free(err);
}

Test(http_cli, config_line_shows_effective_values)
{
	struct harness_server s;
	static const char *const env[] = {"MEETINGD_MAX_BATCH_LINES=77", "MEETINGD_ACCESS_LOG=on",
					  NULL};
	static const char *const args[] = {"--max-batch-lines", "88", "--threads", "0", NULL};
	char *err;

	harness_start_env(&s, args, env);
	err = harness_read_file(s.err_path);
	cr_assert(strstr(err, "max-batch-lines=88\n"), "flags beat the environment: %s", err);
	cr_assert(strstr(err, "threads=") && !strstr(err, "threads=0 "), "0 is resolved: %s", err);
	cr_assert(strstr(err, "auth-token=(unset)"), "%s", err);
	free(err);
	harness_stop_ok(&s);
}

/* ---- access log and trusted proxies ---- */

static json_t *last_log_line(struct harness_server *s, const char *needle)
{
	char *log = harness_wait_file(s->out_path, needle, 5), *line, *end;
	json_t *j;

	cr_assert(log && strstr(log, needle), "access log lacks %s: %s", needle, log ? log : "");
	line = strstr(log, needle);
	while (line > log && line[-1] != '\n')
		line--;
	end = strchr(line, '\n');
	cr_assert_not_null(end, "log lines end in a newline");
	j = json_loadb(line, (size_t)(end - line), 0, NULL);
	cr_assert_not_null(j, "log line is not JSON: %.*s", (int)(end - line), line);
	free(log);
	return j;
}

/* libmicrohttpd runs three threads per parse worker (server/config.h):
 * with one per core they were parsing past their share under load and
 * handed a quarter of the small parses to the pool and back. Counted from
 * the threads' names (libmicrohttpd names its pool's "MHD-worker"). */
Test(http_cli, three_libmicrohttpd_threads_per_worker)
{
	static const char *const args[] = {"--threads", "2", NULL};
	struct harness_server s;
	char path[96], comm[32];
	int tid, workers = 0;
	DIR *d;
	struct dirent *e;

	if (getenv("MEETINGD_WRAP"))
		cr_skip_test("a wrapper (MEETINGD_WRAP) owns the process and its threads' names");
	harness_start(&s, args);
	snprintf(path, sizeof path, "/proc/%d/task", (int)s.pid);
	d = opendir(path);
	cr_assert_not_null(d, "%s: %s", path, strerror(errno));
	while ((e = readdir(d))) {
		FILE *f;
		if ((tid = atoi(e->d_name)) <= 0)
			continue;
		snprintf(path, sizeof path, "/proc/%d/task/%d/comm", (int)s.pid, tid);
		if (!(f = fopen(path, "r")))
			continue;
		if (fgets(comm, sizeof comm, f) && !strncmp(comm, "MHD-worker", 10))
			workers++;
		fclose(f);
	}
	closedir(d);
	cr_assert_eq(workers, 6, "%d libmicrohttpd threads for --threads 2", workers);
	harness_stop_ok(&s);
}

Test(http_log, access_log_fields)
{
	struct harness_server s;
	struct harness_response r;
	json_t *j;

	harness_start(&s, NULL);
	harness_request(&s, "POST", "/v1/parse?offsets=byte",
			"Content-Type: text/plain\r\nX-Request-Id: log-test-1\r\n", harness_article,
			strlen(harness_article), &r);
	cr_assert_eq(r.status, 200);
	j = last_log_line(&s, "\"id\":\"log-test-1\"");
	cr_assert(json_is_string(json_object_get(j, "ts")));
	cr_assert_str_eq(json_string_value(json_object_get(j, "remote")), "127.0.0.1");
	cr_assert_str_eq(json_string_value(json_object_get(j, "client")), "127.0.0.1");
	cr_assert_str_eq(json_string_value(json_object_get(j, "method")), "POST");
	cr_assert_str_eq(json_string_value(json_object_get(j, "path")), "/v1/parse",
			 "no query string in the log");
	cr_assert_eq(json_integer_value(json_object_get(j, "status")), 200);
	cr_assert_eq(json_integer_value(json_object_get(j, "bytes_in")),
		     (json_int_t)strlen(harness_article));
	cr_assert_eq(json_integer_value(json_object_get(j, "bytes_out")), (json_int_t)r.body_len);
	cr_assert(json_is_number(json_object_get(j, "ms")));
	json_decref(j);
	harness_response_free(&r);

	/* control bytes in the path cannot break the line */
	harness_request(&s, "GET", "/x%22y\"z", NULL, NULL, 0, &r);
	harness_response_free(&r);
	j = last_log_line(&s, "\"path\":\"/x%22y\\\"z\"");
	json_decref(j);
	harness_stop_ok(&s);
}

Test(http_log, access_log_off)
{
	struct harness_server s;
	static const char *const args[] = {"--access-log", "off", NULL};
	struct harness_response r;
	char *out;

	harness_start(&s, args);
	harness_request(&s, "GET", "/version", NULL, NULL, 0, &r);
	harness_response_free(&r);
	usleep(100000);
	out = harness_read_file(s.out_path);
	cr_assert_str_eq(out, "");
	free(out);
	harness_stop_ok(&s);
}

Test(http_log, forwarded_for_only_from_trusted_proxies)
{
	struct harness_server s;
	static const char *const args[] = {"--trusted-proxies", "127.0.0.1, 10.0.0.0/8", NULL};
	struct harness_response r;
	json_t *j;

	harness_start(&s, args);
	/* the client forged 1.1.1.1; 203.0.113.9 is what our 10.x proxy saw */
	harness_request(
	    &s, "GET", "/healthz",
	    "X-Request-Id: xff-1\r\nX-Forwarded-For: 1.1.1.1, 203.0.113.9, 10.1.2.3\r\n", NULL, 0,
	    &r);
	harness_response_free(&r);
	j = last_log_line(&s, "\"id\":\"xff-1\"");
	cr_assert_str_eq(json_string_value(json_object_get(j, "remote")), "127.0.0.1");
	cr_assert_str_eq(json_string_value(json_object_get(j, "client")), "203.0.113.9");
	json_decref(j);

	/* all trusted: the leftmost */
	harness_request(&s, "GET", "/healthz",
			"X-Request-Id: xff-2\r\nX-Forwarded-For: 10.9.9.9\r\n", NULL, 0, &r);
	harness_response_free(&r);
	j = last_log_line(&s, "\"id\":\"xff-2\"");
	cr_assert_str_eq(json_string_value(json_object_get(j, "client")), "10.9.9.9");
	json_decref(j);

	/* a list too long to hold whole is not believed at all */
	{
		char hdr[3000];
		int i, n = snprintf(hdr, sizeof hdr,
				    "X-Request-Id: xff-5\r\nX-Forwarded-For: 1.1.1.1");
		for (i = 0; i < 150; i++)
			n += snprintf(hdr + n, sizeof hdr - (size_t)n, ", 10.0.0.%d", i % 250);
		snprintf(hdr + n, sizeof hdr - (size_t)n, "\r\n");
		harness_request(&s, "GET", "/healthz", hdr, NULL, 0, &r);
		harness_response_free(&r);
		j = last_log_line(&s, "\"id\":\"xff-5\"");
		cr_assert_str_eq(json_string_value(json_object_get(j, "client")), "127.0.0.1");
		json_decref(j);
	}

	/* garbage stops the walk */
	harness_request(&s, "GET", "/healthz",
			"X-Request-Id: xff-3\r\nX-Forwarded-For: <script>, 10.0.0.1\r\n", NULL, 0,
			&r);
	harness_response_free(&r);
	j = last_log_line(&s, "\"id\":\"xff-3\"");
	cr_assert_str_eq(json_string_value(json_object_get(j, "client")), "10.0.0.1");
	json_decref(j);
	harness_stop_ok(&s);
}

Test(http_log, forwarded_for_ignored_from_others)
{
	struct harness_server s;
	static const char *const args[] = {"--trusted-proxies", "10.0.0.0/8", NULL};
	struct harness_response r;
	json_t *j;

	harness_start(&s, args);
	harness_request(&s, "GET", "/healthz",
			"X-Request-Id: xff-4\r\nX-Forwarded-For: 203.0.113.9\r\n", NULL, 0, &r);
	harness_response_free(&r);
	j = last_log_line(&s, "\"id\":\"xff-4\"");
	cr_assert_str_eq(json_string_value(json_object_get(j, "client")), "127.0.0.1");
	json_decref(j);
	harness_stop_ok(&s);
}
