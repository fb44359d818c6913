/* The option table. Adding an option is one line here plus a struct field;
 * --help, the environment variable and validation follow from it. */
#include "server/config.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

enum opt_type { OPT_INT, OPT_SIZE, OPT_MS, OPT_BOOL, OPT_STR, OPT_LIST };

struct option_def {
	const char *name; /* flag without "--"; env is MEETINGD_ + upper(name) with '-' -> '_' */
	enum opt_type type;
	size_t offset;
	const char *def;
	long long min, max;
	int secret;
	const char *help;
};

#define F(field) offsetof(struct config, field)

static const struct option_def options[] = {
    {"port", OPT_INT, F(port), "8080", 0, 65535, 0,
     "TCP port to listen on (0: any free port, printed at start)"},
    {"bind", OPT_STR, F(bind), "0.0.0.0", 0, 0, 0, "address to bind (IPv4 or IPv6 literal)"},
    {"threads", OPT_INT, F(threads), "0", 0, 1024, 0,
     "worker threads (0: one per core; at least 2 run)"},
    {"max-body", OPT_SIZE, F(max_body), "1048576", 1, 1LL << 30, 0,
     "largest request body in bytes (suffix k, m allowed)"},
    {"max-connections", OPT_INT, F(max_connections), "1024", 2, 1000000, 0,
     "concurrent connections accepted"},
    {"max-client-connections", OPT_INT, F(max_client_connections), "128", 0, 1000000, 0,
     "concurrent connections from one client address, an IPv6 /64 counting as one "
     "(0: no limit; --trusted-proxies are exempt)"},
    {"max-body-memory", OPT_SIZE, F(max_body_memory), "64m", 1, 1LL << 40, 0,
     "request body bytes held in memory at once over all connections; past it a "
     "request is refused with 503 before its body is read"},
    {"header-timeout", OPT_MS, F(header_timeout_ms), "5", 1, 3600000, 0,
     "time a client may take to send its request line and headers (durations: seconds, "
     "or 1.5s, 250ms)"},
    {"connection-timeout", OPT_MS, F(connection_timeout_ms), "10", 1, 3600000, 0,
     "silence before an idle keep-alive connection, or a body being sent, is closed "
     "(keep below drain-timeout)"},
    {"request-timeout", OPT_MS, F(request_timeout_ms), "30", 1, 3600000, 0,
     "total time a request may take, from its first byte to the last byte sent; a "
     "parse stops there and answers 503"},
    {"drain-timeout", OPT_MS, F(drain_timeout_ms), "20", 1, 3600000, 0,
     "time to let in-flight requests finish after SIGTERM/SIGINT; then their parses "
     "are cancelled and the exit status is 3"},
    {"cors-origins", OPT_LIST, F(cors_origins), "*", 0, 0, 0,
     "comma list of allowed browser origins, or *"},
    {"web-dir", OPT_STR, F(web_dir), "", 0, 0, 0,
     "serve / and /web/* from this directory instead of the built-in files"},
    {"auth-token", OPT_STR, F(auth_token), "", 0, 0, 1,
     "when set, /v1/* requires 'Authorization: Bearer <token>'"},
    {"trusted-proxies", OPT_LIST, F(trusted_proxies), "", 0, 0, 0,
     "comma list of proxy IPs/CIDRs whose X-Forwarded-For is believed"},
    {"access-log", OPT_BOOL, F(access_log), "on", 0, 1, 0,
     "one JSON line per request on stdout (on/off)"},
    {"max-batch-lines", OPT_INT, F(max_batch_lines), "1000", 1, 1000000, 0,
     "most non-empty lines in one /v1/parse/batch request"},
};

#define NOPTIONS (sizeof options / sizeof options[0])

static void env_name(const struct option_def *o, char *buf, size_t cap)
{
	size_t i, n = (size_t)snprintf(buf, cap, "MEETINGD_%s", o->name);

	for (i = 9; i < n && i < cap; i++)
		buf[i] = buf[i] == '-' ? '_' : (char)toupper((unsigned char)buf[i]);
}

static int parse_bool(const char *s, int *out)
{
	static const char *yes[] = {"on", "true", "yes", "1"}, *no[] = {"off", "false", "no", "0"};
	size_t i;

	for (i = 0; i < 4; i++) {
		if (!strcasecmp(s, yes[i])) {
			*out = 1;
			return 0;
		}
		if (!strcasecmp(s, no[i])) {
			*out = 0;
			return 0;
		}
	}
	return -1;
}

static int parse_number(const char *s, int allow_suffix, long long *out)
{
	char *end;
	long long v, mul = 1;

	if (!isdigit((unsigned char)*s))
		return -1;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno)
		return -1;
	if (allow_suffix && *end) {
		switch (tolower((unsigned char)*end)) {
		case 'k':
			mul = 1024;
			break;
		case 'm':
			mul = 1024 * 1024;
			break;
		case 'g':
			mul = 1024LL * 1024 * 1024;
			break;
		default:
			return -1;
		}
		end++;
		if (tolower((unsigned char)*end) == 'i')
			end++;
		if (tolower((unsigned char)*end) == 'b')
			end++;
	}
	if (*end || v > LLONG_MAX / mul)
		return -1;
	*out = v * mul;
	return 0;
}

