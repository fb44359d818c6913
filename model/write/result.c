/* The ParseResult (openapi.yaml), written straight into the output buffer:
 * the article, meetings, people, organisations, documents, quotes and
 * warnings in that order, every span converted to the asked unit here and
 * only here. */
#include <stdio.h>
#include <string.h>

#include "model/extract.h"
#include "model/html/html.h"
#include "model/model.h"
#include "model/text/fold.h"
#include "model/text/offsets.h"
#include "model/write/jw.h"
#include "model/write/write.h"

static const char *const WEEKDAYS[] = {"monday", "tuesday",  "wednesday", "thursday",
				       "friday", "saturday", "sunday"};
static const char *const CATS[] = {"party", "state", "front", "mass", "military", "other"};
static const char *const LEVELS[] = {NULL, "central", "province", "district", "commune"};
static const char *const UNITS[] = {"codepoint", "utf16", "byte"};
static const char *const PODS[] = {NULL, "morning", "noon", "afternoon", "evening"};
static const char *const RESP[] = {NULL, "lead", "coordinate"};

/* The output of a text of n bytes stays under this (the largest articles
 * of the genre give 6 times their size with ?explain=1&include=text). */
#define WRITE_LIMIT(n) (8 * (size_t)(n) + 65536)

typedef struct wctx {
	const doc_t *d;
	jw_t *w;
	offset_map_t map;
	int unit;
	int explain;
	const char *url;    /* the request's url of an HTML page, or NULL */
	const int *doc_gid; /* group of each citation */
	size_t limit;	    /* output bytes the lists may fill (in w->buf) */
	int cut;	    /* a list was cut short at the limit */
} wctx_t;

/* Room for one more list element: the output stays within a multiple of
 * the input (the lists of mentions, paragraphs, captions, quotes are cut
 * there, and the warning output_truncated says so). */
static int room(wctx_t *c)
{
	if (c->w->len < c->limit)
		return 1;
	c->cut = 1;
	return 0;
}

static void off(wctx_t *c, size_t byte)
{
	jw_int(c->w, (long long)offset_map_convert(&c->map, byte));
}

static void span_text(wctx_t *c, span_t sp)
{
	jw_str(c->w, c->d->text + sp.start, sp.end - sp.start);
}

static void mention(wctx_t *c, span_t sp)
{
	jw_mention(c->w, c->d->text + sp.start, sp.end - sp.start,
		   offset_map_convert(&c->map, sp.start), offset_map_convert(&c->map, sp.end));
}

static void span_or_null(wctx_t *c, span_t sp)
{
	if (span_is_empty(sp))
		jw_null(c->w);
	else
		span_text(c, sp);
}

static void rule(wctx_t *c, const char *r)
{
	if (c->explain) {
		jw_key(c->w, "rule");
		jw_cstr(c->w, r ? r : "unknown");
	}
}

/* v in decimal, zero-padded to width digits (printf's %0*d), at p; the end.
 * Numbers here are parts of dates and times, never negative. */
static char *pad(char *p, int v, int width)
{
	char t[12];
	size_t n = text_utoa(t, (unsigned)(v < 0 ? 0 : v));
	for (; (int)n < width; width--)
		*p++ = '0';
	memcpy(p, t, n);
	return p + n;
}

static void date(jw_t *w, int y, int m, int d)
{
	if (!y || !m || !d) {
		jw_null(w);
		return;
	}
	char b[40], *p = pad(b, y, 4);
	*p++ = '-';
	p = pad(p, m, 2);
	*p++ = '-';
	p = pad(p, d, 2);
	jw_str(w, b, (size_t)(p - b));
}

static void id(jw_t *w, char prefix, int i)
{
	if (i < 0) {
		jw_null(w);
		return;
	}
	char b[24];
	b[0] = prefix;
	jw_str(w, b, 1 + text_utoa(b + 1, (unsigned)i + 1));
}

/* HTML input: the byte range in the page of the element a paragraph came
 * from. */
static void write_html_range(wctx_t *c, size_t start)
{
	const struct html_block *b = html_block_at(c->d->page, start);
	if (!b || b->html_end <= b->html_start)
		return;
	jw_key(c->w, "html");
	jw_obj(c->w);
	jw_key(c->w, "start");
	jw_int(c->w, (long long)b->html_start);
	jw_key(c->w, "end");
	jw_int(c->w, (long long)b->html_end);
	jw_obj_end(c->w);
}

