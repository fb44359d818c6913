/* Dates, times, relative dates and terms in Vietnamese news text.
 *
 * Recognisers work on NFC UTF-8 text and report byte spans into it. They are
 * pure: no allocation other than the output vectors, no global state. */
#ifndef MEETINGD_DATES_H
#define MEETINGD_DATES_H

#include "span.h"

enum part_of_day {
	POD_NONE = 0,
	POD_MORNING,   /* sáng, buổi sáng, sáng sớm */
	POD_NOON,      /* trưa */
	POD_AFTERNOON, /* chiều */
	POD_EVENING,   /* tối, chiều tối, đêm */
};

enum date_relative {
	REL_NONE = 0,
	REL_TODAY,     /* hôm nay, sáng nay, chiều nay, tối nay */
	REL_YESTERDAY, /* hôm qua, chiều qua, tối qua */
	REL_TOMORROW,  /* ngày mai, sáng mai */
	REL_SAME_DAY,  /* cùng ngày, Chiều cùng ngày: the previous date in the text */
};

enum date_precision {
	PREC_DAY = 0, /* day and month known (year maybe) */
	PREC_MONTH,   /* tháng 6 năm 2017, tháng 1-2017 */
	PREC_QUARTER, /* quý II/2017 */
	PREC_YEAR,    /* năm 2022 */
};

/* One date/time expression as written. Fields not stated are 0 (or -1 where
 * said). The span covers the whole expression including a part-of-day word,
 * a weekday and "ngày" before it: "Sáng 26.1", "sáng nay (4/7)",
 * "Chiều cùng ngày", "ngày 25.10.2021", "từ ngày 5 đến 7/12". */
typedef struct date_expr {
	span_t span;
	enum date_precision precision;
	int year;          /* 0 when not written (two-digit years expanded) */
	int month;         /* 1..12 or 0 */
	int day;           /* 1..31 or 0 */
	int quarter;       /* 1..4 for PREC_QUARTER */
	int end_year, end_month, end_day; /* range end (end_day 0: no range) */
	enum part_of_day pod;
	int hour, minute; /* clock time, -1 when none */
	enum date_relative relative;
	int weekday;      /* 0=Monday .. 6=Sunday, -1 when none */
	int has_ngay;     /* written with "ngày" before the numbers */
	const char *rule; /* static name of the pattern, for ?explain=1 */
} date_expr_t;

typedef VEC(date_expr_t) date_list_t;

/* Append every date/time expression of text[0..len) to *out, in text order,
 * non-overlapping. Impossible dates (31/2, 45.13) and number shapes that are
 * not dates (scores, money 1.500, phone numbers, versions, 2017-2020 periods)
 * are skipped. Returns 0, or -1 when out of memory. */
int dates_find(const char *text, size_t len, date_list_t *out);

/* A term or period: "khóa XIII", "khoá 8", "nhiệm kỳ 2020 - 2025",
 * "giai đoạn 2021-2025". */
typedef struct term_expr {
	span_t span;        /* as written, from the keyword */
	int ordinal;        /* khóa XIII -> 13; 0 for year periods */
	int from_year, to_year; /* periods; 0 otherwise */
	const char *rule;
} term_expr_t;

typedef VEC(term_expr_t) term_list_t;

int dates_find_terms(const char *text, size_t len, term_list_t *out);

/* A dateline: a line that is only a publication date/time, e.g.
 * "THỨ TƯ, 26/01/2022 14:00:11", "Thứ 6, 21/03/2025 | 15:45",
 * "2025-04-22 15:17:00", "23/10/2013 02:25", "Thứ sáu, 6/8/2021, 01:08 (GMT+7)".
 * line[0..len) excludes the line break. Returns 1 and fills *out when the
 * whole line (modulo surrounding spaces) is a dateline, else 0. */
typedef struct dateline {
	int year, month, day;
	int hour, minute, second; /* -1 when absent */
	int weekday;              /* 0=Monday..6=Sunday, -1 when absent */
	int tz_minutes;           /* offset east of UTC; 420 when not stated */
} dateline_t;

int dates_parse_dateline(const char *line, size_t len, dateline_t *out);

/* Year for a day/month the article wrote without one, from the publication
 * date: the publication year, or the previous year when that would put the
 * date more than 30 days after publication. */
int dates_infer_year(int month, int day, int pub_year, int pub_month, int pub_day);

/* 1 when y-m-d is a real calendar date. */
int dates_valid(int year, int month, int day);

/* Add n days (may be negative) to y-m-d in place. */
void dates_add_days(int *year, int *month, int *day, int n);

/* Parse a Roman numeral (I..MMM) or a Vietnamese ordinal word
 * (nhất, hai, ba, tư, bốn, năm, sáu, bảy, tám, chín, mười, mười một ...)
 * or Arabic digits from s[0..len). Returns the value or 0. */
int dates_parse_ordinal(const char *s, size_t len);

#endif