/* A duration in milliseconds: "30" and "30s" are seconds, "1.5s" (or
 * "1.5") a fraction of them, "250ms" milliseconds. 0 or -1. */
static int parse_duration(const char *s, long long *ms)
{
	long long whole = 0, frac = 0, scale = 1;
	const char *p = s;

	if (!isdigit((unsigned char)*p))
		return -1;
	for (; isdigit((unsigned char)*p); p++) {
		if (whole > 100000000)
			return -1;
		whole = whole * 10 + (*p - '0');
	}
	if (*p == '.') {
		p++;
		if (!isdigit((unsigned char)*p))
			return -1;
		for (; isdigit((unsigned char)*p); p++)
			if (scale < 1000000) {
				frac = frac * 10 + (*p - '0');
				scale *= 10;
			}
	}
	if (!strcasecmp(p, "ms")) {
		if (frac) /* no fractions of a millisecond */
			return -1;
		*ms = whole;
		return 0;
	}
	if (*p && strcasecmp(p, "s"))
		return -1;
	*ms = whole * 1000 + (frac * 1000 + scale / 2) / scale;
	return 0;
}

/* Store one value; origin names where it came from for the error message. */
static int set_value(struct config *cfg, const struct option_def *o, const char *val,
		     const char *origin, char *err, size_t errlen)
{
	char *field = (char *)cfg + o->offset;
	long long n;
	int b;

	switch (o->type) {
	case OPT_INT:
	case OPT_SIZE:
		if (parse_number(val, o->type == OPT_SIZE, &n) || n < o->min || n > o->max) {
			snprintf(err, errlen, "%s: expected an integer from %lld to %lld", origin,
				 o->min, o->max);
			return -1;
		}
		if (o->type == OPT_INT)
			*(int *)(void *)field = (int)n;
		else
			*(size_t *)(void *)field = (size_t)n;
		return 0;
	case OPT_MS:
		if (parse_duration(val, &n) || n < o->min || n > o->max) {
			snprintf(err, errlen,
				 "%s: expected a duration from %lldms to %llds (30, 1.5s, 250ms)",
				 origin, o->min, o->max / 1000);
			return -1;
		}
		*(int *)(void *)field = (int)n;
		return 0;
	case OPT_BOOL:
		if (parse_bool(val, &b)) {
			snprintf(err, errlen, "%s: expected on or off", origin);
			return -1;
		}
		*(int *)(void *)field = b;
		return 0;
	case OPT_STR:
	case OPT_LIST: {
		char *copy = strdup(val);
		if (!copy) {
			snprintf(err, errlen, "out of memory");
			return -1;
		}
		free(*(char **)(void *)field);
		*(char **)(void *)field = copy;
		return 0;
	}
	}
	return -1;
}

static const struct option_def *find_option(const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < NOPTIONS; i++)
		if (strlen(options[i].name) == len && !strncmp(options[i].name, name, len))
			return &options[i];
	return NULL;
}

static int validate(struct config *cfg, char *err, size_t errlen)
{
	unsigned char addr[16];

	/* a literal only: a host name would resolve differently at each start */
	if (inet_pton(strchr(cfg->bind, ':') ? AF_INET6 : AF_INET, cfg->bind, addr) != 1) {
		snprintf(err, errlen, "--bind: '%.60s' is not an IPv4 or IPv6 address", cfg->bind);
		return -1;
	}
	if (cfg->threads == 0) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		cfg->threads = n > 0 && n < 1024 ? (int)n : 2;
	}
	if (cfg->threads < 2)
		cfg->threads = 2; /* one epoll thread stalls under many keep-alives */
	if (cfg->connection_timeout_ms >= cfg->drain_timeout_ms) {
		/* idle keep-alive connections would hold every drain to its deadline */
		snprintf(err, errlen,
			 "connection-timeout (%d ms) must be below drain-timeout (%d ms)",
			 cfg->connection_timeout_ms, cfg->drain_timeout_ms);
		return -1;
	}
	if (cfg->max_body_memory < cfg->max_body) {
		/* one body of the largest size must fit, or it could never be read */
		snprintf(err, errlen, "max-body-memory (%zu) must be at least max-body (%zu)",
			 cfg->max_body_memory, cfg->max_body);
		return -1;
	}
	if (net_cidr_list_parse(cfg->trusted_proxies, &cfg->proxies, err, errlen)) {
		char tmp[200];
		snprintf(tmp, sizeof tmp, "trusted-proxies: %s", err);
		snprintf(err, errlen, "%s", tmp);
		return -1;
	}
	cfg->cors_any = !strcmp(cfg->cors_origins, "*");
	return 0;
}

