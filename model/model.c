/* The model entry point: bytes -> NFC text -> article structure -> tokens ->
 * recognisers -> assembly -> ParseResult JSON (openapi.yaml). */
#include "model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "html/html.h"
#include "lex.h"
#include "normalize.h"

static const char *const WEEKDAYS[] = {"monday", "tuesday", "wednesday", "thursday",
				       "friday", "saturday", "sunday"};

int model_init(void)
{
	fold_init();
	const char *need[] = {"bodies", "positions", "surnames", "honorifics", "meeting_kinds"};
	for (size_t i = 0; i < sizeof need / sizeof *need; i++)
		lex_get(need[i]); /* a missing lexicon degrades recall, not safety */
	return 0;
}

const char *model_errcode_name(enum model_errcode c)
{
	switch (c) {
	case MODEL_OK:
		return "ok";
	case MODEL_E_UTF8:
		return "invalid_utf8";
	case MODEL_E_EMPTY:
		return "empty_article";
	case MODEL_E_PUBLISHED:
		return "invalid_published_at";
	case MODEL_E_NOMEM:
		return "out_of_memory";
	case MODEL_E_INTERNAL:
		return "internal";
	case MODEL_E_DEADLINE:
		return "deadline";
	case MODEL_E_CANCELLED:
		return "cancelled";
	case MODEL_E_FORMAT:
		return "unsupported_format";
	}
	return "unknown";
}

char *model_dump(const json_t *result, size_t *len_out)
{
	char *s = json_dumps(result, JSON_COMPACT);
	if (!s)
		return NULL;
	size_t n = strlen(s);
	char *r = realloc(s, n + 2);
	if (!r) {
		free(s);
		return NULL;
	}
	r[n] = '\n';
	r[n + 1] = '\0';
	*len_out = n + 1;
	return r;
}

static void seterr(struct model_error *err, enum model_errcode c, size_t off, const char *fmt,
		   const char *arg)
{
	err->code = c;
	err->offset = off;
	snprintf(err->message, sizeof err->message, fmt, arg);
}

/* published_at: "YYYY-MM-DD" optionally followed by "THH:MM[:SS]" and an
 * offset. Returns 0 or -1. */
static int parse_published(doc_t *d, const char *s)
{
	int y, mo, da, h = -1, mi = -1, se = 0, n = 0;
	if (sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &da, &n) != 3 || n != 10)
		return -1;
	if (!dates_valid(y, mo, da))
		return -1;
	const char *p = s + 10;
	if (*p == 'T' || *p == ' ') {
		int m2 = 0;
		if (sscanf(p + 1, "%2d:%2d%n", &h, &mi, &m2) != 2 || m2 != 5)
			return -1;
		p += 1 + m2;
		if (*p == ':') {
			if (sscanf(p + 1, "%2d", &se) != 1)
				return -1;
			p += 3;
			if (*p == '.')
				while (*++p >= '0' && *p <= '9')
					;
		}
		if (h > 23 || mi > 59 || se > 60)
			return -1;
		int tz = 420;
		if (*p == 'Z') {
			tz = 0;
			p++;
		} else if (*p == '+' || *p == '-') {
			int th, tm;
			if (sscanf(p + 1, "%2d:%2d", &th, &tm) != 2 || th > 14 || tm > 59)
				return -1;
			tz = (th * 60 + tm) * (*p == '-' ? -1 : 1);
			p += 6;
		}
		if (*p)
			return -1;
		d->pub_hour = h, d->pub_min = mi, d->pub_sec = se, d->pub_has_time = 1;
		d->pub_tz = tz;
	} else if (*p) {
		return -1;
	}
	d->pub_year = y, d->pub_month = mo, d->pub_day = da;
	return 0;
}

static void doc_free(doc_t *d)
{
	segment_free(&d->art);
	tokens_free(&d->toks);
	free(d->sent_tok.v);
	free(d->org_at_tok);
	free(d->pctx_tok);
	free(d->dates.v);
	free(d->terms.v);
	documents_list_free(&d->docs);
	for (size_t i = 0; i < d->org_mentions.n; i++)
		free(d->org_mentions.v[i].canonical);
	free(d->org_mentions.v);
	for (size_t i = 0; i < d->orgs.n; i++) {
		org_t *o = &d->orgs.v[i];
		free(o->name);
		free(o->term);
		for (size_t j = 0; j < o->forms.n; j++)
			free(o->forms.v[j]);
		free(o->forms.v);
		free(o->mentions.v);
	}
	free(d->orgs.v);
	for (size_t i = 0; i < d->person_mentions.n; i++) {
		person_mention_t *pm = &d->person_mentions.v[i];
		for (size_t j = 0; j < pm->positions.n; j++)
			free(pm->positions.v[j].title);
		free(pm->positions.v);
	}
	free(d->person_mentions.v);
	for (size_t i = 0; i < d->people.n; i++) {
		person_t *p = &d->people.v[i];
		free(p->name);
		free(p->family);
		free(p->given);
		free(p->honorific);
		for (size_t j = 0; j < p->positions.n; j++)
			free(p->positions.v[j].title);
		free(p->positions.v);
		free(p->mentions.v);
	}
	free(d->people.v);
	for (size_t i = 0; i < d->meetings.n; i++) {
		meeting_t *m = &d->meetings.v[i];
		free(m->kind_text);
		free(m->chairs.v);
		free(m->attendees.v);
		for (size_t j = 0; j < m->agenda.n; j++) {
			free(m->agenda.v[j].presenter.name);
			free(m->agenda.v[j].action);
			free(m->agenda.v[j].docs.v);
		}
		free(m->agenda.v);
		for (size_t j = 0; j < m->tasks.n; j++)
			free(m->tasks.v[j].assignee.name);
		free(m->tasks.v);
		free(m->mentions.v);
	}
	free(d->meetings.v);
	for (size_t i = 0; i < d->warnings.n; i++)
		free(d->warnings.v[i].message);
	free(d->warnings.v);
}

