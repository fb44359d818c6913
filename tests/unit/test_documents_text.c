/* The document recogniser on the shared text layer (model/documents/):
 * robustness (buffer ends, odd bytes, long inputs, random splices), what it
 * reads from the dates and terms lists, its tables from doc_types.tsv, and
 * out-of-memory. Every sentence is written for these tests. */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc_fixture.h"

/* A heap copy without a terminating NUL, so reading past len is caught by
 * AddressSanitizer. */
static char *exact_copy(const char *s, size_t n)
{
	char *p = malloc(n ? n : 1);
	cr_assert_not_null(p);
	memcpy(p, s, n);
	return p;
}

static char *slice(const char *text, span_t s)
{
	if (s.start == 0 && s.end == 0)
		return NULL;
	return strndup(text + s.start, s.end - s.start);
}

static void expect_span(const char *text, span_t s, const char *want)
{
	char *got = slice(text, s);
	if (!want)
		cr_expect_null(got, "expected no span, got \"%s\"", got);
	else
		cr_expect(got && strcmp(got, want) == 0, "expected \"%s\", got \"%s\"", want,
			  got ? got : "(none)");
	free(got);
}

static void check_spans(const doc_list_t *l, size_t len)
{
	for (size_t i = 0; i < l->n; i++) {
		const doc_cite_t *d = &l->v[i];
		cr_assert(d->span.start < d->span.end && d->span.end <= len);
		cr_assert(d->symbol_span.start >= d->span.start &&
			  d->symbol_span.end <= d->span.end);
		if (d->type_span.end)
			cr_assert(d->type_span.start < d->type_span.end && d->type_span.end <= len);
		if (d->issuer_span.end)
			cr_assert(d->issuer_span.start < d->issuer_span.end &&
				  d->issuer_span.end <= len);
		if (d->subject_span.end)
			cr_assert(d->subject_span.start < d->subject_span.end &&
				  d->subject_span.end <= len);
		cr_assert(d->same_as >= 0 && (size_t)d->same_as < l->n);
		cr_assert(l->v[d->same_as].same_as == d->same_as,
			  "same_as must point at a first citation");
		cr_assert_not_null(d->number);
		cr_assert_not_null(d->symbol);
		cr_assert_not_null(d->rule);
		if (i)
			cr_assert(l->v[i - 1].span.start <= d->span.start,
				  "citations in text order");
	}
}

/* ---- Robustness ---- */

Test(documents, stops_at_len)
{
	const char *s = "Kết luận số 21-KL/TW của Bộ Chính trị về công tác cán bộ.";
	const char *cut = strstr(s, "-KL/TW");
	/* cut right after "21-KL/": no symbol, and "21" is glued to a dash */
	size_t n = (size_t)(cut - s) + 4;
	char *p = exact_copy(s, n);
	doc_list_t l = {0};
	doc_fixture_t fx;
	cr_assert_eq(doc_fixture_find(&fx, p, n, &l), 0);
	cr_expect_eq(l.n, 0);
	documents_list_free(&l);
	doc_fixture_free(&fx);
	/* cut inside "Chính": the issuer stops at the end of the buffer */
	n = (size_t)(strstr(s, "Chính") - s) + 2;
	free(p);
	p = exact_copy(s, n);
	cr_assert_eq(doc_fixture_find(&fx, p, n, &l), 0);
	cr_assert_eq(l.n, 1);
	cr_expect_str_eq(l.v[0].symbol, "21-KL/TW");
	check_spans(&l, n);
	documents_list_free(&l);
	doc_fixture_free(&fx);
	free(p);
}

/* The model refuses such bytes before any recogniser; given them anyway,
 * the tokenizer and the recogniser stay inside the buffer. */
Test(documents, nul_and_invalid_bytes)
{
	static const char s[] =
	    "Nghị quyết số 12/NQ-CP\0 về \xff\xfe an sinh; Chỉ thị 05-CT/TW \xc3";
	size_t n = sizeof(s) - 1;
	char *p = exact_copy(s, n);
	doc_list_t l = {0};
	doc_fixture_t fx;
	cr_assert_eq(doc_fixture_find(&fx, p, n, &l), 0);
	cr_assert_eq(l.n, 2);
	cr_expect_str_eq(l.v[0].symbol, "12/NQ-CP");
	cr_expect_str_eq(l.v[1].symbol, "05-CT/TW");
	check_spans(&l, n);
	documents_list_free(&l);
	doc_fixture_free(&fx);
	free(p);
}

