/* Build-time compiler of the vocabulary: reads the TSV files of
 * model/lexicon and
 * writes the static tables the model matches against.
 *
 *   lexgen OUT_DIR FILE.tsv ...
 *     OUT_DIR/lexicon_ids.h     enum lex_id (LEX_*), enum kw_id (KW_*)
 *     OUT_DIR/lexicon_tables.c  the vocabulary, the entries, the tries
 *
 * Forms are tokenized with the model's own tokenizer (model/text/scan.c), so
 * a form matches exactly the token keys the text will have. Each distinct
 * key gets a keyword id; each lexicon a trie of keyword ids whose nodes name
 * the entry that ends there (the first row of a duplicate form wins). The
 * format of a file is declared in its first line (model/lexicon/lex.h).
 *
 * A "#! list NAME" file is no lexicon: its forms are byte strings that code
 * tests as they are written (substrings, prefixes, whole lines), so they are
 * not tokenized, get no keyword id and no trie node, and do not count
 * towards LEX_COUNT. The file (or, with split=N, each class of it) becomes
 * const char *const lex_list_NAME[] (UTF-8, file order, NULL-ended) and
 * LEX_LIST_NAME_COUNT, written after everything the lexicons write, so that
 * the lexicons' tables stay byte for byte what they were. A form is kept as
 * written; one with white space at an end is written in double quotes,
 * which are not part of it, and an unquoted one with such a space is
 * refused (an editor would drop it unseen). */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/text/text.h"
#include "tools/lexgen.h"


void lexgen_die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "lexgen: ");
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\n");
	va_end(ap);
	exit(1);
}

void *lexgen_xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		lexgen_die("out of memory");
	return p;
}

static char *xstrdup(const char *s)
{
	char *p = strdup(s);
	if (!p)
		lexgen_die("out of memory");
	return p;
}

/* ---- vocabulary ---- */


vkey_t *lexgen_vocab; /* vocab[0] is the empty id */
size_t lexgen_nvocab = 1, lexgen_capvocab;
uint32_t *lexgen_vslot;
size_t lexgen_nvslot;

void lexgen_vslot_rebuild(size_t need)
{
	size_t n = 1024;
	while (n < need * 3)
		n *= 2;
	free(lexgen_vslot);
	lexgen_vslot = calloc(n, sizeof *lexgen_vslot);
	if (!lexgen_vslot)
		lexgen_die("out of memory");
	lexgen_nvslot = n;
	for (size_t i = 1; i < lexgen_nvocab; i++) {
		size_t s = lexgen_vocab[i].hash & (n - 1);
		while (lexgen_vslot[s])
			s = (s + 1) & (n - 1);
		lexgen_vslot[s] = (uint32_t)i;
	}
}

static uint16_t vocab_id(const char *key, size_t len, uint32_t hash)
{
	if (!len)
		return 0;
	if (!lexgen_vslot || lexgen_nvocab * 2 >= lexgen_nvslot)
		lexgen_vslot_rebuild(lexgen_nvocab + 1);
	size_t s = hash & (lexgen_nvslot - 1);
	while (lexgen_vslot[s]) {
		vkey_t *v = &lexgen_vocab[lexgen_vslot[s]];
		if (v->hash == hash && v->len == len && !memcmp(v->key, key, len))
			return (uint16_t)lexgen_vslot[s];
		s = (s + 1) & (lexgen_nvslot - 1);
	}
	if (lexgen_nvocab >= 65535)
		lexgen_die("more than 65535 distinct words");
	if (lexgen_nvocab >= lexgen_capvocab) {
		lexgen_capvocab = lexgen_capvocab ? lexgen_capvocab * 2 : 4096;
		lexgen_vocab = lexgen_xrealloc(lexgen_vocab, lexgen_capvocab * sizeof *lexgen_vocab);
	}
	vkey_t *v = &lexgen_vocab[lexgen_nvocab];
	v->key = lexgen_xrealloc(NULL, len + 1);
	memcpy(v->key, key, len);
	v->key[len] = 0;
	v->len = (uint8_t)len;
	v->hash = hash;
	lexgen_vslot[s] = (uint32_t)lexgen_nvocab;
	return (uint16_t)lexgen_nvocab++;
}

/* ---- lexicons, entries and tries ---- */



lexicon_t lexgen_lexes[MAX_LEX];
int lexgen_nlex;


int *lexgen_node_term; /* first term of each node, -1 */
size_t lexgen_nnode, lexgen_capnode;
term_t *lexgen_terms;
size_t lexgen_nterm, lexgen_capterm;


