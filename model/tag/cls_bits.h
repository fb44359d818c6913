/* The bits of the class byte (classes.h) and the lexicons that set them, in
 * a header that needs no generated file, so that the vocabulary compiler
 * (tools/lexgen) reads it too: it writes each trie node's bits as
 * lex_node_cls[], and the tagger ORs those of the entries it finds into a
 * token's class, rather than moving bits out of its lexicon mask one by one
 * (a few instructions a bit, at every token that starts an entry). */
#ifndef MEETINGD_TAG_CLS_BITS_H
#define MEETINGD_TAG_CLS_BITS_H

#include <string.h>

enum tag_cls_bit {
	TAG_CLS_NUM = 1,   /* TK_NUM */
	TAG_CLS_DATE = 2,  /* a word in LEX_DATE_START */
	TAG_CLS_TERM = 4,  /* a keyword that starts a term (khóa, nhiệm kỳ, giai đoạn) */
	TAG_CLS_ORG = 8,   /* a word in LEX_BODIES or LEX_PLACES */
	TAG_CLS_DOC = 16,  /* in LEX_DOC_TYPE */
	TAG_CLS_LINE = 32, /* the segmenter may stop: a line break, not a word, or a keyword */
	/* in a lexicon the task finder reads (MEETINGS_TASK_LEXICONS), or
	 * "với" or "theo" (by id mod 64); the meetings stage (build_indexes)
	 * adds the first token of each body's mention and the tokens of each
	 * person's context, known only then. With TAG_CLS_LINE (every token
	 * not a word) it covers every token the task finder stops at. */
	TAG_CLS_TASK = 64,
	TAG_CLS_DIRECT = 128, /* in LEX_TASK_CUE or LEX_TASK_VERB */
};

/* The class bits an entry of the lexicon named `name` (lex_name) gives the
 * token it starts at. */
static inline unsigned tag_cls_of_lexicon(const char *name)
{
	static const struct {
		const char *name;
		unsigned char bits;
	} map[] = {
	    {"date_start", TAG_CLS_DATE},
	    {"bodies", TAG_CLS_ORG | TAG_CLS_TASK},
	    {"places", TAG_CLS_ORG | TAG_CLS_TASK},
	    {"doc_type", TAG_CLS_DOC | TAG_CLS_TASK},
	    {"task_cue", TAG_CLS_TASK | TAG_CLS_DIRECT},
	    {"task_verb", TAG_CLS_TASK | TAG_CLS_DIRECT},
	    {"task_not", TAG_CLS_TASK},
	    {"task_when", TAG_CLS_TASK},
	    {"task_agent", TAG_CLS_TASK},
	    {"honorifics", TAG_CLS_TASK},
	    {"positions", TAG_CLS_TASK},
	    {"localities", TAG_CLS_TASK},
	};
	unsigned c = 0;
	for (size_t k = 0; k < sizeof map / sizeof map[0]; k++)
		if (!strcmp(name, map[k].name))
			c |= map[k].bits;
	return c;
}

#endif
