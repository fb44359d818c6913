/* MEETINGD_VERSION and MEETINGD_REVISION come from the Makefile. */
#include "server/version.h"

#ifndef MEETINGD_VERSION
#define MEETINGD_VERSION "0.0.0"
#endif
#ifndef MEETINGD_REVISION
#define MEETINGD_REVISION "unknown"
#endif

const char *version_string(void)
{
	return MEETINGD_VERSION;
}

const char *version_revision(void)
{
	return MEETINGD_REVISION;
}