edge_t *lexgen_edges;
size_t lexgen_nedge, lexgen_capedge; /* capedge: slots, a power of two */


static uint32_t new_node(void)
{
	if (lexgen_nnode == lexgen_capnode) {
		lexgen_capnode = lexgen_capnode ? lexgen_capnode * 2 : 4096;
		lexgen_node_term = lexgen_xrealloc(lexgen_node_term, lexgen_capnode * sizeof *lexgen_node_term);
	}
	lexgen_node_term[lexgen_nnode] = -1;
	return (uint32_t)lexgen_nnode++;
}

/* Entry idx of lexicon lx ends at node: the first one of a lexicon wins. */
static void add_term(uint32_t node, int lx, size_t idx)
{
	/* grown before the walk: link may point into lexgen_terms, which a
	 * realloc after it would leave dangling (the new term then lost) */
	if (lexgen_nterm == lexgen_capterm) {
		lexgen_capterm = lexgen_capterm ? lexgen_capterm * 2 : 4096;
		lexgen_terms = lexgen_xrealloc(lexgen_terms, lexgen_capterm * sizeof *lexgen_terms);
	}
	int *link = &lexgen_node_term[node];
	while (*link >= 0) {
		if (lexgen_terms[*link].lex == lx)
			return;
		if (lexgen_terms[*link].lex > lx)
			break;
		link = &lexgen_terms[*link].next;
	}
	lexgen_terms[lexgen_nterm].lex = (uint16_t)lx;
	lexgen_terms[lexgen_nterm].entry = (int32_t)idx;
	lexgen_terms[lexgen_nterm].next = *link;
	*link = (int)lexgen_nterm++;
}

static void edges_grow(void)
{
	size_t nc = lexgen_capedge ? lexgen_capedge * 2 : 8192;
	edge_t *ne = calloc(nc, sizeof *ne);
	if (!ne)
		lexgen_die("out of memory");
	for (size_t i = 0; i < lexgen_capedge; i++) {
		if (!lexgen_edges[i].key)
			continue;
		size_t s = edge_hash(lexgen_edges[i].key) & (nc - 1);
		while (ne[s].key)
			s = (s + 1) & (nc - 1);
		ne[s] = lexgen_edges[i];
	}
	free(lexgen_edges);
	lexgen_edges = ne;
	lexgen_capedge = nc;
}

static uint32_t child(uint32_t parent, uint16_t kw)
{
	if ((lexgen_nedge + 1) * 4 > lexgen_capedge)
		edges_grow();
	uint64_t key = ((uint64_t)parent + 1) << 16 | kw;
	size_t s = edge_hash(key) & (lexgen_capedge - 1);
	while (lexgen_edges[s].key) {
		if (lexgen_edges[s].key == key)
			return lexgen_edges[s].child;
		s = (s + 1) & (lexgen_capedge - 1);
	}
	uint32_t c = new_node();
	lexgen_edges[s].key = key;
	lexgen_edges[s].child = c;
	lexgen_nedge++;
	return c;
}

static int lexicon_index(const char *name, int words_only)
{
	for (int i = 0; i < lexgen_nlex; i++)
		if (!strcmp(lexgen_lexes[i].name, name))
			return i;
	if (lexgen_nlex == MAX_LEX)
		lexgen_die("more than %d lexicons", MAX_LEX);
	lexicon_t *l = &lexgen_lexes[lexgen_nlex];
	snprintf(l->name, sizeof l->name, "%s", name);
	l->words_only = words_only;
	return lexgen_nlex++;
}

uint64_t *lexgen_kw_first;
size_t lexgen_cap_kw_first;

static void mark_first(uint16_t kw, int lx)
{
	if (kw >= lexgen_cap_kw_first) {
		size_t nc = 65536;
		lexgen_kw_first = lexgen_xrealloc(lexgen_kw_first, nc * sizeof *lexgen_kw_first);
		memset(lexgen_kw_first + lexgen_cap_kw_first, 0, (nc - lexgen_cap_kw_first) * sizeof *lexgen_kw_first);
		lexgen_cap_kw_first = nc;
	}
	lexgen_kw_first[kw] |= 1ULL << lx;
}

/* Insert one form of entry idx of lexicon lx. 0, or -1 when the form has no
 * token or too many. */
