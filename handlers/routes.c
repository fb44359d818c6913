/* The route table: every path the service answers, in one place. The
 * command line hands it to the server (http_start()). */
#include "handlers/handlers.h"

#define GET_ALLOW "GET, HEAD, OPTIONS"
#define POST_ALLOW "POST, OPTIONS"
#define GET_HEAD (HTTP_GET | HTTP_HEAD)

const struct http_route handlers_routes[] = {
    /* parses run on the pool (offload), never on a libmicrohttpd thread */
    {"/v1/parse", 0, HTTP_POST, POST_ALLOW, "/v1/parse", handlers_parse, 1},
    /* the batch handler only checks the request; its lines are parsed on
     * the pool as the client reads the answer */
    {"/v1/parse/batch", 0, HTTP_POST, POST_ALLOW, "/v1/parse/batch", handlers_batch, 0},
    {"/healthz", 0, GET_HEAD, GET_ALLOW, "/healthz", handlers_healthz, 0},
    {"/readyz", 0, GET_HEAD, GET_ALLOW, "/readyz", handlers_readyz, 0},
    {"/metrics", 0, GET_HEAD, GET_ALLOW, "/metrics", handlers_metrics, 0},
    {"/openapi.yaml", 0, GET_HEAD, GET_ALLOW, "/openapi.yaml", handlers_openapi, 0},
    {"/version", 0, GET_HEAD, GET_ALLOW, "/version", handlers_version, 0},
    {"/", 0, GET_HEAD, GET_ALLOW, "/", handlers_index, 0},
    /* files from --web-dir are read from disk: on the pool too */
    {"/web/", 1, GET_HEAD, GET_ALLOW, "/web/*", handlers_web, 1},
};

const size_t handlers_nroutes = sizeof handlers_routes / sizeof handlers_routes[0];