Test(documents, decomposed_text)
{
	/* "Kết luận" in NFD: normalised to NFC first (as model_parse does),
	 * offsets index the normalised text */
	const char *s = "Ke\xcc\x82\xcc\x81t lua\xcc\xa3\xcc\x82n so\xcc\x82\xcc\x81 21-KL/TW";
	doc_list_t l = {0};
	doc_fixture_t fx;
	cr_assert_eq(doc_fixture_find(&fx, s, strlen(s), &l), 0);
	cr_assert_eq(l.n, 1);
	cr_expect_str_eq(l.v[0].type, "Kết luận");
	expect_span(fx.s, l.v[0].type_span, "Kết luận");
	expect_span(fx.s, l.v[0].symbol_span, "21-KL/TW");
	documents_list_free(&l);
	doc_fixture_free(&fx);
}

Test(documents, appends_with_offsets)
{
	const char *s = "Kết luận số 21-KL/TW của Bộ Chính trị. Kết luận 21 được quán triệt.";
	doc_list_t l = {0};
	doc_fixture_t fx;
	cr_assert_eq(doc_fixture_find(&fx, s, strlen(s), &l), 0);
	cr_assert_eq(l.n, 2);
	cr_assert_eq(documents_find(&fx.tx, &fx.dates, &fx.terms, &l), 0);
	cr_assert_eq(l.n, 4);
	cr_expect_eq(l.v[2].same_as, 2);
	cr_expect_eq(l.v[3].same_as, 2);
	documents_list_free(&l);
	cr_expect_eq(l.n, 0);
	cr_expect_null(l.v);
	doc_fixture_free(&fx);
}

Test(documents, subject_is_capped)
{
	char buf[4096] = "Nghị quyết số 12/NQ-CP về ";
	for (int i = 0; i < 200; i++)
		strcat(buf, "phát triển ");
	doc_list_t l = {0};
	doc_fixture_t fx;
	cr_assert_eq(doc_fixture_find(&fx, buf, strlen(buf), &l), 0);
	cr_assert_eq(l.n, 1);
	span_t s = l.v[0].subject_span;
	cr_assert(s.end > s.start);
	cr_expect_leq(s.end - s.start, 400);
	cr_expect_eq(buf[s.end], ' ', "the cap falls between words");
	documents_list_free(&l);
	doc_fixture_free(&fx);
}

Test(documents, long_input_is_linear, .timeout = 20)
{
	const char *unit =
	    "Thực hiện Nghị quyết số 12/NQ-CP ngày 5/3/2021 của Chính phủ về an sinh; "
	    "Chỉ thị 05, 06 của Bộ Chính trị; Kế hoạch 5 năm. ";
	size_t ul = strlen(unit), reps = 20000, n = ul * reps;
	char *p = malloc(n);
	cr_assert_not_null(p);
	for (size_t i = 0; i < reps; i++)
		memcpy(p + i * ul, unit, ul);
	doc_list_t l = {0};
	doc_fixture_t fx;
	cr_assert_eq(doc_fixture_find(&fx, p, n, &l), 0);
	cr_expect_eq(l.n, reps * 3);
	cr_expect_eq(l.v[l.n - 3].same_as, 0);
	cr_expect_eq(l.v[l.n - 1].same_as, 2);
	cr_expect_eq(l.v[l.n - 3].year, 2021);
	documents_list_free(&l);
	doc_fixture_free(&fx);
	free(p);
}

