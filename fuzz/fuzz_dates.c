/* libFuzzer target: the date, term and dateline recognisers on the tagged
 * tokens of the NFC text model_parse() would hand them, and the
 * published_at parser on the raw bytes. Checks the documented promises:
 * spans in the text on code point boundaries, in text order and not
 * overlapping, token ranges that match the spans; fields in their ranges;
 * datelines and published dates real calendar dates. */
#include "fuzz/fuzz_common.h"
#include "model/dates/dates.h"
#include "model/tag/tag.h"

static void check_date(const date_expr_t *d, const text_t *tx)
{
	fz_span("dates_find", tx->s, tx->len, d->span.start, d->span.end, 0);
	FZ_CHECK(d->tok_start < d->tok_end && d->tok_end <= tx->n &&
		     tx->tok[d->tok_start].start == d->span.start &&
		     tx->tok[d->tok_end - 1].end == d->span.end,
		 "dates_find: tokens %zu..%zu do not match the span", d->tok_start, d->tok_end);
	FZ_CHECK(d->month >= 0 && d->month <= 12, "month %d", d->month);
	FZ_CHECK(d->day >= 0 && d->day <= 31, "day %d", d->day);
	FZ_CHECK(d->end_month >= 0 && d->end_month <= 12, "end month %d", d->end_month);
	FZ_CHECK(d->end_day >= 0 && d->end_day <= 31, "end day %d", d->end_day);
	FZ_CHECK(d->quarter >= 0 && d->quarter <= 4, "quarter %d", d->quarter);
	FZ_CHECK(d->hour >= -1 && d->hour <= 24, "hour %d", d->hour);
	FZ_CHECK(d->minute >= -1 && d->minute <= 59, "minute %d", d->minute);
	FZ_CHECK(d->weekday >= -1 && d->weekday <= 6, "weekday %d", d->weekday);
	FZ_CHECK(d->rule != NULL, "date without a rule");
	/* "impossible dates (31/2, 45.13) are skipped" */
	if (d->year && d->month && d->day)
		FZ_CHECK(dates_valid(d->year, d->month, d->day), "impossible date %d-%d-%d",
			 d->year, d->month, d->day);
}

static void check_dateline(const dateline_t *line, const char *what)
{
	FZ_CHECK(line->year >= 1 && dates_valid(line->year, line->month, line->day),
		 "%s on an impossible date %d-%d-%d", what, line->year, line->month, line->day);
	FZ_CHECK(line->hour >= -1 && line->hour <= 24 && line->minute >= -1 &&
		     line->minute <= 59 && line->second >= -1 && line->second <= 60,
		 "%s time %d:%d:%d", what, line->hour, line->minute, line->second);
	FZ_CHECK(line->weekday >= -1 && line->weekday <= 6, "%s weekday %d", what,
		 line->weekday);
	FZ_CHECK(line->tz_minutes >= -14 * 60 && line->tz_minutes <= 14 * 60, "%s offset %d",
		 what, line->tz_minutes);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	date_list_t dl = {0};
	term_list_t tl = {0};
	dateline_t line;
	char *owned, *cstr;
	size_t len, i, start;
	const char *text;
	arena_t ar = {0};
	text_t tx;

	if (size > FUZZ_MAX_INPUT)
		return 0;
	/* published_at: any bytes up to a NUL, as a JSON string would give */
	cstr = malloc(size + 1);
	FZ_CHECK(cstr != NULL, "out of memory");
	memcpy(cstr, data, size);
	cstr[size] = '\0';
	if (dates_parse_published(cstr, &line))
		check_dateline(&line, "published_at");
	free(cstr);

	text = fz_nfc(data, size, &len, &owned);
	if (!text)
		return 0;
	FZ_CHECK(text_scan(&tx, text, len, &ar, NULL) == 0 && tag_text(&tx) == 0,
		 "text_scan: out of memory");
	FZ_CHECK(dates_find(&tx, &dl) == 0, "dates_find: out of memory");
	for (i = 0; i < dl.n; i++) {
		check_date(&dl.v[i], &tx);
		if (i)
			FZ_CHECK(dl.v[i - 1].span.end <= dl.v[i].span.start,
				 "dates %zu and %zu overlap or are out of order", i - 1, i);
	}
	FZ_CHECK(dates_find_terms(&tx, &tl) == 0, "dates_find_terms: out of memory");
	for (i = 0; i < tl.n; i++) {
		fz_span("dates_find_terms", text, len, tl.v[i].span.start, tl.v[i].span.end, 0);
		FZ_CHECK(tl.v[i].rule != NULL, "term without a rule");
	}
	/* every line as a candidate dateline, as the segmenter tries them */
	for (start = 0; start <= len;) {
		const char *nl = memchr(text + start, '\n', len - start);
		size_t end = nl ? (size_t)(nl - text) : len;
		int r = dates_parse_dateline(&tx, text_tok_at(&tx, start), text_tok_at(&tx, end),
					     &line);
		if (r)
			check_dateline(&line, "dateline");
		start = end + 1;
	}
	text_free(&tx);
	arena_free(&ar);
	free(owned);
	return 0;
}
