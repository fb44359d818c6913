/* The HTML path of the model on one file, for bench/complexity.sh: the page
 * through model_parse() with MODEL_INPUT_HTML, as POST /v1/parse with
 * Content-Type: text/html runs it. Prints the text length and the number of
 * paragraphs; exits 0 on a result or an empty page, 1 otherwise. */
#include <stdio.h>
#include <stdlib.h>

#include "model/model.h"

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: html-probe PAGE\n");
		return 2;
	}
	FILE *f = fopen(argv[1], "rb");
	if (!f) {
		perror(argv[1]);
		return 1;
	}
	char *b = NULL;
	size_t n = 0, cap = 0, r;
	do {
		if (n + 65536 > cap) {
			cap = (n + 65536) * 2;
			char *nb = realloc(b, cap);
			if (!nb)
				return 1;
			b = nb;
		}
		r = fread(b + n, 1, 65536, f);
		n += r;
	} while (r);
	fclose(f);
	struct model_options o = {.input = MODEL_INPUT_HTML, .include_text = 1};
	struct model_error e;
	json_t *res = model_parse(b, n, &o, &e);
	free(b);
	if (!res) {
		printf("html-probe: %s\n", e.message);
		return e.code == MODEL_E_EMPTY ? 0 : 1;
	}
	printf("html-probe: %zu bytes of text, %zu paragraphs\n",
	       json_string_length(json_object_get(res, "text")),
	       json_array_size(json_object_get(json_object_get(res, "article"), "paragraphs")));
	json_decref(res);
	return 0;
}
