/* The vocabulary compiler's output (tools/lexgen.c): lexicon_ids.h and
 * lexicon_tables.c from the state the reading built. */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/tag/cls_bits.h"
#include "tools/lexgen.h"

/* ---- output ---- */

/* The Telex spelling of a key as an identifier ("hop5" -> "hopj", "chu3" ->
 * "chur", "đông2" -> "ddoongf"), or 0 when the key has other letters. */
static int telex(const char *key, char *out, size_t cap)
{
	static const struct {
		const char *u, *t;
	} map[] = {{"\xc3\xa2", "aa"}, {"\xc4\x83", "aw"}, {"\xc3\xaa", "ee"}, {"\xc3\xb4", "oo"},
		   {"\xc6\xa1", "ow"}, {"\xc6\xb0", "uw"}, {"\xc4\x91", "dd"}};
	static const char tones[] = "sfrxj";
	size_t o = 0, n = strlen(key);
	if (!n || !(key[0] >= 'a' && key[0] <= 'z')) {
		int viet = 0;
		for (size_t k = 0; k < sizeof map / sizeof *map; k++)
			if (!strncmp(key, map[k].u, strlen(map[k].u)))
				viet = 1;
		if (!viet)
			return 0;
	}
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)key[i];
		const char *t = NULL;
		size_t step = 1;
		if (c >= 'a' && c <= 'z') {
			static char one[2];
			one[0] = (char)c;
			one[1] = 0;
			t = one;
		} else if (c >= '1' && c <= '5' && i + 1 == n && i > 0) {
			static char tone[2];
			tone[0] = tones[c - '1'];
			tone[1] = 0;
			t = tone;
		} else {
			for (size_t k = 0; k < sizeof map / sizeof *map; k++)
				if (!strncmp(key + i, map[k].u, strlen(map[k].u))) {
					t = map[k].t;
					step = strlen(map[k].u);
				}
		}
		if (!t)
			return 0;
		size_t tl = strlen(t);
		if (o + tl + 1 >= cap)
			return 0;
		memcpy(out + o, t, tl);
		o += tl;
		i += step;
	}
	out[o] = 0;
	return 1;
}

