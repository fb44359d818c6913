/* The progress line and the closing summary of archive mode, both on
 * stderr. On a terminal the line is redrawn in place ("\r", the line, then
 * "erase to end of line"), cut to the terminal's width so that it never
 * wraps, and at most 10 times a second; messages erase it first and it
 * comes back at the next tick. */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "cli/archive.h"

static pthread_mutex_t err_mu = PTHREAD_MUTEX_INITIALIZER;
static int enabled, on_tty, shown;
static const char *unit_name = "files";
static double last_draw;

double cli_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void cli_stderr_lock(void)
{
	pthread_mutex_lock(&err_mu);
}

void cli_stderr_unlock(void)
{
	pthread_mutex_unlock(&err_mu);
}

static void erase_locked(void)
{
	if (shown && on_tty)
		fputs("\r\033[K", stderr);
	shown = 0;
}

void cli_message(const char *fmt, ...)
{
	va_list ap;

	cli_stderr_lock();
	erase_locked();
	fputs("meetingd: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fflush(stderr);
	cli_stderr_unlock();
}

void cli_progress_start(struct cli_stats *st, int tty, const char *unit)
{
	(void)st;
	enabled = 1;
	on_tty = tty;
	unit_name = unit;
	last_draw = 0;
}

static void clock_text(char *buf, size_t cap, double s)
{
	long t = (long)(s + 0.5);

	if (t >= 3600)
		snprintf(buf, cap, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
	else
		snprintf(buf, cap, "%ld:%02ld", t / 60, t % 60);
}

static void format_line(struct cli_stats *st, char *line, size_t cap)
{
	double el = cli_now() - st->start;
	uint64_t done = st->done, failed = st->failed, bytes = st->bytes_done;
	uint64_t total = st->total, total_bytes = st->total_bytes;
	double rate = el > 0 ? (double)done / el : 0, brate = el > 0 ? (double)bytes / el : 0;
	char eta[32] = "--:--", count[64];
	double left = -1;

	if (total < done)
		total = done; /* the count runs behind the work */

	if (st->bytes_final && total_bytes && brate > 0)
		left = (double)(total_bytes > bytes ? total_bytes - bytes : 0) / brate;
	else if (st->total_final && rate > 0)
		left = (double)(total > done ? total - done : 0) / rate;
	if (left >= 0)
		clock_text(eta, sizeof eta, left);
	if (total)
		snprintf(count, sizeof count, "%llu/%llu%s %s", (unsigned long long)done,
			 (unsigned long long)total, st->total_final ? "" : "+", unit_name);
	else
		snprintf(count, sizeof count, "%llu %s", (unsigned long long)done, unit_name);
	snprintf(line, cap, "meetingd: %s, %.1f articles/s, %.2f MB/s, %llu error%s, ETA %s", count,
		 rate, brate / 1e6, (unsigned long long)failed, failed == 1 ? "" : "s", eta);
}

void cli_progress_tick(struct cli_stats *st, int force)
{
	char line[256];
	double now = cli_now();
	struct winsize ws;

	if (!enabled)
		return;
	/* 10 redraws a second on a terminal; a log gets a line a second */
	if (!force && now - last_draw < (on_tty ? 0.1 : 1.0))
		return;
	format_line(st, line, sizeof line);
	cli_stderr_lock();
	last_draw = now;
	if (on_tty) {
		if (ioctl(2, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 1 &&
		    (size_t)ws.ws_col - 1 < sizeof line)
			line[ws.ws_col - 1] = '\0';
		fprintf(stderr, "\r%s\033[K", line);
	} else {
		fprintf(stderr, "%s\n", line);
	}
	fflush(stderr);
	shown = 1;
	cli_stderr_unlock();
}

void cli_progress_end(void)
{
	cli_stderr_lock();
	erase_locked();
	fflush(stderr);
	enabled = 0;
	cli_stderr_unlock();
}

void cli_summary(struct cli_stats *st, const char *unit, int interrupted, const char *note)
{
	double el = cli_now() - st->start;
	uint64_t done = st->done, failed = st->failed;
	double rate = el > 0 ? (double)done / el : 0;
	double mbs = el > 0 ? (double)st->bytes_done / el / 1e6 : 0;
	char head[128], one[16];

	/* "1 file", "2 files" */
	if (done == 1 && strlen(unit) < sizeof one) {
		snprintf(one, sizeof one, "%s", unit);
		if (one[0] && one[strlen(one) - 1] == 's')
			one[strlen(one) - 1] = '\0';
		unit = one;
	}

	if (interrupted && st->total_final && st->total > done)
		snprintf(head, sizeof head, "interrupted after %llu of %llu %s",
			 (unsigned long long)done, (unsigned long long)st->total, unit);
	else if (interrupted)
		snprintf(head, sizeof head, "interrupted after %llu %s", (unsigned long long)done,
			 unit);
	else
		snprintf(head, sizeof head, "%llu %s", (unsigned long long)done, unit);
	cli_message("%s: %llu parsed, %llu failed (%.1f s, %.1f articles/s, %.2f MB/s)%s%s", head,
		    (unsigned long long)(done - failed), (unsigned long long)failed, el, rate, mbs,
		    note ? "; " : "", note ? note : "");
}
