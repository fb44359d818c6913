/* meetingd command line: `serve` (the default) and `parse`.
 *
 * Exit status: 0 success, 1 failure at run time, 2 usage error.
 */
#include <errno.h>
#include <malloc.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "handlers/handlers.h"
#include "model/model.h"
#include "server/accesslog.h"
#include "server/config.h"
#include "server/http.h"
#include "server/version.h"

static void usage(FILE *out)
{
	fprintf(
	    out,
	    "Usage:\n"
	    "  meetingd [serve] [OPTIONS]     run the HTTP service (default command)\n"
	    "  meetingd parse [PARSE-OPTIONS] FILE|DIR|- ...\n"
	    "                                 parse articles: one FILE prints its ParseResult\n"
	    "                                 JSON; many files and folders run on every core\n"
	    "                                 (NDJSON, CSV or TSV out; see meetingd parse --help)\n"
	    "  meetingd --help | --version\n"
	    "\n"
	    "Parse options (all of them, with examples: meetingd parse --help):\n"
	    "  --published-at DATE            ISO 8601 date or date-time anchoring relative dates\n"
	    "  --offsets codepoint|utf16|byte unit of every start/end (default codepoint)\n"
	    "  --include-text                 add the normalised text the offsets index\n"
	    "  --explain                      add the rule that produced each object\n"
	    "  --format json|ndjson|csv|tsv|text|html   output and/or input format\n"
	    "  -j N, -o FILE, --ndjson, --unordered, --bom, --progress, --quiet\n"
	    "\n");
	config_usage(out);
	fprintf(out, "\nFlags override MEETINGD_* environment variables, which override the "
		     "defaults.\n"
		     "SIGTERM or SIGINT drains in-flight requests, then exits 0; when the drain\n"
		     "deadline cuts requests, their parses are cancelled and the exit status is "
		     "3.\n"
		     "SIGHUP is ignored (logged on stderr): there is no file to reopen or "
		     "reload.\n");
}

static void version(void)
{
	printf("meetingd %s (model %s, revision %s)\n", version_string(), MODEL_VERSION,
	       version_revision());
}

