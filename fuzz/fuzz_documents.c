/* libFuzzer target: the document-reference recogniser on the NFC text
 * model_parse() would hand it, tagged and with its dates and terms found
 * as model_parse() finds them. Checks every span, that the strings it
 * builds are valid UTF-8, and that re-mentions point back to a first
 * citation of the same document. */
#include "fuzz/fuzz_common.h"
#include "model/dates/dates.h"
#include "model/documents/documents.h"
#include "model/tag/tag.h"

static void check_string(const char *what, const char *s)
{
	int nul;

	if (s)
		FZ_CHECK(text_utf8_check(s, strlen(s), &nul) == strlen(s),
			 "%s \"%s\" is not valid UTF-8", what, s);
}

static void check_sub(const char *what, const char *text, size_t len, span_t s)
{
	if (s.start || s.end)
		fz_span(what, text, len, s.start, s.end, 1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	doc_list_t dl = {0};
	date_list_t dates = {0};
	term_list_t terms = {0};
	arena_t arena = {0};
	text_t tx;
	char *owned;
	size_t len, i;
	const char *text;

	if (size > FUZZ_MAX_INPUT)
		return 0;
	text = fz_nfc(data, size, &len, &owned);
	if (!text)
		return 0;
	FZ_CHECK(text_scan(&tx, text, len, &arena, NULL) == 0 && tag_text(&tx) == 0 &&
		     dates_find(&tx, &dates) == 0 && dates_find_terms(&tx, &terms) == 0,
		 "text layer or dates: out of memory");
	FZ_CHECK(documents_find(&tx, &dates, &terms, &dl) == 0, "documents_find: out of memory");
	for (i = 0; i < dl.n; i++) {
		const doc_cite_t *d = &dl.v[i];
		fz_span("citation", text, len, d->span.start, d->span.end, 0);
		check_sub("type", text, len, d->type_span);
		check_sub("symbol", text, len, d->symbol_span);
		check_sub("issuer", text, len, d->issuer_span);
		check_sub("subject", text, len, d->subject_span);
		check_string("type", d->type);
		check_string("type_code", d->type_code);
		check_string("number", d->number);
		check_string("symbol", d->symbol);
		check_string("issuer_code", d->issuer_code);
		FZ_CHECK(d->rule != NULL, "citation without a rule");
		FZ_CHECK(d->same_as >= 0 && (size_t)d->same_as <= i,
			 "citation %zu is the same as %d, not an earlier one", i, d->same_as);
		FZ_CHECK(dl.v[d->same_as].same_as == d->same_as,
			 "citation %zu points to %d, itself a re-mention", i, d->same_as);
		if (i)
			FZ_CHECK(dl.v[i - 1].span.start <= d->span.start,
				 "citations %zu and %zu are out of order", i - 1, i);
	}
	documents_list_free(&dl);
	text_free(&tx);
	arena_free(&arena);
	free(owned);
	return 0;
}