/* HTML input: article.source, the page as given. */
static void write_source(wctx_t *c)
{
	const struct html_article *p = c->d->page;
	jw_t *w = c->w;
	jw_key(w, "source");
	jw_obj(w);
	jw_key(w, "format");
	jw_cstr(w, "html");
	jw_key(w, "url");
	jw_cstr(w, c->url);
	jw_key(w, "canonical_url");
	jw_cstr(w, p->canonical_url);
	jw_key(w, "site_name");
	jw_cstr(w, p->site_name);
	jw_key(w, "language");
	jw_cstr(w, p->language);
	jw_key(w, "charset");
	jw_cstr(w, p->charset ? p->charset : "UTF-8");
	rule(c, p->rule);
	jw_obj_end(w);
}

static void write_article(wctx_t *c)
{
	const doc_t *d = c->d;
	const article_t *a = &d->art;
	jw_t *w = c->w;
	jw_obj(w);
	jw_key(w, "title");
	if (a->has_title)
		mention(c, a->title);
	else
		jw_null(w);
	jw_key(w, "published_at");
	if (d->pub_year) {
		char b[64], *p = pad(b, d->pub_year, 4);
		*p++ = '-';
		p = pad(p, d->pub_month, 2);
		*p++ = '-';
		p = pad(p, d->pub_day, 2);
		if (d->pub_has_time) {
			int tz = d->pub_tz, at = tz < 0 ? -tz : tz;
			*p++ = 'T';
			p = pad(p, d->pub_hour, 2);
			*p++ = ':';
			p = pad(p, d->pub_min, 2);
			*p++ = ':';
			p = pad(p, d->pub_sec, 2);
			*p++ = tz < 0 ? '-' : '+';
			p = pad(p, at / 60, 2);
			*p++ = ':';
			p = pad(p, at % 60, 2);
		}
		jw_str(w, b, (size_t)(p - b));
	} else {
		jw_null(w);
	}
	jw_key(w, "dateline");
	if (a->has_dateline) {
		int wd = a->dateline.weekday;
		jw_obj(w);
		jw_key(w, "weekday");
		jw_cstr(w, wd >= 0 && wd < 7 ? WEEKDAYS[wd] : NULL);
		jw_key(w, "mention");
		mention(c, a->dateline_span);
		jw_obj_end(w);
	} else {
		jw_null(w);
	}
	jw_key(w, "authors");
	jw_arr(w);
	for (size_t i = 0; i < a->authors.n && room(c); i++) {
		jw_obj(w);
		jw_key(w, "name");
		jw_cstr(w, a->authors.v[i].name);
		jw_key(w, "mention");
		mention(c, a->authors.v[i].span);
		jw_obj_end(w);
	}
	jw_arr_end(w);
	jw_key(w, "captions");
	jw_arr(w);
	for (size_t i = 0; i < a->captions.n && room(c); i++)
		mention(c, a->captions.v[i]);
	jw_arr_end(w);
	jw_key(w, "paragraphs");
	jw_arr(w);
	for (size_t i = 0; i < a->paragraphs.n && room(c); i++) {
		jw_obj(w);
		jw_key(w, "start");
		off(c, a->paragraphs.v[i].start);
		jw_key(w, "end");
		off(c, a->paragraphs.v[i].end);
		if (d->page)
			write_html_range(c, a->paragraphs.v[i].start);
		jw_obj_end(w);
	}
	jw_arr_end(w);
	jw_key(w, "lead");
	if (a->paragraphs.n)
		mention(c, a->paragraphs.v[0]);
	else
		jw_null(w);
	if (d->page)
		write_source(c);
	jw_obj_end(w);
}

static void write_ref(wctx_t *c, const ref_t *r)
{
	jw_t *w = c->w;
	jw_obj(w);
	jw_key(w, "name");
	jw_cstr(w, r->name ? r->name : "");
	jw_key(w, "organization_id");
	id(w, 'o', r->org);
	jw_key(w, "person_id");
	id(w, 'p', r->person);
	jw_obj_end(w);
}

