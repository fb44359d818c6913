/* The meetings of ParseResults as a table: CSV by RFC 4180 (CRLF after
 * every record; a field holding a comma, a double quote, CR or LF is
 * quoted, its quotes doubled) or TSV (LF after every record; inside a field
 * a backslash, tab, LF and CR are written \\ \t \n \r, so that every
 * record is one line and every tab a separator). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/archive.h"

enum {
	COL_SOURCE,
	COL_ID,
	COL_MEETING,
	COL_TITLE,
	COL_PUBLISHED_AT,
	COL_DATE,
	COL_PART_OF_DAY,
	COL_KIND,
	COL_KIND_TEXT,
	COL_ORDINAL,
	COL_BODY,
	COL_TERM,
	COL_LOCATION,
	COL_CHAIRS,
	COL_ATTENDEES,
	COL_DOCUMENTS,
	COL_ERROR,
	COL_COUNT
};

static const char *const col_names[COL_COUNT] = {
    "source",	   "id",     "meeting",	  "title",     "published_at", "date",
    "part_of_day", "kind",   "kind_text", "ordinal",   "body",	       "term",
    "location",	   "chairs", "attendees", "documents", "error"};

static int field(struct cli_buf *b, int tsv, int col, const char *s)
{
	const char *p;
	int rc = 0;

	if (col > 0 && cli_buf_add(b, tsv ? "\t" : ",", 1))
		return -1;
	if (!s)
		return 0;
	if (tsv) {
		const char *run = s;
		for (p = s; *p && !rc; p++) {
			const char *esc = *p == '\\'   ? "\\\\"
					  : *p == '\t' ? "\\t"
					  : *p == '\n' ? "\\n"
					  : *p == '\r' ? "\\r"
						       : NULL;
			if (!esc)
				continue;
			rc = cli_buf_add(b, run, (size_t)(p - run)) || cli_buf_add(b, esc, 2);
			run = p + 1;
		}
		return rc || cli_buf_adds(b, run) ? -1 : 0;
	}
	if (!s[strcspn(s, ",\"\r\n")])
		return cli_buf_adds(b, s);
	rc = cli_buf_add(b, "\"", 1);
	for (p = s; *p && !rc; p++)
		rc = *p == '"' ? cli_buf_add(b, "\"\"", 2) : cli_buf_add(b, p, 1);
	return rc || cli_buf_add(b, "\"", 1) ? -1 : 0;
}

static int end_row(struct cli_buf *b, int tsv)
{
	return tsv ? cli_buf_add(b, "\n", 1) : cli_buf_add(b, "\r\n", 2);
}

int cli_rows_header(struct cli_buf *b, int tsv, int bom)
{
	int c;

	if (bom && cli_buf_add(b, "\xEF\xBB\xBF", 3))
		return -1;
	for (c = 0; c < COL_COUNT; c++)
		if (field(b, tsv, c, col_names[c]))
			return -1;
	return end_row(b, tsv);
}

static const char *str(const json_t *v)
{
	return json_string_value(v);
}

static const char *nz(const char *s)
{
	return s ? s : "";
}

static const json_t *person(const json_t *people, const char *id)
{
	size_t i;
	const json_t *p;

	json_array_foreach(people, i, p)
	{
		const char *pid = str(json_object_get(p, "id"));
		if (pid && id && !strcmp(pid, id))
			return p;
	}
	return NULL;
}

/* "Name (position, position); Name" for the chairs of a meeting */
static int chairs_text(struct cli_buf *out, const json_t *meeting, const json_t *people)
{
	size_t i, k;
	const json_t *id, *pos;
	int rc = 0;

	json_array_foreach(json_object_get(meeting, "chairs"), i, id)
	{
		const json_t *p = person(people, str(id));
		const json_t *positions = json_object_get(p, "positions");
		const char *name = str(json_object_get(p, "name"));

		if (i)
			rc |= cli_buf_adds(out, "; ");
		rc |= cli_buf_adds(out, name ? name : str(id) ? str(id) : "");
		json_array_foreach(positions, k, pos)
		{
			rc |= cli_buf_adds(out, k ? ", " : " (");
			rc |= cli_buf_adds(out, nz(str(json_object_get(pos, "text"))));
		}
		if (json_array_size(positions))
			rc |= cli_buf_adds(out, ")");
	}
	return rc ? -1 : 0;
}