static int add_form(int lx, size_t idx, const char *form, const char *where)
{
	text_t tx = {0};
	arena_t ar = {0};
	if (text_scan(&tx, form, strlen(form), &ar, NULL))
		lexgen_die("out of memory");
	if (tx.n == 0 || tx.n > MAX_TOK) {
		text_free(&tx);
		arena_free(&ar);
		return -1;
	}
	uint32_t node = 0; /* the root */
	int match = !lexgen_lexes[lx].words_only;
	for (size_t i = 0; i < tx.n; i++) {
		if (!tx.tok[i].klen)
			lexgen_die("%s: a word of \"%s\" is too long to match", where, form);
		uint16_t kw = vocab_id(tok_key(&tx, i), tx.tok[i].klen, tx.tok[i].hash);
		if (!match)
			continue;
		if (i == 0)
			mark_first(kw, lx);
		node = child(node, kw);
	}
	if (match)
		add_term(node, lx, idx);
	if (!lexgen_lexes[lx].e[idx].ntok)
		lexgen_lexes[lx].e[idx].ntok = (int)tx.n;
	text_free(&tx);
	arena_free(&ar);
	return 0;
}

/* ---- string lists ("#! list") ---- */



strlist_t lexgen_lists[MAX_LIST];
int lexgen_nlist;

static int list_index(const char *name)
{
	for (int i = 0; i < lexgen_nlist; i++)
		if (!strcmp(lexgen_lists[i].name, name))
			return i;
	if (lexgen_nlist == MAX_LIST)
		lexgen_die("more than %d lists", MAX_LIST);
	snprintf(lexgen_lists[lexgen_nlist].name, sizeof lexgen_lists[lexgen_nlist].name, "%s", name);
	return lexgen_nlist++;
}

/* A list form as written; "..." keeps white space at either end (the
 * quotes go, nothing inside is an escape). */
static void list_add(int li, const char *form, const char *where)
{
	size_t n = strlen(form);
	if (n >= 2 && form[0] == '"' && form[n - 1] == '"')
		form++, n -= 2;
	else if (n && (isspace((unsigned char)form[0]) || isspace((unsigned char)form[n - 1])))
		lexgen_die("%s: white space at an end of \"%s\": write it in quotes", where, form);
	if (!n)
		lexgen_die("%s: an empty list entry", where);
	strlist_t *L = &lexgen_lists[li];
	if (L->n == L->cap) {
		L->cap = L->cap ? L->cap * 2 : 32;
		L->s = lexgen_xrealloc(L->s, L->cap * sizeof *L->s);
	}
	L->s[L->n] = lexgen_xrealloc(NULL, n + 1);
	memcpy(L->s[L->n], form, n);
	L->s[L->n][n] = 0;
	L->n++;
}

/* ---- reading the files ---- */

typedef struct spec {
	char name[48];
	int form, split, aliases; /* 1-based columns; 0 = none */
	int words_only;
	int list; /* "#! list NAME": strings, not a lexicon */
} spec_t;

static void parse_spec(const char *line, spec_t *sp, const char *path)
{
	memset(sp, 0, sizeof *sp);
	sp->form = 1;
	char buf[2048];
	snprintf(buf, sizeof buf, "%s", line + 2);
	char *save = NULL, *w = strtok_r(buf, " \t\r\n", &save);
	if (w && !strcmp(w, "list"))
		sp->list = 1;
	else if (!w || strcmp(w, "lex"))
		lexgen_die("%s: the first line must be '#! lex NAME ...' or '#! list NAME ...'", path);
	w = strtok_r(NULL, " \t\r\n", &save);
	if (!w)
		lexgen_die("%s: '#! %s' needs a name", path, sp->list ? "list" : "lex");
	snprintf(sp->name, sizeof sp->name, "%s", w);
	if (sp->list)
		for (const char *q = w; *q; q++)
			if (!(islower((unsigned char)*q) || isdigit((unsigned char)*q) || *q == '_'))
				lexgen_die("%s: list name '%s' is not a lower-case name", path, w);
	while ((w = strtok_r(NULL, " \t\r\n", &save))) {
		int v = 0;
		if (sscanf(w, "form=%d", &v) == 1)
			sp->form = v;
		else if (sscanf(w, "split=%d", &v) == 1)
			sp->split = v;
		else if (!sp->list && sscanf(w, "aliases=%d", &v) == 1)
			sp->aliases = v;
		else if (!sp->list && !strcmp(w, "words"))
			sp->words_only = 1;
		else
			lexgen_die("%s: unknown directive '%s'", path, w);
	}
	if (sp->form < 1 || sp->form > MAX_COLS || sp->split > MAX_COLS || sp->aliases > MAX_COLS)
		lexgen_die("%s: a column number is out of range", path);
}

