/* jsonq.h — a small path query over a ParseResult, shared by the recogniser
 * tests (test_orgs.c, test_people.c, test_meetings.c). The tests go through
 * model_parse(), the public entry point, and compare one rendered field per
 * check, so every expectation reads as the contract names it:
 *
 *   organizations[=Ủy ban nhân dân tỉnh Nghệ An].level       -> "province"
 *   people[=Nguyễn Văn Hải].positions[1].organization          -> "Tỉnh ủy"
 *   people[*].name                                             -> "A; B"
 *   meetings[0].chairs@                                        -> names, not ids
 *   meetings#                                                  -> "0"
 *
 * Path: segments separated by '.', each a key followed by any number of
 * selectors: [N] an index, [=S] the element whose "name" (else "text") is S,
 * [*] every element (the rest of the path is evaluated for each and the
 * results joined with "; "); then '#' for the size of an array and '@' to
 * resolve ids ("p2", "o1", "d1") to the name of that person or organisation
 * (a document to its symbol). Brackets may hold dots ("TP.HCM").
 *
 * Rendering: a string as is, an integer in decimal, true/false, "null", an
 * array of scalars joined with "; " (an empty array is ""), "<object>" for an
 * object, and "<missing>" when the path does not resolve.
 *
 * Everything is static: each test file gets its own copy. */
#ifndef MEETINGD_TESTS_JSONQ_H
#define MEETINGD_TESTS_JSONQ_H

#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"

#define JQ_MISSING "<missing>"
#define JQ_BUF 4096
#define JQ_MAXCHECKS 16

/* One expectation: the rendered value at `path` must equal `want`. */
struct jq_check {
	const char *path;
	const char *want;
};

/* One row of a recogniser table: an article written for the tests (never
 * corpus text), the optional published_at option, and its checks. */
struct jq_case {
	const char *name;
	const char *text;
	const char *pub;
	struct jq_check checks[JQ_MAXCHECKS];
};

struct jq_sb {
	char *b;
	size_t n, cap;
};

static inline void jq_put(struct jq_sb *s, const char *v, size_t len)
{
	if (s->n + len + 1 > s->cap)
		len = s->cap > s->n + 1 ? s->cap - s->n - 1 : 0;
	memcpy(s->b + s->n, v, len);
	s->n += len;
	s->b[s->n] = '\0';
}

static inline void jq_puts(struct jq_sb *s, const char *v)
{
	jq_put(s, v, strlen(v));
}

/* the name an id stands for: "p2" -> people[1].name */
static inline const char *jq_id_name(json_t *root, const char *id)
{
	const char *arr = NULL, *field = "name";
	if (id[0] == 'p')
		arr = "people";
	else if (id[0] == 'o')
		arr = "organizations";
	else if (id[0] == 'd')
		arr = "documents", field = "symbol";
	if (!arr)
		return id;
	json_t *a = json_object_get(root, arr), *x;
	size_t i;
	json_array_foreach(a, i, x)
	{
		const char *xid = json_string_value(json_object_get(x, "id"));
		if (xid && !strcmp(xid, id)) {
			const char *nm = json_string_value(json_object_get(x, field));
			return nm ? nm : id;
		}
	}
	return "<unknown id>";
}

static inline void jq_render(json_t *root, json_t *v, int resolve, struct jq_sb *s)
{
	char num[40];
	if (!v) {
		jq_puts(s, JQ_MISSING);
	} else if (json_is_string(v)) {
		jq_puts(s, resolve ? jq_id_name(root, json_string_value(v)) : json_string_value(v));
	} else if (json_is_integer(v)) {
		snprintf(num, sizeof num, "%lld", (long long)json_integer_value(v));
		jq_puts(s, num);
	} else if (json_is_real(v)) {
		snprintf(num, sizeof num, "%g", json_real_value(v));
		jq_puts(s, num);
	} else if (json_is_true(v)) {
		jq_puts(s, "true");
	} else if (json_is_false(v)) {
		jq_puts(s, "false");
	} else if (json_is_null(v)) {
		jq_puts(s, "null");
	} else if (json_is_array(v)) {
		size_t i;
		json_t *x;
		json_array_foreach(v, i, x)
		{
			if (i)
				jq_puts(s, "; ");
			if (json_is_object(x) || json_is_array(x))
				jq_puts(s, "<object>");
			else
				jq_render(root, x, resolve, s);
		}
	} else {
		jq_puts(s, "<object>");
	}
}

