/* Internal: the tables tools/lexgen.c generates (build/gen/lexicon_tables.c)
 * and model/lexicon/lex.c reads. */
#ifndef MEETINGD_LEXICON_LEX_TABLES_H
#define MEETINGD_LEXICON_LEX_TABLES_H

#include <stdint.h>

#include "model/lexicon/lex.h"
#include "model/lexicon/lex_hash.h"

struct lex_vocab {
	uint64_t pre; /* the key's first 8 bytes, little-endian, zero-padded */
	uint32_t hash;
	uint32_t key; /* offset in lex_vocab_keys */
	uint8_t len;
};

/* A slot of the vocabulary's hash table as the scan probes it: the key's
 * first word, so that most probes need no other load (id 0: empty). */
struct lex_probe {
	uint64_t pre;
	uint32_t hash;
	uint16_t id;
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
extern const struct lex_probe lex_vocab_probe[];
extern const struct lex_table lex_tables[LEX_COUNT];
extern const uint32_t lex_node_term[];
extern const uint64_t lex_node_mask[]; /* bit L: node has a term of lexicon L */
/* the class bits (model/tag/cls_bits.h) of the node's lexicons */
extern const uint8_t lex_node_cls[];
extern const struct lex_term lex_terms[];
extern const struct lex_edge lex_edges[];
extern const uint64_t lex_edge_mask;
/* the tagger's walk (tools/lexgen_write.c, write_walk): the root child of
 * a keyword that may begin an entry, else -1; 1 when a keyword labels an
 * edge below the root; each node's last term of every lexicon it has, in
 * lexicon order, from lex_node_last_at[node] */
extern const int32_t lex_kw_root[KW_COUNT];
extern const unsigned char lex_kw_inner[KW_COUNT];
extern const uint64_t lex_node_bloom[]; /* bit kw % 64: a child by some kw */
extern const uint32_t lex_node_last_at[];
extern const struct lex_term lex_node_last[];

/* lex_vocab_find for a key followed by zero bytes up to 8 at least (the
 * scan pads every key so): the first 8 bytes compared at once, as one
 * little-endian word, in the slot itself. A key of under 8 bytes is the
 * slot's key when the words are equal (no key holds a zero byte, so the
 * padding fixes the length); a longer one compares its length, hash and
 * remaining bytes. The scan's lookup, once per token. */
static inline uint16_t lex_vocab_find8(const char *key, size_t len, uint32_t hash)
{
	uint64_t pre;
	__builtin_memcpy(&pre, key, 8);
	for (uint32_t s = hash & lex_vocab_mask;; s = (s + 1) & lex_vocab_mask) {
		const struct lex_probe *v = &lex_vocab_probe[s];
		if (v->pre == pre) {
			if (len < 8)
				return v->id;
			if (v->len == len && v->hash == hash) {
				const char *k = lex_vocab_keys + lex_vocab[v->id].key;
				size_t i = 8;
				while (i < len && k[i] == key[i])
					i++;
				if (i >= len)
					return v->id;
			}
		}
		if (!v->id)
			return 0;
	}
}

/* The child of trie node `node` by keyword kw, or -1 (tag_text's walk,
 * lex_lookup). */
static inline int64_t lex_trie_child(uint32_t node, uint16_t kw)
{
	uint64_t key = ((uint64_t)node + 1) << 16 | kw;
	uint64_t s = lex_edge_hash(key) & lex_edge_mask;
	for (;;) {
		const struct lex_edge *e = &lex_edges[s];
		if (e->key == key)
			return e->child;
		if (!e->key)
			return -1;
		s = (s + 1) & lex_edge_mask;
	}
}

#endif