/* ---- serialisation ------------------------------------------------------ */

typedef struct ser {
	const doc_t *d;
	offset_map_t map;
	int unit;
	int explain;
	const struct html_article *page; /* HTML input (hook 3): the page's article, or NULL */
	const char *page_url;		 /* the request's url of the page, or NULL */
} ser_t;

static json_t *jstr_span(const ser_t *s, span_t sp)
{
	return json_stringn(s->d->text + sp.start, sp.end - sp.start);
}

static json_t *jint(size_t v)
{
	return json_integer((json_int_t)v);
}

static json_t *mention(const ser_t *s, span_t sp)
{
	json_t *o = json_object();
	json_object_set_new(o, "text", jstr_span(s, sp));
	json_object_set_new(o, "start", jint(offset_map_convert(&s->map, sp.start, s->unit)));
	json_object_set_new(o, "end", jint(offset_map_convert(&s->map, sp.end, s->unit)));
	return o;
}

static json_t *mention_or_null(const ser_t *s, span_t sp, int present)
{
	return present ? mention(s, sp) : json_null();
}

static json_t *str_or_null(const char *v)
{
	return v ? json_string(v) : json_null();
}

static void rule(const ser_t *s, json_t *o, const char *r)
{
	if (s->explain)
		json_object_set_new(o, "rule", json_string(r ? r : "unknown"));
}

static json_t *date_str(int y, int m, int d)
{
	if (!y || !m || !d)
		return json_null();
	char b[16];
	snprintf(b, sizeof b, "%04d-%02d-%02d", y, m, d);
	return json_string(b);
}

/* ---- HTML input (hook 3 of 3): the page in the ParseResult ------------------
 * article.source describes the page; every paragraph gets "html", the byte
 * range in the page of the element it came from. */

static json_t *html_str(const char *v)
{
	return v ? json_string(v) : json_null();
}

static void html_ser_range(const ser_t *s, json_t *para, size_t start)
{
	const struct html_block *b = html_block_at(s->page, start);
	if (!b || b->html_end <= b->html_start)
		return;
	json_object_set_new(para, "html",
			    json_pack("{s:I,s:I}", "start", (json_int_t)b->html_start, "end",
				      (json_int_t)b->html_end));
}

static json_t *html_ser_source(const ser_t *s)
{
	const struct html_article *p = s->page;
	json_t *o = json_object();
	json_object_set_new(o, "format", json_string("html"));
	json_object_set_new(o, "url", html_str(s->page_url));
	json_object_set_new(o, "canonical_url", html_str(p->canonical_url));
	json_object_set_new(o, "site_name", html_str(p->site_name));
	json_object_set_new(o, "language", html_str(p->language));
	json_object_set_new(o, "charset", json_string(p->charset ? p->charset : "UTF-8"));
	if (s->explain)
		json_object_set_new(o, "rule", json_string(p->rule));
	return o;
}

