/* Every request's work, memory and time bounded, against the real server:
 * parses never starve probes, the request and drain deadlines stop the
 * work, bodies held in memory have a total, memory goes back after large
 * parses, a stalled log reader or SIGHUP stops nothing, an aborted answer is
 * logged as such, --web-dir does not follow links out.
 *
 * Tests marked MODEL need the model to honour its work bound
 * (model_options.deadline_ns / cancel) or to parse in linear memory; on an
 * engine that does not, they fail by design. */
#include <arpa/inet.h>
#include <criterion/criterion.h>
#include <criterion/logging.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tests/http/harness.h"

TestSuite(http_work, .timeout = 120);
TestSuite(http_memory, .timeout = 180);
TestSuite(http_ops, .timeout = 120);

#define TEXT "Content-Type: text/plain; charset=utf-8\r\n"

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int under_checker(void)
{
	const char *w = getenv("MEETINGD_WRAP");

	return w && *w;
}

static double prompt(void)
{
	return under_checker() ? 10.0 : 1.0;
}

/* Whether the server under test is built with AddressSanitizer: its
 * memory is then the sanitizer's, not the service's. The suite is built
 * the same way. */
static int sanitized(void)
{
#if defined(__SANITIZE_ADDRESS__)
	return 1;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
	return 1;
#else
	return 0;
#endif
#else
	return 0;
#endif
}

/* ---- bodies ---- */

struct text {
	char *p;
	size_t n, cap;
};

static void add(struct text *t, const char *s)
{
	size_t k = strlen(s);

	if (t->n + k + 1 > t->cap) {
		t->cap = (t->n + k + 1) * 2;
		t->p = realloc(t->p, t->cap);
		cr_assert_not_null(t->p);
	}
	memcpy(t->p + t->n, s, k + 1);
	t->n += k;
}

/* About size bytes of distinct people ("bà Ba Be Bi, bà Bi Bo Ca, ..."):
 * the shape that made the people merge quadratic. */
static struct text people(size_t size)
{
	static const char *const syl[] = {"Ba",	 "Be",	"Bi",  "Bo", "Bu",  "Ca",  "Cô", "Da",
					  "Dê",	 "Hà",	"Hi",  "Kha", "Lâm", "Mai", "Na", "Nô",
					  "Pha", "Quý", "Sa",  "Tâm", "Thu", "Vi",  "Xuân", "Yên"};
	struct text t = {0};
	unsigned i = 0, k = sizeof syl / sizeof syl[0];
	char one[64];

	while (t.n + 40 < size) {
		snprintf(one, sizeof one, "bà %s %s %s, ", syl[i % k], syl[i / k % k],
			 syl[i / k / k % k]);
		add(&t, one);
		i++;
	}
	add(&t, "họp.");
	return t;
}

static struct text repeat(const char *unit, size_t size)
{
	struct text t = {0};

	while (t.n + strlen(unit) <= size)
		add(&t, unit);
	return t;
}

/* ---- a raw POST, answered or not ---- */

/* POST body on a new connection; 0 with the response in *r, or -1 when
 * the connection closed (or timeout_s passed) without one. */
