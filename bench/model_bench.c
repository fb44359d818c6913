/* In-process benchmark of the model: the date and document recognisers and
 * the whole entry point over a concatenation of the project's own articles
 * (tests/corpus/own, tests/cases), repeated to a few MB; then the HTML path
 * over the fixture pages (tests/html/pages): html_extract() alone and the
 * model on the page. Prints MB/s and articles (pages)/s on one core. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model/dates/dates.h"
#include "model/documents/documents.h"
#include "model/html/html.h"
#include "model/model.h"
#include "model/tag/tag.h"

typedef struct {
	char *p;
	size_t n;
} buf_t;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int load(const char *path, buf_t *b)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	b->p = malloc((size_t)n + 1);
	b->n = fread(b->p, 1, (size_t)n, f);
	fclose(f);
	return 0;
}

/* The HTML path over the fixture pages, repeated to about 8 MB of HTML. */
static void html_bench(void)
{
	buf_t pages[64];
	int np = 0;
	DIR *dir = opendir("tests/html/pages");
	struct dirent *de;
	while (dir && (de = readdir(dir)) && np < 64) {
		char p[600];
		if (de->d_name[0] == '.')
			continue;
		snprintf(p, sizeof p, "tests/html/pages/%s/page.html", de->d_name);
		if (load(p, &pages[np]) == 0)
			np++;
	}
	if (dir)
		closedir(dir);
	if (!np) {
		printf("html bench: no pages in tests/html/pages\n");
		return;
	}
	size_t one = 0, text = 0;
	for (int i = 0; i < np; i++)
		one += pages[i].n;
	int reps = (int)(8e6 / one) + 1;
	double mb = (double)one * reps / 1e6;
	double t0 = now();
	for (int r = 0; r < reps; r++)
		for (int i = 0; i < np; i++) {
			struct html_article a;
			struct html_error e;
			if (html_extract(pages[i].p, pages[i].n, NULL, &a, &e) == 0) {
				text += a.len;
				html_article_free(&a);
			}
		}
	double th = now() - t0;
	t0 = now();
	for (int r = 0; r < reps; r++)
		for (int i = 0; i < np; i++) {
			struct model_options o = {.input = MODEL_INPUT_HTML};
			struct model_error e;
			json_decref(model_parse(pages[i].p, pages[i].n, &o, &e));
		}
	double tm = now() - t0;
	printf("html bench: %d pages, %.2f MB of HTML per pass (%d repetitions), %.0f%% of it "
	       "article text\n",
	       np, mb, reps, 100.0 * (double)text / ((double)one * reps));
	printf("  html_extract    %8.1f MB/s  %8.0f pages/s (one core)\n", mb / th,
	       (double)np * reps / th);
	printf("  model_parse     %8.1f MB/s  %8.0f pages/s (HTML in, the page's model out)\n",
	       mb / tm, (double)np * reps / tm);
	for (int i = 0; i < np; i++)
		free(pages[i].p);
}

int main(void)
{
	buf_t arts[256];
	int na = 0;
	const char *dirs[] = {"tests/corpus/own", "tests/cases"};
	for (int d = 0; d < 2; d++) {
		DIR *dir = opendir(dirs[d]);
		if (!dir)
			continue;
		struct dirent *de;
		while ((de = readdir(dir)) && na < 256) {
			char p[600];
			size_t l = strlen(de->d_name);
			if (d == 0 && l > 4 && !strcmp(de->d_name + l - 4, ".txt"))
				snprintf(p, sizeof p, "%s/%s", dirs[d], de->d_name);
			else if (d == 1 && de->d_name[0] != '.')
				snprintf(p, sizeof p, "%s/%s/article.txt", dirs[d], de->d_name);
			else
				continue;
			if (load(p, &arts[na]) == 0)
				na++;
		}
		closedir(dir);
	}
	if (!na) {
		fprintf(stderr, "model_bench: no articles found (run from the repository root)\n");
		return 1;
	}
	size_t one = 0;
	for (int i = 0; i < na; i++)
		one += arts[i].n;
	int reps = (int)(4e6 / one) + 1; /* about 4 MB of text */
	double mb = (double)one * reps / 1e6;
	model_init();

	/* dates_find reads the tagged tokens model_parse builds once per parse */
	static text_t txs[256];
	static arena_t ars[256];
	for (int i = 0; i < na; i++)
		if (text_scan(&txs[i], arts[i].p, arts[i].n, &ars[i], NULL) || tag_text(&txs[i])) {
			fprintf(stderr, "model_bench: out of memory\n");
			return 1;
		}
	double t0 = now();
	size_t found = 0;
	for (int r = 0; r < reps; r++)
		for (int i = 0; i < na; i++) {
			date_list_t dl = {0}; /* in the text's arena, freed at the end */
			dates_find(&txs[i], &dl);
			found += dl.n;
		}
	double td = now() - t0;
	for (int i = 0; i < na; i++) {
		text_free(&txs[i]);
		arena_free(&ars[i]);
	}

	/* documents_find reads the tagged text and the dates lists: built once
	 * per article, outside the timing; its own allocations go to a scratch
	 * arena freed after each call */
	struct prep {
		arena_t ar;
		text_t tx;
		date_list_t dl;
		term_list_t tl;
	} *pre = calloc((size_t)na, sizeof *pre);
	if (!pre)
		return 1;
	for (int i = 0; i < na; i++)
		if (text_scan(&pre[i].tx, arts[i].p, arts[i].n, &pre[i].ar, NULL) || tag_text(&pre[i].tx) ||
		    dates_find(&pre[i].tx, &pre[i].dl) ||
		    dates_find_terms(&pre[i].tx, &pre[i].tl))
			return 1;
	arena_t scratch = {0};
	t0 = now();
	for (int r = 0; r < reps; r++)
		for (int i = 0; i < na; i++) {
			doc_list_t dl = {0};
			text_t tx = pre[i].tx;
			tx.arena = &scratch;
			documents_find(&tx, &pre[i].dl, &pre[i].tl, &dl);
			found += dl.n;
			documents_list_free(&dl);
			arena_free(&scratch);
		}
	double tdoc = now() - t0;
	for (int i = 0; i < na; i++) {
		text_free(&pre[i].tx);
		arena_free(&pre[i].ar);
	}
	free(pre);

	t0 = now();
	for (int r = 0; r < reps; r++)
		for (int i = 0; i < na; i++) {
			struct model_options o = {0};
			struct model_error e;
			json_t *res = model_parse(arts[i].p, arts[i].n, &o, &e);
			json_decref(res);
		}
	double tm = now() - t0;

	printf("model bench: %d articles, %.2f MB of text per pass (%d repetitions)\n", na, mb, reps);
	printf("  dates_find      %8.1f MB/s\n", mb / td);
	printf("  documents_find  %8.1f MB/s (on the tagged text)\n", mb / tdoc);
	printf("  model_parse     %8.1f MB/s  %8.0f articles/s (one core)\n", mb / tm,
	       (double)na * reps / tm);
	printf("  (%zu recognised expressions)\n", found);
	for (int i = 0; i < na; i++)
		free(arts[i].p);
	html_bench();
	return 0;
}
