/* `meetingd parse`: articles from files or standard input to ParseResult
 * JSON on standard output. Exit status: 0 success, 1 failure at run time,
 * 2 usage error. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "handlers/handlers.h"
#include "model/model.h"

#define PARSE_MAX_INPUT (64u * 1024 * 1024)

static char *read_all(FILE *f, size_t *len, int *too_big)
{
	size_t cap = 64 * 1024, n = 0;
	char *buf = malloc(cap);

	*too_big = 0;
	while (buf) {
		size_t got;
		if (n == cap) {
			char *p;
			if (cap >= PARSE_MAX_INPUT) {
				*too_big = 1;
				free(buf);
				return NULL;
			}
			p = realloc(buf, cap * 2);
			if (!p)
				break;
			buf = p;
			cap *= 2;
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0) {
			if (ferror(f))
				break;
			*len = n;
			return buf;
		}
	}
	free(buf);
	return NULL;
}

int cli_parse(int argc, char **argv)
{
	struct model_options opt;
	struct model_error err;
	const char *file = NULL;
	char *input, msg[300];
	size_t len;
	int a, too_big, rc;
	struct model_buf out = {0};
	FILE *f;

	memset(&opt, 0, sizeof opt);
	for (a = 0; a < argc; a++) {
		const char *arg = argv[a];
		const char *val = NULL;
		size_t n = strcspn(arg, "=");

		if (!strcmp(arg, "-") || strncmp(arg, "--", 2)) {
			if (file) {
				fprintf(stderr, "meetingd: parse takes one FILE (or -)\n");
				return 2;
			}
			file = arg;
			continue;
		}
		if (arg[n] == '=')
			val = arg + n + 1;
		if (n == 14 && !strncmp(arg, "--include-text", n) && !val) {
			opt.include_text = 1;
		} else if (n == 9 && !strncmp(arg, "--explain", n) && !val) {
			opt.explain = 1;
		} else if ((n == 14 && !strncmp(arg, "--published-at", n)) ||
			   (n == 9 && !strncmp(arg, "--offsets", n))) {
			if (!val) {
				if (a + 1 >= argc) {
					fprintf(stderr, "meetingd: %.*s needs a value\n", (int)n,
						arg);
					return 2;
				}
				val = argv[++a];
			}
			if (arg[2] == 'p') {
				opt.published_at = val;
			} else if (handlers_offset_unit(val, &opt.unit)) {
				fprintf(stderr,
					"meetingd: --offsets must be codepoint, utf16 or byte\n");
				return 2;
			}
		} else {
			fprintf(stderr, "meetingd: unknown parse option '%s' (see --help)\n", arg);
			return 2;
		}
	}
	if (!file) {
		fprintf(stderr, "meetingd: parse needs a FILE, or - for standard input\n");
		return 2;
	}
	f = strcmp(file, "-") ? fopen(file, "rb") : stdin;
	if (!f) {
		fprintf(stderr, "meetingd: %s: %s\n", file, strerror(errno));
		return 1;
	}
	input = read_all(f, &len, &too_big);
	if (f != stdin)
		fclose(f);
	if (!input) {
		if (too_big)
			fprintf(stderr, "meetingd: %s: larger than %u bytes\n", file,
				PARSE_MAX_INPUT);
		else
			fprintf(stderr, "meetingd: %s: cannot read\n", file);
		return 1;
	}
	memset(&err, 0, sizeof err);
	rc = model_parse_into(input, len, &opt, &out, &err);
	free(input);
	if (rc) {
		fprintf(stderr, "meetingd: %s\n",
			handlers_model_error_message(&err, msg, sizeof msg));
		return 1;
	}
	rc = fwrite(out.data, 1, out.len, stdout) == out.len && fflush(stdout) == 0 ? 0 : 1;
	free(out.data);
	if (rc)
		fprintf(stderr, "meetingd: cannot write the result: %s\n", strerror(errno));
	return rc;
}
