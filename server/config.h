/* Service configuration: one declarative table (config.c) drives defaults,
 * MEETINGD_* environment variables, command-line flags, --help and
 * validation, in that order of precedence: defaults < environment < flags.
 */
#ifndef MEETINGD_CONFIG_H
#define MEETINGD_CONFIG_H

#include <stddef.h>
#include <stdio.h>

#include "server/net.h"

struct config {
	int port;
	char *bind;
	int threads; /* effective: 0 is resolved to the core count, at least 2 */
	size_t max_body;
	int max_connections;
	int max_client_connections; /* 0: no limit */
	size_t max_body_memory;
	/* durations in milliseconds (given as 30, 30s, 1.5s or 250ms) */
	int header_timeout_ms;
	int connection_timeout_ms;
	int request_timeout_ms;
	int drain_timeout_ms;
	char *cors_origins;
	char *web_dir;
	char *auth_token; /* secret: never printed or logged */
	char *trusted_proxies;
	int access_log;
	int max_batch_lines;

	/* derived by config_load() */
	struct net_cidr_list proxies;
	int cors_any; /* cors_origins is "*" */
};

/* libmicrohttpd's threads per worker (config_http_threads()). Each of them
 * answers its share of the connections and parses their small bodies
 * itself (server/http_flow.c); one per core left those threads parsing
 * most of the time, past the share they may spend in parses, so a quarter
 * of the small parses went to the pool and back, and each poll() went over
 * twice the connections. With three per core, at 32 keep-alive connections
 * on 2 cores, a request cost 72 instead of 87 us of CPU and 0.46 instead of
 * 1.2 context switches (bench/http_bench.sh). */
#define CONFIG_HTTP_THREADS_PER_WORKER 3

/* The size of libmicrohttpd's thread pool: CONFIG_HTTP_THREADS_PER_WORKER
 * per parse worker (cfg->threads, resolved). */
static inline int config_http_threads(const struct config *cfg)
{
	return CONFIG_HTTP_THREADS_PER_WORKER * cfg->threads;
}

/* Fill *cfg from defaults, then env (getenv), then argv[0..argc). Strings
 * in *cfg are malloc'ed; release with config_free(). Returns 0, or -1 with
 * a message in err (a usage error: exit 2). */
int config_load(struct config *cfg, int argc, char **argv, char *err, size_t errlen);

/* Free what config_load() allocated; *cfg itself is the caller's. */
void config_free(struct config *cfg);

/* Write the option table (flag, env var, default, meaning) for --help. */
void config_usage(FILE *out);

/* Write the effective configuration on one line, secrets masked. */
void config_print(const struct config *cfg, FILE *out);

/* 1 when origin is allowed by --cors-origins (exact match, or "*"). */
int config_origin_allowed(const struct config *cfg, const char *origin);

#endif