static void read_file(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		lexgen_die("%s: %s", path, strerror(errno));
	char line[2048];
	spec_t sp;
	int have_spec = 0, lineno = 0;
	while (fgets(line, sizeof line, f)) {
		lineno++;
		size_t n = strlen(line);
		while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = 0;
		if (!have_spec) {
			if (strncmp(line, "#!", 2))
				lexgen_die("%s: the first line must be '#! lex NAME ...'", path);
			parse_spec(line, &sp, path);
			have_spec = 1;
			continue;
		}
		if (!n || line[0] == '#')
			continue;
		char *cols[MAX_COLS];
		int nc = 0;
		char *p = line;
		while (nc < MAX_COLS) {
			cols[nc++] = p;
			char *tab = strchr(p, '\t');
			if (!tab)
				break;
			*tab = 0;
			p = tab + 1;
		}
		if (nc < sp.form || (sp.split && nc < sp.split))
			continue;
		char lname[128];
		if (sp.split) {
			snprintf(lname, sizeof lname, "%s_%s", sp.name, cols[sp.split - 1]);
			for (char *q = lname; *q; q++)
				if (!(isalnum((unsigned char)*q) || *q == '_'))
					lexgen_die("%s:%d: class '%s' is not a name", path, lineno,
					    cols[sp.split - 1]);
		} else {
			snprintf(lname, sizeof lname, "%s", sp.name);
		}
		if (sp.list) {
			char where[512];
			snprintf(where, sizeof where, "%s:%d", path, lineno);
			for (char *q = lname; *q; q++)
				if (isupper((unsigned char)*q))
					lexgen_die("%s: class '%s' is not lower case", where, cols[sp.split - 1]);
			list_add(list_index(lname), cols[sp.form - 1], where);
			continue;
		}
		int lx = lexicon_index(lname, sp.words_only);
		lexicon_t *L = &lexgen_lexes[lx];
		if (L->n == L->cap) {
			L->cap = L->cap ? L->cap * 2 : 64;
			L->e = lexgen_xrealloc(L->e, L->cap * sizeof *L->e);
		}
		entry_t *e = &L->e[L->n];
		memset(e, 0, sizeof *e);
		e->ncols = nc;
		for (int k = 0; k < nc; k++)
			e->cols[k] = xstrdup(cols[k]);
		e->form = e->cols[sp.form - 1];
		char where[512];
		snprintf(where, sizeof where, "%s:%d", path, lineno);
		size_t idx = L->n++;
		if (add_form(lx, idx, e->form, where)) {
			L->n--; /* no token, or too many: like a comment */
			for (int k = 0; k < nc; k++)
				free(e->cols[k]);
			continue;
		}
		if (sp.aliases && nc >= sp.aliases) {
			char *a = xstrdup(cols[sp.aliases - 1]), *save = NULL;
			for (char *w = strtok_r(a, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
				while (*w == ' ')
					w++;
				if (*w)
					add_form(lx, idx, w, where);
			}
			free(a);
		}
	}
	if (!have_spec)
		lexgen_die("%s: empty file", path);
	fclose(f);
}

/* Every term added is in the list of its node: a term left out (a stale
 * link, as add_term() once kept across a realloc) would silently match
 * nothing. */
static void check_terms(void)
{
	size_t linked = 0;
	for (size_t n = 0; n < lexgen_nnode; n++)
		for (int k = lexgen_node_term[n]; k >= 0; k = lexgen_terms[k].next)
			linked++;
	if (linked != lexgen_nterm)
		lexgen_die("internal error: %zu of %zu terms are in no trie node",
			   lexgen_nterm - linked, lexgen_nterm);
}

int main(int argc, char **argv)
{
	new_node(); /* the root */
	if (argc < 3) {
		fprintf(stderr, "usage: lexgen OUT_DIR FILE.tsv ...\n");
		return 2;
	}
	for (int i = 2; i < argc; i++)
		read_file(argv[i]);
	check_terms();
	lexgen_write_ids(argv[1]);
	lexgen_write_tables(argv[1]);
	size_t ne = 0;
	for (int l = 0; l < lexgen_nlex; l++)
		ne += lexgen_lexes[l].n;
	fprintf(stderr, "lexgen: %d lexicons, %zu entries, %zu words, %zu trie nodes\n", lexgen_nlex, ne,
		lexgen_nvocab - 1, lexgen_nnode);
	if (lexgen_nlist) {
		size_t ns = 0;
		for (int i = 0; i < lexgen_nlist; i++)
			ns += lexgen_lists[i].n;
		fprintf(stderr, "lexgen: %d lists, %zu strings\n", lexgen_nlist, ns);
	}
	return 0;
}
