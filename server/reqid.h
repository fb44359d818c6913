/* Request ids: the client's X-Request-Id when it is safe to echo into a
 * header and a log line, else 16 random hex digits. */
#ifndef MEETINGD_REQID_H
#define MEETINGD_REQID_H

#include <stddef.h>

#define REQID_MAX 65 /* 64 characters and the NUL */

/* Write a new id (16 hex digits and a NUL) into out. */
void reqid_generate(char out[REQID_MAX]);

/* 1 when s[0..n) is 1 to 64 of A-Z a-z 0-9 . _ - (nothing that could
 * smuggle anything into a header or a log line). */
int reqid_valid(const char *s, size_t n);

/* out gets s[0..n) when valid, else a new id. */
void reqid_choose(char out[REQID_MAX], const char *s, size_t n);

#endif
