/* The server's operation under stress, against the real server: a stalled
 * reader of the access log or SIGHUP under load stops nothing, an aborted
 * answer is logged as such, --web-dir does not follow links out, and
 * published_at is checked as spelt. The work, memory and time bounds are in
 * test_http_bounds.c. */
#include <arpa/inet.h>
#include <criterion/criterion.h>
#include <criterion/logging.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "tests/http/harness.h"

TestSuite(http_ops, .timeout = 120);

#define TEXT "Content-Type: text/plain; charset=utf-8\r\n"

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A reader of stdout that stops reading: the workers never wait for it;
 * lines are dropped and counted. Before, the server hung after ~350. */
Test(http_ops, stalled_log_reader_leaves_the_server_answering)
{
	struct harness_server s;
	struct harness_conn c;
	struct harness_response r;
	static const char ping[] = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
	int pipefd[2], i;
	double t = now_s();

	cr_assert_eq(pipe(pipefd), 0);
	harness_start_stdout(&s, NULL, pipefd[1]); /* and nobody reads pipefd[0] */
	close(pipefd[1]);
	harness_connect(&s, &c);
	/* the first through the contract check, the rest read by hand */
	harness_send(&c, ping, sizeof ping - 1);
	cr_assert_eq(harness_read_response(&c, "GET", "/healthz", &r), 0);
	cr_assert_eq(r.status, 200);
	harness_response_free(&r);
	for (i = 1; i < 3000; i++) {
		char b[2048];
		size_t got = 0;
		ssize_t n;
		harness_send(&c, ping, sizeof ping - 1);
		/* one answer: the head and {"status":"ok"}\n */
		while (!(got > 4 && memmem(b, got, "{\"status\":\"ok\"}\n", 16)) &&
		       (n = recv(c.fd, b + got, sizeof b - got, 0)) > 0)
			got += (size_t)n;
		cr_assert(got > 12 && !strncmp(b, "HTTP/1.1 200", 12),
			  "request %d got no answer with the log reader stalled", i + 1);
	}
	harness_close(&c);
	harness_request(&s, "GET", "/metrics", NULL, NULL, 0, &r);
	{
		const char *m = strstr(r.body, "\nmeetingd_access_log_dropped_total ");
		cr_assert(m && strtol(m + 36, NULL, 10) > 0, "no dropped lines counted: %.200s",
			  m ? m : "(no metric)");
	}
	harness_response_free(&r);
	cr_log_info("3,000 requests with the log reader stalled: %.2f s", now_s() - t);
	harness_stop_ok(&s);
	close(pipefd[0]);
}

struct loader {
	pthread_t tid;
	int port;
	atomic_int *stop;
	long ok, failed;
};

/* One POST per connection, read by hand (the harness's header helper is
 * not for threads); anything but a whole 200 counts as failed. */
static void *load_main(void *arg)
{
	struct loader *L = arg;
	char head[300], buf[65536];
	size_t alen = strlen(harness_article);

	snprintf(head, sizeof head,
		 "POST /v1/parse HTTP/1.1\r\nHost: x\r\n" TEXT
		 "Content-Length: %zu\r\nConnection: close\r\n\r\n",
		 alen);
	while (!atomic_load(L->stop)) {
		struct sockaddr_in a = {.sin_family = AF_INET,
					.sin_port = htons((unsigned short)L->port)};
		struct timeval tv = {10, 0};
		int fd = socket(AF_INET, SOCK_STREAM, 0), status = 0;
		size_t got = 0;
		ssize_t n;

		a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
		if (connect(fd, (struct sockaddr *)&a, sizeof a) == 0 &&
		    send(fd, head, strlen(head), MSG_NOSIGNAL) == (ssize_t)strlen(head) &&
		    send(fd, harness_article, alen, MSG_NOSIGNAL) == (ssize_t)alen) {
			while (got < sizeof buf - 1 &&
			       (n = recv(fd, buf + got, sizeof buf - 1 - got, 0)) > 0)
				got += (size_t)n;
			buf[got] = '\0';
			sscanf(buf, "HTTP/1.1 %d", &status);
		}
		close(fd);
		if (status == 200 && strstr(buf, "\"version\":\"1.0\""))
			L->ok++;
		else
			L->failed++;
	}
	return NULL;
}

