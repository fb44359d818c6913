/* Archive mode: a pipeline in one process, the model loaded once.
 *
 *   producer ──jobs──▶ N workers ──results──▶ writer ──▶ stdout or -o FILE
 *
 * The producer walks the inputs (or reads the NDJSON lines) and queues
 * jobs; workers read each file, parse it and format its output bytes with
 * no lock held; the writer puts the results out in input order (a reorder
 * ring of `window` slots) or as they finish (--unordered). At most
 * `window` jobs exist between the producer and the writer at any time, so
 * memory does not depend on how many inputs there are. The one mutex
 * guards only pointer moves and counters.
 *
 * The main thread takes the signals (blocked everywhere, taken with
 * sigtimedwait) and draws the progress line between them. A first SIGINT
 * (or SIGTERM, SIGHUP) stops the producer; jobs already being parsed are
 * finished and written, queued ones are dropped, then the summary. A second
 * one stops at once.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/archive.h"

static const char *const article_exts[] = {".txt", ".html", ".htm", NULL};
static const char *const ndjson_exts[] = {".ndjson", ".jsonl", NULL};

struct pipeline {
	const struct cli_opts *o;
	pthread_mutex_t mu;
	pthread_cond_t job_cv, ready_cv, credit_cv;
	struct cli_job *qhead, *qtail; /* queued, not started */
	struct cli_job **slots;	       /* ordered: finished jobs at seq % window */
	struct cli_job *dhead, *dtail; /* unordered: finished jobs in finishing order */
	size_t window;
	uint64_t issued, written;
	int producer_done, stop, workers_quit, finished;
	int producer_waiting, writer_waiting; /* who sleeps, so wake-ups are only the needed ones */
	int write_errno, nomem;
	atomic_int cancel;	 /* second signal: abandon the parses */
	atomic_int counter_quit; /* tells the counting walk to stop */
	struct cli_stats st;
	struct cli_out out;
	pthread_t main_thread;
};

/* Static: a producer blocked reading a pipe when a signal stops the run is
 * left behind, and may still take the lock while the process exits. */
static struct pipeline P = {
    .mu = PTHREAD_MUTEX_INITIALIZER,
    .job_cv = PTHREAD_COND_INITIALIZER,
    .ready_cv = PTHREAD_COND_INITIALIZER,
    .credit_cv = PTHREAD_COND_INITIALIZER,
};

/* ---- producer ---- */

/* Queue a job (taken over) once the window has room: 0, or -1 when the
 * run is stopping (the job is freed). */
static int submit(struct pipeline *p, struct cli_job *job)
{
	pthread_mutex_lock(&p->mu);
	if (p->issued - p->written >= p->window) {
		/* wait for half the window, not one slot: one wake-up per
		 * window/2 results instead of one per result */
		p->producer_waiting = 1;
		while (!p->stop && p->issued - p->written > p->window / 2)
			pthread_cond_wait(&p->credit_cv, &p->mu);
		p->producer_waiting = 0;
	}
	if (p->stop) {
		pthread_mutex_unlock(&p->mu);
		cli_job_free(job);
		return -1;
	}
	job->seq = p->issued++;
	if (p->qtail)
		p->qtail->next = job;
	else
		p->qhead = job;
	p->qtail = job;
	pthread_cond_signal(&p->job_cv);
	pthread_mutex_unlock(&p->mu);
	return 0;
}

static struct cli_job *new_job(enum cli_item_kind kind, char *path, int err)
{
	struct cli_job *job = calloc(1, sizeof *job);

	if (!job) {
		free(path);
		return NULL;
	}
	job->kind = kind;
	job->path = path;
	job->err = err;
	return job;
}

static int blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

