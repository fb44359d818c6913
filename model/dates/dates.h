/* Dates, times, relative dates and terms in Vietnamese news text.
 *
 * The recognisers read the tagged tokens of the parse (model/text/text.h,
 * model/tag/tag.h) and report byte spans into the text, with the token
 * range of each expression. Their vocabulary is model/lexicon/dates.tsv.
 * They are pure: no allocation other than the output vectors (in the
 * text's arena), no global state. */
#ifndef MEETINGD_DATES_H
#define MEETINGD_DATES_H

#include "model/span.h"
#include "model/text/arena.h"
#include "model/text/text.h"

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
	size_t tok_start, tok_end; /* its tokens [tok_start, tok_end) */
	enum date_precision precision;
	int year;			  /* 0 when not written (two-digit years expanded) */
	int month;			  /* 1..12 or 0 */
	int day;			  /* 1..31 or 0 */
	int quarter;			  /* 1..4 for PREC_QUARTER */
	int end_year, end_month, end_day; /* range end (end_day 0: no range) */
	enum part_of_day pod;
	int hour, minute; /* clock time, -1 when none */
	enum date_relative relative;
	int weekday;	  /* 0=Monday .. 6=Sunday, -1 when none */
	int has_ngay;	  /* written with "ngày" before the numbers */
	const char *rule; /* static name of the pattern, for ?explain=1 */
} date_expr_t;

typedef AVEC(date_expr_t) date_list_t;

/* Append every date/time expression of the tagged text to *out (in
 * tx->arena), in text order, non-overlapping. Impossible dates (31/2,
 * 45.13) and number shapes that are not dates (scores, money 1.500, phone
 * numbers, versions, 2017-2020 periods) are skipped. Returns 0, or -1 when
 * out of memory. */
int dates_find(const text_t *tx, date_list_t *out);
/* The same with the token classes already made (tag_classes(tx)). */
int dates_find_cls(const text_t *tx, const uint8_t *cls, date_list_t *out);

/* A term or period: "khóa XIII", "khoá 8", "nhiệm kỳ 2020 - 2025",
 * "giai đoạn 2021-2025". */
typedef struct term_expr {
	span_t span;		   /* as written, from the keyword */
	size_t tok_start, tok_end; /* its tokens [tok_start, tok_end) */
	int ordinal;		   /* khóa XIII -> 13; 0 for year periods */
	int from_year, to_year;	   /* periods; 0 otherwise */
	const char *rule;
} term_expr_t;

typedef AVEC(term_expr_t) term_list_t;

/* Append every term of the tagged text to *out (in tx->arena). 0, or -1
 * when out of memory. */
int dates_find_terms(const text_t *tx, term_list_t *out);
/* The same with the token classes already made (tag_classes(tx)). */
int dates_find_terms_cls(const text_t *tx, const uint8_t *cls, term_list_t *out);

/* A dateline: a line that is only a publication date/time, e.g.
 * "THỨ TƯ, 26/01/2022 14:00:11", "Thứ 6, 21/03/2025 | 15:45",
 * "2025-04-22 15:17:00", "23/10/2013 02:25", "Thứ sáu, 6/8/2021, 01:08 (GMT+7)".
 * Also the parsed published_at of a request (dates_parse_published). */
typedef struct dateline {
	int year, month, day;
	int hour, minute, second; /* -1 when absent */
	int weekday;		  /* 0=Monday..6=Sunday, -1 when absent */
	int tz_minutes;		  /* offset east of UTC; 420 when not stated */
} dateline_t;

/* Tokens [a, b) of the tagged text (one line) as a dateline: 1 and *out
 * filled when they are a whole dateline, else 0. */
int dates_parse_dateline(const text_t *tx, size_t a, size_t b, dateline_t *out);

/* A strict ISO 8601 date or date-time, the whole NUL-terminated string:
 * YYYY-MM-DD (year 0001..9999), optionally followed by 'T' or a space and
 * HH:MM[:SS[.fraction]] and 'Z', ±HH:MM or ±HHMM. 1 and *out filled
 * (second -1 when not written, weekday -1, tz_minutes 420 when no offset
 * is written), else 0. */
int dates_parse_published(const char *s, dateline_t *out);

/* Year for a day/month the article wrote without one, from the publication
 * date: the publication year, or the previous year when that would put the
 * date more than 30 days after publication. */
int dates_infer_year(int month, int day, int pub_year, int pub_month, int pub_day);

/* 1 when y-m-d is a real calendar date. */
int dates_valid(int year, int month, int day);

/* Add n days (may be negative) to y-m-d in place. */
void dates_add_days(int *year, int *month, int *day, int n);

/* The value of tokens [a, b) of the tagged text as an ordinal: a Roman
 * numeral (I..MMM), a Vietnamese ordinal word (nhất, hai, ba, tư, bốn,
 * năm, sáu, bảy, tám, chín, mười, mười một ... hai mươi mốt, optionally
 * after "thứ") or Arabic digits. Returns the value or 0. */
int dates_parse_ordinal(const text_t *tx, size_t a, size_t b);

#endif