/* ---- serve ---- */

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Descriptors besides connections: stdio, the listening socket, the gate's
 * epoll and wake-up descriptors, and each libmicrohttpd thread's wake-up
 * channel (an eventfd, or a pipe's two ends); the parse workers hold none. */
#define FD_RESERVE(threads) (16 + 2 * CONFIG_HTTP_THREADS_PER_WORKER * (rlim_t)(threads))

/* A connection with its request at the server holds three descriptors: the
 * client's socket and the socket pair to libmicrohttpd. */
#define FD_PER_CONNECTION 3

/* Exit status when the drain deadline cut requests. */
#define EXIT_CUT 3

/* After the drain deadline, how long cancelled parses get to return. */
#define CANCEL_MARGIN_S 1.0

/* Each connection is a descriptor. Out of descriptors, libmicrohttpd stops
 * accepting and newcomers hang in the backlog (the 1024 soft limit of a
 * plain shell meets the default --max-connections 1024), so raise the soft
 * limit as far as the hard one allows, and otherwise lower max_connections
 * to fit, where the refusal of the excess is immediate. */
static void fit_descriptors(struct config *cfg)
{
	struct rlimit rl;
	rlim_t need = (rlim_t)cfg->max_connections * FD_PER_CONNECTION + FD_RESERVE(cfg->threads);

	if (getrlimit(RLIMIT_NOFILE, &rl))
		return;
	if (rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < need) {
		rl.rlim_cur =
		    rl.rlim_max == RLIM_INFINITY || rl.rlim_max > need ? need : rl.rlim_max;
		if (setrlimit(RLIMIT_NOFILE, &rl))
			getrlimit(RLIMIT_NOFILE, &rl);
	}
	if (rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < need) {
		rlim_t fit = rl.rlim_cur > FD_RESERVE(cfg->threads) + 2 * FD_PER_CONNECTION
				 ? (rl.rlim_cur - FD_RESERVE(cfg->threads)) / FD_PER_CONNECTION
				 : 2;
		fprintf(stderr,
			"meetingd: only %llu file descriptors (RLIMIT_NOFILE): max-connections "
			"lowered from %d to %llu\n",
			(unsigned long long)rl.rlim_cur, cfg->max_connections,
			(unsigned long long)fit);
		cfg->max_connections = (int)fit;
	}
}

static int cmd_serve(int argc, char **argv)
{
	struct config cfg;
	char err[300];
	sigset_t set;
	int sig = 0, port;
	long cut = 0;
	double deadline;
	struct timespec tick = {0, 20 * 1000 * 1000};

	/* Blocked before any thread exists, so every MHD thread inherits the
	 * mask and the signals reach only sigwait() below. */
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	setvbuf(stdout, NULL, _IOLBF, 0);
	/* Large blocks (bodies, answers) straight from and back to the
	 * kernel: glibc's threshold otherwise grows with each freed block and
	 * big buffers end up in arenas that never shrink. */
	mallopt(M_MMAP_THRESHOLD, 256 * 1024);
	mallopt(M_TRIM_THRESHOLD, 1024 * 1024);

	if (config_load(&cfg, argc, argv, err, sizeof err)) {
		fprintf(stderr, "meetingd: %s\n", err);
		config_free(&cfg);
		return 2;
	}
	if (model_init()) {
		fprintf(stderr, "meetingd: the model failed to load its lexicons\n");
		config_free(&cfg);
		return 1;
	}
	fit_descriptors(&cfg);
	config_print(&cfg, stderr);
	if (cfg.access_log && accesslog_start(256u << 10)) {
		fprintf(stderr, "meetingd: cannot start the access log writer\n");
		config_free(&cfg);
		return 1;
	}
	if (http_start(&cfg, handlers_routes, handlers_nroutes, err, sizeof err)) {
		fprintf(stderr, "meetingd: %s\n", err);
		accesslog_stop(0.5);
		config_free(&cfg);
		return 1;
	}
	port = http_port();
	fprintf(stderr, "meetingd: %s (model %s) listening on %s%s%s:%d\n", version_string(),
		MODEL_VERSION, strchr(cfg.bind, ':') ? "[" : "", cfg.bind,
		strchr(cfg.bind, ':') ? "]" : "", port);

	for (;;) {
		while (sigwait(&set, &sig) != 0)
			;
		if (sig != SIGHUP)
			break;
		/* a closed terminal or a reload reflex must not stop the service:
		 * the log is stdout and the configuration is read once */
		fprintf(stderr, "meetingd: SIGHUP ignored (nothing to reload; restart to change "
				"the configuration)\n");
	}
	fprintf(stderr, "meetingd: %s: draining %ld in-flight request(s), up to %.3g s\n",
		sig == SIGTERM ? "SIGTERM" : "SIGINT", http_in_flight(),
		cfg.drain_timeout_ms / 1e3);
	http_begin_drain();
	deadline = now_s() + cfg.drain_timeout_ms / 1e3;
	while (http_in_flight() > 0) {
		int s2;
		if (now_s() >= deadline) {
			cut = http_in_flight();
			fprintf(stderr,
				"meetingd: drain deadline reached with %ld request(s) left: "
				"cancelling them\n",
				cut);
			break;
		}
		/* a second signal means "stop now" */
		s2 = sigtimedwait(&set, NULL, &tick);
		if (s2 > 0 && s2 != SIGHUP) {
			cut = http_in_flight();
			fprintf(stderr, "meetingd: second signal: stopping now\n");
			break;
		}
	}
	if (cut) {
		/* the parses stop at their next check and their clients get a
		 * 503 where they are still connected */
		double until = now_s() + CANCEL_MARGIN_S;
		http_cancel_all();
		while (http_in_flight() > 0 && now_s() < until)
			nanosleep(&tick, NULL);
	}
	if (http_stop(CANCEL_MARGIN_S)) {
		/* a parse ignores its cancel flag: the deadline is kept anyway */
		fprintf(stderr, "meetingd: %ld request(s) still running: exiting without them\n",
			http_in_flight());
		accesslog_stop(0.2);
		fflush(stdout);
		fflush(stderr);
		_exit(EXIT_CUT);
	}
	accesslog_stop(1.0);
	fprintf(stderr, "meetingd: stopped%s\n", cut ? " (requests were cut)" : "");
	config_free(&cfg);
	return cut ? EXIT_CUT : 0;
}

int main(int argc, char **argv)
{
	const char *cmd = argc > 1 ? argv[1] : "serve";
	int a;

	for (a = 1; a < argc; a++) {
		if (!strcmp(argv[a], "--"))
			break; /* what follows is file names */
		if (!strcmp(argv[a], "--help") || !strcmp(argv[a], "-h")) {
			if (!strcmp(cmd, "parse"))
				cli_parse_usage(stdout);
			else
				usage(stdout);
			return 0;
		}
		if (!strcmp(argv[a], "--version") || !strcmp(argv[a], "-V")) {
			version();
			return 0;
		}
		if (a == 1 && !strcmp(argv[a], "help")) {
			usage(stdout);
			return 0;
		}
		if (a == 1 && !strcmp(argv[a], "version")) {
			version();
			return 0;
		}
	}
	if (!strcmp(cmd, "parse"))
		return cli_parse(argc - 2, argv + 2);
	if (!strcmp(cmd, "serve"))
		return cmd_serve(argc > 1 ? argc - 2 : 0, argv + 2);
	if (!strncmp(cmd, "--", 2))
		return cmd_serve(argc - 1, argv + 1);
	fprintf(stderr, "meetingd: unknown command '%s' (see --help)\n", cmd);
	return 2;
}
