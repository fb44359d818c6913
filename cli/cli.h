/* The command line: `meetingd serve` (cli/main.c) and `meetingd parse`. */
#ifndef MEETINGD_CLI_H
#define MEETINGD_CLI_H

#include <stdio.h>

/* `meetingd parse [OPTIONS] FILE|DIR|- ...`: argv holds what follows
 * "parse". Returns the exit status: 0 success, 1 run-time failure (or some
 * inputs failed), 2 usage error, 130 interrupted. */
int cli_parse(int argc, char **argv);

/* Print the help of `meetingd parse` to out. */
void cli_parse_usage(FILE *out);

#endif