static json_t *ser_article(const ser_t *s)
{
	const doc_t *d = s->d;
	const article_t *a = &d->art;
	json_t *o = json_object();
	json_object_set_new(o, "title", mention_or_null(s, a->title, a->has_title));
	json_t *pub = json_null();
	if (d->pub_year) {
		char b[40];
		if (d->pub_has_time) {
			int tz = d->pub_tz, at = tz < 0 ? -tz : tz;
			snprintf(b, sizeof b, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", d->pub_year,
				 d->pub_month, d->pub_day, d->pub_hour, d->pub_min, d->pub_sec,
				 tz < 0 ? '-' : '+', at / 60, at % 60);
		} else {
			snprintf(b, sizeof b, "%04d-%02d-%02d", d->pub_year, d->pub_month, d->pub_day);
		}
		pub = json_string(b);
	}
	json_object_set_new(o, "published_at", pub);
	if (a->has_dateline) {
		json_t *dl = json_object();
		int wd = a->dateline.weekday;
		json_object_set_new(dl, "weekday",
				    wd >= 0 && wd < 7 ? json_string(WEEKDAYS[wd]) : json_null());
		json_object_set_new(dl, "mention", mention(s, a->dateline_span));
		json_object_set_new(o, "dateline", dl);
	} else {
		json_object_set_new(o, "dateline", json_null());
	}
	json_t *au = json_array();
	for (size_t i = 0; i < a->authors.n; i++) {
		json_t *x = json_object();
		json_object_set_new(x, "name", json_string(a->authors.v[i].name));
		json_object_set_new(x, "mention", mention(s, a->authors.v[i].span));
		json_array_append_new(au, x);
	}
	json_object_set_new(o, "authors", au);
	json_t *ca = json_array();
	for (size_t i = 0; i < a->captions.n; i++)
		json_array_append_new(ca, mention(s, a->captions.v[i]));
	json_object_set_new(o, "captions", ca);
	json_t *pa = json_array();
	for (size_t i = 0; i < a->paragraphs.n; i++) {
		json_t *x = json_object();
		json_object_set_new(
		    x, "start", jint(offset_map_convert(&s->map, a->paragraphs.v[i].start, s->unit)));
		json_object_set_new(
		    x, "end", jint(offset_map_convert(&s->map, a->paragraphs.v[i].end, s->unit)));
		if (s->page)
			html_ser_range(s, x, a->paragraphs.v[i].start);
		json_array_append_new(pa, x);
	}
	json_object_set_new(o, "paragraphs", pa);
	json_object_set_new(o, "lead",
			    a->paragraphs.n ? mention(s, a->paragraphs.v[0]) : json_null());
	if (s->page)
		json_object_set_new(o, "source", html_ser_source(s));
	return o;
}

static const char *CATS[] = {"party", "state", "front", "mass", "military", "other"};
static const char *LEVELS[] = {NULL, "central", "province", "district", "commune"};

static json_t *org_id(int i)
{
	if (i < 0)
		return json_null();
	char b[24];
	snprintf(b, sizeof b, "o%d", i + 1);
	return json_string(b);
}

static json_t *person_id(int i)
{
	if (i < 0)
		return json_null();
	char b[24];
	snprintf(b, sizeof b, "p%d", i + 1);
	return json_string(b);
}

static json_t *ser_position(const ser_t *s, const position_t *p)
{
	const doc_t *d = s->d;
	json_t *o = json_object();
	json_object_set_new(o, "text", jstr_span(s, p->span));
	json_object_set_new(o, "title", json_string(p->title ? p->title : ""));
	const org_mention_t *om = p->org_mention >= 0 ? &d->org_mentions.v[p->org_mention] : NULL;
	json_object_set_new(o, "organization", str_or_null(om ? om->canonical : NULL));
	json_object_set_new(o, "organization_id", org_id(om ? om->org : -1));
	json_object_set_new(o, "mention", mention(s, p->span));
	return o;
}

static json_t *ser_people(const ser_t *s)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < s->d->people.n; i++) {
		const person_t *p = &s->d->people.v[i];
		json_t *o = json_object();
		json_object_set_new(o, "id", person_id((int)i));
		json_object_set_new(o, "name", json_string(p->name));
		json_object_set_new(o, "family_name", json_string(p->family ? p->family : ""));
		json_object_set_new(o, "given_name", json_string(p->given ? p->given : ""));
		json_object_set_new(o, "honorific", str_or_null(p->honorific));
		json_t *pos = json_array();
		for (size_t j = 0; j < p->positions.n; j++)
			json_array_append_new(pos, ser_position(s, &p->positions.v[j]));
		json_object_set_new(o, "positions", pos);
		json_t *ms = json_array();
		for (size_t j = 0; j < p->mentions.n; j++)
			json_array_append_new(ms, mention(s, p->mentions.v[j]));
		json_object_set_new(o, "mentions", ms);
		rule(s, o, p->rule);
		json_array_append_new(arr, o);
	}
	return arr;
}

static json_t *ser_orgs(const ser_t *s)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < s->d->orgs.n; i++) {
		const org_t *g = &s->d->orgs.v[i];
		json_t *o = json_object();
		json_object_set_new(o, "id", org_id((int)i));
		json_object_set_new(o, "name", json_string(g->name));
		json_t *f = json_array();
		for (size_t j = 0; j < g->forms.n; j++)
			json_array_append_new(f, json_string(g->forms.v[j]));
		json_object_set_new(o, "text_forms", f);
		json_object_set_new(o, "category", json_string(CATS[g->cat]));
		json_object_set_new(o, "level", str_or_null(LEVELS[g->level]));
		json_object_set_new(o, "term", str_or_null(g->term));
		json_t *ms = json_array();
		for (size_t j = 0; j < g->mentions.n; j++)
			json_array_append_new(ms, mention(s, g->mentions.v[j]));
		json_object_set_new(o, "mentions", ms);
		rule(s, o, g->rule);
		json_array_append_new(arr, o);
	}
	return arr;
}

