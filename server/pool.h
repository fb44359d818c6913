/* The parse pool: a few worker threads, apart from libmicrohttpd's, that
 * run the heavy part of a request (a parse) while its connection is
 * suspended. However long a parse takes, libmicrohttpd's threads stay free
 * for probes and the connections of everyone else. */
#ifndef MEETINGD_POOL_H
#define MEETINGD_POOL_H

/* Start n workers. 0 or -1. */
int pool_start(int n);

/* Queue fn(arg) for a worker. 0, or -1 when the pool is not running or out
 * of memory (the caller then runs it itself). */
int pool_submit(void (*fn)(void *arg), void *arg);

/* Jobs queued or running. */
long pool_busy(void);

/* Stop the workers after the jobs queued; a worker stuck in a job that
 * does not return by timeout_s is left behind (the process is exiting).
 * Returns the number left behind. */
int pool_stop(double timeout_s);

#endif
