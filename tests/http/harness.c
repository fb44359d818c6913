/* HTTP test harness: process control, a raw HTTP/1.1 client and the
 * contract hook. Criterion runs each test in its own process, so every
 * test starts its own server (a few milliseconds) and nothing is shared. */
#include "tests/http/harness.h"

#include <criterion/criterion.h>
#include <criterion/logging.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Invented facts in the genre of a provincial party-committee report. */
const char harness_article[] =
    "Ban Thường vụ Tỉnh ủy cho ý kiến dự thảo kế hoạch chuyển đổi số\n"
    "\n"
    "THỨ HAI, 14/03/2022 09:15:00\n"
    "\n"
    "Sáng 14.3, đồng chí Nguyễn Văn Minh, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy chủ trì "
    "Hội nghị lần thứ 12 của Ban Thường vụ Tỉnh ủy tại Hội trường Tỉnh ủy.\n"
    "\n"
    "Ban Thường vụ Tỉnh ủy đã nghe Văn phòng Tỉnh ủy báo cáo dự thảo Kế hoạch thực hiện "
    "Nghị quyết số 14-NQ/TU, ngày 22.9.2021 của Ban Chấp hành Đảng bộ tỉnh về chuyển đổi số "
    "giai đoạn 2021 - 2025.\n"
    "\n"
    "Kết luận hội nghị, đồng chí Nguyễn Văn Minh giao Văn phòng Tỉnh ủy chủ trì, phối hợp "
    "với Sở Thông tin và Truyền thông tiếp thu ý kiến, hoàn thiện dự thảo, trình Ban "
    "Thường vụ Tỉnh ủy trước ngày 30/3.\n"
    "\n"
    "TRẦN HÙNG\n";

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

const char *harness_bin(void)
{
	const char *b = getenv("MEETINGD_BIN");

	return b && *b ? b : "build/meetingd";
}

char *harness_read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)(n < 0 ? 0 : n) + 1);
	if (buf) {
		size_t got = fread(buf, 1, (size_t)(n < 0 ? 0 : n), f);
		buf[got] = '\0';
	}
	fclose(f);
	return buf;
}

void harness_mkdtemp_shared(char *tmpl)
{
	cr_assert_not_null(mkdtemp(tmpl), "mkdtemp: %s", strerror(errno));
	cr_assert_eq(chmod(tmpl, 0755), 0, "chmod %s: %s", tmpl, strerror(errno));
}

/* Words of MEETINGD_WRAP (e.g. "valgrind -q"), so the same tests run the
 * binary under a checker. */
static int wrap_words(char **words, int max, char *storage, size_t cap)
{
	const char *w = getenv("MEETINGD_WRAP");
	int n = 0;
	char *p;

	if (!w || !*w)
		return 0;
	snprintf(storage, cap, "%s", w);
	for (p = strtok(storage, " \t"); p && n < max; p = strtok(NULL, " \t"))
		words[n++] = p;
	return n;
}

static double start_timeout(void)
{
	const char *w = getenv("MEETINGD_WRAP");

	return w && *w ? 60.0 : 10.0;
}