/* Documents: citations grouped by same_as; the first full citation of a
 * group gives the fields, every citation is a mention. */
static json_t *ser_documents(const ser_t *s, int **doc_ids_out)
{
	const doc_t *d = s->d;
	json_t *arr = json_array();
	int *gid = calloc(d->docs.n + 1, sizeof *gid);
	if (doc_ids_out)
		*doc_ids_out = gid;
	int next = 0;
	for (size_t i = 0; i < d->docs.n; i++) {
		const doc_cite_t *c = &d->docs.v[i];
		size_t root = (size_t)c->same_as < d->docs.n ? (size_t)c->same_as : i;
		if (root != i) {
			gid[i] = gid[root];
			continue;
		}
		gid[i] = next++;
		/* the best citation of the group: a full one (not short), else this */
		const doc_cite_t *best = c;
		for (size_t j = i; j < d->docs.n; j++) {
			const doc_cite_t *cj = &d->docs.v[j];
			size_t rj = (size_t)cj->same_as < d->docs.n ? (size_t)cj->same_as : j;
			if (rj == i && best->is_short && !cj->is_short)
				best = cj;
		}
		json_t *o = json_object();
		char b[24];
		snprintf(b, sizeof b, "d%d", gid[i] + 1);
		json_object_set_new(o, "id", json_string(b));
		json_object_set_new(o, "type", str_or_null(best->type));
		json_object_set_new(o, "type_code", str_or_null(best->type_code));
		json_object_set_new(o, "number", str_or_null(best->number));
		json_object_set_new(o, "symbol", json_string(best->symbol ? best->symbol : ""));
		json_object_set_new(o, "issuer_code", str_or_null(best->issuer_code));
		/* issued_on / issuer / subject: from any citation of the group */
		int y = 0, mo = 0, da = 0;
		span_t iss = {0, 0}, sub = {0, 0};
		for (size_t j = i; j < d->docs.n; j++) {
			const doc_cite_t *cj = &d->docs.v[j];
			size_t rj = (size_t)cj->same_as < d->docs.n ? (size_t)cj->same_as : j;
			if (rj != i)
				continue;
			if (!y && cj->year)
				y = cj->year, mo = cj->month, da = cj->day;
			if (span_is_empty(iss) && !span_is_empty(cj->issuer_span))
				iss = cj->issuer_span;
			if (span_is_empty(sub) && !span_is_empty(cj->subject_span))
				sub = cj->subject_span;
		}
		json_object_set_new(o, "issued_on", date_str(y, mo, da));
		json_object_set_new(o, "issuer",
				    span_is_empty(iss) ? json_null() : jstr_span(s, iss));
		json_object_set_new(o, "subject",
				    span_is_empty(sub) ? json_null() : jstr_span(s, sub));
		json_t *ms = json_array();
		for (size_t j = i; j < d->docs.n; j++) {
			const doc_cite_t *cj = &d->docs.v[j];
			size_t rj = (size_t)cj->same_as < d->docs.n ? (size_t)cj->same_as : j;
			if (rj == i)
				json_array_append_new(ms, mention(s, cj->span));
		}
		json_object_set_new(o, "mentions", ms);
		rule(s, o, best->rule);
		json_array_append_new(arr, o);
	}
	if (!doc_ids_out)
		free(gid);
	return arr;
}

static json_t *ref_json(const ref_t *r)
{
	json_t *o = json_object();
	json_object_set_new(o, "name", json_string(r->name ? r->name : ""));
	json_object_set_new(o, "organization_id", org_id(r->org));
	json_object_set_new(o, "person_id", person_id(r->person));
	return o;
}

