/* Internal to the vocabulary compiler (tools/lexgen.c reads the TSV files
 * and builds the tries, tools/lexgen_write.c writes the generated files):
 * the state they share. */
#ifndef MEETINGD_TOOLS_LEXGEN_H
#define MEETINGD_TOOLS_LEXGEN_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "model/lexicon/lex_hash.h"

#define MAX_LEX 64
#define MAX_COLS 8
#define MAX_TOK 24
#define MAX_LIST 64

#define edge_hash lex_edge_hash

typedef struct vkey {
	char *key;
	uint32_t hash;
	uint8_t len;
} vkey_t;

typedef struct entry {
	char *form;
	char *cols[MAX_COLS];
	int ncols;
	int ntok;
} entry_t;

typedef struct lexicon {
	char name[160];
	entry_t *e;
	size_t n, cap;
	int words_only; /* "#! lex NAME words": vocabulary, no matching */
} lexicon_t;

/* One trie for every lexicon: a node is a sequence of keyword ids, and
 * lists the (lexicon, entry) pairs whose form it spells. */
typedef struct term {
	uint16_t lex;
	int32_t entry;
	int next; /* next term of the same node, -1 */
} term_t;

typedef struct edge {
	uint64_t key; /* (parent + 1) << 16 | kw; 0 = empty */
	uint32_t child;
} edge_t;

typedef struct strlist {
	char name[160];
	char **s;
	size_t n, cap;
} strlist_t;

/* the vocabulary: lexgen_vocab[0] is the empty id; its hash slots */
extern vkey_t *lexgen_vocab;
extern size_t lexgen_nvocab;
extern uint32_t *lexgen_vslot;
extern size_t lexgen_nvslot;
/* the lexicons and their one trie */
extern lexicon_t lexgen_lexes[MAX_LEX];
extern int lexgen_nlex;
extern int *lexgen_node_term; /* first term of each node, -1 */
extern size_t lexgen_nnode;
extern term_t *lexgen_terms;
extern size_t lexgen_nterm;
extern edge_t *lexgen_edges;
extern size_t lexgen_capedge; /* slots, a power of two */
/* the lexicons each keyword can start an entry of (bits) */
extern uint64_t *lexgen_kw_first;
extern size_t lexgen_cap_kw_first;
/* the "#! list" files */
extern strlist_t lexgen_lists[MAX_LIST];
extern int lexgen_nlist;

/* Print a message and exit 1. */
void lexgen_die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
/* realloc or die. */
void *lexgen_xrealloc(void *p, size_t n);
/* Rebuild the vocabulary's hash slots for at least need keys. */
void lexgen_vslot_rebuild(size_t need);

/* OUT_DIR/lexicon_ids.h (only when it changes) and OUT_DIR/lexicon_tables.c. */
void lexgen_write_ids(const char *dir);
void lexgen_write_tables(const char *dir);

#endif