/* One NDJSON line (or an over-long one, not kept) as a job: 0, -1 stop. */
static int submit_line(struct pipeline *p, const char *name, long line_no, const char *s, size_t n,
		       int too_large)
{
	struct cli_job *job;

	if (!too_large && blank(s, n))
		return 0; /* blank lines are skipped, but counted, as on the server */
	if (n && s[n - 1] == '\r')
		n--;
	job = new_job(CLI_ITEM_FILE, strdup(name), 0);
	if (!job || !job->path) {
		cli_job_free(job);
		return -1;
	}
	job->is_line = 1;
	job->line_no = line_no;
	job->line_too_large = too_large;
	job->line_len = too_large ? 0 : n;
	if (!too_large) {
		job->line = malloc(n + 1);
		if (!job->line) {
			cli_job_free(job);
			return -1;
		}
		memcpy(job->line, s, n);
		job->line[n] = '\0';
	}
	return submit(p, job);
}

/* The lines of one NDJSON source, read in blocks; a line over
 * CLI_MAX_INPUT is skipped to its end and answered with a problem. 0, -1
 * stop, or errno of a read error. */
static int read_lines(struct pipeline *p, int fd, const char *name)
{
	size_t cap = 1 << 20, have = 0, scan = 0;
	char *buf = malloc(cap);
	long line_no = 0;
	int too_long = 0, rc = 0;

	if (!buf)
		return -1;
	for (;;) {
		ssize_t n;
		char *nl;

		while (!rc && (nl = memchr(buf + scan, '\n', have - scan))) {
			size_t len = (size_t)(nl - buf);
			rc = submit_line(p, name, ++line_no, buf, len, too_long);
			too_long = 0;
			memmove(buf, nl + 1, have - len - 1);
			have -= len + 1;
			scan = 0;
		}
		if (rc)
			break;
		scan = have;
		if (have == cap) {
			if (cap > CLI_MAX_INPUT) {
				too_long = 1; /* drop what is held; the rest follows */
				have = scan = 0;
			} else {
				char *q = realloc(buf, cap * 2);
				if (!q) {
					rc = -1;
					break;
				}
				buf = q;
				cap *= 2;
			}
		}
		n = read(fd, buf + have, cap - have);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			rc = errno;
			break;
		}
		if (n == 0) {
			if (have || too_long)
				rc = submit_line(p, name, ++line_no, buf, have, too_long);
			break;
		}
		have += (size_t)n;
	}
	free(buf);
	return rc;
}