static void start(struct harness_server *s, const char *const *args, const char *const *env,
		  int stdout_fd)
{
	const char *bin = harness_bin();
	char *argv[64], wrapbuf[512];
	int argc, i;
	double deadline;

	memset(s, 0, sizeof *s);
	s->pid = -1;
	if (access(bin, X_OK))
		cr_assert_fail("meetingd binary not found or not executable at '%s' "
			       "(build it, or set MEETINGD_BIN)",
			       bin);
	snprintf(s->dir, sizeof s->dir, "/tmp/meetingd-http-XXXXXX");
	cr_assert_not_null(mkdtemp(s->dir), "mkdtemp: %s", strerror(errno));
	snprintf(s->out_path, sizeof s->out_path, "%s/stdout", s->dir);
	snprintf(s->err_path, sizeof s->err_path, "%s/stderr", s->dir);

	argc = wrap_words(argv, 16, wrapbuf, sizeof wrapbuf);
	argv[argc++] = (char *)bin;
	argv[argc++] = "serve";
	argv[argc++] = "--port";
	argv[argc++] = "0";
	argv[argc++] = "--bind";
	argv[argc++] = "127.0.0.1";
	argv[argc++] = "--threads";
	argv[argc++] = "2";
	for (i = 0; args && args[i] && argc < 62; i++)
		argv[argc++] = (char *)args[i];
	argv[argc] = NULL;

	fflush(NULL);
	s->pid = fork();
	cr_assert(s->pid >= 0, "fork: %s", strerror(errno));
	if (s->pid == 0) {
		int out = stdout_fd >= 0 ? dup(stdout_fd)
					 : open(s->out_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		int err = open(s->err_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		/* serve reads no stdin: not the terminal the suite may run on
		 * (a wrapper that hands the descriptors on, as the image test's
		 * does, would have to refuse a terminal) */
		int in = open("/dev/null", O_RDONLY);
		/* a crashed or killed test must not leave its server behind */
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (out < 0 || err < 0 || in < 0)
			_exit(126);
		dup2(in, 0);
		dup2(out, 1);
		dup2(err, 2);
		close(in);
		close(out);
		close(err);
		for (i = 0; env && env[i]; i++)
			putenv((char *)env[i]);
		execvp(argv[0], argv);
		_exit(127);
	}

	deadline = now_s() + start_timeout();
	for (;;) {
		int status;
		char *log = harness_read_file(s->err_path);
		const char *p = log ? strstr(log, "listening on 127.0.0.1:") : NULL;

		if (p) {
			s->port = atoi(p + strlen("listening on 127.0.0.1:"));
			free(log);
			break;
		}
		if (waitpid(s->pid, &status, WNOHANG) == s->pid) {
			s->pid = -1;
			cr_assert_fail("meetingd exited before listening (status %d); stderr:\n%s",
				       WIFEXITED(status) ? WEXITSTATUS(status)
							 : 128 + WTERMSIG(status),
				       log ? log : "");
		}
		if (now_s() > deadline) {
			cr_assert_fail("meetingd did not start listening in time; stderr:\n%s",
				       log ? log : "");
		}
		free(log);
		usleep(5000);
	}
	cr_assert(s->port > 0, "bad port in the start line");
	for (;;) {
		struct harness_response r;
		harness_request(s, "GET", "/healthz", NULL, NULL, 0, &r);
		if (r.status == 200) {
			harness_response_free(&r);
			break;
		}
		harness_response_free(&r);
		cr_assert(now_s() < deadline, "/healthz never answered 200");
		usleep(10000);
	}
}

void harness_start_env(struct harness_server *s, const char *const *args, const char *const *env)
{
	start(s, args, env, -1);
}

void harness_start_stdout(struct harness_server *s, const char *const *args, int stdout_fd)
{
	start(s, args, NULL, stdout_fd);
}

void harness_start(struct harness_server *s, const char *const *args)
{
	start(s, args, NULL, -1);
}

int harness_stop(struct harness_server *s, int timeout_s)
{
	int status = 0, rc = -1;
	double deadline;

	if (s->pid > 0) {
		kill(s->pid, SIGTERM);
		deadline = now_s() + timeout_s;
		for (;;) {
			pid_t w = waitpid(s->pid, &status, WNOHANG);
			if (w == s->pid)
				break;
			if (now_s() > deadline) {
				kill(s->pid, SIGKILL);
				waitpid(s->pid, &status, 0);
				break;
			}
			usleep(5000);
		}
		rc = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
		s->pid = -1;
	}
	if (s->dir[0]) {
		unlink(s->out_path);
		unlink(s->err_path);
		rmdir(s->dir);
		s->dir[0] = '\0';
	}
	return rc;
}

void harness_stop_ok(struct harness_server *s)
{
	char *log = NULL;
	int rc;

	if (s->dir[0])
		log = harness_read_file(s->err_path);
	rc = harness_stop(s, 10);
	if (rc != 0) {
		cr_log_error("meetingd stderr:\n%s", log ? log : "");
		free(log);
		cr_assert_fail("meetingd exited with status %d (expected 0 after SIGTERM)", rc);
	}
	free(log);
}

/* ---- raw client ---- */

static int connect_to(const char *host, const char *port)
{
	struct addrinfo hints, *res, *ai;
	int fd = -1;
	struct timeval tv = {10, 0};

	memset(&hints, 0, sizeof hints);
	hints.ai_socktype = SOCK_STREAM;
	if (getaddrinfo(host, port, &hints, &res))
		return -1;
	for (ai = res; ai; ai = ai->ai_next) {
		fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
		if (fd < 0)
			continue;
		if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0)
			break;
		close(fd);
		fd = -1;
	}
	freeaddrinfo(res);
	if (fd >= 0) {
		int one = 1;
		setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
		setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	}
	return fd;
}

void harness_connect(struct harness_server *s, struct harness_conn *c)
{
	char port[16];

	snprintf(port, sizeof port, "%d", s->port);
	c->len = 0;
	c->fd = connect_to("127.0.0.1", port);
	cr_assert(c->fd >= 0, "cannot connect to meetingd on port %d: %s", s->port,
		  strerror(errno));
}

static int send_all(int fd, const void *data, size_t len)
{
	const char *p = data;

	while (len) {
		ssize_t n = send(fd, p, len, MSG_NOSIGNAL);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

void harness_send(struct harness_conn *c, const void *data, size_t len)
{
	cr_assert(send_all(c->fd, data, len) == 0, "send: %s", strerror(errno));
}

void harness_close(struct harness_conn *c)
{
	if (c->fd >= 0)
		close(c->fd);
	c->fd = -1;
}

static int fill(struct harness_conn *c)
{
	ssize_t n;

	if (c->len == sizeof c->buf)
		return -1;
	do
		n = recv(c->fd, c->buf + c->len, sizeof c->buf - c->len, 0);
	while (n < 0 && errno == EINTR);
	if (n <= 0)
		return -1;
	c->len += (size_t)n;
	return 0;
}

static void drop(struct harness_conn *c, size_t n)
{
	memmove(c->buf, c->buf + n, c->len - n);
	c->len -= n;
}

/* One CRLF-terminated line (CRLF removed) into out. */
static int read_line(struct harness_conn *c, char *out, size_t cap)
{
	for (;;) {
		char *nl = memchr(c->buf, '\n', c->len);
		if (nl) {
			size_t n = (size_t)(nl - c->buf);
			size_t k = n && c->buf[n - 1] == '\r' ? n - 1 : n;
			if (k >= cap)
				return -1;
			memcpy(out, c->buf, k);
			out[k] = '\0';
			drop(c, n + 1);
			return 0;
		}
		if (fill(c))
			return -1;
	}
}

static int append(struct harness_response *r, size_t *cap, const char *data, size_t n)
{
	if (r->body_len + n + 1 > *cap) {
		size_t nc = (*cap ? *cap : 4096);
		char *p;
		while (nc < r->body_len + n + 1)
			nc *= 2;
		p = realloc(r->body, nc);
		if (!p)
			return -1;
		r->body = p;
		*cap = nc;
	}
	memcpy(r->body + r->body_len, data, n);
	r->body_len += n;
	r->body[r->body_len] = '\0';
	return 0;
}

/* Exactly n body bytes. */
static int read_exact(struct harness_conn *c, struct harness_response *r, size_t *cap, size_t n)
{
	while (n) {
		size_t k;
		if (!c->len && fill(c))
			return -1;
		k = c->len < n ? c->len : n;
		if (append(r, cap, c->buf, k))
			return -1;
		drop(c, k);
		n -= k;
	}
	return 0;
}

const char *harness_header(const struct harness_response *r, const char *name)
{
	static char value[4096];
	const char *p = r->head ? strstr(r->head, "\r\n") : NULL;
	size_t nl = strlen(name);

	while (p && p[2]) {
		const char *line = p + 2, *end = strstr(line, "\r\n");
		if (!end)
			end = line + strlen(line);
		if ((size_t)(end - line) > nl && line[nl] == ':' && !strncasecmp(line, name, nl)) {
			const char *v = line + nl + 1;
			size_t n;
			while (*v == ' ' || *v == '\t')
				v++;
			n = (size_t)(end - v);
			if (n >= sizeof value)
				n = sizeof value - 1;
			memcpy(value, v, n);
			value[n] = '\0';
			return value;
		}
		p = end;
		if (!*end)
			break;
	}
	return NULL;
}

static int read_response_nocheck(struct harness_conn *c, const char *method,
				 struct harness_response *r)
{
	char line[8192];
	size_t cap = 0, head_len = 0, head_cap = 0;
	const char *te, *cl, *ct;

	memset(r, 0, sizeof *r);
	/* status line and headers */
	for (;;) {
		size_t n;
		char *p;
		if (read_line(c, line, sizeof line))
			return -1;
		n = strlen(line);
		if (head_len + n + 3 > head_cap) {
			head_cap = (head_len + n + 3) * 2;
			p = realloc(r->head, head_cap);
			if (!p)
				return -1;
			r->head = p;
		}
		memcpy(r->head + head_len, line, n);
		memcpy(r->head + head_len + n, "\r\n", 3);
		head_len += n + 2;
		if (n == 0)
			break;
	}
	if (sscanf(r->head, "HTTP/1.%*d %d", &r->status) != 1)
		return -1;
	r->body = calloc(1, 1);
	cap = 1;
	if ((r->status >= 100 && r->status < 200) || r->status == 204 || r->status == 304 ||
	    !strcmp(method, "HEAD"))
		return 0;
	te = harness_header(r, "Transfer-Encoding");
	if (te && strstr(te, "chunked")) {
		r->chunked = 1;
		for (;;) {
			unsigned long size;
			if (read_line(c, line, sizeof line))
				return -1;
			size = strtoul(line, NULL, 16);
			if (size == 0)
				break;
			if (read_exact(c, r, &cap, size) || read_line(c, line, sizeof line))
				return -1;
		}
		do /* trailers */
			if (read_line(c, line, sizeof line))
				return -1;
		while (line[0]);
	} else if ((cl = harness_header(r, "Content-Length"))) {
		if (read_exact(c, r, &cap, strtoul(cl, NULL, 10)))
			return -1;
	} else {
		/* delimited by close */
		for (;;) {
			if (c->len) {
				if (append(r, &cap, c->buf, c->len))
					return -1;
				c->len = 0;
			}
			if (fill(c))
				break;
		}
	}
	ct = harness_header(r, "Content-Type");
	if (ct &&
	    (!strncmp(ct, "application/json", 16) || !strncmp(ct, "application/problem+json", 24)))
		r->json = json_loadb(r->body, r->body_len, 0, NULL);
	return 0;
}

int harness_read_response(struct harness_conn *c, const char *method, const char *path,
			  struct harness_response *r)
{
	if (read_response_nocheck(c, method, r))
		return -1;
	if (r->status >= 200)
		harness_contract_check(method, path, r);
	return 0;
}

static void request(struct harness_server *s, const char *method, const char *path,
		    const char *headers, const void *body, size_t body_len,
		    struct harness_response *r, int check)
{
	struct harness_conn *c = malloc(sizeof *c);
	size_t cap = strlen(method) + strlen(path) + (headers ? strlen(headers) : 0) + 200;
	char *head = malloc(cap);
	int n, rc;

	cr_assert(c && head);
	harness_connect(s, c);
	n = snprintf(head, cap, "%s %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n%s", method, path, s->port,
		     headers ? headers : "");
	if (body)
		n += snprintf(head + n, cap - (size_t)n, "Content-Length: %zu\r\n", body_len);
	n += snprintf(head + n, cap - (size_t)n, "Connection: close\r\n\r\n");
	cr_assert((size_t)n < cap);
	harness_send(c, head, (size_t)n);
	free(head);
	if (body && body_len)
		harness_send(c, body, body_len);
	do {
		rc = check ? harness_read_response(c, method, path, r)
			   : read_response_nocheck(c, method, r);
		if (rc == 0 && r->status >= 100 && r->status < 200)
			harness_response_free(r);
		else
			break;
	} while (1);
	harness_close(c);
	free(c);
	cr_assert(rc == 0, "no complete response to %s %.200s", method, path);
}

void harness_request(struct harness_server *s, const char *method, const char *path,
		     const char *headers, const void *body, size_t body_len,
		     struct harness_response *r)
{
	request(s, method, path, headers, body, body_len, r, 1);
}

void harness_request_raw(struct harness_server *s, const char *method, const char *path,
			 const char *headers, const void *body, size_t body_len,
			 struct harness_response *r)
{
	request(s, method, path, headers, body, body_len, r, 0);
}

void harness_response_free(struct harness_response *r)
{
	free(r->head);
	free(r->body);
	json_decref(r->json);
	memset(r, 0, sizeof *r);
}

static const char *sv(const json_t *s)
{
	return json_is_string(s) ? json_string_value(s) : "";
}

const char *harness_assert_problem(const struct harness_response *r, int status, const char *slug)
{
	const char *ct = harness_header(r, "Content-Type");
	char type[200], rid[80];
	const char *h;
	json_t *j = r->json;

	cr_assert_eq(r->status, status, "expected status %d, got %d: %s", status, r->status,
		     r->body);
	cr_assert(ct && !strcmp(ct, "application/problem+json"),
		  "expected application/problem+json, got %s", ct ? ct : "(none)");
	cr_assert(json_is_object(j), "problem body is not a JSON object: %s", r->body);
	snprintf(type, sizeof type, "%s%s", HARNESS_PROBLEM_BASE, slug);
	cr_assert_str_eq(sv(json_object_get(j, "type")), type, "body: %s", r->body);
	cr_assert(json_is_string(json_object_get(j, "title")) &&
		      json_string_length(json_object_get(j, "title")) > 0,
		  "problem without title: %s", r->body);
	cr_assert_eq(json_integer_value(json_object_get(j, "status")), status, "body: %s", r->body);
	cr_assert(json_is_string(json_object_get(j, "detail")), "problem without detail: %s",
		  r->body);
	h = harness_header(r, "X-Request-Id");
	cr_assert_not_null(h, "no X-Request-Id header");
	snprintf(rid, sizeof rid, "%s", h);
	cr_assert_str_eq(sv(json_object_get(j, "instance")), rid,
			 "instance is not the request id: %s", r->body);
	return json_string_value(json_object_get(j, "detail"));
}

/* ---- contract hook ---- */

/* The route template the contract knows the path by. */
static void route_template(const char *path, char *out, size_t cap)
{
	size_t n = strcspn(path, "?");

	if (!strncmp(path, "/web/", 5)) {
		snprintf(out, cap, "/web/{path}");
		return;
	}
	if (n >= cap)
		n = cap - 1;
	memcpy(out, path, n);
	out[n] = '\0';
}

void harness_contract_check(const char *method, const char *path, const struct harness_response *r)
{
	static int warned;
	const char *url = getenv("MEETINGD_CONTRACT_URL"), *ct, *hostp, *slash;
	char host[256], port[16] = "80", tpl[512], *payload, head[1024];
	struct harness_conn *c;
	struct harness_response answer;
	json_t *req, *valid;
	int n;

	if (!url || !*url) {
		if (!warned++)
			cr_log_warn("MEETINGD_CONTRACT_URL is not set: responses are not checked "
				    "against openapi.yaml");
		return;
	}
	cr_assert(!strncmp(url, "http://", 7),
		  "MEETINGD_CONTRACT_URL must be http://host:port/path");
	hostp = url + 7;
	slash = strchr(hostp, '/');
	n = (int)(slash ? (size_t)(slash - hostp) : strlen(hostp));
	snprintf(host, sizeof host, "%.*s", n, hostp);
	if (strchr(host, ':')) {
		snprintf(port, sizeof port, "%s", strchr(host, ':') + 1);
		*strchr(host, ':') = '\0';
	}
	route_template(path, tpl, sizeof tpl);
	ct = harness_header(r, "Content-Type");
	req = json_pack("{s:s, s:s, s:i, s:s?, s:s%}", "method", method, "path", tpl, "status",
			r->status, "content_type", ct, "body", r->body ? r->body : "", r->body_len);
	if (!req) {
		cr_log_warn("contract check skipped for %s %s: body is not UTF-8", method, path);
		return;
	}
	payload = json_dumps(req, JSON_COMPACT);
	json_decref(req);
	cr_assert_not_null(payload);
	c = malloc(sizeof *c);
	cr_assert_not_null(c);
	c->len = 0;
	c->fd = connect_to(host, port);
	cr_assert(c->fd >= 0, "cannot reach the contract validator at %s", url);
	snprintf(head, sizeof head,
		 "POST %s HTTP/1.1\r\nHost: %s:%s\r\nContent-Type: application/json\r\n"
		 "Content-Length: %zu\r\nConnection: close\r\n\r\n",
		 slash ? slash : "/", host, port, strlen(payload));
	cr_assert(send_all(c->fd, head, strlen(head)) == 0 &&
		  send_all(c->fd, payload, strlen(payload)) == 0);
	free(payload);
	cr_assert(read_response_nocheck(c, "POST", &answer) == 0,
		  "no answer from the contract validator at %s", url);
	harness_close(c);
	free(c);
	valid = answer.json ? json_object_get(answer.json, "valid") : NULL;
	cr_assert(json_is_boolean(valid), "contract validator answered %d: %s", answer.status,
		  answer.body);
	if (!json_is_true(valid)) {
		char *errors = json_dumps(json_object_get(answer.json, "errors"), JSON_INDENT(2));
		cr_log_error("contract violation for %s %s -> %d (%s):\n%s\nbody: %.2000s", method,
			     tpl, r->status, ct ? ct : "no content type", errors ? errors : "?",
			     r->body);
		free(errors);
		harness_response_free(&answer);
		cr_assert_fail("response of %s %s violates openapi.yaml (errors above)", method,
			       tpl);
	}
	harness_response_free(&answer);
}

char *harness_wait_file(const char *path, const char *needle, double timeout_s)
{
	double deadline = now_s() + timeout_s;
	char *content;

	for (;;) {
		content = harness_read_file(path);
		if ((content && strstr(content, needle)) || now_s() > deadline)
			return content;
		free(content);
		usleep(5000);
	}
}

static char *read_fd_all(int fd, size_t *len)
{
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap);
	ssize_t got;

	lseek(fd, 0, SEEK_SET);
	while (buf && (got = read(fd, buf + n, cap - n - 1)) > 0) {
		n += (size_t)got;
		if (cap - n - 1 == 0) {
			char *p = realloc(buf, cap * 2);
			if (!p) {
				free(buf);
				return NULL;
			}
			buf = p;
			cap *= 2;
		}
	}
	if (buf)
		buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}

int harness_run(const char *const *argv, const void *stdin_data, size_t stdin_len, char **out,
		size_t *out_len, char **err, size_t *err_len)
{
	char dir[] = "/tmp/meetingd-cli-XXXXXX", in_p[64], out_p[64], err_p[64];
	char *args[64], wrapbuf[512];
	int in_fd, out_fd, err_fd, status, argc, i;
	pid_t pid;

	cr_assert_not_null(mkdtemp(dir));
	snprintf(in_p, sizeof in_p, "%s/in", dir);
	snprintf(out_p, sizeof out_p, "%s/out", dir);
	snprintf(err_p, sizeof err_p, "%s/err", dir);
	in_fd = open(in_p, O_RDWR | O_CREAT | O_TRUNC, 0600);
	out_fd = open(out_p, O_RDWR | O_CREAT | O_TRUNC, 0600);
	err_fd = open(err_p, O_RDWR | O_CREAT | O_TRUNC, 0600);
	cr_assert(in_fd >= 0 && out_fd >= 0 && err_fd >= 0);
	if (stdin_len)
		cr_assert_eq(write(in_fd, stdin_data, stdin_len), (ssize_t)stdin_len);
	lseek(in_fd, 0, SEEK_SET);
	argc = wrap_words(args, 16, wrapbuf, sizeof wrapbuf);
	args[argc++] = (char *)harness_bin();
	for (i = 0; argv[i] && argc < 63; i++)
		args[argc++] = (char *)argv[i];
	args[argc] = NULL;
	cr_assert(access(harness_bin(), X_OK) == 0,
		  "meetingd binary not found at '%s' (set MEETINGD_BIN)", harness_bin());
	fflush(NULL);
	pid = fork();
	cr_assert(pid >= 0);
	if (pid == 0) {
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		dup2(in_fd, 0);
		dup2(out_fd, 1);
		dup2(err_fd, 2);
		execvp(args[0], args);
		_exit(127);
	}
	waitpid(pid, &status, 0);
	*out = read_fd_all(out_fd, out_len);
	*err = read_fd_all(err_fd, err_len);
	close(in_fd);
	close(out_fd);
	close(err_fd);
	unlink(in_p);
	unlink(out_p);
	unlink(err_p);
	rmdir(dir);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