int config_load(struct config *cfg, int argc, char **argv, char *err, size_t errlen)
{
	size_t i;
	int a;

	memset(cfg, 0, sizeof *cfg);
	for (i = 0; i < NOPTIONS; i++)
		if (set_value(cfg, &options[i], options[i].def, options[i].name, err, errlen))
			return -1;
	for (i = 0; i < NOPTIONS; i++) {
		char env[64];
		const char *v;
		env_name(&options[i], env, sizeof env);
		v = getenv(env);
		if (v && set_value(cfg, &options[i], v, env, err, errlen))
			return -1;
	}
	for (a = 0; a < argc; a++) {
		const char *arg = argv[a], *name, *eq, *val;
		const struct option_def *o;
		char origin[80];

		if (strncmp(arg, "--", 2) || !arg[2]) {
			snprintf(err, errlen, "unexpected argument '%.60s'", arg);
			return -1;
		}
		name = arg + 2;
		eq = strchr(name, '=');
		o = find_option(name, eq ? (size_t)(eq - name) : strlen(name));
		if (!o) {
			snprintf(err, errlen, "unknown option '%.60s' (see --help)", arg);
			return -1;
		}
		if (eq) {
			val = eq + 1;
		} else if (a + 1 < argc) {
			val = argv[++a];
		} else {
			snprintf(err, errlen, "option --%s needs a value", o->name);
			return -1;
		}
		snprintf(origin, sizeof origin, "--%s", o->name);
		if (set_value(cfg, o, val, origin, err, errlen))
			return -1;
	}
	return validate(cfg, err, errlen);
}

void config_free(struct config *cfg)
{
	size_t i;

	for (i = 0; i < NOPTIONS; i++)
		if (options[i].type == OPT_STR || options[i].type == OPT_LIST) {
			char **f = (char **)(void *)((char *)cfg + options[i].offset);
			free(*f);
			*f = NULL;
		}
	net_cidr_list_free(&cfg->proxies);
}

void config_usage(FILE *out)
{
	size_t i;

	fprintf(out, "Serve options (flag, environment variable, default):\n");
	for (i = 0; i < NOPTIONS; i++) {
		char env[64], flag[64];
		env_name(&options[i], env, sizeof env);
		snprintf(flag, sizeof flag, "--%s", options[i].name);
		fprintf(out, "  %-22s %-28s default %s\n      %s\n", flag, env,
			*options[i].def ? options[i].def : "(empty)", options[i].help);
	}
}

void config_print(const struct config *cfg, FILE *out)
{
	size_t i;
	char line[2048];
	size_t n = 0;

	n += (size_t)snprintf(line + n, sizeof line - n, "meetingd: config");
	for (i = 0; i < NOPTIONS && n < sizeof line; i++) {
		const struct option_def *o = &options[i];
		const char *field = (const char *)cfg + o->offset;
		const char *s;

		switch (o->type) {
		case OPT_INT:
			n += (size_t)snprintf(line + n, sizeof line - n, " %s=%d", o->name,
					      *(const int *)(const void *)field);
			break;
		case OPT_SIZE:
			n += (size_t)snprintf(line + n, sizeof line - n, " %s=%zu", o->name,
					      *(const size_t *)(const void *)field);
			break;
		case OPT_MS: {
			int ms = *(const int *)(const void *)field;
			if (ms % 1000)
				n += (size_t)snprintf(line + n, sizeof line - n, " %s=%dms",
						      o->name, ms);
			else
				n += (size_t)snprintf(line + n, sizeof line - n, " %s=%ds", o->name,
						      ms / 1000);
			break;
		}
		case OPT_BOOL:
			n += (size_t)snprintf(line + n, sizeof line - n, " %s=%s", o->name,
					      *(const int *)(const void *)field ? "on" : "off");
			break;
		case OPT_STR:
		case OPT_LIST:
			s = *(char *const *)(const void *)field;
			if (o->secret)
				s = *s ? "(set)" : "(unset)";
			n += (size_t)snprintf(line + n, sizeof line - n, " %s=%s", o->name,
					      *s ? s : "\"\"");
			break;
		}
	}
	if (n >= sizeof line)
		n = sizeof line - 1;
	fprintf(out, "%.*s\n", (int)n, line);
	fflush(out);
}

int config_origin_allowed(const struct config *cfg, const char *origin)
{
	const char *p = cfg->cors_origins;
	size_t olen;

	if (cfg->cors_any)
		return 1;
	if (!origin)
		return 0;
	olen = strlen(origin);
	while (*p) {
		const char *q;
		size_t n;
		while (*p == ',' || *p == ' ')
			p++;
		q = p;
		while (*q && *q != ',' && *q != ' ')
			q++;
		n = (size_t)(q - p);
		/* scheme and host are case-insensitive; browsers send them lower case */
		if (n && n == olen && !strncasecmp(p, origin, n))
			return 1;
		p = q;
	}
	return 0;
}