static void write_agenda(wctx_t *c, const meeting_t *m)
{
	jw_t *w = c->w;
	jw_arr(w);
	for (size_t j = 0; j < m->agenda.n; j++) {
		const agenda_item_t *a = &m->agenda.v[j];
		jw_obj(w);
		jw_key(w, "presenter");
		if (a->has_presenter)
			write_ref(c, &a->presenter);
		else
			jw_null(w);
		jw_key(w, "action");
		jw_cstr(w, a->action);
		jw_key(w, "subject");
		span_or_null(c, a->subject);
		jw_key(w, "document_ids");
		jw_arr(w);
		int last = -1;
		for (size_t k = 0; k < a->docs.n; k++) {
			int g = c->doc_gid[a->docs.v[k]];
			if (g == last) /* consecutive citations of one document */
				continue;
			id(w, 'd', g);
			last = g;
		}
		jw_arr_end(w);
		jw_key(w, "decision");
		span_or_null(c, a->decision);
		jw_key(w, "conclusion");
		if (!span_is_empty(a->conclusion)) {
			jw_obj(w);
			jw_key(w, "speaker_id");
			id(w, 'p', a->conclusion_speaker);
			jw_key(w, "mention");
			mention(c, a->conclusion);
			jw_obj_end(w);
		} else {
			jw_null(w);
		}
		jw_key(w, "mention");
		mention(c, a->mention);
		rule(c, a->rule);
		jw_obj_end(w);
	}
	jw_arr_end(w);
}

static void write_tasks(wctx_t *c, const meeting_t *m)
{
	jw_t *w = c->w;
	jw_arr(w);
	for (size_t j = 0; j < m->tasks.n; j++) {
		const task_t *t = &m->tasks.v[j];
		jw_obj(w);
		jw_key(w, "assignee");
		if (t->has_assignee)
			write_ref(c, &t->assignee);
		else
			jw_null(w);
		jw_key(w, "action");
		span_or_null(c, t->action);
		jw_key(w, "deadline");
		if (!span_is_empty(t->deadline)) {
			jw_obj(w);
			jw_key(w, "date");
			date(w, t->dl_year, t->dl_month, t->dl_day);
			jw_key(w, "text");
			span_text(c, t->deadline);
			jw_obj_end(w);
		} else {
			jw_null(w);
		}
		jw_key(w, "responsibility");
		jw_cstr(w, RESP[t->responsibility]);
		jw_key(w, "deliverable");
		span_or_null(c, t->deliverable);
		int who = t->has_assignee, what = !span_is_empty(t->action),
		    when = !span_is_empty(t->deadline), resp = t->responsibility != 0,
		    del = !span_is_empty(t->deliverable);
		jw_key(w, "clarity");
		jw_obj(w);
		jw_key(w, "who");
		jw_bool(w, who);
		jw_key(w, "what");
		jw_bool(w, what);
		jw_key(w, "when");
		jw_bool(w, when);
		jw_key(w, "responsibility");
		jw_bool(w, resp);
		jw_key(w, "deliverable");
		jw_bool(w, del);
		jw_key(w, "score");
		jw_int(w, who + what + when + resp + del);
		jw_obj_end(w);
		jw_key(w, "mention");
		mention(c, t->mention);
		rule(c, t->rule);
		jw_obj_end(w);
	}
	jw_arr_end(w);
}

static void write_meetings(wctx_t *c)
{
	const doc_t *d = c->d;
	jw_t *w = c->w;
	jw_arr(w);
	for (size_t i = 0; i < d->meetings.n; i++) {
		const meeting_t *m = &d->meetings.v[i];
		char b[32];
		jw_obj(w);
		jw_key(w, "id");
		id(w, 'm', (int)i);
		jw_key(w, "kind");
		jw_cstr(w, m->kind);
		jw_key(w, "kind_text");
		jw_cstr(w, m->kind_text ? m->kind_text : "");
		jw_key(w, "name");
		span_or_null(c, m->name);
		jw_key(w, "ordinal");
		if (m->ordinal > 0)
			jw_int(w, m->ordinal);
		else
			jw_null(w);
		jw_key(w, "body");
		if (!span_is_empty(m->body_span)) {
			jw_obj(w);
			jw_key(w, "name");
			span_text(c, m->body_span);
			jw_key(w, "organization_id");
			id(w, 'o', m->body_org);
			jw_obj_end(w);
		} else {
			jw_null(w);
		}
		jw_key(w, "term");
		span_or_null(c, m->term);
		jw_key(w, "date");
		date(w, m->year, m->month, m->day);
		jw_key(w, "month_day");
		if (m->month && m->day) {
			char *p = pad(b, m->month, 2);
			*p++ = '-';
			p = pad(p, m->day, 2);
			jw_str(w, b, (size_t)(p - b));
		} else {
			jw_null(w);
		}
		jw_key(w, "date_text");
		if (m->date_idx >= 0)
			mention(c, d->dates.v[m->date_idx].span);
		else
			jw_null(w);
		jw_key(w, "end_date");
		date(w, m->end_year, m->end_month, m->end_day);
		jw_key(w, "part_of_day");
		jw_cstr(w, PODS[m->pod]);
		jw_key(w, "start_time");
		if (m->hour >= 0) {
			char *p = pad(b, m->hour, 2);
			*p++ = ':';
			p = pad(p, m->minute < 0 ? 0 : m->minute, 2);
			jw_str(w, b, (size_t)(p - b));
		} else {
			jw_null(w);
		}
		jw_key(w, "location");
		span_or_null(c, m->location);
		jw_key(w, "format");
		jw_cstr(w, m->format);
		jw_key(w, "chairs");
		jw_arr(w);
		for (size_t j = 0; j < m->chairs.n; j++)
			id(w, 'p', m->chairs.v[j]);
		jw_arr_end(w);
		jw_key(w, "attendees");
		jw_arr(w);
		for (size_t j = 0; j < m->attendees.n; j++)
			id(w, 'p', m->attendees.v[j]);
		jw_arr_end(w);
		jw_key(w, "agenda");
		write_agenda(c, m);
		jw_key(w, "tasks");
		write_tasks(c, m);
		jw_key(w, "mentions");
		jw_arr(w);
		for (size_t j = 0; j < m->mentions.n && room(c); j++)
			mention(c, m->mentions.v[j]);
		jw_arr_end(w);
		rule(c, m->rule);
		jw_obj_end(w);
	}
	jw_arr_end(w);
}

