/* The route table: every path the service answers, in one place. The
 * command line hands it to the server (http_start()). */
#include "handlers/handlers.h"

#define GET_ALLOW "GET, HEAD, OPTIONS"
#define POST_ALLOW "POST, OPTIONS"
#define GET_HEAD (HTTP_GET | HTTP_HEAD)

/* A parse's work is linear in its body: the costliest shapes known take
 * about 1 ms for 8 KiB here, less than handing the request to the pool and
 * back costs the other requests in context switches once it is not a
 * hostile one (see server/http_flow.c for the budget that bounds them). */
#define PARSE_INLINE_MAX (8 * 1024)

const struct http_route handlers_routes[] = {
    /* parses run on the pool (offload), never on a libmicrohttpd thread,
     * but for small bodies */
    {"/v1/parse", 0, HTTP_POST, POST_ALLOW, "/v1/parse", handlers_parse, 1, PARSE_INLINE_MAX},
    /* the batch handler only checks the request; its lines are parsed on
     * the pool as the client reads the answer */
    {"/v1/parse/batch", 0, HTTP_POST, POST_ALLOW, "/v1/parse/batch", handlers_batch, 0, 0},
    {"/healthz", 0, GET_HEAD, GET_ALLOW, "/healthz", handlers_healthz, 0, 0},
    {"/readyz", 0, GET_HEAD, GET_ALLOW, "/readyz", handlers_readyz, 0, 0},
    {"/metrics", 0, GET_HEAD, GET_ALLOW, "/metrics", handlers_metrics, 0, 0},
    {"/openapi.yaml", 0, GET_HEAD, GET_ALLOW, "/openapi.yaml", handlers_openapi, 0, 0},
    {"/version", 0, GET_HEAD, GET_ALLOW, "/version", handlers_version, 0, 0},
    {"/", 0, GET_HEAD, GET_ALLOW, "/", handlers_index, 0, 0},
    /* files from --web-dir are read from disk: on the pool too */
    {"/web/", 1, GET_HEAD, GET_ALLOW, "/web/*", handlers_web, 1, 0},
};

const size_t handlers_nroutes = sizeof handlers_routes / sizeof handlers_routes[0];
