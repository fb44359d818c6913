/* A mutex-and-condition job queue; jobs are few (one per request at most)
 * and long (a parse), so nothing fancier pays. */
#include "server/pool.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <time.h>

struct job {
	void (*fn)(void *);
	void *arg;
	struct job *next;
};

static struct {
	pthread_mutex_t lock;
	pthread_cond_t more, idle;
	struct job *head, *tail;
	pthread_t *threads;
	int n, running, stopping, alive;
	atomic_long busy;
} P = {.lock = PTHREAD_MUTEX_INITIALIZER,
       .more = PTHREAD_COND_INITIALIZER,
       .idle = PTHREAD_COND_INITIALIZER};

static void *worker(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&P.lock);
	for (;;) {
		struct job *j;
		while (!P.head && !P.stopping)
			pthread_cond_wait(&P.more, &P.lock);
		if (!P.head)
			break;
		j = P.head;
		P.head = j->next;
		if (!P.head)
			P.tail = NULL;
		pthread_mutex_unlock(&P.lock);
		j->fn(j->arg);
		free(j);
		atomic_fetch_sub(&P.busy, 1);
		pthread_mutex_lock(&P.lock);
	}
	P.alive--;
	pthread_cond_broadcast(&P.idle);
	pthread_mutex_unlock(&P.lock);
	return NULL;
}

int pool_start(int n)
{
	int i;

	P.threads = calloc((size_t)n, sizeof *P.threads);
	if (!P.threads)
		return -1;
	P.stopping = 0;
	for (i = 0; i < n; i++) {
		if (pthread_create(&P.threads[i], NULL, worker, NULL))
			break;
		P.alive++;
	}
	P.n = i;
	P.running = i > 0;
	return P.running ? 0 : -1;
}

int pool_submit(void (*fn)(void *arg), void *arg)
{
	struct job *j;

	if (!P.running)
		return -1;
	j = malloc(sizeof *j);
	if (!j)
		return -1;
	j->fn = fn;
	j->arg = arg;
	j->next = NULL;
	atomic_fetch_add(&P.busy, 1);
	pthread_mutex_lock(&P.lock);
	if (P.tail)
		P.tail->next = j;
	else
		P.head = j;
	P.tail = j;
	pthread_cond_signal(&P.more);
	pthread_mutex_unlock(&P.lock);
	return 0;
}

long pool_busy(void)
{
	return atomic_load(&P.busy);
}

int pool_stop(double timeout_s)
{
	struct timespec ts;
	int i, left;

	if (!P.running)
		return 0;
	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += (time_t)timeout_s + 1;
	pthread_mutex_lock(&P.lock);
	P.stopping = 1;
	pthread_cond_broadcast(&P.more);
	while (P.alive && pthread_cond_timedwait(&P.idle, &P.lock, &ts) == 0)
		;
	left = P.alive;
	pthread_mutex_unlock(&P.lock);
	P.running = 0;
	for (i = 0; i < P.n; i++) {
		if (left)
			pthread_detach(P.threads[i]);
		else
			pthread_join(P.threads[i], NULL);
	}
	free(P.threads);
	P.threads = NULL;
	return left;
}
