/* Internal: the tables tools/lexgen.c generates (build/gen/lexicon_tables.c)
 * and model/lexicon/lex.c reads. */
#ifndef MEETINGD_LEXICON_LEX_TABLES_H
#define MEETINGD_LEXICON_LEX_TABLES_H

#include <stdint.h>

#include "model/lexicon/lex.h"

struct lex_vocab {
	uint32_t hash;
	uint32_t key; /* offset in lex_vocab_keys */
	uint8_t len;
};

struct lex_table {
	const char *name;
	const lex_entry_t *e;
	uint32_t n;
};

/* An entry that a trie node spells. */
struct lex_term {
	uint16_t lex;
	int32_t entry;
};

struct lex_edge {
	uint64_t key; /* (parent + 1) << 16 | kw, 0 for an empty slot */
	uint32_t child;
};

extern const char lex_vocab_keys[];
extern const struct lex_vocab lex_vocab[KW_COUNT];
extern const uint16_t lex_vocab_slot[];
extern const uint32_t lex_vocab_mask;
extern const uint64_t lex_kw_first[KW_COUNT];
extern const struct lex_table lex_tables[LEX_COUNT];
extern const uint32_t lex_node_term[];
extern const struct lex_term lex_terms[];
extern const struct lex_edge lex_edges[];
extern const uint64_t lex_edge_mask;
extern const int32_t lex_root_child[KW_COUNT];

/* Walk the trie from token i: writes every entry of every lexicon that
 * starts there, shortest first, into out[0..cap) and returns their number
 * (tag_text). */
size_t lex_walk(const text_t *tx, size_t i, struct lex_hit *out, size_t cap);

#endif
