/* The command line: `meetingd serve` (cli/main.c) and `meetingd parse`. */
#ifndef MEETINGD_CLI_H
#define MEETINGD_CLI_H

/* `meetingd parse [OPTIONS] FILE|-`: argv holds what follows "parse".
 * Returns the exit status: 0 success, 1 run-time failure, 2 usage error. */
int cli_parse(int argc, char **argv);

#endif
