/* Golden whole-article cases: tests/cases/<name>/article.txt with its
 * hand-written annotation expected.json (the gold format of the corpus
 * README: title, published_at, authors, meetings, documents, presenters,
 * quotes). The facts of the annotation are compared with the model's output
 * the way the project's scorer compares them; a case fails when its F1
 * drops below the floor in <name>/min_f1 (default 0.85), printing every
 * missed and spurious fact. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <string.h>

#include "model/model.h"
#include "model/tag/tag.h"
#include "model/text/fold.h"

#define MAXF 512

typedef struct facts {
	char *v[MAXF];
	int n;
} facts_t;

static void add(facts_t *f, const char *field, const char *val)
{
	if (!val || !*val || f->n >= MAXF)
		return;
	/* the folded form the matcher uses (case, tone placement) */
	char k[2048];
	text_t tx = {0};
	arena_t ar = {0};
	cr_assert_eq(text_scan(&tx, val, strlen(val), &ar, NULL), 0);
	if (text_fold(&tx, 0, tx.n, k, sizeof k) == (size_t)-1)
		k[0] = '\0';
	text_free(&tx);
	arena_free(&ar);
	/* strip the punctuation the scorer strips at both ends */
	char *s = k;
	while (*s && strchr(" .,;:\"'()", *s))
		s++;
	size_t n = strlen(s);
	while (n && strchr(" .,;:\"'()", s[n - 1]))
		n--;
	char buf[2048];
	snprintf(buf, sizeof buf, "%s\t%.*s", field, (int)n, s);
	for (int i = 0; i < f->n; i++)
		if (!strcmp(f->v[i], buf))
			return;
	f->v[f->n++] = strdup(buf);
}

static const char *str(json_t *o, const char *k)
{
	json_t *v = json_object_get(o, k);
	if (json_is_object(v))
		v = json_object_get(v, json_object_get(v, "text") ? "text" : "name");
	return json_is_string(v) ? json_string_value(v) : NULL;
}

static void gold_facts(json_t *g, facts_t *f)
{
	add(f, "title", str(g, "title"));
	const char *pub = str(g, "published_at");
	if (pub) {
		char b[20];
		snprintf(b, sizeof b, "%.10s", pub);
		add(f, "published_at", b);
	}
	size_t i, j;
	json_t *x, *y;
	json_array_foreach(json_object_get(g, "authors"), i, x)
	    add(f, "authors", json_string_value(x));
	json_array_foreach(json_object_get(g, "meetings"), i, x)
	{
		add(f, "kind", str(x, "kind"));
		add(f, "month_day", str(x, "month_day"));
		add(f, "date", str(x, "date"));
		add(f, "part_of_day", str(x, "part_of_day"));
		add(f, "body", str(x, "body"));
		json_array_foreach(json_object_get(x, "chairs"), j, y)
		    add(f, "chair", str(y, "name"));
	}
	json_array_foreach(json_object_get(g, "documents"), i, x)
	    add(f, "symbol", str(x, "symbol"));
	json_array_foreach(json_object_get(g, "quotes"), i, x)
	    add(f, "quote", json_string_value(x));
}

static const char *kind_vi(const char *k)
{
	static const char *m[][2] = {{"conference", "hội nghị"},
				     {"session", "kỳ họp"},
				     {"sitting", "phiên họp"},
				     {"congress", "đại hội"},
				     {"working_session", "buổi làm việc"},
				     {"seminar", "hội thảo"},
				     {"ceremony", "lễ"},
				     {"meeting", "other"}};
	for (size_t i = 0; i < sizeof m / sizeof *m; i++)
		if (k && !strcmp(k, m[i][0]))
			return m[i][1];
	return k;
}

