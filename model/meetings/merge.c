/* One meeting anchored twice: a lead repeated in the body ("Chiều 2/6, ...
 * chủ trì Phiên họp thứ 11" in the sapo and again in the text), a meeting
 * first named by its verb and then by its noun on the same day ("Chiều 9/5,
 * ... Ban Chấp hành Trung ương làm việc tại tổ" then "Ngày 9/5, Hội nghị lần
 * thứ năm ... bước sang ngày làm việc thứ năm"), an interview "bên lề kỳ họp
 * thứ 4" then the opening of that kỳ họp. The later anchor is folded into
 * the earlier one. Two meetings of one day stay apart when their bodies,
 * parts of day, ordinals or kinds differ. */
#include <string.h>

#include "model/meetings/meetings_internal.h"

static int same_day(const meeting_t *a, const meeting_t *b)
{
	return a->month == b->month && a->day == b->day &&
	       (!a->year || !b->year || a->year == b->year);
}

static int shares(const int_vec_t *x, const int_vec_t *y)
{
	for (size_t i = 0; i < x->n; i++)
		for (size_t j = 0; j < y->n; j++)
			if (x->v[i] == y->v[j])
				return 1;
	return 0;
}

static int same_text(const doc_t *d, span_t x, span_t y)
{
	return x.end - x.start == y.end - y.start &&
	       !memcmp(d->text + x.start, d->text + y.start, x.end - x.start);
}

static int same_meeting(const doc_t *d, const meeting_t *a, int weak_a, const meeting_t *b,
			int weak_b)
{
	if (!same_day(a, b))
		return 0;
	if (!a->month && (a->date_idx >= 0 || b->date_idx >= 0))
		return 0;
	if (a->pod && b->pod && a->pod != b->pod)
		return 0;
	if (a->ordinal && b->ordinal && a->ordinal != b->ordinal)
		return 0;
	if (a->kind != b->kind && !weak_a && !weak_b)
		return 0;
	/* "Chiều cùng ngày, Đoàn làm việc với ...": another meeting */
	if (b->date_idx >= 0 && d->dates.v[b->date_idx].relative == REL_SAME_DAY)
		return 0;
	/* two meetings of one afternoon: other chairs, another place */
	if (a->chairs.n && b->chairs.n && !shares(&a->chairs, &b->chairs))
		return 0;
	if (!span_is_empty(a->location) && !span_is_empty(b->location) &&
	    !same_text(d, a->location, b->location))
		return 0;
	/* one numbered meeting, whatever spelling of its body */
	if (a->ordinal && a->ordinal == b->ordinal && a->kind == b->kind)
		return 1;
	if (a->body_org >= 0 && b->body_org >= 0 && a->body_org != b->body_org)
		return 0;
	return 1;
}

static int append_unique(arena_t *ar, int_vec_t *to, const int_vec_t *from)
{
	for (size_t i = 0; i < from->n; i++)
		if (meetings_add_unique(ar, to, from->v[i]))
			return -1;
	return 0;
}

/* fold b into a */
static int fold(doc_t *d, meeting_t *a, int *weak_a, const meeting_t *b, int weak_b)
{
	if (*weak_a && !weak_b) {
		a->kind = b->kind;
		a->kind_text = b->kind_text;
		a->name = b->name;
		*weak_a = 0;
		if (b->ordinal)
			a->ordinal = b->ordinal;
	}
	if (!a->ordinal)
		a->ordinal = b->ordinal;
	if (!a->pod && b->pod) {
		a->pod = b->pod;
		a->date_idx = b->date_idx;
		a->hour = b->hour;
		a->minute = b->minute;
	}
	if (!a->year && b->year)
		a->year = b->year;
	if (a->body_org < 0 && b->body_org >= 0) {
		a->body_org = b->body_org;
		a->body_span = b->body_span;
	}
	if (span_is_empty(a->term))
		a->term = b->term;
	if (span_is_empty(a->location))
		a->location = b->location;
	if (!a->format)
		a->format = b->format;
	if (append_unique(d->ar, &a->chairs, &b->chairs) ||
	    append_unique(d->ar, &a->attendees, &b->attendees))
		return -1;
	for (size_t i = 0; i < b->agenda.n; i++) {
		agenda_item_t *p = avec_push(d->ar, &a->agenda);
		if (!p)
			return -1;
		*p = b->agenda.v[i];
	}
	for (size_t i = 0; i < b->tasks.n; i++) {
		task_t *p = avec_push(d->ar, &a->tasks);
		if (!p)
			return -1;
		*p = b->tasks.v[i];
	}
	for (size_t i = 0; i < b->mentions.n; i++) {
		span_t *p = avec_push(d->ar, &a->mentions);
		if (!p)
			return -1;
		*p = b->mentions.v[i];
	}
	return 0;
}

int meetings_merge_repeats(doc_t *d, int *weak)
{
	size_t out = 0;
	for (size_t i = 0; i < d->meetings.n; i++) {
		if (out > 0 && same_meeting(d, &d->meetings.v[out - 1], weak[out - 1],
					    &d->meetings.v[i], weak[i])) {
			if (fold(d, &d->meetings.v[out - 1], &weak[out - 1], &d->meetings.v[i],
				 weak[i]))
				return -1;
			continue;
		}
		if (out != i) {
			d->meetings.v[out] = d->meetings.v[i];
			weak[out] = weak[i];
		}
		out++;
	}
	d->meetings.n = out;
	return 0;
}