static json_t *ser_meetings(const ser_t *s, const int *doc_gid)
{
	const doc_t *d = s->d;
	json_t *arr = json_array();
	for (size_t i = 0; i < d->meetings.n; i++) {
		const meeting_t *m = &d->meetings.v[i];
		json_t *o = json_object();
		char b[32];
		snprintf(b, sizeof b, "m%zu", i + 1);
		json_object_set_new(o, "id", json_string(b));
		json_object_set_new(o, "kind", json_string(m->kind));
		json_object_set_new(o, "kind_text", json_string(m->kind_text ? m->kind_text : ""));
		json_object_set_new(o, "name",
				    span_is_empty(m->name) ? json_null() : jstr_span(s, m->name));
		json_object_set_new(o, "ordinal", m->ordinal > 0 ? json_integer(m->ordinal) : json_null());
		if (!span_is_empty(m->body_span)) {
			json_t *bo = json_object();
			json_object_set_new(bo, "name", jstr_span(s, m->body_span));
			json_object_set_new(bo, "organization_id", org_id(m->body_org));
			json_object_set_new(o, "body", bo);
		} else {
			json_object_set_new(o, "body", json_null());
		}
		json_object_set_new(o, "term",
				    span_is_empty(m->term) ? json_null() : jstr_span(s, m->term));
		json_object_set_new(o, "date", date_str(m->year, m->month, m->day));
		if (m->month && m->day) {
			snprintf(b, sizeof b, "%02d-%02d", m->month, m->day);
			json_object_set_new(o, "month_day", json_string(b));
		} else {
			json_object_set_new(o, "month_day", json_null());
		}
		json_object_set_new(o, "date_text",
				    m->date_idx >= 0 ? mention(s, d->dates.v[m->date_idx].span)
						     : json_null());
		json_object_set_new(o, "end_date", date_str(m->end_year, m->end_month, m->end_day));
		static const char *PODS[] = {NULL, "morning", "noon", "afternoon", "evening"};
		json_object_set_new(o, "part_of_day", str_or_null(PODS[m->pod]));
		if (m->hour >= 0) {
			snprintf(b, sizeof b, "%02d:%02d", m->hour, m->minute < 0 ? 0 : m->minute);
			json_object_set_new(o, "start_time", json_string(b));
		} else {
			json_object_set_new(o, "start_time", json_null());
		}
		json_object_set_new(o, "location",
				    span_is_empty(m->location) ? json_null()
							       : jstr_span(s, m->location));
		json_object_set_new(o, "format", str_or_null(m->format));
		json_t *ch = json_array(), *at = json_array();
		for (size_t j = 0; j < m->chairs.n; j++)
			json_array_append_new(ch, person_id(m->chairs.v[j]));
		for (size_t j = 0; j < m->attendees.n; j++)
			json_array_append_new(at, person_id(m->attendees.v[j]));
		json_object_set_new(o, "chairs", ch);
		json_object_set_new(o, "attendees", at);
		json_t *ag = json_array();
		for (size_t j = 0; j < m->agenda.n; j++) {
			const agenda_item_t *a = &m->agenda.v[j];
			json_t *x = json_object();
			json_object_set_new(x, "presenter",
					    a->has_presenter ? ref_json(&a->presenter) : json_null());
			json_object_set_new(x, "action", str_or_null(a->action));
			json_object_set_new(x, "subject", span_is_empty(a->subject)
								  ? json_null()
								  : jstr_span(s, a->subject));
			json_t *di = json_array();
			for (size_t k = 0; k < a->docs.n; k++) {
				snprintf(b, sizeof b, "d%d", doc_gid[a->docs.v[k]] + 1);
				if (!json_array_size(di) ||
				    strcmp(json_string_value(json_array_get(di, json_array_size(di) - 1)), b))
					json_array_append_new(di, json_string(b));
			}
			json_object_set_new(x, "document_ids", di);
			json_object_set_new(x, "decision", span_is_empty(a->decision)
								   ? json_null()
								   : jstr_span(s, a->decision));
			if (!span_is_empty(a->conclusion)) {
				json_t *c = json_object();
				json_object_set_new(c, "speaker_id", person_id(a->conclusion_speaker));
				json_object_set_new(c, "mention", mention(s, a->conclusion));
				json_object_set_new(x, "conclusion", c);
			} else {
				json_object_set_new(x, "conclusion", json_null());
			}
			json_object_set_new(x, "mention", mention(s, a->mention));
			rule(s, x, a->rule);
			json_array_append_new(ag, x);
		}
		json_object_set_new(o, "agenda", ag);
		json_t *ts = json_array();
		for (size_t j = 0; j < m->tasks.n; j++) {
			const task_t *t = &m->tasks.v[j];
			json_t *x = json_object();
			json_object_set_new(x, "assignee",
					    t->has_assignee ? ref_json(&t->assignee) : json_null());
			json_object_set_new(x, "action", span_is_empty(t->action)
								 ? json_null()
								 : jstr_span(s, t->action));
			if (!span_is_empty(t->deadline)) {
				json_t *dl = json_object();
				json_object_set_new(dl, "date",
						    date_str(t->dl_year, t->dl_month, t->dl_day));
				json_object_set_new(dl, "text", jstr_span(s, t->deadline));
				json_object_set_new(x, "deadline", dl);
			} else {
				json_object_set_new(x, "deadline", json_null());
			}
			static const char *RESP[] = {NULL, "lead", "coordinate"};
			json_object_set_new(x, "responsibility", str_or_null(RESP[t->responsibility]));
			json_object_set_new(x, "deliverable", span_is_empty(t->deliverable)
								      ? json_null()
								      : jstr_span(s, t->deliverable));
			int who = t->has_assignee, what = !span_is_empty(t->action),
			    when = !span_is_empty(t->deadline), resp = t->responsibility != 0,
			    del = !span_is_empty(t->deliverable);
			json_object_set_new(x, "clarity",
					    json_pack("{s:b,s:b,s:b,s:b,s:b,s:i}", "who", who, "what",
						      what, "when", when, "responsibility", resp,
						      "deliverable", del, "score",
						      who + what + when + resp + del));
			json_object_set_new(x, "mention", mention(s, t->mention));
			rule(s, x, t->rule);
			json_array_append_new(ts, x);
		}
		json_object_set_new(o, "tasks", ts);
		json_t *ms = json_array();
		for (size_t j = 0; j < m->mentions.n; j++)
			json_array_append_new(ms, mention(s, m->mentions.v[j]));
		json_object_set_new(o, "mentions", ms);
		rule(s, o, m->rule);
		json_array_append_new(arr, o);
	}
	return arr;
}

