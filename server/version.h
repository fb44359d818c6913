/* Build identity, compiled in one object so that every place that prints
 * it (--version, /version, meetingd_build_info) agrees. */
#ifndef MEETINGD_VERSION_H
#define MEETINGD_VERSION_H

/* The release (VERSION file), static storage. */
const char *version_string(void);

/* The git revision the binary was built from, static storage. */
const char *version_revision(void);

#endif
