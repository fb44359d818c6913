/* libFuzzer target: the HTML path (model/html's html_extract(), then the
 * model over the same page). Beyond "no crash, no sanitizer report, no
 * timeout" (the guard keeps libxml2's work linear), it checks what a
 * client relies on: a refusal is a charset or an empty page; the text is
 * NFC UTF-8, one line per block, every block, author and paragraph range
 * inside the text or the page (fuzz/fuzz_html_check.h). A first byte 0xFF
 * chooses the transport charset and a url from the second byte. */
#include "fuzz/fuzz_html_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > FUZZ_MAX_INPUT)
		return 0;
	fz_html_check(data, size);
	return 0;
}