static void *producer(void *arg)
{
	struct pipeline *p = arg;
	const struct cli_opts *o = p->o;
	struct cli_walk *w =
	    cli_walk_new(o->inputs, o->n_inputs, o->ndjson_input ? ndjson_exts : article_exts, 0);
	struct cli_item it;
	int r = w ? 0 : -1;

	while (r == 0 && (r = cli_walk_next(w, &it)) == 1) {
		struct cli_job *job;
		int fd, e;

		r = 0;
		if (!o->ndjson_input || it.kind == CLI_ITEM_ERROR) {
			job = new_job(it.kind, it.path, it.err);
			r = job ? submit(p, job) : -1;
			continue;
		}
		fd = it.kind == CLI_ITEM_STDIN ? 0 : open(it.path, O_RDONLY | O_CLOEXEC);
		e = fd < 0 ? errno
			   : read_lines(p, fd, it.kind == CLI_ITEM_STDIN ? "<stdin>" : it.path);
		if (fd > 0)
			close(fd);
		if (e > 0) { /* the source could not be read: one failed input */
			job = new_job(CLI_ITEM_ERROR, it.path, e);
			r = job ? submit(p, job) : -1;
		} else {
			free(it.path);
			r = e;
		}
	}
	cli_walk_free(w);
	pthread_mutex_lock(&p->mu);
	if (r < 0 && !p->stop)
		p->nomem = p->stop = 1;
	p->producer_done = 1;
	p->st.total = p->issued;
	p->st.total_final = 1;
	pthread_cond_broadcast(&p->job_cv);
	pthread_cond_broadcast(&p->ready_cv);
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

/* Counts the inputs ahead of the producer, for the progress line. */
static void *counter(void *arg)
{
	struct pipeline *p = arg;
	const struct cli_opts *o = p->o;
	struct cli_walk *w =
	    cli_walk_new(o->inputs, o->n_inputs, o->ndjson_input ? ndjson_exts : article_exts, 1);
	struct cli_item it;
	uint64_t n = 0, bytes = 0;
	int sized = 1, r = w ? 0 : -1;

	while (r == 0 && !p->counter_quit && (r = cli_walk_next(w, &it)) == 1) {
		r = 0;
		n++;
		if (it.kind == CLI_ITEM_STDIN)
			sized = 0;
		bytes += it.size;
		if (!o->ndjson_input && !p->st.total_final)
			p->st.total = n;
		p->st.total_bytes = bytes;
		free(it.path);
	}
	cli_walk_free(w);
	if (r == 0 && !p->counter_quit) {
		if (!o->ndjson_input)
			p->st.total_final = 1;
		p->st.bytes_final = sized;
	}
	return NULL;
}

/* ---- workers ---- */

static void *worker(void *arg)
{
	struct pipeline *p = arg;

	pthread_mutex_lock(&p->mu);
	for (;;) {
		struct cli_job *job;
		int skip;

		while (!p->qhead && !p->workers_quit)
			pthread_cond_wait(&p->job_cv, &p->mu);
		if (!p->qhead)
			break;
		job = p->qhead;
		p->qhead = job->next;
		if (!p->qhead)
			p->qtail = NULL;
		job->next = NULL;
		skip = p->stop;
		pthread_mutex_unlock(&p->mu);
		if (skip) {
			job->skipped = 1;
		} else if (cli_job_run(p->o, job, &p->cancel)) {
			job->failed = 1;
			job->out.len = 0;
			free(job->message);
			if (asprintf(&job->message, "%s: out of memory", job->path) < 0)
				job->message = NULL;
		}
		pthread_mutex_lock(&p->mu);
		if (p->o->unordered) {
			if (p->dtail)
				p->dtail->next = job;
			else
				p->dhead = job;
			p->dtail = job;
		} else {
			p->slots[job->seq % p->window] = job;
		}
		/* wake the writer only for what it waits for: in order, the
		 * next result to write */
		if (p->writer_waiting && (p->o->unordered || job->seq == p->written))
			pthread_cond_signal(&p->ready_cv);
	}
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

/* ---- writer ---- */

static struct cli_job *take_ready(struct pipeline *p)
{
	struct cli_job *job;

	if (p->o->unordered) {
		job = p->dhead;
		if (job) {
			p->dhead = job->next;
			if (!p->dhead)
				p->dtail = NULL;
		}
		return job;
	}
	job = p->slots[p->written % p->window];
	p->slots[p->written % p->window] = NULL;
	return job;
}

/* The output cannot be written (errno): stop, nothing more can reach it. */
static void write_failed(struct pipeline *p, int locked)
{
	if (!locked)
		pthread_mutex_lock(&p->mu);
	p->write_errno = errno ? errno : EIO;
	p->stop = 1;
	pthread_cond_broadcast(&p->credit_cv);
	if (!locked)
		pthread_mutex_unlock(&p->mu);
}

static void put_out(struct pipeline *p, const void *s, size_t n)
{
	if (!p->write_errno && n && cli_out_write(&p->out, s, n))
		write_failed(p, 0);
}

/* How long finished results may wait in the output buffer while the writer
 * has nothing else to do. */
#define FLUSH_HOLD_MS 20

/* *t: now plus FLUSH_HOLD_MS on the clock of the condition variables. */
static void flush_deadline(struct timespec *t)
{
	clock_gettime(CLOCK_REALTIME, t);
	t->tv_nsec += FLUSH_HOLD_MS * 1000000L;
	if (t->tv_nsec >= 1000000000L) {
		t->tv_sec++;
		t->tv_nsec -= 1000000000L;
	}
}

/* Whether the deadline t has passed. */
static int flush_due(const struct timespec *t)
{
	struct timespec now;
	clock_gettime(CLOCK_REALTIME, &now);
	return now.tv_sec > t->tv_sec || (now.tv_sec == t->tv_sec && now.tv_nsec >= t->tv_nsec);
}

static void *writer(void *arg)
{
	struct pipeline *p = arg;
	const struct cli_opts *o = p->o;
	struct timespec held = {0};

	if (o->output == CLI_OUT_CSV || o->output == CLI_OUT_TSV) {
		struct cli_buf head = {0};
		if (cli_rows_header(&head, o->output == CLI_OUT_TSV, o->bom))
			p->nomem = 1;
		put_out(p, head.data, head.len);
		free(head.data);
	}
	pthread_mutex_lock(&p->mu);
	for (;;) {
		struct cli_job *job = take_ready(p);

		if (!job) {
			if ((p->producer_done || p->stop) && p->written == p->issued)
				break;
			if (p->out.buf.len && !flush_due(&held)) {
				/* idle with results held: wait for more, but let what is
				 * done reach the reader within FLUSH_HOLD_MS (one write
				 * per result cost a system call and a wake-up each) */
				p->writer_waiting = 1;
				pthread_cond_timedwait(&p->ready_cv, &p->mu, &held);
				p->writer_waiting = 0;
				continue;
			}
			if (p->out.buf.len) {
				pthread_mutex_unlock(&p->mu);
				if (!p->write_errno && cli_out_flush(&p->out))
					write_failed(p, 0);
				p->out.buf.len = 0;
				pthread_mutex_lock(&p->mu);
				continue;
			}
			p->writer_waiting = 1;
			pthread_cond_wait(&p->ready_cv, &p->mu);
			p->writer_waiting = 0;
			continue;
		}
		pthread_mutex_unlock(&p->mu);
		if (!p->out.buf.len)
			flush_deadline(&held);
		if (job->skipped) {
			p->st.skipped++;
		} else {
			put_out(p, job->out.data, job->out.len);
			p->st.bytes_done += job->in_bytes;
			p->st.failed += job->failed != 0;
			p->st.articles += !job->failed;
			p->st.done++;
			if (job->failed && job->message && !o->quiet)
				cli_message("%s", job->message);
		}
		cli_job_free(job);
		pthread_mutex_lock(&p->mu);
		p->written++;
		if (p->producer_waiting && p->issued - p->written <= p->window / 2)
			pthread_cond_signal(&p->credit_cv);
	}
	if (!p->write_errno && cli_out_flush(&p->out))
		write_failed(p, 1);
	p->finished = 1;
	pthread_mutex_unlock(&p->mu);
	pthread_kill(p->main_thread, SIGUSR1);
	return NULL;
}

/* ---- the run ---- */

static int default_jobs(void)
{
	cpu_set_t set;
	long n;

	if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
		return CPU_COUNT(&set);
	n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (int)n : 1;
}

/* Before an _exit() with threads running: the writer may be writing, so
 * only the temporary file's name is removed (an unnamed one needs
 * nothing); nothing is freed under it. */
static void drop_output(struct pipeline *p)
{
	if (p->out.is_file && !p->out.direct && p->out.tmp_name)
		unlink(p->out.tmp_name);
}

static void stop_now(struct pipeline *p, const char *unit)
{
	const struct cli_opts *o = p->o;
	int file = p->out.is_file && !p->out.direct;

	p->cancel = 1;
	drop_output(p);
	cli_progress_end();
	if (!o->quiet)
		cli_summary(&p->st, unit, 1,
			    file ? "second signal: stopped at once, no output file written"
				 : "second signal: stopped at once");
	_exit(130);
}

int cli_archive_run(const struct cli_opts *o)
{
	struct pipeline *p = &P;
	const char *unit = o->ndjson_input ? "lines" : "files";
	pthread_t prod, count, wr, *workers;
	sigset_t set;
	char err[512];
	int jobs = o->jobs > 0 ? o->jobs : default_jobs(), i, sig, interrupted = 0;
	int show, counting = 0, producer_joinable, status, to_file;
	struct timespec tick;

	p->o = o;
	p->window = (size_t)jobs * 4 + 4;
	p->slots = calloc(p->window, sizeof *p->slots);
	workers = calloc((size_t)jobs, sizeof *workers);
	if (!p->slots || !workers || cli_out_open(&p->out, o->out_path, err, sizeof err)) {
		if (!p->slots || !workers)
			fprintf(stderr, "meetingd: out of memory\n");
		else
			fprintf(stderr, "meetingd: cannot create the output: %s\n", err);
		free(workers);
		free(p->slots);
		return 1;
	}
	to_file = p->out.is_file && !p->out.direct;
	/* before any thread: every thread inherits the mask, so the signals
	 * reach only the sigtimedwait() below */
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGUSR1);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	p->main_thread = pthread_self();
	p->st.start = cli_now();
	show = !o->quiet && (o->progress == 1 || (o->progress < 0 && isatty(2)));
	if (show) {
		cli_progress_start(&p->st, isatty(2), unit);
		counting = pthread_create(&count, NULL, counter, p) == 0;
	}
	if (pthread_create(&wr, NULL, writer, p)) {
		fprintf(stderr, "meetingd: cannot start a thread\n");
		cli_out_abort(&p->out); /* only the counting walk may run: it leaves out alone */
		free(workers);
		free(p->slots);
		return 1;
	}
	for (i = 0; i < jobs; i++)
		if (pthread_create(&workers[i], NULL, worker, p)) {
			fprintf(stderr, "meetingd: cannot start %d workers\n", jobs);
			drop_output(p);
			_exit(1); /* the writer runs: leave without unwinding it */
		}
	producer_joinable = pthread_create(&prod, NULL, producer, p) == 0;
	if (!producer_joinable) {
		pthread_mutex_lock(&p->mu);
		p->producer_done = p->nomem = 1;
		pthread_cond_broadcast(&p->ready_cv);
		pthread_mutex_unlock(&p->mu);
	}

	for (;;) {
		pthread_mutex_lock(&p->mu);
		i = p->finished;
		pthread_mutex_unlock(&p->mu);
		if (i)
			break;
		tick.tv_sec = show ? 0 : 1;
		tick.tv_nsec = show ? 100 * 1000 * 1000 : 0;
		sig = sigtimedwait(&set, NULL, &tick);
		if (sig == SIGINT || sig == SIGTERM || sig == SIGHUP) {
			if (interrupted)
				stop_now(p, unit);
			interrupted = 1;
			if (!o->quiet)
				cli_message("interrupted: finishing the articles being parsed "
					    "(once more to stop at once)");
			pthread_mutex_lock(&p->mu);
			p->stop = 1;
			pthread_cond_broadcast(&p->credit_cv);
			pthread_cond_broadcast(&p->ready_cv);
			pthread_mutex_unlock(&p->mu);
		}
		if (show)
			cli_progress_tick(&p->st, 0);
	}
	pthread_join(wr, NULL);
	pthread_mutex_lock(&p->mu);
	p->workers_quit = 1;
	pthread_cond_broadcast(&p->job_cv);
	/* a producer still reading a pipe after a signal is left behind */
	producer_joinable = producer_joinable && p->producer_done;
	pthread_mutex_unlock(&p->mu);
	for (i = 0; i < jobs; i++)
		pthread_join(workers[i], NULL);
	if (producer_joinable)
		pthread_join(prod, NULL);
	p->counter_quit = 1;
	if (counting)
		pthread_join(count, NULL);
	if (show)
		cli_progress_end();

	status = interrupted ? 130 : p->write_errno || p->nomem || p->st.failed ? 1 : 0;
	if (p->write_errno) {
		cli_message("cannot write the output: %s", strerror(p->write_errno));
		cli_out_abort(&p->out);
	} else if (p->nomem) {
		cli_message("out of memory");
		cli_out_abort(&p->out);
	} else if (interrupted && to_file) {
		/* a file holds a whole run or nothing: no half-written output */
		cli_out_abort(&p->out);
	} else if (cli_out_commit(&p->out, err, sizeof err)) {
		cli_message("%s", err);
		status = 1;
	}
	if (!o->quiet) {
		char note[300] = "";
		if (interrupted && to_file)
			snprintf(note, sizeof note, "%s not written", o->out_path);
		cli_summary(&p->st, unit, interrupted, note[0] ? note : NULL);
	}
	free(workers);
	free(p->slots);
	return status;
}