static void c_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c < 0x20 || c >= 0x7f)
			fprintf(f, "\\%03o", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

static void upper_name(const char *s, char *out, size_t cap)
{
	size_t i = 0;
	for (; s[i] && i + 1 < cap; i++)
		out[i] = (char)toupper((unsigned char)s[i]);
	out[i] = 0;
}

/* The lists' declarations, before lexicon_ids.h's #endif; nothing when
 * there is no list, so that the lexicons' header stays as it was. */
static void write_list_decls(FILE *f)
{
	if (!lexgen_nlist)
		return;
	fprintf(f, "/* string lists (\"#! list\" files): UTF-8, file order, NULL-ended */\n");
	for (int i = 0; i < lexgen_nlist; i++) {
		char u[160];
		upper_name(lexgen_lists[i].name, u, sizeof u);
		fprintf(f, "#define LEX_LIST_%s_COUNT %zu\n", u, lexgen_lists[i].n);
		fprintf(f, "extern const char *const lex_list_%s[LEX_LIST_%s_COUNT + 1];\n",
			lexgen_lists[i].name, u);
	}
	fprintf(f, "\n");
}

/* The lists themselves, after every table of the lexicons. */
static void write_lists(FILE *f)
{
	for (int i = 0; i < lexgen_nlist; i++) {
		char u[160];
		upper_name(lexgen_lists[i].name, u, sizeof u);
		fprintf(f, "const char *const lex_list_%s[LEX_LIST_%s_COUNT + 1] = {\n",
			lexgen_lists[i].name, u);
		for (size_t k = 0; k < lexgen_lists[i].n; k++) {
			fprintf(f, "\t");
			c_string(f, lexgen_lists[i].s[k]);
			fprintf(f, ",\n");
		}
		fprintf(f, "\t0,\n};\n");
	}
}

/* What the tagger's walk and lex_at read in one step: each keyword's root
 * child when it may begin an entry (its first-keyword bits set, else -1); whether a
 * keyword labels an edge below the root at all (a walk stops at a token
 * whose keyword does not, without a probe); each node's children's
 * keyword ids modulo 64 as bits (a probe only when the next token's bit is
 * set; 0: a leaf); and each node's last term of
 * every lexicon it has, in lexicon order (the entry lex_at returns, without
 * a look at the node's other terms). */
static void write_walk(FILE *f)
{
	unsigned char *inner = calloc(lexgen_nvocab + 1, 1);
	if (!inner)
		lexgen_die("out of memory");
	for (size_t i = 0; i < lexgen_capedge; i++)
		if (lexgen_edges[i].key && (lexgen_edges[i].key >> 16) != 1)
			inner[lexgen_edges[i].key & 0xFFFF] = 1;
	fprintf(f, "const unsigned char lex_kw_inner[%zu] = {\n", lexgen_nvocab);
	for (size_t kw = 0; kw < lexgen_nvocab; kw++)
		fprintf(f, "%u,%s", inner[kw], kw % 32 == 31 ? "\n" : "");
	fprintf(f, "};\n");
	free(inner);
	uint64_t *bloom = calloc(lexgen_nnode + 1, sizeof *bloom);
	if (!bloom)
		lexgen_die("out of memory");
	for (size_t i = 0; i < lexgen_capedge; i++)
		if (lexgen_edges[i].key)
			bloom[(lexgen_edges[i].key >> 16) - 1] |= 1ULL
								  << (lexgen_edges[i].key & 63);
	fprintf(f, "const uint64_t lex_node_bloom[%zu] = {\n", lexgen_nnode + 1);
	for (size_t i = 0; i <= lexgen_nnode; i++)
		fprintf(f, "0x%llxull,%s", (unsigned long long)bloom[i], i % 8 == 7 ? "\n" : "");
	fprintf(f, "};\n");
	free(bloom);
	fprintf(f, "const int32_t lex_kw_root[%zu] = {\n", lexgen_nvocab);
	for (size_t kw = 0; kw < lexgen_nvocab; kw++) {
		uint64_t key = (uint64_t)1 << 16 | kw;
		long c = -1;
		for (size_t sl = edge_hash(key) & (lexgen_capedge - 1);
		     kw < lexgen_cap_kw_first && lexgen_kw_first[kw] && lexgen_edges[sl].key;
		     sl = (sl + 1) & (lexgen_capedge - 1))
			if (lexgen_edges[sl].key == key) {
				c = (long)lexgen_edges[sl].child;
				break;
			}
		fprintf(f, "%ld,%s", c, kw % 16 == 15 ? "\n" : "");
	}
	fprintf(f, "};\n");
	fprintf(f, "const uint32_t lex_node_last_at[%zu] = {\n", lexgen_nnode + 1);
	size_t at = 0;
	for (size_t i = 0; i <= lexgen_nnode; i++) {
		fprintf(f, "%zu,%s", at, i % 16 == 15 ? "\n" : "");
		uint64_t m = 0;
		if (i < lexgen_nnode)
			for (int t = lexgen_node_term[i]; t >= 0; t = lexgen_terms[t].next)
				m |= 1ULL << lexgen_terms[t].lex;
		at += (size_t)__builtin_popcountll(m);
	}
	fprintf(f, "};\nconst struct lex_term lex_node_last[%zu] = {\n", at ? at : 1);
	for (size_t i = 0; i < lexgen_nnode; i++) {
		int last[64];
		for (int l = 0; l < 64; l++)
			last[l] = -1;
		for (int t = lexgen_node_term[i]; t >= 0; t = lexgen_terms[t].next)
			last[lexgen_terms[t].lex] = lexgen_terms[t].entry;
		for (int l = 0; l < 64; l++)
			if (last[l] >= 0)
				fprintf(f, "{%d,%d},\n", l, last[l]);
	}
	if (!at)
		fprintf(f, "{0,0}\n");
	fprintf(f, "};\n");
}

void lexgen_write_ids(const char *dir)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/lexicon_ids.h.tmp", dir);
	FILE *f = fopen(path, "w");
	if (!f)
		lexgen_die("%s: %s", path, strerror(errno));
	fprintf(f, "/* generated by tools/lexgen.c from model/lexicon; do not edit */\n");
	fprintf(f, "#ifndef MEETINGD_LEXICON_IDS_H\n#define MEETINGD_LEXICON_IDS_H\n\n");
	fprintf(f, "enum lex_id {\n");
	for (int i = 0; i < lexgen_nlex; i++) {
		char u[80];
		upper_name(lexgen_lexes[i].name, u, sizeof u);
		fprintf(f, "\tLEX_%s = %d,\n", u, i);
	}
	fprintf(f, "\tLEX_COUNT = %d\n};\n\n", lexgen_nlex);
	/* names: a Telex spelling shared by two keys names neither, so that a
	 * use in C fails to compile instead of testing the wrong word */
	char(*names)[80] = calloc(lexgen_nvocab, sizeof *names);
	if (!names)
		lexgen_die("out of memory");
	for (size_t i = 1; i < lexgen_nvocab; i++)
		if (!telex(lexgen_vocab[i].key, names[i], sizeof names[i]))
			names[i][0] = 0;
	fprintf(f, "enum kw_id {\n\tKW_NONE = 0,\n");
	for (size_t i = 1; i < lexgen_nvocab; i++) {
		if (!names[i][0])
			continue;
		int dup = 0;
		for (size_t j = 1; j < lexgen_nvocab && !dup; j++)
			dup = j != i && !strcmp(names[i], names[j]);
		if (dup) {
			fprintf(stderr, "lexgen: warning: KW_%s names two words; neither gets it\n",
				names[i]);
			continue;
		}
		fprintf(f, "\tKW_%s = %zu,\n", names[i], i);
	}
	fprintf(f, "\tKW_COUNT = %zu\n};\n\n", lexgen_nvocab);
	write_list_decls(f);
	fprintf(f, "#endif\n");
	free(names);
	fclose(f);
	char final[1024];
	snprintf(final, sizeof final, "%s/lexicon_ids.h", dir);
	/* rewrite only on change, so that model objects are not rebuilt for a
	 * TSV edit that adds no lexicon and no word */
	FILE *old = fopen(final, "r"), *nw = fopen(path, "r");
	int same = old && nw;
	while (same) {
		int a = fgetc(old), b = fgetc(nw);
		if (a != b)
			same = 0;
		if (a == EOF || b == EOF)
			break;
	}
	if (old)
		fclose(old);
	if (nw)
		fclose(nw);
	if (same)
		remove(path);
	else if (rename(path, final))
		lexgen_die("%s: %s", final, strerror(errno));
}