static int documents_text(struct cli_buf *out, const json_t *result)
{
	size_t i;
	const json_t *d;
	int rc = 0;

	json_array_foreach(json_object_get(result, "documents"), i, d)
	{
		if (i)
			rc |= cli_buf_adds(out, "; ");
		rc |= cli_buf_adds(out, nz(str(json_object_get(d, "symbol"))));
	}
	return rc ? -1 : 0;
}

static int meeting_row(struct cli_buf *b, int tsv, const char **v, const json_t *m,
		       const json_t *people)
{
	struct cli_buf chairs = {0};
	char ordinal[32] = "", attendees[32] = "";
	const json_t *ord = json_object_get(m, "ordinal");
	int c, rc = 0;

	if (m) {
		const json_t *date = json_object_get(m, "date");
		v[COL_MEETING] = str(json_object_get(m, "id"));
		v[COL_DATE] = str(date) ? str(date) : str(json_object_get(m, "month_day"));
		v[COL_PART_OF_DAY] = str(json_object_get(m, "part_of_day"));
		v[COL_KIND] = str(json_object_get(m, "kind"));
		v[COL_KIND_TEXT] = str(json_object_get(m, "kind_text"));
		if (json_is_integer(ord))
			snprintf(ordinal, sizeof ordinal, "%" JSON_INTEGER_FORMAT,
				 json_integer_value(ord));
		v[COL_ORDINAL] = ordinal;
		v[COL_BODY] = str(json_object_get(json_object_get(m, "body"), "name"));
		v[COL_TERM] = str(json_object_get(m, "term"));
		v[COL_LOCATION] = str(json_object_get(m, "location"));
		rc = chairs_text(&chairs, m, people) || cli_buf_add(&chairs, "", 0);
		v[COL_CHAIRS] = chairs.data;
		snprintf(attendees, sizeof attendees, "%zu",
			 json_array_size(json_object_get(m, "attendees")));
		v[COL_ATTENDEES] = attendees;
	}
	for (c = 0; c < COL_COUNT && !rc; c++)
		rc = field(b, tsv, c, v[c]);
	free(chairs.data);
	return rc || end_row(b, tsv) ? -1 : 0;
}

int cli_rows_result(struct cli_buf *b, int tsv, const char *source, const char *id,
		    const json_t *result)
{
	const json_t *article = json_object_get(result, "article");
	const json_t *meetings = json_object_get(result, "meetings");
	const json_t *people = json_object_get(result, "people");
	const json_t *m;
	const char *v[COL_COUNT];
	struct cli_buf docs = {0};
	size_t i;
	int rc;

	memset(v, 0, sizeof v);
	v[COL_SOURCE] = source;
	v[COL_ID] = id;
	v[COL_TITLE] = str(json_object_get(json_object_get(article, "title"), "text"));
	v[COL_PUBLISHED_AT] = str(json_object_get(article, "published_at"));
	rc = documents_text(&docs, result) || cli_buf_add(&docs, "", 0);
	v[COL_DOCUMENTS] = docs.data;
	if (!rc && !json_array_size(meetings))
		rc = meeting_row(b, tsv, v, NULL, people);
	json_array_foreach(meetings, i, m)
	{
		if (rc)
			break;
		rc = meeting_row(b, tsv, v, m, people);
	}
	free(docs.data);
	return rc;
}

int cli_rows_problem(struct cli_buf *b, int tsv, const char *source, const char *id,
		     const char *detail)
{
	const char *v[COL_COUNT];
	int c, rc = 0;

	memset(v, 0, sizeof v);
	v[COL_SOURCE] = source;
	v[COL_ID] = id;
	v[COL_ERROR] = detail;
	for (c = 0; c < COL_COUNT && !rc; c++)
		rc = field(b, tsv, c, v[c]);
	return rc || end_row(b, tsv) ? -1 : 0;
}
