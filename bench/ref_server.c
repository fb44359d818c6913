/* Reference server for the HTTP benchmark (bench/http_bench.sh).
 *
 * The floor meetingd is measured against: libmicrohttpd started with the
 * same daemon flags as server/http.c (internal polling thread, ITC, a
 * thread pool of one thread per core, at least 2) but epoll, its fastest
 * loop (meetingd's socket pairs need poll, see there), the same connection
 * limit, timeout and per-connection memory limit, which accumulates the
 * POST body into a heap buffer as meetingd does, and answers every request
 * with a small fixed JSON. Whatever meetingd costs above this is its own
 * work: routing, limits, request ids, metrics, the model and the JSON.
 *
 *   ref-server [--bind ADDR] [--port N] [--threads N]
 *
 * Prints "ref-server: listening on ADDR:PORT" on stderr once ready (port 0
 * picks a free one) and runs until SIGTERM or SIGINT.
 */
#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static const char reply[] = "{\"status\":\"ok\",\"meetings\":[]}\n";

struct body {
	char *data;
	size_t len, cap;
};

static int append(struct body *b, const char *data, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		char *p;

		while (cap < b->len + n + 1)
			cap *= 2;
		p = realloc(b->data, cap);
		if (!p)
			return -1;
		b->data = p;
		b->cap = cap;
	}
	memcpy(b->data + b->len, data, n);
	b->len += n;
	b->data[b->len] = '\0';
	return 0;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
				  const char *method, const char *version, const char *data,
				  size_t *size, void **con_cls)
{
	struct body *b = *con_cls;
	struct MHD_Response *resp;
	enum MHD_Result ret;

	(void)cls;
	(void)url;
	(void)method;
	(void)version;
	if (!b) {
		/* first call: headers only; queueing now would force Connection: close */
		b = calloc(1, sizeof *b);
		if (!b)
			return MHD_NO;
		*con_cls = b;
		return MHD_YES;
	}
	if (*size) {
		size_t n = *size;

		*size = 0;
		return append(b, data, n) ? MHD_NO : MHD_YES;
	}
	resp = MHD_create_response_from_buffer(sizeof reply - 1, (void *)reply,
					       MHD_RESPMEM_PERSISTENT);
	if (!resp)
		return MHD_NO;
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, "application/json");
	ret = MHD_queue_response(conn, MHD_HTTP_OK, resp);
	MHD_destroy_response(resp);
	return ret;
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
			 enum MHD_RequestTerminationCode toe)
{
	struct body *b = *con_cls;

	(void)cls;
	(void)conn;
	(void)toe;
	if (b) {
		free(b->data);
		free(b);
		*con_cls = NULL;
	}
}

static void usage(void)
{
	fprintf(stderr, "usage: ref-server [--bind ADDR] [--port N] [--threads N]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	const char *addr = "127.0.0.1";
	long port = 0, threads = 0;
	struct sockaddr_in sa;
	struct MHD_Daemon *d;
	const union MHD_DaemonInfo *di;
	sigset_t set;
	int i, sig;

	for (i = 1; i < argc; i++) {
		if (i + 1 >= argc)
			usage();
		if (!strcmp(argv[i], "--bind"))
			addr = argv[++i];
		else if (!strcmp(argv[i], "--port"))
			port = strtol(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "--threads"))
			threads = strtol(argv[++i], NULL, 10);
		else
			usage();
	}
	if (port < 0 || port > 65535 || threads < 0 || threads > 1024)
		usage();
	/* meetingd's rule (server/config.c): one per core, at least 2 */
	if (threads == 0)
		threads = sysconf(_SC_NPROCESSORS_ONLN);
	if (threads < 2)
		threads = 2;
	memset(&sa, 0, sizeof sa);
	sa.sin_family = AF_INET;
	sa.sin_port = htons((uint16_t)port);
	if (inet_pton(AF_INET, addr, &sa.sin_addr) != 1) {
		fprintf(stderr, "ref-server: --bind needs an IPv4 address\n");
		return 2;
	}

	/* the signals are taken by sigwait() below, in no MHD thread */
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	pthread_sigmask(SIG_BLOCK, &set, NULL);

	d = MHD_start_daemon(
	    MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ITC | MHD_USE_ERROR_LOG,
	    (uint16_t)port, NULL, NULL, on_request, NULL, MHD_OPTION_SOCK_ADDR,
	    (struct sockaddr *)&sa, MHD_OPTION_THREAD_POOL_SIZE, (unsigned)threads,
	    MHD_OPTION_CONNECTION_LIMIT, 1024u, MHD_OPTION_CONNECTION_TIMEOUT, 10u,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024), MHD_OPTION_NOTIFY_COMPLETED,
	    on_completed, NULL, MHD_OPTION_END);
	if (!d) {
		fprintf(stderr, "ref-server: cannot listen on %s port %ld\n", addr, port);
		return 1;
	}
	di = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	fprintf(stderr, "ref-server: %ld threads, listening on %s:%u\n", threads, addr,
		di ? (unsigned)di->port : 0u);
	sigwait(&set, &sig);
	MHD_stop_daemon(d);
	fprintf(stderr, "ref-server: stopped\n");
	return 0;
}
