/* Operational endpoints and static files: /healthz, /readyz, /metrics,
 * /openapi.yaml, /version, / and the files under /web/. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "handlers/handlers.h"
#include "server/metrics.h"
#include "server/version.h"

#define MAX_STATIC_FILE (16u * 1024 * 1024)

int handlers_healthz(struct request *req, struct http_reply *out)
{
	static const char body[] = "{\"status\":\"ok\"}\n";

	(void)req;
	return http_reply_bytes(out, 200, "application/json", body, sizeof body - 1, 0);
}

int handlers_readyz(struct request *req, struct http_reply *out)
{
	static const char body[] = "{\"status\":\"ready\"}\n";

	if (http_draining())
		return http_reply_problem(req, out, PROBLEM_UNAVAILABLE,
					  "The service is draining before it stops; send new "
					  "requests to another instance.");
	return http_reply_bytes(out, 200, "application/json", body, sizeof body - 1, 0);
}

int handlers_metrics(struct request *req, struct http_reply *out)
{
	size_t len;
	char *text = metrics_render(&len);

	if (!text)
		return http_reply_problem(req, out, PROBLEM_INTERNAL, "Out of memory.");
	return http_reply_owned(out, 200, "text/plain; version=0.0.4; charset=utf-8", text, len);
}

int handlers_version(struct request *req, struct http_reply *out)
{
	json_t *v = json_pack("{s:s, s:s, s:s}", "version", version_string(), "model_version",
			      MODEL_VERSION, "revision", version_revision());
	int status;

	(void)req;
	status = http_reply_json(out, 200, v);
	json_decref(v);
	return status;
}

static const struct embedded_file *embedded(const char *name)
{
	const struct embedded_file *f;

	for (f = embedded_files; f->name; f++)
		if (!strcmp(f->name, name))
			return f;
	return NULL;
}

static const char *content_type_of(const char *name)
{
	static const struct {
		const char *ext, *type;
	} types[] = {
	    {".html", "text/html; charset=utf-8"},
	    {".css", "text/css; charset=utf-8"},
	    {".js", "text/javascript; charset=utf-8"},
	    {".mjs", "text/javascript; charset=utf-8"},
	    {".json", "application/json"},
	    {".yaml", "application/yaml"},
	    {".svg", "image/svg+xml"},
	    {".png", "image/png"},
	    {".ico", "image/x-icon"},
	    {".txt", "text/plain; charset=utf-8"},
	};
	const char *dot = strrchr(name, '.');
	size_t i;

	for (i = 0; dot && i < sizeof types / sizeof types[0]; i++)
		if (!strcmp(dot, types[i].ext))
			return types[i].type;
	return "application/octet-stream";
}

int handlers_openapi(struct request *req, struct http_reply *out)
{
	const struct embedded_file *f = embedded("openapi.yaml");

	if (!f)
		return http_reply_problem(req, out, PROBLEM_NOT_FOUND,
					  "This build carries no openapi.yaml.");
	return http_reply_bytes(out, 200, "application/yaml", f->data, f->len, 0);
}

/* A static file name under the web root: plain segments only, so no
 * "..", no hidden files and no escapes can leave the directory. */
static int safe_name(const char *s)
{
	int seg_start = 1;

	if (!*s)
		return 0;
	for (; *s; s++) {
		char c = *s;
		if (c == '/') {
			if (seg_start)
				return 0;
			seg_start = 1;
			continue;
		}
		if (seg_start && c == '.')
			return 0;
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '.' || c == '_' || c == '-'))
			return 0;
		seg_start = 0;
	}
	return !seg_start;
}

/* Open name (safe_name()'s plain segments) under the web root one segment
 * at a time with O_NOFOLLOW: a symbolic link inside the folder, to a file
 * or a folder, is not followed, so nothing outside it can be served. */
static int open_beneath(const char *root, const char *name)
{
	char seg[256];
	int dir = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC), fd;

	while (dir >= 0) {
		const char *slash = strchr(name, '/');
		size_t n = slash ? (size_t)(slash - name) : strlen(name);
		if (n >= sizeof seg) {
			close(dir);
			return -1;
		}
		memcpy(seg, name, n);
		seg[n] = '\0';
		fd = openat(dir, seg,
			    O_RDONLY | O_NOFOLLOW | O_CLOEXEC | (slash ? O_DIRECTORY : O_NONBLOCK));
		close(dir);
		if (!slash)
			return fd;
		dir = fd;
		name = slash + 1;
	}
	return -1;
}

static int serve_from_dir(struct request *req, struct http_reply *out, const char *name)
{
	struct stat st;
	char *data;
	ssize_t got;
	size_t done = 0;
	int fd;

	fd = open_beneath(req->cfg->web_dir, name);
	if (fd < 0)
		return -1;
	if (fstat(fd, &st) || !S_ISREG(st.st_mode) || (size_t)st.st_size > MAX_STATIC_FILE ||
	    !(data = malloc((size_t)st.st_size + 1))) {
		close(fd);
		return -1;
	}
	while (done < (size_t)st.st_size &&
	       (got = read(fd, data + done, (size_t)st.st_size - done)) > 0)
		done += (size_t)got;
	close(fd);
	return http_reply_owned(out, 200, content_type_of(name), data, done);
}

static int serve_static(struct request *req, struct http_reply *out, const char *name)
{
	char key[300];
	const struct embedded_file *f;

	if (safe_name(name)) {
		if (req->cfg->web_dir[0]) {
			if (serve_from_dir(req, out, name) >= 0)
				return out->status;
		} else {
			snprintf(key, sizeof key, "web/%s", name);
			f = embedded(key);
			if (f)
				return http_reply_bytes(out, 200, content_type_of(name), f->data,
							f->len, 0);
		}
	}
	return http_reply_problem(req, out, PROBLEM_NOT_FOUND, "There is no such file.");
}

int handlers_index(struct request *req, struct http_reply *out)
{
	return serve_static(req, out, "index.html");
}

int handlers_web(struct request *req, struct http_reply *out)
{
	return serve_static(req, out, req->path + strlen("/web/"));
}