static int post(struct harness_server *s, const char *path, const char *headers, const char *body,
		size_t len, double timeout_s, struct harness_response *r)
{
	struct harness_conn c;
	struct timeval tv = {(time_t)timeout_s, 0};
	char head[400];
	int rc;

	harness_connect(s, &c);
	setsockopt(c.fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
	snprintf(head, sizeof head, "POST %s HTTP/1.1\r\nHost: x\r\n%sContent-Length: %zu\r\n\r\n",
		 path, headers, len);
	harness_send(&c, head, strlen(head));
	if (send(c.fd, body, len, MSG_NOSIGNAL) != (ssize_t)len) {
		harness_close(&c);
		return -1;
	}
	rc = harness_read_response(&c, "POST", path, r);
	harness_close(&c);
	return rc;
}

/* SIGKILL: for a server left running parses that an engine without a work
 * bound would run on for a minute, burning the cores other tests share. */
static void kill_now(struct harness_server *s)
{
	int status;

	if (s->pid > 0) {
		kill(s->pid, SIGKILL);
		waitpid(s->pid, &status, 0);
		s->pid = -1;
	}
	harness_stop(s, 1);
}

/* POST /v1/parse without the contract check (answers of many MB), waiting
 * up to 30 s; 0 with the response, or -1 when the connection ended first. */
static int post_raw(struct harness_server *s, const char *body, size_t len,
		    struct harness_response *r)
{
	struct harness_conn c;
	struct timeval tv = {30, 0};
	char head[300], *p;
	size_t got = 0, cap = 1 << 20, need = 0;
	ssize_t n;

	harness_connect(s, &c);
	setsockopt(c.fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
	snprintf(head, sizeof head,
		 "POST /v1/parse HTTP/1.1\r\nHost: x\r\n" TEXT
		 "Content-Length: %zu\r\nConnection: close\r\n\r\n",
		 len);
	harness_send(&c, head, strlen(head));
	if (send(c.fd, body, len, MSG_NOSIGNAL) != (ssize_t)len) {
		harness_close(&c);
		return -1;
	}
	memset(r, 0, sizeof *r);
	p = malloc(cap);
	cr_assert_not_null(p);
	while ((n = recv(c.fd, p + got, cap - got - 1, 0)) > 0) {
		got += (size_t)n;
		if (got + 1 == cap) {
			cap *= 2;
			p = realloc(p, cap);
			cr_assert_not_null(p);
		}
	}
	harness_close(&c);
	p[got] = '\0';
	if (sscanf(p, "HTTP/1.1 %d", &r->status) != 1) {
		free(p);
		return -1;
	}
	(void)need;
	r->body = p;
	r->body_len = got;
	return 0;
}

static double probe_healthz(struct harness_server *s)
{
	struct harness_response r;
	double t = now_s();

	harness_request(s, "GET", "/healthz", NULL, NULL, 0, &r);
	cr_assert_eq(r.status, 200);
	harness_response_free(&r);
	return now_s() - t;
}

struct poster {
	pthread_t tid;
	struct harness_server *s;
	struct text body;
	int rc, status;
	double secs;
};

static void *poster_main(void *arg)
{
	struct poster *p = arg;
	struct harness_response r;
	double t = now_s();

	p->rc = post(p->s, "/v1/parse", TEXT, p->body.p, p->body.n, 100, &r);
	p->status = p->rc ? 0 : r.status;
	if (!p->rc)
		harness_response_free(&r);
	p->secs = now_s() - t;
	return NULL;
}

/* ---- work ---- */

/* Two hostile 1 MiB bodies at once with two threads: before, they took
 * both libmicrohttpd threads and /healthz went unanswered for seconds. */
Test(http_work, two_hostile_bodies_leave_healthz_answered)
{
	static const char *const args[] = {"--request-timeout", "8", "--drain-timeout", "2",
					   "--connection-timeout", "1", NULL};
	struct harness_server s;
	struct poster p[2];
	double worst = 0;
	int i;

	if (under_checker())
		cr_skip_test("a hostile parse takes minutes under a checker");
	harness_start(&s, args);
	for (i = 0; i < 2; i++) {
		p[i].s = &s;
		p[i].body = people(1 << 20);
		cr_assert_eq(pthread_create(&p[i].tid, NULL, poster_main, &p[i]), 0);
	}
	usleep(300000); /* both bodies in and parsing */
	for (i = 0; i < 10; i++) {
		double d = probe_healthz(&s);
		if (d > worst)
			worst = d;
		cr_assert(d < prompt(), "probe %d took %.2f s beside two hostile parses", i + 1, d);
		usleep(100000);
	}
	cr_log_info("10 probes beside two 1 MiB hostile parses: worst %.3f s", worst);
	kill_now(&s);
	for (i = 0; i < 2; i++) {
		pthread_join(p[i].tid, NULL);
		free(p[i].body.p);
	}
}

/* MODEL: a parse past --request-timeout stops and answers 503
 * deadline-exceeded, and the access log says so. The body is one the model
 * needs several times the deadline for (8 MiB of distinct names: about
 * half a second here, five times the 100 ms deadline). */
Test(http_work, parse_past_the_deadline_answers_503)
{
	static const char *const args[] = {"--request-timeout", "100ms", "--max-body", "8m",
					   "--drain-timeout", "2", "--connection-timeout", "1",
					   NULL};
	struct harness_server s;
	struct harness_response r;
	struct text t = people(8 << 20);
	double start;
	char *log;
	int rc;

	if (under_checker())
		cr_skip_test("a hostile parse takes minutes under a checker");
	harness_start(&s, args);
	start = now_s();
	rc = post(&s, "/v1/parse", TEXT, t.p, t.n, 10, &r);
	cr_assert_eq(rc, 0, "no answer to a parse past its 100 ms deadline (after %.1f s): the "
			    "model does not stop at model_options.deadline_ns",
		     now_s() - start);
	harness_assert_problem(&r, 503, "deadline-exceeded");
	cr_assert(now_s() - start < 0.1 + prompt(), "answered after %.2f s", now_s() - start);
	harness_response_free(&r);
	log = harness_wait_file(s.out_path, "\"problem\":\"deadline-exceeded\"", 3);
	cr_assert(log && strstr(log, "\"status\":503") && strstr(log, "deadline-exceeded"),
		  "access log: %s", log ? log : "");
	free(log);
	free(t.p);
	kill_now(&s);
}

/* Wait for the server to exit; its status, or -1 after timeout_s. */
static int wait_exit(struct harness_server *s, double timeout_s)
{
	double end = now_s() + timeout_s;
	int status;

	while (now_s() < end) {
		if (waitpid(s->pid, &status, WNOHANG) == s->pid) {
			s->pid = -1;
			return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
		}
		usleep(5000);
	}
	return -1;
}

/* The server's arguments for a drain that a parse outlasts: the parse of
 * 8 MiB of distinct names takes about half a second here, and SIGTERM comes
 * 100 ms into it, so the 200 ms drain deadline falls inside it. */
static const char *const DRAIN_ARGS[] = {"--drain-timeout", "200ms", "--connection-timeout",
					 "150ms", "--request-timeout", "60", "--max-body",
					 "8m", NULL};

/* The drain deadline is kept whatever a parse does: before, the process
 * exited 68 s after SIGTERM with --drain-timeout 12, and with status 0. */
Test(http_work, drain_deadline_is_kept_and_cut_requests_exit_3)
{
	struct harness_server s;
	struct poster p;
	double t;
	int rc;

	if (under_checker())
		cr_skip_test("a hostile parse takes minutes under a checker");
	harness_start(&s, DRAIN_ARGS);
	p.s = &s;
	p.body = people(8 << 20);
	cr_assert_eq(pthread_create(&p.tid, NULL, poster_main, &p), 0);
	usleep(100000);
	kill(s.pid, SIGTERM);
	t = now_s();
	rc = wait_exit(&s, 30);
	t = now_s() - t;
	cr_assert_eq(rc, 3, "exit status %d after the drain deadline cut a parse (3 expected)", rc);
	/* the deadline, the cancel margin, a moment for the workers */
	cr_assert(t >= 0.18 && t < 0.2 + 2.5 + prompt(),
		  "exited %.2f s after SIGTERM (deadline 200 ms)", t);
	pthread_join(p.tid, NULL);
	free(p.body.p);
	harness_stop(&s, 1);
}

/* MODEL: the cancelled parse stops, and its client, still connected, gets a
 * 503 before the process exits. */
Test(http_work, drain_deadline_answers_503_to_the_parse_it_cancels)
{
	struct harness_server s;
	struct poster p;

	if (under_checker())
		cr_skip_test("a hostile parse takes minutes under a checker");
	harness_start(&s, DRAIN_ARGS);
	p.s = &s;
	p.body = people(8 << 20);
	cr_assert_eq(pthread_create(&p.tid, NULL, poster_main, &p), 0);
	usleep(100000);
	kill(s.pid, SIGTERM);
	pthread_join(p.tid, NULL);
	cr_assert_eq(p.rc, 0, "the client of a cancelled parse got no answer: the model does not "
			      "stop at model_options.cancel");
	cr_assert_eq(p.status, 503);
	free(p.body.p);
	kill_now(&s);
}

/* Lines of a batch past the deadline are answered without a parse, so a
 * batch ends in time whatever its lines cost. The lines are parsed as the
 * client reads the answer: this client reads nothing (a 4 KiB receive
 * buffer) until the deadline has passed, then everything. */
Test(http_work, batch_lines_past_the_deadline_are_answered_without_a_parse)
{
	static const char *const args[] = {"--request-timeout", "2", NULL};
	struct harness_server s;
	struct harness_conn c;
	struct harness_response r;
	struct text body = {0};
	json_t *j = json_pack("{s:s}", "text", harness_article);
	char *one = json_dumps(j, JSON_COMPACT), head[300];
	const char *p;
	int i, late = 0, lines = 0, rcv = 4096;
	double t;

	harness_start(&s, args);
	for (i = 0; i < 1000; i++) {
		add(&body, one);
		add(&body, "\n");
	}
	c.len = 0;
	c.fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	setsockopt(c.fd, SOL_SOCKET, SO_RCVBUF, &rcv, sizeof rcv);
	{
		struct sockaddr_in a = {.sin_family = AF_INET,
					.sin_port = htons((unsigned short)s.port)};
		struct timeval tv = {10, 0};
		a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		cr_assert_eq(connect(c.fd, (struct sockaddr *)&a, sizeof a), 0);
		setsockopt(c.fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
	}
	snprintf(head, sizeof head,
		 "POST /v1/parse/batch?include=text&explain=1 HTTP/1.1\r\nHost: x\r\n"
		 "Content-Type: application/x-ndjson\r\nContent-Length: %zu\r\n\r\n",
		 body.n);
	t = now_s();
	harness_send(&c, head, strlen(head));
	harness_send(&c, body.p, body.n);
	usleep(2500000);
	cr_assert_eq(harness_read_response(&c, "POST", "/v1/parse/batch", &r), 0,
		     "the batch was not answered whole");
	t = now_s() - t;
	cr_assert_eq(r.status, 200);
	for (p = r.body; (p = strchr(p, '\n')); p++)
		lines++;
	for (p = r.body; (p = strstr(p, "/deadline-exceeded\"")); p++)
		late++;
	cr_log_info("batch of 1000 lines read after its 2 s deadline: %d answered late, %.2f s",
		    late, t);
	cr_assert_eq(lines, 1000, "%d answer lines for 1000", lines);
	cr_assert(late > 0 && late < 1000, "%d lines answered past the deadline", late);
	harness_response_free(&r);
	harness_close(&c);
	free(one);
	json_decref(j);
	free(body.p);
	harness_stop_ok(&s);
}

/* ---- memory ---- */

/* A field of /proc/PID/status in KiB (a file that reports no size, so
 * read as a stream). */
static long status_kb(pid_t pid, const char *field)
{
	char path[64], st[8192], *p;
	ssize_t n, got = 0;
	long v = -1;
	int fd;

	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
	fd = open(path, O_RDONLY);
	cr_assert(fd >= 0, "%s: %s", path, strerror(errno));
	while (got < (ssize_t)sizeof st - 1 && (n = read(fd, st + got, sizeof st - 1 - got)) > 0)
		got += n;
	close(fd);
	st[got] = '\0';
	if ((p = strstr(st, field)))
		v = strtol(p + strlen(field) + 1, NULL, 10);
	cr_assert(v > 0, "no %s in %s", field, path);
	return v;
}

static void reset_peak(pid_t pid)
{
	char path[64];
	int fd;

	snprintf(path, sizeof path, "/proc/%d/clear_refs", (int)pid);
	fd = open(path, O_WRONLY);
	if (fd < 0 || write(fd, "5", 1) != 1)
		cr_skip_test("cannot reset the peak RSS (%s)", strerror(errno));
	close(fd);
}

/* Connections that announce a large body and stall: over --max-body-memory
 * the next one is refused with 503 before its body is read. Before, 400 of
 * them held 413 MB. */
Test(http_memory, bodies_held_have_a_total)
{
	static const char *const args[] = {"--max-body-memory", "2500k", NULL};
	struct harness_server s;
	struct harness_conn c[3];
	struct harness_response r;
	char head[300], *chunk = calloc(1, 500000);
	int i;

	harness_start(&s, args);
	memset(chunk, 'a', 500000);
	snprintf(head, sizeof head,
		 "POST /v1/parse HTTP/1.1\r\nHost: x\r\n" TEXT "Content-Length: 1000000\r\n\r\n");
	for (i = 0; i < 3; i++) {
		harness_connect(&s, &c[i]);
		harness_send(&c[i], head, strlen(head));
		if (i < 2)
			harness_send(&c[i], chunk, 500000); /* half, then stall */
	}
	/* 2 x 1,000,000 reserved of 2,560,000: the third does not fit */
	cr_assert_eq(harness_read_response(&c[2], "POST", "/v1/parse", &r), 0,
		     "no early answer over --max-body-memory");
	harness_assert_problem(&r, 503, "overloaded");
	cr_assert_not_null(harness_header(&r, "Retry-After"));
	harness_response_free(&r);
	harness_close(&c[2]);
	/* room again once one goes */
	harness_close(&c[0]);
	usleep(200000);
	harness_connect(&s, &c[0]);
	harness_send(&c[0], head, strlen(head));
	harness_send(&c[0], chunk, 500000);
	harness_send(&c[0], chunk, 500000);
	cr_assert_eq(harness_read_response(&c[0], "POST", "/v1/parse", &r), 0);
	cr_assert_eq(r.status, 200, "a body within the total: %d %.200s", r.status, r.body);
	harness_response_free(&r);
	harness_close(&c[0]);
	harness_close(&c[1]);
	free(chunk);
	harness_stop_ok(&s);
}

/* After large parses the memory goes back to the system: before, RSS stayed
 * at the peak (~300 MB after 1 MiB of one-character lines) while idle. */
Test(http_memory, memory_returns_after_large_parses)
{
	struct harness_server s;
	struct harness_response r;
	struct text lines = repeat("a\n", 1 << 20);
	long idle, after, peak;
	int i;

	if (sanitized() || under_checker())
		cr_skip_test("memory is the checker's here");
	harness_start(&s, NULL);
	probe_healthz(&s);
	idle = status_kb(s.pid, "VmRSS");
	for (i = 0; i < 3; i++) {
		/* 15 MB answers: not sent to the contract validator */
		harness_request_raw(&s, "POST", "/v1/parse", TEXT, lines.p, lines.n, &r);
		cr_assert_eq(r.status, 200);
		harness_response_free(&r);
	}
	usleep(300000);
	after = status_kb(s.pid, "VmRSS");
	peak = status_kb(s.pid, "VmHWM");
	cr_log_info("RSS idle %ld KiB, peak %ld KiB, idle after three 1 MiB parses %ld KiB", idle,
		    peak, after);
	cr_assert(after < idle + 16 * 1024, "RSS %ld KiB after the parses, %ld KiB before", after,
		  idle);
	free(lines.p);
	harness_stop_ok(&s);
}

/* MODEL: peak RSS while serving a 1 MiB body of any shape stays within
 * 64 MiB above idle. */
Test(http_memory, peak_rss_serving_1mib_bodies)
{
	static const char *const args[] = {"--request-timeout", "5", NULL};
	static const char *const names[] = {"genre text", "one-character lines", "quotes",
					    "distinct people"};
	struct harness_server s;
	struct text bodies[4];
	long idle, peak, worst = 0;
	char report[400] = "";
	size_t i;

	if (sanitized() || under_checker())
		cr_skip_test("memory is the checker's here");
	bodies[0] = repeat(harness_article, 1 << 20);
	bodies[1] = repeat("a\n", 1 << 20);
	bodies[2] = repeat("Ông nói “ý kiến\" và ", 1 << 20);
	bodies[3] = people(1 << 20);
	harness_start(&s, args);
	probe_healthz(&s);
	idle = status_kb(s.pid, "VmRSS");
	for (i = 0; i < 4; i++) {
		struct harness_response r;
		double until = now_s() + 3;
		/* the previous parse's memory goes back once its connection
		 * closes: measure each body from idle */
		while (status_kb(s.pid, "VmRSS") > idle + 8 * 1024 && now_s() < until)
			usleep(20000);
		reset_peak(s.pid);
		if (post_raw(&s, bodies[i].p, bodies[i].n, &r) == 0)
			harness_response_free(&r);
		peak = status_kb(s.pid, "VmHWM") - idle;
		if (peak > worst)
			worst = peak;
		snprintf(report + strlen(report), sizeof report - strlen(report), " %s %ld KiB;",
			 names[i], peak);
		free(bodies[i].p);
	}
	cr_log_info("peak RSS above idle (%ld KiB) per 1 MiB body:%s", idle, report);
	kill_now(&s);
	cr_assert(worst <= 64 * 1024, "peak RSS above idle per 1 MiB body:%s (bound 65536 KiB)",
		  report);
}

/* ---- operations ---- */

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
			while (got < sizeof buf - 1 && (n = recv(fd, buf + got, sizeof buf - 1 - got, 0)) > 0)
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
		struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((unsigned short)s.port)};
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
	char dir[] = "/tmp/meetingd-web-XXXXXX", out[] = "/tmp/meetingd-out-XXXXXX", p[300],
	     q[300];
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