static json_t *ser_quotes(const ser_t *s)
{
	const article_t *a = &s->d->art;
	json_t *arr = json_array();
	for (size_t i = 0; i < a->quotes.n; i++) {
		const quote_t *q = &a->quotes.v[i];
		json_t *o = json_object();
		json_object_set_new(o, "text", jstr_span(s, q->span));
		json_object_set_new(o, "count", json_integer(q->count > 0 ? q->count : 1));
		json_t *ms = json_array();
		/* every occurrence of the same text */
		size_t ql = q->span.end - q->span.start;
		const char *qt = s->d->text + q->span.start;
		const char *p = s->d->text, *end = s->d->text + s->d->len;
		int seen = 0;
		while (ql && p < end && seen < (q->count > 0 ? q->count : 1)) {
			const char *f = memmem(p, (size_t)(end - p), qt, ql);
			if (!f)
				break;
			json_array_append_new(
			    ms, mention(s, span_make((size_t)(f - s->d->text),
						     (size_t)(f - s->d->text) + ql)));
			seen++;
			p = f + ql;
		}
		if (!seen)
			json_array_append_new(ms, mention(s, q->span));
		json_object_set_new(o, "mentions", ms);
		rule(s, o, "quote.marks");
		json_array_append_new(arr, o);
	}
	return arr;
}

static json_t *ser_warnings(const ser_t *s)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < s->d->warnings.n; i++) {
		const warning_t *w = &s->d->warnings.v[i];
		json_t *o = json_object();
		json_object_set_new(o, "code", json_string(w->code));
		json_object_set_new(o, "message", json_string(w->message ? w->message : w->code));
		if (w->has_span) {
			json_object_set_new(o, "start",
					    jint(offset_map_convert(&s->map, w->span.start, s->unit)));
			json_object_set_new(o, "end",
					    jint(offset_map_convert(&s->map, w->span.end, s->unit)));
		}
		json_array_append_new(arr, o);
	}
	return arr;
}

static json_t *serialise(doc_t *d, const struct model_options *opt,
			 const struct html_article *page)
{
	ser_t s = {.d = d,
		   .unit = (int)opt->unit,
		   .explain = opt->explain,
		   .page = page,
		   .page_url = opt->url};
	if (offset_map_init(&s.map, d->text, d->len))
		return NULL;
	static const char *UNITS[] = {"codepoint", "utf16", "byte"};
	json_t *r = json_object();
	json_object_set_new(r, "version", json_string(MODEL_VERSION));
	json_object_set_new(r, "offset_unit", json_string(UNITS[s.unit]));
	json_object_set_new(r, "article", ser_article(&s));
	int *gid = NULL;
	json_t *docs = ser_documents(&s, &gid);
	json_object_set_new(r, "meetings", ser_meetings(&s, gid));
	json_object_set_new(r, "people", ser_people(&s));
	json_object_set_new(r, "organizations", ser_orgs(&s));
	json_object_set_new(r, "documents", docs);
	json_object_set_new(r, "quotes", ser_quotes(&s));
	json_object_set_new(r, "warnings", ser_warnings(&s));
	if (opt->include_text)
		json_object_set_new(r, "text", json_stringn(d->text, d->len));
	free(gid);
	offset_map_free(&s.map);
	return r;
}

/* ---- pipeline ----------------------------------------------------------- */

static int only_space(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		uint32_t c = utf8_next(s, n, &i);
		if (!(c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
		      c == 0xA0 || c == 0xFEFF || (c >= 0x2000 && c <= 0x200B) || c == 0x3000 ||
		      c == 0x202F))
			return 0;
	}
	return 1;
}

static int sentence_index(doc_t *d)
{
	size_t ti = 0;
	for (size_t i = 0; i < d->art.sentences.n; i++) {
		span_t s = d->art.sentences.v[i];
		while (ti < d->toks.n && d->toks.v[ti].start < s.start)
			ti++;
		size_t *p = vec_push(&d->sent_tok);
		if (!p)
			return -1;
		*p = ti;
		if (ti < d->toks.n)
			d->toks.v[ti].flags |= TF_SENT;
	}
	return 0;
}