static void write_position(wctx_t *c, const position_t *p)
{
	const doc_t *d = c->d;
	jw_t *w = c->w;
	const org_mention_t *om = p->org_mention >= 0 ? &d->org_mentions.v[p->org_mention] : NULL;
	jw_obj(w);
	jw_key(w, "text");
	span_text(c, p->span);
	jw_key(w, "title");
	jw_cstr(w, p->title ? p->title : "");
	jw_key(w, "organization");
	jw_cstr(w, om ? om->canonical : NULL);
	jw_key(w, "organization_id");
	id(w, 'o', om ? om->org : -1);
	jw_key(w, "mention");
	mention(c, p->span);
	jw_obj_end(w);
}

static void write_people(wctx_t *c)
{
	const doc_t *d = c->d;
	jw_t *w = c->w;
	jw_arr(w);
	for (size_t i = 0; i < d->people.n; i++) {
		const person_t *p = &d->people.v[i];
		jw_obj(w);
		jw_key(w, "id");
		id(w, 'p', (int)i);
		jw_key(w, "name");
		jw_cstr(w, p->name);
		jw_key(w, "family_name");
		jw_cstr(w, p->family ? p->family : "");
		jw_key(w, "given_name");
		jw_cstr(w, p->given ? p->given : "");
		jw_key(w, "honorific");
		jw_cstr(w, p->honorific);
		jw_key(w, "positions");
		jw_arr(w);
		for (size_t j = 0; j < p->positions.n; j++)
			write_position(c, &p->positions.v[j]);
		jw_arr_end(w);
		jw_key(w, "mentions");
		jw_arr(w);
		for (size_t j = 0; j < p->mentions.n && room(c); j++)
			mention(c, p->mentions.v[j]);
		jw_arr_end(w);
		rule(c, p->rule);
		jw_obj_end(w);
	}
	jw_arr_end(w);
}

static void write_orgs(wctx_t *c)
{
	const doc_t *d = c->d;
	jw_t *w = c->w;
	jw_arr(w);
	for (size_t i = 0; i < d->orgs.n; i++) {
		const org_t *g = &d->orgs.v[i];
		jw_obj(w);
		jw_key(w, "id");
		id(w, 'o', (int)i);
		jw_key(w, "name");
		jw_cstr(w, g->name);
		jw_key(w, "text_forms");
		jw_arr(w);
		for (size_t j = 0; j < g->forms.n && room(c); j++)
			jw_cstr(w, g->forms.v[j]);
		jw_arr_end(w);
		jw_key(w, "category");
		jw_cstr(w, CATS[g->cat]);
		jw_key(w, "level");
		jw_cstr(w, LEVELS[g->level]);
		jw_key(w, "term");
		jw_cstr(w, g->term);
		jw_key(w, "mentions");
		jw_arr(w);
		for (size_t j = 0; j < g->mentions.n && room(c); j++)
			mention(c, g->mentions.v[j]);
		jw_arr_end(w);
		rule(c, g->rule);
		jw_obj_end(w);
	}
	jw_arr_end(w);
}