/* Random splices of citation fragments: never a crash, spans stay sane. */
Test(documents, random_fragments)
{
	static const char *frag[] = {
	    "Kết luận", " số ",	    "21",	"-",
	    "–",	" ",	    "/",	"KL",
	    "TW",	"2020",	    "NĐ",	"CP",
	    "ngày ",	"5/3/2021", " của ",	"Ban Thường vụ Tỉnh ủy",
	    " về ",	"đẩy mạnh", ".",	",",
	    ";",	"(",	    ")",	"\n",
	    "“",	"”",	    "\"",	"Quyết định",
	    "935",	" và ",	    "khóa XII", "\xe1",
	    "\xcc\x81", "UBND",	    "tỉnh",	"phê duyệt",
	    " tại ",	"ban hành", "đã",	"QĐi",
	    "a",	"0",	    "&",	"T.Ư",
	    "năm",	"Chỉ thị",  "được",	"Chính phủ",
	};
	size_t nf = sizeof(frag) / sizeof(frag[0]);
	uint32_t seed = 12345;
	char buf[1024];
	for (int iter = 0; iter < 3000; iter++) {
		size_t n = 0;
		int parts = 1 + (int)(seed % 60);
		for (int k = 0; k < parts; k++) {
			seed = seed * 1103515245u + 12345u;
			const char *f = frag[(seed >> 8) % nf];
			size_t fl = strlen(f);
			if (n + fl > sizeof(buf))
				break;
			memcpy(buf + n, f, fl);
			n += fl;
		}
		char *p = exact_copy(buf, n);
		doc_list_t l = {0};
		doc_fixture_t fx;
		cr_assert_eq(doc_fixture_find(&fx, p, n, &l), 0);
		check_spans(&l, fx.len);
		documents_list_free(&l);
		doc_fixture_free(&fx);
		free(p);
	}
}

/* ---- Dates and terms come from their recognisers ---- */

/* "4/5/20" is no date to the dates recogniser (a two-digit year): the
 * citation ends at its symbol and nothing after the broken date is read. */
Test(documents, date_rejected_by_dates)
{
	const char *s =
	    "Nghị quyết 379/2017/UBTVQH14 ban hành ngày 4/5/20 về điều chỉnh chương trình.";
	doc_list_t l = {0};
	doc_fixture_t fx;
	cr_assert_eq(doc_fixture_find(&fx, s, strlen(s), &l), 0);
	cr_assert_eq(l.n, 1);
	expect_span(s, l.v[0].span, "Nghị quyết 379/2017/UBTVQH14");
	cr_expect_eq(l.v[0].year, 0);
	expect_span(s, l.v[0].subject_span, NULL);
	documents_list_free(&l);
	doc_fixture_free(&fx);
}

/* Without the lists the citation is still found; no date or term is read. */
Test(documents, without_date_and_term_lists)
{
	const char *s =
	    "Quyết định số 68 ngày 4/7/2018 của Bộ Chính trị khóa XII về công tác cán bộ. "
	    "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị khóa XII.";
	doc_list_t l = {0};
	doc_fixture_t fx;
	cr_assert_eq(doc_fixture_init(&fx, s, strlen(s)), 0);
	cr_assert_eq(documents_find(&fx.tx, NULL, NULL, &l), 0);
	/* "số 68 ngày ..." is no short mention when the date is unknown */
	cr_assert_eq(l.n, 1);
	cr_expect_str_eq(l.v[0].symbol, "05-CT/TW");
	cr_expect_eq(l.v[0].year, 0);
	expect_span(s, l.v[0].issuer_span, NULL);
	documents_list_free(&l);
	/* with them: the date, and the term closing the issuer */
	cr_assert_eq(documents_find(&fx.tx, &fx.dates, &fx.terms, &l), 0);
	cr_assert_eq(l.n, 2);
	cr_expect_eq(l.v[1].year, 2016);
	expect_span(s, l.v[1].issuer_span, "Bộ Chính trị khóa XII");
	documents_list_free(&l);
	doc_fixture_free(&fx);
}

/* ---- Tables from doc_types.tsv ---- */

/* Every form of every type row, aliases too, names its row's canonical
 * type: "<form> số 12-KL/TW". */