/* ---- HTML input (hook 2 of 3): the page's metadata over the text's -------
 * The title line is the title, published_at is the page's (converted to
 * +07:00), and the page's authors (JSON-LD, <meta name=author>) replace the
 * bylines the segmenter found; where the page names none, the segmenter's
 * stay (the byline line). Runs before the recognisers, so published_at
 * anchors relative dates. 0 or -1 (out of memory). */
static int html_apply(doc_t *d, const struct html_article *page)
{
	article_t *a = &d->art;
	if (page->title && page->n_blocks && page->blocks[0].kind == HTML_BLOCK_TITLE) {
		span_t t = span_make(page->blocks[0].start, page->blocks[0].end);
		a->title = t;
		a->has_title = 1;
		for (size_t i = 0; i < a->paragraphs.n; i++) /* the segmenter read it as body */
			if (a->paragraphs.v[i].start == t.start) {
				memmove(&a->paragraphs.v[i], &a->paragraphs.v[i + 1],
					(a->paragraphs.n - i - 1) * sizeof *a->paragraphs.v);
				a->paragraphs.n--;
				break;
			}
	}
	if (page->published_at)
		parse_published(d, page->published_at);
	if (page->n_authors) {
		for (size_t i = 0; i < a->authors.n; i++)
			free(a->authors.v[i].name);
		a->authors.n = 0;
		for (size_t i = 0; i < page->n_authors; i++) {
			author_t *au = vec_push(&a->authors);
			if (!au || !(au->name = strdup(page->authors[i].name)))
				return -1;
			au->span = span_make(page->authors[i].start, page->authors[i].end);
		}
	}
	static const struct {
		unsigned flag;
		const char *code, *msg;
	} W[] = {{HTML_W_REPAIRED, "encoding_repaired",
		  "bytes that are not valid in the page's charset were replaced by U+FFFD"},
		 {HTML_W_TRUNCATED, "html_truncated",
		  "the page nests deeper than the parser follows; the innermost elements were "
		  "flattened or cut"},
		 {HTML_W_CHARSET_GUESSED, "charset_guessed",
		  "the page declares no charset and is not UTF-8; it was read as windows-1258"}};
	for (size_t i = 0; i < sizeof W / sizeof *W; i++)
		if ((page->warnings & W[i].flag) && warn(d, W[i].code, W[i].msg, span_make(0, 0), 0))
			return -1;
	return 0;
}

/* The text pipeline; page is the web page the text was found in (HTML
 * input), or NULL. */
static json_t *parse_text(const char *bytes, size_t len, const struct model_options *opt,
			  const struct html_article *page, struct model_error *err)
{
	int is_nul = 0;
	size_t bad = norm_utf8_check(bytes, len, &is_nul);
	if (bad < len) {
		char b[64];
		snprintf(b, sizeof b, "%zu", bad);
		seterr(err, MODEL_E_UTF8, bad,
		       is_nul ? "text contains a NUL byte at byte offset %s"
			      : "text is not valid UTF-8 at byte offset %s",
		       b);
		return NULL;
	}
	model_init();
	doc_t d;
	memset(&d, 0, sizeof d);
	int repaired = 0;
	/* a UTF-8 byte order mark is not part of the article */
	if (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0) {
		bytes += 3;
		len -= 3;
		repaired = 1;
	}
	if (only_space(bytes, len)) {
		seterr(err, MODEL_E_EMPTY, 0, "%s", "the article is empty or only whitespace");
		return NULL;
	}
	char *nfc = NULL;
	int was_nfd = 0;
	if (norm_is_nfc_fast(bytes, len)) {
		d.text = bytes;
		d.len = len;
	} else {
		size_t nl;
		nfc = norm_nfc(bytes, len, &nl);
		if (!nfc) {
			seterr(err, MODEL_E_NOMEM, 0, "%s", "out of memory while normalising");
			return NULL;
		}
		was_nfd = nl != len || memcmp(nfc, bytes, len) != 0;
		d.text = nfc;
		d.len = nl;
	}
	d.pub_tz = 420;
	json_t *res = NULL;
	if (opt->published_at && parse_published(&d, opt->published_at)) {
		seterr(err, MODEL_E_PUBLISHED, 0,
		       "published_at must be an ISO 8601 date or date-time, got \"%.60s\"",
		       opt->published_at);
		goto out;
	}
	if (opt->published_at)
		d.pub_from_request = 1;
	if (segment_article(d.text, d.len, &d.art) || tokens_build(&d.toks, d.text, d.len) ||
	    sentence_index(&d)) {
		seterr(err, MODEL_E_NOMEM, 0, "%s", "out of memory");
		goto out;
	}
	/* the article's own dateline wins over the request's published_at */
	if (d.art.has_dateline) {
		const dateline_t *dl = &d.art.dateline;
		d.pub_year = dl->year, d.pub_month = dl->month, d.pub_day = dl->day;
		d.pub_has_time = dl->hour >= 0;
		d.pub_hour = dl->hour, d.pub_min = dl->minute < 0 ? 0 : dl->minute;
		d.pub_sec = dl->second < 0 ? 0 : dl->second;
		d.pub_tz = dl->tz_minutes ? dl->tz_minutes : 420;
	}
	if (page && html_apply(&d, page)) {
		seterr(err, MODEL_E_NOMEM, 0, "%s", "out of memory");
		goto out;
	}
	if (repaired)
		warn(&d, "encoding_repaired", "a UTF-8 byte order mark was removed", span_make(0, 0), 0);
	if (was_nfd)
		warn(&d, "normalized", "the text was normalised to NFC; offsets index the normalised text",
		     span_make(0, 0), 0);
	if (dates_find(d.text, d.len, &d.dates) || dates_find_terms(d.text, d.len, &d.terms) ||
	    documents_find(d.text, d.len, &d.docs) || orgs_extract(&d) || people_extract(&d) ||
	    meetings_extract(&d)) {
		seterr(err, MODEL_E_NOMEM, 0, "%s", "out of memory");
		goto out;
	}
	res = serialise(&d, opt, page);
	if (!res)
		seterr(err, MODEL_E_NOMEM, 0, "%s", "out of memory");
out:
	doc_free(&d);
	free(nfc);
	return res;
}

