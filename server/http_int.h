/* Inside the HTTP layer: what http.c (daemon, life cycle, callbacks) and
 * http_flow.c (one request's flow) share. Not for other modules. */
#ifndef MEETINGD_HTTP_INT_H
#define MEETINGD_HTTP_INT_H

#include "server/http.h"

/* The access handler given to libmicrohttpd. */
enum MHD_Result http_flow_access(void *cls, struct MHD_Connection *conn, const char *url,
				 const char *method, const char *version, const char *data,
				 size_t *size, void **con_cls);

/* The route of an exact or prefix path, or NULL. */
const struct http_route *http_match_route(const char *path);

/* Ask for the allocator's free memory to go back to the system once the
 * current connection is closed (after a large request). */
void http_want_trim(void);

#endif
