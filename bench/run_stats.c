/* Run a command and print what it cost, for the benchmark scripts:
 *
 *   run-stats COMMAND [ARG...]
 *
 * prints "wall_s user_s sys_s maxrss_kb status" on stderr after the
 * command ends (its own output is left alone). wait4() gives the CPU time
 * and the peak resident set of the child alone, so it is not mixed up with
 * the shell or with other work on the machine. */
#include <stdio.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	struct rusage ru;
	double t0;
	int status;
	pid_t pid;

	if (argc < 2) {
		fprintf(stderr, "usage: run-stats COMMAND [ARG...]\n");
		return 2;
	}
	t0 = now_s();
	pid = fork();
	if (pid < 0) {
		perror("run-stats: fork");
		return 2;
	}
	if (pid == 0) {
		execvp(argv[1], argv + 1);
		perror("run-stats: exec");
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) != pid) {
		perror("run-stats: wait4");
		return 2;
	}
	fprintf(stderr, "%.3f %.3f %.3f %ld %d\n", now_s() - t0,
		(double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6,
		(double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6, ru.ru_maxrss,
		WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
	return 0;
}