void lexgen_write_tables(const char *dir)
{
	char path[1024], final[1024];
	snprintf(path, sizeof path, "%s/lexicon_tables.c.tmp", dir);
	snprintf(final, sizeof final, "%s/lexicon_tables.c", dir);
	FILE *f = fopen(path, "w");
	if (!f)
		lexgen_die("%s: %s", path, strerror(errno));
	fprintf(f, "/* generated by tools/lexgen.c from model/lexicon; do not edit */\n");
	fprintf(f, "#include \"model/lexicon/lex_tables.h\"\n\n");
	/* vocabulary */
	fprintf(f, "const char lex_vocab_keys[] =\n");
	size_t off = 0;
	size_t *offs = calloc(lexgen_nvocab, sizeof *offs);
	if (!offs)
		lexgen_die("out of memory");
	fprintf(f, "\t\"\\0\"\n");
	off = 1;
	for (size_t i = 1; i < lexgen_nvocab; i++) {
		offs[i] = off;
		fprintf(f, "\t");
		c_string(f, lexgen_vocab[i].key);
		fprintf(f, " \"\\0\"\n");
		off += lexgen_vocab[i].len + 1;
	}
	fprintf(f, "\t;\n");
	fprintf(f, "const struct lex_vocab lex_vocab[%zu] = {\n\t{0, 0, 0, 0},\n", lexgen_nvocab);
	for (size_t i = 1; i < lexgen_nvocab; i++) {
		/* the first 8 bytes as a little-endian number, zero-padded */
		unsigned long long pre = 0;
		for (size_t k = 0; k < 8 && k < lexgen_vocab[i].len; k++)
			pre |= (unsigned long long)(unsigned char)lexgen_vocab[i].key[k] << (8 * k);
		fprintf(f, "\t{0x%llxull, %uu, %zu, %u},\n", pre, lexgen_vocab[i].hash, offs[i],
			lexgen_vocab[i].len);
	}
	fprintf(f, "};\n");
	free(offs);
	lexgen_vslot_rebuild(lexgen_nvocab);
	fprintf(f, "const uint16_t lex_vocab_slot[%zu] = {\n", lexgen_nvslot);
	for (size_t i = 0; i < lexgen_nvslot; i++)
		fprintf(f, "%u,%s", lexgen_vslot[i], i % 16 == 15 ? "\n" : "");
	fprintf(f, "};\nconst uint32_t lex_vocab_mask = %zu;\n", lexgen_nvslot - 1);
	/* the same slots with each key's first word, length and hash in
	 * place, for the scan's probe (lex_vocab_find8) */
	fprintf(f, "const struct lex_probe lex_vocab_probe[%zu] = {\n", lexgen_nvslot);
	for (size_t i = 0; i < lexgen_nvslot; i++) {
		const vkey_t *v = &lexgen_vocab[lexgen_vslot[i]];
		unsigned long long pre = 0;
		for (size_t k = 0; lexgen_vslot[i] && k < 8 && k < v->len; k++)
			pre |= (unsigned long long)(unsigned char)v->key[k] << (8 * k);
		if (lexgen_vslot[i])
			fprintf(f, "{0x%llxull, %uu, %u, %u},\n", pre, v->hash, lexgen_vslot[i],
				v->len);
		else
			fprintf(f, "{0, 0, 0, 0},\n");
	}
	fprintf(f, "};\n");
	/* entries */
	for (int l = 0; l < lexgen_nlex; l++) {
		lexicon_t *L = &lexgen_lexes[l];
		for (size_t i = 0; i < L->n; i++) {
			fprintf(f, "static const char *const c%d_%zu[] = {", l, i);
			for (int k = 0; k < L->e[i].ncols; k++) {
				c_string(f, L->e[i].cols[k]);
				fputc(',', f);
			}
			fprintf(f, "};\n");
		}
		fprintf(f, "static const lex_entry_t e%d[] = {\n", l);
		for (size_t i = 0; i < L->n; i++) {
			fprintf(f, "\t{");
			c_string(f, L->e[i].form);
			fprintf(f, ", c%d_%zu, %d, %d},\n", l, i, L->e[i].ncols, L->e[i].ntok);
		}
		if (!L->n)
			fprintf(f, "\t{0, 0, 0, 0},\n");
		fprintf(f, "};\n");
	}
	fprintf(f, "const struct lex_table lex_tables[%d] = {\n", lexgen_nlex);
	for (int l = 0; l < lexgen_nlex; l++)
		fprintf(f, "\t{\"%s\", e%d, %zu},\n", lexgen_lexes[l].name, l, lexgen_lexes[l].n);
	fprintf(f, "};\n");
	/* the trie: each node's terms, flattened in node order */
	fprintf(f, "const uint32_t lex_node_term[%zu] = {\n", lexgen_nnode + 1);
	size_t at = 0;
	for (size_t i = 0; i <= lexgen_nnode; i++) {
		fprintf(f, "%zu,%s", at, i % 16 == 15 ? "\n" : "");
		if (i < lexgen_nnode)
			for (int t = lexgen_node_term[i]; t >= 0; t = lexgen_terms[t].next)
				at++;
	}
	fprintf(f, "};\n");
	/* each node's lexicons as bits: a token's mask without a look at
	 * its terms */
	fprintf(f, "const uint64_t lex_node_mask[%zu] = {\n", lexgen_nnode + 1);
	for (size_t i = 0; i <= lexgen_nnode; i++) {
		unsigned long long m = 0;
		if (i < lexgen_nnode)
			for (int t = lexgen_node_term[i]; t >= 0; t = lexgen_terms[t].next)
				m |= 1ULL << lexgen_terms[t].lex;
		fprintf(f, "0x%llxull,%s", m, i % 8 == 7 ? "\n" : "");
	}
	fprintf(f, "};\n");
	/* each node's class bits, from its lexicons' (cls_bits.h) */
	unsigned lex_cls[MAX_LEX];
	for (int l = 0; l < lexgen_nlex; l++)
		lex_cls[l] = tag_cls_of_lexicon(lexgen_lexes[l].name);
	fprintf(f, "const uint8_t lex_node_cls[%zu] = {\n", lexgen_nnode + 1);
	for (size_t i = 0; i <= lexgen_nnode; i++) {
		unsigned c = 0;
		if (i < lexgen_nnode)
			for (int t = lexgen_node_term[i]; t >= 0; t = lexgen_terms[t].next)
				c |= lex_cls[lexgen_terms[t].lex];
		fprintf(f, "%u,%s", c, i % 16 == 15 ? "\n" : "");
	}
	fprintf(f, "};\n");
	/* whether a node has children: a walk stops there without a probe */
	fprintf(f, "const struct lex_term lex_terms[%zu] = {\n", lexgen_nterm ? lexgen_nterm : 1);
	for (size_t i = 0; i < lexgen_nnode; i++)
		for (int t = lexgen_node_term[i]; t >= 0; t = lexgen_terms[t].next)
			fprintf(f, "{%u,%d},\n", lexgen_terms[t].lex, lexgen_terms[t].entry);
	if (!lexgen_nterm)
		fprintf(f, "{0,0}\n");
	fprintf(f, "};\n");
	fprintf(f, "const struct lex_edge lex_edges[%zu] = {\n", lexgen_capedge);
	for (size_t i = 0; i < lexgen_capedge; i++)
		fprintf(f, "{0x%llxull,%u},%s", (unsigned long long)lexgen_edges[i].key,
			lexgen_edges[i].child, i % 4 == 3 ? "\n" : "");
	fprintf(f, "};\nconst uint64_t lex_edge_mask = %zu;\n", lexgen_capedge - 1);
	write_walk(f);
	write_lists(f);
	fclose(f);
	if (rename(path, final))
		lexgen_die("%s: %s", final, strerror(errno));
}