/* the element of array `a` whose "name" (else "text") equals `key` */
static inline json_t *jq_find(json_t *a, const char *key, size_t klen)
{
	size_t i;
	json_t *x;
	json_array_foreach(a, i, x)
	{
		const char *nm = json_string_value(json_object_get(x, "name"));
		if (!nm)
			nm = json_string_value(json_object_get(x, "text"));
		if (nm && strlen(nm) == klen && !memcmp(nm, key, klen))
			return x;
	}
	return NULL;
}

static inline void jq_eval(json_t *root, json_t *cur, const char *p, struct jq_sb *s)
{
	while (cur && *p) {
		if (*p == '.') {
			p++;
			continue;
		}
		/* key */
		size_t k = 0;
		while (p[k] && p[k] != '.' && p[k] != '[' && p[k] != '#' && p[k] != '@')
			k++;
		if (k) {
			char key[64];
			snprintf(key, sizeof key, "%.*s", (int)k, p);
			cur = json_is_object(cur) ? json_object_get(cur, key) : NULL;
			p += k;
		}
		/* selectors */
		while (cur && *p == '[') {
			const char *close = strchr(p, ']');
			if (!close) {
				jq_puts(s, "<bad path>");
				return;
			}
			const char *sel = p + 1;
			size_t sl = (size_t)(close - sel);
			p = close + 1;
			if (!json_is_array(cur)) {
				cur = NULL;
			} else if (sl == 1 && *sel == '*') {
				size_t i;
				json_t *x;
				json_array_foreach(cur, i, x)
				{
					if (i)
						jq_puts(s, "; ");
					jq_eval(root, x, p, s);
				}
				return;
			} else if (*sel == '=') {
				cur = jq_find(cur, sel + 1, sl - 1);
			} else {
				cur = json_array_get(cur, (size_t)strtoul(sel, NULL, 10));
			}
		}
		if (!cur)
			break;
		if (*p == '#') {
			char num[24];
			p++;
			if (!json_is_array(cur)) {
				cur = NULL;
				break;
			}
			snprintf(num, sizeof num, "%zu", json_array_size(cur));
			jq_puts(s, num);
			return;
		}
		if (*p == '@') {
			jq_render(root, cur, 1, s);
			return;
		}
	}
	jq_render(root, cur, 0, s);
}

/* Render the value at `path` into buf (cap bytes). Returns buf. */
static inline const char *jq(json_t *root, const char *path, char *buf, size_t cap)
{
	struct jq_sb s = {buf, 0, cap};
	buf[0] = '\0';
	jq_eval(root, root, path, &s);
	return buf;
}

/* model_parse on an exact-length copy of `text` (no terminating NUL, so a
 * read past the end shows under the sanitizers). The caller owns the result. */
static inline json_t *jq_parse(const char *text, const char *published_at)
{
	size_t n = strlen(text);
	char *b = malloc(n ? n : 1);
	cr_assert_not_null(b);
	memcpy(b, text, n);
	struct model_options o = {.published_at = published_at};
	struct model_error e;
	json_t *r = model_parse(b, n, &o, &e);
	free(b);
	cr_assert_not_null(r, "model_parse failed: %s", e.message);
	return r;
}

/* Parse the row's text and expect every check, each failure naming the row,
 * the path, the expected and the actual value. */
static inline void jq_run_case(const struct jq_case *c)
{
	json_t *r = jq_parse(c->text, c->pub);
	char got[JQ_BUF];
	int n = 0;
	for (size_t i = 0; i < JQ_MAXCHECKS && c->checks[i].path; i++, n++) {
		jq(r, c->checks[i].path, got, sizeof got);
		cr_expect_str_eq(got, c->checks[i].want, "[%s] %s: expected \"%s\", got \"%s\"",
				 c->name, c->checks[i].path, c->checks[i].want, got);
	}
	cr_expect_gt(n, 0, "[%s] has no checks", c->name);
	json_decref(r);
}

/* Parameterised tests get an index into their static table: Criterion runs
 * each case in a fresh process, where pointers made in the parent would not
 * be valid. */
static inline size_t *jq_indices(size_t n)
{
	static size_t idx[512];
	cr_assert_leq(n, sizeof idx / sizeof *idx);
	for (size_t i = 0; i < n; i++)
		idx[i] = i;
	return idx;
}

#define JQ_PARAMS(table)                                                                           \
	cr_make_param_array(size_t, jq_indices(sizeof table / sizeof table[0]),                    \
			    sizeof table / sizeof table[0])

#endif