/* SIGHUP used to kill the process at once (exit 129, no drain). */
Test(http_ops, sighup_under_load_fails_no_request)
{
	struct harness_server s;
	struct loader L[8];
	atomic_int stop = 0;
	long ok = 0, failed = 0;
	char *log;
	int i;

	harness_start(&s, NULL);
	for (i = 0; i < 8; i++) {
		L[i] = (struct loader){.port = s.port, .stop = &stop};
		cr_assert_eq(pthread_create(&L[i].tid, NULL, load_main, &L[i]), 0);
	}
	for (i = 0; i < 5; i++) {
		usleep(200000);
		cr_assert_eq(kill(s.pid, SIGHUP), 0);
	}
	usleep(300000);
	atomic_store(&stop, 1);
	for (i = 0; i < 8; i++) {
		pthread_join(L[i].tid, NULL);
		ok += L[i].ok;
		failed += L[i].failed;
	}
	cr_assert_eq(failed, 0, "%ld requests failed around SIGHUP", failed);
	cr_assert(ok > 20, "only %ld requests answered", ok);
	log = harness_read_file(s.err_path);
	cr_assert(log && strstr(log, "SIGHUP ignored"), "stderr: %s", log ? log : "");
	free(log);
	harness_stop_ok(&s);
}

/* The client takes a few bytes of a large answer and resets: logged 499
 * with what reached it, not 200 with the whole length. */
Test(http_ops, aborted_answer_is_logged_with_what_was_delivered)
{
	char dir[] = "/tmp/meetingd-abort-XXXXXX", path[200], *big, *log, *line;
	const char *args[] = {"--web-dir", dir, NULL};
	const size_t size = 12u << 20;
	struct harness_server s;
	struct linger lg = {1, 0};
	int fd, rcv = 4096, found = 0;
	char buf[1000];

	harness_mkdtemp_shared(dir);
	snprintf(path, sizeof path, "%s/big.txt", dir);
	big = malloc(size);
	memset(big, 'x', size);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	cr_assert(fd >= 0 && write(fd, big, size) == (ssize_t)size);
	close(fd);
	free(big);
	harness_start(&s, args);
	{
		struct sockaddr_in a = {.sin_family = AF_INET,
					.sin_port = htons((unsigned short)s.port)};
		static const char get[] = "GET /web/big.txt HTTP/1.1\r\nHost: x\r\n\r\n";
		a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		fd = socket(AF_INET, SOCK_STREAM, 0);
		setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcv, sizeof rcv);
		cr_assert_eq(connect(fd, (struct sockaddr *)&a, sizeof a), 0);
		cr_assert_eq(send(fd, get, sizeof get - 1, 0), (ssize_t)(sizeof get - 1));
		cr_assert(recv(fd, buf, sizeof buf, MSG_WAITALL) > 0);
		usleep(300000);
		setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
		close(fd); /* a reset */
	}
	log = harness_wait_file(s.out_path, "/web/big.txt", 5);
	cr_assert_not_null(log);
	for (line = strtok(log, "\n"); line; line = strtok(NULL, "\n")) {
		json_t *j = json_loads(line, 0, NULL);
		if (j && !strcmp(json_string_value(json_object_get(j, "path")), "/web/big.txt")) {
			json_int_t st = json_integer_value(json_object_get(j, "status")),
				   out = json_integer_value(json_object_get(j, "bytes_out"));
			cr_assert_eq(st, 499, "an aborted answer logged as %d: %s", (int)st, line);
			cr_assert(out < (json_int_t)size, "bytes_out %lld of %zu: %s",
				  (long long)out, size, line);
			found = 1;
		}
		json_decref(j);
	}
	cr_assert(found, "no log line for the aborted answer");
	free(log);
	harness_stop_ok(&s);
	unlink(path);
	rmdir(dir);
}