Test(documents, every_type_form)
{
	for (size_t i = 0; i < lex_count(LEX_DOC_TYPE); i++) {
		const lex_entry_t *e = lex_entry(LEX_DOC_TYPE, i);
		cr_assert_geq(e->ncols, 2);
		char forms[256];
		snprintf(forms, sizeof forms, "%s%s%s", e->form, e->ncols >= 6 ? "," : "",
			 e->ncols >= 6 ? e->cols[5] : "");
		for (char *save = NULL, *f = strtok_r(forms, ",", &save); f;
		     f = strtok_r(NULL, ",", &save)) {
			char text[320];
			snprintf(text, sizeof text, "Thực hiện %s số 12-KL/TW.", f);
			doc_list_t l = {0};
			doc_fixture_t fx;
			cr_assert_eq(doc_fixture_find(&fx, text, strlen(text), &l), 0);
			cr_assert_eq(l.n, 1, "in: %s", text);
			/* a duplicate form belongs to the first row that has it */
			const lex_entry_t *first = lex_lookup(LEX_DOC_TYPE, f, strlen(f));
			cr_assert_not_null(first, "%s", f);
			cr_expect_str_eq(l.v[0].type, first->cols[1], "in: %s", text);
			documents_list_free(&l);
			doc_fixture_free(&fx);
		}
	}
}

static uint16_t form_kw(const char *w, size_t k)
{
	text_t tx;
	arena_t ar = {0};
	cr_assert_eq(text_scan(&tx, w, strlen(w), &ar, NULL), 0);
	uint16_t kw =
	    k < tx.n ? lex_vocab_find(tok_key(&tx, k), tx.tok[k].klen, tx.tok[k].hash) : 0;
	size_t n = tx.n;
	text_free(&tx);
	arena_free(&ar);
	return k < n ? kw : UINT16_MAX;
}

/* The grammar words the rules test by id are words of doc_types.tsv, so
 * their ids do not depend on the other files; the "keyword" rows hold only
 * those no other row has (each costs a lookup wherever the word occurs). */
Test(documents, keywords_declared)
{
	static const uint16_t ids[] = {KW_soos, KW_ngayf, KW_thangs, KW_nawm,	 KW_cuar,
				       KW_veef, KW_vaf,	  KW_taij,   KW_khoas,	 KW_nhieemj,
				       KW_kyf,	KW_laanf, KW_thuws,  KW_dduwowcj};
	static uint8_t seen[KW_COUNT];
	for (int lx = 0; lx < LEX_COUNT; lx++) {
		if (strncmp(lex_name(lx), "doc_", 4) || lx == LEX_DOC_KEYWORD)
			continue;
		for (size_t i = 0; i < lex_count(lx); i++)
			for (size_t k = 0; form_kw(lex_entry(lx, i)->form, k) != UINT16_MAX; k++)
				seen[form_kw(lex_entry(lx, i)->form, k)] = 1;
	}
	for (size_t i = 0; i < lex_count(LEX_DOC_KEYWORD); i++) {
		uint16_t kw = form_kw(lex_entry(LEX_DOC_KEYWORD, i)->form, 0);
		cr_expect(!seen[kw], "keyword \"%s\" is already a word of another row",
			  lex_vocab_key(kw));
		seen[kw] = 1;
	}
	for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++)
		cr_expect(seen[ids[i]], "\"%s\" is not a word of doc_types.tsv",
			  lex_vocab_key(ids[i]));
}

/* ---- Out of memory ---- */

/* Every allocation is in the arena: when it runs out at any point the call
 * fails and appends nothing. The arena may not grow, and all but `room`
 * bytes of its block are taken before the call. */
Test(documents, out_of_memory)
{
	const char *s = "Thực hiện Kết luận số 21-KL/TW ngày 5/3/2021 của Bộ Chính trị về cán bộ; "
			"Kết luận 21 và Chỉ thị 05, 06 của Ban Bí thư.";
	int failed = 0, passed = 0;
	for (size_t room = 0; room < 60000 && !passed; room += 16) {
		doc_fixture_t fx;
		doc_list_t l = {0};
		cr_assert_eq(doc_fixture_init(&fx, s, strlen(s)), 0);
		size_t left = (size_t)(fx.arena.end - fx.arena.cur);
		cr_assert_gt(left, room);
		cr_assert_not_null(arena_alloc(&fx.arena, left - room));
		fx.arena.limit = fx.arena.total;
		if (documents_find(&fx.tx, &fx.dates, &fx.terms, &l) < 0) {
			failed++;
			cr_expect_eq(l.n, 0, "a failed call appends nothing");
		} else {
			passed = 1;
			cr_expect_eq(l.n, 4);
		}
		documents_list_free(&l);
		doc_fixture_free(&fx);
	}
	cr_expect(failed > 0 && passed, "failed %d times before passing", failed);
}