static void pred_facts(json_t *r, const facts_t *gold, facts_t *f)
{
	json_t *a = json_object_get(r, "article");
	add(f, "title", str(a, "title"));
	const char *pub = str(a, "published_at");
	if (pub) {
		char b[20];
		snprintf(b, sizeof b, "%.10s", pub);
		add(f, "published_at", b);
	}
	size_t i, j;
	json_t *x, *y;
	json_array_foreach(json_object_get(a, "authors"), i, x) add(f, "authors", str(x, "name"));
	json_t *people = json_object_get(r, "people"), *orgs = json_object_get(r, "organizations");
	json_array_foreach(json_object_get(r, "meetings"), i, x)
	{
		add(f, "kind", kind_vi(str(x, "kind")));
		add(f, "month_day", str(x, "month_day"));
		add(f, "date", str(x, "date"));
		add(f, "part_of_day", str(x, "part_of_day"));
		/* a body matches when any of its spellings does */
		json_t *body = json_object_get(x, "body");
		if (json_is_object(body)) {
			const char *forms[16];
			int nf = 0;
			forms[nf++] = str(body, "name");
			const char *oid = str(body, "organization_id");
			json_array_foreach(orgs, j, y)
			{
				if (oid && !strcmp(oid, str(y, "id"))) {
					forms[nf++] = str(y, "name");
					size_t q;
					json_t *z;
					json_array_foreach(json_object_get(y, "text_forms"), q,
							   z) if (nf < 16) forms[nf++] =
					    json_string_value(z);
				}
			}
			int hit = -1;
			for (int q = 0; q < nf && hit < 0; q++) {
				facts_t tmp = {0};
				add(&tmp, "body", forms[q]);
				for (int g = 0; g < gold->n && tmp.n; g++)
					if (!strcmp(gold->v[g], tmp.v[0]))
						hit = q;
				for (int g = 0; g < tmp.n; g++)
					free(tmp.v[g]);
			}
			add(f, "body", forms[hit >= 0 ? hit : 0]);
		}
		json_array_foreach(json_object_get(x, "chairs"), j, y)
		{
			size_t q;
			json_t *p;
			json_array_foreach(people, q,
					   p) if (!strcmp(str(p, "id"), json_string_value(y)))
			    add(f, "chair", str(p, "name"));
		}
	}
	json_array_foreach(json_object_get(r, "documents"), i, x)
	    add(f, "symbol", str(x, "symbol"));
	json_array_foreach(json_object_get(r, "quotes"), i, x) add(f, "quote", str(x, "text"));
}

static char *slurp(const char *path, size_t *n)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	fseek(fp, 0, SEEK_END);
	long sz = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	char *b = malloc((size_t)sz + 1);
	*n = fread(b, 1, (size_t)sz, fp);
	b[*n] = '\0';
	fclose(fp);
	return b;
}

static int has(const facts_t *f, const char *v)
{
	for (int i = 0; i < f->n; i++)
		if (!strcmp(f->v[i], v))
			return 1;
	return 0;
}

Test(golden, all_cases)
{
	DIR *dir = opendir("tests/cases");
	cr_assert(dir, "run the suite from the repository root");
	struct dirent *de;
	int cases = 0, failed = 0;
	while ((de = readdir(dir))) {
		if (de->d_name[0] == '.')
			continue;
		char p[512];
		size_t tn, jn;
		snprintf(p, sizeof p, "tests/cases/%s/article.txt", de->d_name);
		char *text = slurp(p, &tn);
		if (!text)
			continue;
		snprintf(p, sizeof p, "tests/cases/%s/expected.json", de->d_name);
		char *exp = slurp(p, &jn);
		cr_assert(exp, "%s has no expected.json", de->d_name);
		json_error_t je;
		json_t *g = json_loads(exp, 0, &je);
		cr_assert(g, "%s: expected.json: %s", de->d_name, je.text);
		json_t *inner = json_object_get(g, "gold");
		if (inner) {
			json_incref(inner);
			json_decref(g);
			g = inner;
		}
		double floor_f1 = 0.85;
		snprintf(p, sizeof p, "tests/cases/%s/min_f1", de->d_name);
		size_t mn;
		char *mf = slurp(p, &mn);
		if (mf)
			floor_f1 = atof(mf);
		free(mf);
		struct model_options o = {0};
		struct model_error e;
		json_t *r = model_parse(text, tn, &o, &e);
		cr_assert(r, "%s: %s", de->d_name, e.message);
		facts_t gf = {0}, pf = {0};
		gold_facts(g, &gf);
		pred_facts(r, &gf, &pf);
		int tp = 0;
		for (int i = 0; i < pf.n; i++)
			tp += has(&gf, pf.v[i]);
		double pr = pf.n ? (double)tp / pf.n : 1, rc = gf.n ? (double)tp / gf.n : 1;
		double f1 = pr + rc > 0 ? 2 * pr * rc / (pr + rc) : 0;
		cases++;
		if (f1 + 1e-9 < floor_f1) {
			failed++;
			cr_log_error("%s: F1 %.3f below %.2f", de->d_name, f1, floor_f1);
			for (int i = 0; i < gf.n; i++)
				if (!has(&pf, gf.v[i]))
					cr_log_error("  missed   %s", gf.v[i]);
			for (int i = 0; i < pf.n; i++)
				if (!has(&gf, pf.v[i]))
					cr_log_error("  spurious %s", pf.v[i]);
		}
		for (int i = 0; i < gf.n; i++)
			free(gf.v[i]);
		for (int i = 0; i < pf.n; i++)
			free(pf.v[i]);
		json_decref(r);
		json_decref(g);
		free(text);
		free(exp);
	}
	closedir(dir);
	cr_assert_gt(cases, 0, "no golden cases found");
	cr_assert_eq(failed, 0, "%d of %d golden cases below their F1 floor", failed, cases);
}
