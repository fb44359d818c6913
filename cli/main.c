/* meetingd command line: `serve` (the default) and `parse`.
 *
 * Exit status: 0 success, 1 failure at run time, 2 usage error.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "cli/cli.h"
#include "handlers/handlers.h"
#include "model/model.h"
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
		     "defaults.\nSIGTERM or SIGINT drains in-flight requests, then exits 0.\n");
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

/* Descriptors besides connections: stdio, the listening socket, and an
 * epoll descriptor and a wake-up pipe per thread. */
#define FD_RESERVE(threads) (16 + 4 * (rlim_t)(threads))

/* Each connection is a descriptor. Out of descriptors, libmicrohttpd stops
 * accepting and newcomers hang in the backlog (the 1024 soft limit of a
 * plain shell meets the default --max-connections 1024), so raise the soft
 * limit as far as the hard one allows, and otherwise lower max_connections
 * to fit, where the refusal of the excess is immediate. */
static void fit_descriptors(struct config *cfg)
{
	struct rlimit rl;
	rlim_t need = (rlim_t)cfg->max_connections + FD_RESERVE(cfg->threads);

	if (getrlimit(RLIMIT_NOFILE, &rl))
		return;
	if (rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < need) {
		rl.rlim_cur =
		    rl.rlim_max == RLIM_INFINITY || rl.rlim_max > need ? need : rl.rlim_max;
		if (setrlimit(RLIMIT_NOFILE, &rl))
			getrlimit(RLIMIT_NOFILE, &rl);
	}
	if (rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < need) {
		rlim_t fit = rl.rlim_cur > FD_RESERVE(cfg->threads) + 2
				 ? rl.rlim_cur - FD_RESERVE(cfg->threads)
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
	double deadline;
	struct timespec tick = {0, 20 * 1000 * 1000};

	/* Blocked before any thread exists, so every MHD thread inherits the
	 * mask and the signals reach only sigwait() below. */
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	setvbuf(stdout, NULL, _IOLBF, 0);

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
	if (http_start(&cfg, err, sizeof err)) {
		fprintf(stderr, "meetingd: %s\n", err);
		config_free(&cfg);
		return 1;
	}
	port = http_port();
	fprintf(stderr, "meetingd: %s (model %s) listening on %s%s%s:%d\n", version_string(),
		MODEL_VERSION, strchr(cfg.bind, ':') ? "[" : "", cfg.bind,
		strchr(cfg.bind, ':') ? "]" : "", port);

	while (sigwait(&set, &sig) != 0)
		;
	fprintf(stderr, "meetingd: %s: draining %ld in-flight request(s), up to %d s\n",
		sig == SIGTERM ? "SIGTERM" : "SIGINT", http_in_flight(), cfg.drain_timeout);
	http_begin_drain();
	deadline = now_s() + cfg.drain_timeout;
	while (http_in_flight() > 0) {
		if (now_s() >= deadline) {
			fprintf(stderr,
				"meetingd: drain deadline reached with %ld request(s) left\n",
				http_in_flight());
			break;
		}
		/* a second signal means "stop now" */
		if (sigtimedwait(&set, NULL, &tick) > 0) {
			fprintf(stderr, "meetingd: second signal: stopping now\n");
			break;
		}
	}
	http_stop();
	fflush(stdout);
	fprintf(stderr, "meetingd: stopped\n");
	config_free(&cfg);
	return 0;
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
