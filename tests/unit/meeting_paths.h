/* meeting_paths.h — the ParseResult paths the meeting recogniser tests
 * (test_meetings.c, test_agenda.c) check, and the publication date of the
 * rows that need a year. Macros only; jsonq.h does the querying. */
#ifndef MEETINGD_TESTS_MEETING_PATHS_H
#define MEETINGD_TESTS_MEETING_PATHS_H

#define M0 "meetings[0]."
#define M1 "meetings[1]."
#define A0 "meetings[0].agenda[0]."
#define T0 "meetings[0].tasks[0]."
#define T1 "meetings[0].tasks[1]."

/* a publication date for the rows that need a year */
#define PUB "2024-03-20"

#endif