/* --web-dir serves files inside the folder only: a link to a file or a
 * folder outside it is not followed (before, it was). */
Test(http_ops, web_dir_does_not_follow_links_out)
{
	char dir[] = "/tmp/meetingd-web-XXXXXX", out[] = "/tmp/meetingd-out-XXXXXX", p[300], q[300];
	const char *args[] = {"--web-dir", dir, NULL};
	struct harness_server s;
	struct harness_response r;
	int fd;

	harness_mkdtemp_shared(dir);
	harness_mkdtemp_shared(out); /* readable: a followed link would serve it */
	snprintf(p, sizeof p, "%s/secret.txt", out);
	fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	cr_assert(fd >= 0 && write(fd, "secret\n", 7) == 7);
	close(fd);
	snprintf(q, sizeof q, "%s/inside.txt", dir);
	fd = open(q, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	cr_assert(fd >= 0 && write(fd, "inside\n", 7) == 7);
	close(fd);
	snprintf(q, sizeof q, "%s/link.txt", dir);
	cr_assert_eq(symlink(p, q), 0);
	snprintf(q, sizeof q, "%s/sub", dir);
	cr_assert_eq(symlink(out, q), 0);
	harness_start(&s, args);
	harness_request(&s, "GET", "/web/inside.txt", NULL, NULL, 0, &r);
	cr_assert_eq(r.status, 200);
	harness_response_free(&r);
	harness_request(&s, "GET", "/web/link.txt", NULL, NULL, 0, &r);
	cr_assert_eq(r.status, 404, "a link to a file outside was followed: %s", r.body);
	harness_response_free(&r);
	harness_request(&s, "GET", "/web/sub/secret.txt", NULL, NULL, 0, &r);
	cr_assert_eq(r.status, 404, "a link to a folder outside was followed: %s", r.body);
	harness_response_free(&r);
	harness_stop_ok(&s);
	snprintf(q, sizeof q, "%s/link.txt", dir);
	unlink(q);
	snprintf(q, sizeof q, "%s/sub", dir);
	unlink(q);
	snprintf(q, sizeof q, "%s/inside.txt", dir);
	unlink(q);
	unlink(p);
	rmdir(dir);
	rmdir(out);
}

/* The detail names the member as it is spelt (it said "Published_at"). */
Test(http_ops, published_at_is_named_as_spelt)
{
	struct harness_server s;
	struct harness_response r;
	static const char bad[] = "{\"text\":\"Sáng 5.4, hội nghị.\",\"published_at\":\"hôm qua\"}";
	const char *detail;

	harness_start(&s, NULL);
	harness_request(&s, "POST", "/v1/parse", "Content-Type: application/json\r\n", bad,
			sizeof bad - 1, &r);
	detail = harness_assert_problem(&r, 400, "invalid-published-at");
	cr_assert(!strncmp(detail, "published_at ", 13), "detail: %s", detail);
	harness_response_free(&r);
	harness_stop_ok(&s);
}

/* MODEL: year 0 is no date (it was accepted silently). */
Test(http_ops, published_at_year_zero_is_refused)
{
	struct harness_server s;
	struct harness_response r;
	static const char zero[] =
	    "{\"text\":\"Sáng 5.4, hội nghị.\",\"published_at\":\"0000-01-01\"}";

	harness_start(&s, NULL);
	harness_request(&s, "POST", "/v1/parse", "Content-Type: application/json\r\n", zero,
			sizeof zero - 1, &r);
	cr_assert_eq(r.status, 400, "published_at 0000-01-01 accepted (the model's date check)");
	harness_assert_problem(&r, 400, "invalid-published-at");
	harness_response_free(&r);
	harness_stop_ok(&s);
}