static void write_documents(wctx_t *c, const doc_groups_t *g)
{
	const doc_t *d = c->d;
	jw_t *w = c->w;
	jw_arr(w);
	for (size_t gi = 0; gi < g->n; gi++) {
		const doc_group_t *x = &g->v[gi];
		const doc_cite_t *best = &d->docs.v[x->best];
		jw_obj(w);
		jw_key(w, "id");
		id(w, 'd', (int)gi);
		jw_key(w, "type");
		jw_cstr(w, best->type);
		jw_key(w, "type_code");
		jw_cstr(w, best->type_code);
		jw_key(w, "number");
		jw_cstr(w, best->number);
		jw_key(w, "symbol");
		jw_cstr(w, best->symbol ? best->symbol : "");
		jw_key(w, "issuer_code");
		jw_cstr(w, best->issuer_code);
		jw_key(w, "issued_on");
		date(w, x->year, x->month, x->day);
		jw_key(w, "issuer");
		span_or_null(c, x->issuer);
		jw_key(w, "subject");
		span_or_null(c, x->subject);
		jw_key(w, "mentions");
		jw_arr(w);
		for (int k = x->first; k >= 0 && room(c); k = g->next[k])
			mention(c, d->docs.v[k].span);
		jw_arr_end(w);
		rule(c, best->rule);
		jw_obj_end(w);
	}
	jw_arr_end(w);
}

static void write_quotes(wctx_t *c)
{
	const doc_t *d = c->d;
	const article_t *a = &d->art;
	jw_t *w = c->w;
	jw_arr(w);
	for (size_t i = 0; i < a->quotes.n && room(c); i++) {
		const quote_t *q = &a->quotes.v[i];
		jw_obj(w);
		jw_key(w, "text");
		span_text(c, q->span);
		jw_key(w, "count");
		jw_int(w, q->count > 0 ? q->count : 1);
		jw_key(w, "mentions");
		jw_arr(w);
		/* every occurrence in quotation marks (not the same words written
		 * elsewhere without them) */
		for (size_t k = 0; k < q->at.n && room(c); k++)
			mention(c, q->at.v[k]);
		jw_arr_end(w);
		rule(c, "quote.marks");
		jw_obj_end(w);
	}
	jw_arr_end(w);
}

static void write_warnings(wctx_t *c)
{
	const doc_t *d = c->d;
	jw_t *w = c->w;
	jw_arr(w);
	if (c->cut) {
		jw_obj(w);
		jw_key(w, "code");
		jw_cstr(w, "output_truncated");
		jw_key(w, "message");
		jw_cstr(w, "lists of mentions, paragraphs, captions or quotes were cut short: "
			   "the result would have been more than 8 times the size of the text");
		jw_obj_end(w);
	}
	for (size_t i = 0; i < d->warnings.n; i++) {
		const warning_t *x = &d->warnings.v[i];
		jw_obj(w);
		jw_key(w, "code");
		jw_cstr(w, x->code);
		jw_key(w, "message");
		jw_cstr(w, x->message ? x->message : x->code);
		if (x->has_span) {
			jw_key(w, "start");
			off(c, x->span.start);
			jw_key(w, "end");
			off(c, x->span.end);
		}
		jw_obj_end(w);
	}
	jw_arr_end(w);
}

int write_result(const doc_t *d, const struct model_options *opt, const doc_groups_t *groups,
		 jw_t *w)
{
	wctx_t c = {.d = d,
		    .w = w,
		    .unit = (int)opt->unit,
		    .explain = opt->explain,
		    .url = opt->url,
		    .doc_gid = groups->gid,
		    /* lists stop 16 KiB short: what follows them (warnings, closing
		     * brackets) fits in that */
		    .limit = w->len + WRITE_LIMIT(d->len) - 16384};
	if (offset_map_init(&c.map, d->text, d->len, c.unit))
		return -1;
	jw_obj(w);
	if (opt->lead_members) {
		/* the caller's members first ("id" of a batch line) */
		jw_raw(w, opt->lead_members, strlen(opt->lead_members));
		w->first[w->depth - 1] = 0;
	}
	jw_key(w, "version");
	jw_cstr(w, MODEL_VERSION);
	jw_key(w, "offset_unit");
	jw_cstr(w, UNITS[c.unit]);
	jw_key(w, "article");
	write_article(&c);
	jw_key(w, "meetings");
	write_meetings(&c);
	jw_key(w, "people");
	write_people(&c);
	jw_key(w, "organizations");
	write_orgs(&c);
	jw_key(w, "documents");
	write_documents(&c, groups);
	jw_key(w, "quotes");
	write_quotes(&c);
	jw_key(w, "warnings");
	write_warnings(&c);
	if (opt->include_text) {
		jw_key(w, "text");
		jw_str(w, d->text, d->len);
	}
	jw_obj_end(w);
	jw_raw(w, "\n", 1);
	offset_map_free(&c.map);
	return w->failed ? -1 : 0;
}