/* ---- HTML input (hook 1 of 3): a page in, its article's text parsed -------
 * For MODEL_INPUT_HTML, and for MODEL_INPUT_AUTO when the bytes start like
 * HTML, model/html finds the article and lays it out as the plain text the
 * pipeline reads; every offset then indexes that text (?include=text). */
int model_looks_like_html(const char *bytes, size_t len)
{
	return bytes && html_looks_like(bytes, len);
}

json_t *model_parse(const char *bytes, size_t len, const struct model_options *optin,
		    struct model_error *err)
{
	struct model_options defopt = {0};
	const struct model_options *opt = optin ? optin : &defopt;
	memset(err, 0, sizeof *err);
	if (!bytes)
		len = 0, bytes = "";
	if (opt->input == MODEL_INPUT_TEXT ||
	    (opt->input == MODEL_INPUT_AUTO && !model_looks_like_html(bytes, len)))
		return parse_text(bytes, len, opt, NULL, err);
	struct html_options ho = {.charset = opt->charset,
				  .url = opt->url,
				  .deadline_ns = opt->deadline_ns,
				  .cancel = opt->cancel};
	struct html_article page;
	struct html_error he;
	if (html_extract(bytes, len, &ho, &page, &he)) {
		static const enum model_errcode CODE[] = {
		    [HTML_E_NOMEM] = MODEL_E_NOMEM,	  [HTML_E_CHARSET] = MODEL_E_FORMAT,
		    [HTML_E_EMPTY] = MODEL_E_EMPTY,	  [HTML_E_TOO_LARGE] = MODEL_E_FORMAT,
		    [HTML_E_DEADLINE] = MODEL_E_DEADLINE, [HTML_E_CANCELLED] = MODEL_E_CANCELLED,
		    [HTML_E_INTERNAL] = MODEL_E_INTERNAL};
		seterr(err, he.code > 0 && he.code <= HTML_E_INTERNAL ? CODE[he.code] : MODEL_E_INTERNAL,
		       0, "%s", he.message);
		return NULL;
	}
	json_t *res = parse_text(page.text, page.len, opt, &page, err);
	if (!res && err->code == MODEL_E_EMPTY)
		snprintf(err->message, sizeof err->message, "the page holds no article text");
	html_article_free(&page);
	return res;
}

static int buf_append(struct model_buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *p = realloc(b->data, cap);
		if (!p)
			return -1;
		b->data = p;
		b->cap = cap;
	}
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
	return 0;
}

int model_parse_into(const char *bytes, size_t len, const struct model_options *opt,
		     struct model_buf *out, struct model_error *err)
{
	json_t *res = model_parse(bytes, len, opt, err);
	if (!res)
		return -1;
	if (opt && opt->lead_members) {
		size_t ln = strlen(opt->lead_members);
		char *w = malloc(ln + 3);
		json_t *lead = NULL;
		if (w) {
			w[0] = '{';
			memcpy(w + 1, opt->lead_members, ln);
			w[ln + 1] = '}';
			w[ln + 2] = 0;
			lead = json_loads(w, 0, NULL);
			free(w);
		}
		if (!lead || json_object_update(lead, res)) {
			json_decref(lead);
			json_decref(res);
			seterr(err, MODEL_E_NOMEM, 0, "%s", "out of memory");
			return -1;
		}
		json_decref(res);
		res = lead;
	}
	size_t n;
	char *s = model_dump(res, &n);
	json_decref(res);
	if (!s || buf_append(out, s, n)) {
		free(s);
		seterr(err, MODEL_E_NOMEM, 0, "%s", "out of memory");
		return -1;
	}
	free(s);
	return 0;
}
