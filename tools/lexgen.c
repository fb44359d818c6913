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

#include "model/lexicon/lex_hash.h"
#include "model/text/text.h"

#define MAX_LEX 64
#define MAX_COLS 8
#define MAX_TOK 24

static void die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "lexgen: ");
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\n");
	va_end(ap);
	exit(1);
}

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		die("out of memory");
	return p;
}

static char *xstrdup(const char *s)
{
	char *p = strdup(s);
	if (!p)
		die("out of memory");
	return p;
}

/* ---- vocabulary ---- */

typedef struct vkey {
	char *key;
	uint32_t hash;
	uint8_t len;
} vkey_t;

static vkey_t *vocab; /* vocab[0] is the empty id */
static size_t nvocab = 1, capvocab;
static uint32_t *vslot;
static size_t nvslot;

static void vslot_rebuild(size_t need)
{
	size_t n = 1024;
	while (n < need * 3)
		n *= 2;
	free(vslot);
	vslot = calloc(n, sizeof *vslot);
	if (!vslot)
		die("out of memory");
	nvslot = n;
	for (size_t i = 1; i < nvocab; i++) {
		size_t s = vocab[i].hash & (n - 1);
		while (vslot[s])
			s = (s + 1) & (n - 1);
		vslot[s] = (uint32_t)i;
	}
}

static uint16_t vocab_id(const char *key, size_t len, uint32_t hash)
{
	if (!len)
		return 0;
	if (!vslot || nvocab * 2 >= nvslot)
		vslot_rebuild(nvocab + 1);
	size_t s = hash & (nvslot - 1);
	while (vslot[s]) {
		vkey_t *v = &vocab[vslot[s]];
		if (v->hash == hash && v->len == len && !memcmp(v->key, key, len))
			return (uint16_t)vslot[s];
		s = (s + 1) & (nvslot - 1);
	}
	if (nvocab >= 65535)
		die("more than 65535 distinct words");
	if (nvocab >= capvocab) {
		capvocab = capvocab ? capvocab * 2 : 4096;
		vocab = xrealloc(vocab, capvocab * sizeof *vocab);
	}
	vkey_t *v = &vocab[nvocab];
	v->key = xrealloc(NULL, len + 1);
	memcpy(v->key, key, len);
	v->key[len] = 0;
	v->len = (uint8_t)len;
	v->hash = hash;
	vslot[s] = (uint32_t)nvocab;
	return (uint16_t)nvocab++;
}

/* ---- lexicons, entries and tries ---- */

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

static lexicon_t lexes[MAX_LEX];
static int nlex;

/* One trie for every lexicon: a node is a sequence of keyword ids, and
 * lists the (lexicon, entry) pairs whose form it spells. */
typedef struct term {
	uint16_t lex;
	int32_t entry;
	int next; /* next term of the same node, -1 */
} term_t;

static int *node_term; /* first term of each node, -1 */
static size_t nnode, capnode;
static term_t *terms;
static size_t nterm, capterm;

typedef struct edge {
	uint64_t key; /* (parent + 1) << 16 | kw; 0 = empty */
	uint32_t child;
} edge_t;

static edge_t *edges;
static size_t nedge, capedge; /* capedge: slots, a power of two */

#define edge_hash lex_edge_hash

static uint32_t new_node(void)
{
	if (nnode == capnode) {
		capnode = capnode ? capnode * 2 : 4096;
		node_term = xrealloc(node_term, capnode * sizeof *node_term);
	}
	node_term[nnode] = -1;
	return (uint32_t)nnode++;
}

/* Entry idx of lexicon lx ends at node: the first one of a lexicon wins. */
static void add_term(uint32_t node, int lx, size_t idx)
{
	int *link = &node_term[node];
	while (*link >= 0) {
		if (terms[*link].lex == lx)
			return;
		if (terms[*link].lex > lx)
			break;
		link = &terms[*link].next;
	}
	if (nterm == capterm) {
		capterm = capterm ? capterm * 2 : 4096;
		terms = xrealloc(terms, capterm * sizeof *terms);
	}
	terms[nterm].lex = (uint16_t)lx;
	terms[nterm].entry = (int32_t)idx;
	terms[nterm].next = *link;
	*link = (int)nterm++;
}

static void edges_grow(void)
{
	size_t nc = capedge ? capedge * 2 : 8192;
	edge_t *ne = calloc(nc, sizeof *ne);
	if (!ne)
		die("out of memory");
	for (size_t i = 0; i < capedge; i++) {
		if (!edges[i].key)
			continue;
		size_t s = edge_hash(edges[i].key) & (nc - 1);
		while (ne[s].key)
			s = (s + 1) & (nc - 1);
		ne[s] = edges[i];
	}
	free(edges);
	edges = ne;
	capedge = nc;
}

static uint32_t child(uint32_t parent, uint16_t kw)
{
	if ((nedge + 1) * 2 > capedge)
		edges_grow();
	uint64_t key = ((uint64_t)parent + 1) << 16 | kw;
	size_t s = edge_hash(key) & (capedge - 1);
	while (edges[s].key) {
		if (edges[s].key == key)
			return edges[s].child;
		s = (s + 1) & (capedge - 1);
	}
	uint32_t c = new_node();
	edges[s].key = key;
	edges[s].child = c;
	nedge++;
	return c;
}

static int lexicon_index(const char *name, int words_only)
{
	for (int i = 0; i < nlex; i++)
		if (!strcmp(lexes[i].name, name))
			return i;
	if (nlex == MAX_LEX)
		die("more than %d lexicons", MAX_LEX);
	lexicon_t *l = &lexes[nlex];
	snprintf(l->name, sizeof l->name, "%s", name);
	l->words_only = words_only;
	return nlex++;
}

static uint64_t *kw_first;
static size_t cap_kw_first;

static void mark_first(uint16_t kw, int lx)
{
	if (kw >= cap_kw_first) {
		size_t nc = 65536;
		kw_first = xrealloc(kw_first, nc * sizeof *kw_first);
		memset(kw_first + cap_kw_first, 0, (nc - cap_kw_first) * sizeof *kw_first);
		cap_kw_first = nc;
	}
	kw_first[kw] |= 1ULL << lx;
}

/* Insert one form of entry idx of lexicon lx. 0, or -1 when the form has no
 * token or too many. */
static int add_form(int lx, size_t idx, const char *form, const char *where)
{
	text_t tx = {0};
	arena_t ar = {0};
	if (text_scan(&tx, form, strlen(form), &ar, NULL))
		die("out of memory");
	if (tx.n == 0 || tx.n > MAX_TOK) {
		text_free(&tx);
		arena_free(&ar);
		return -1;
	}
	uint32_t node = 0; /* the root */
	int match = !lexes[lx].words_only;
	for (size_t i = 0; i < tx.n; i++) {
		if (!tx.tok[i].klen)
			die("%s: a word of \"%s\" is too long to match", where, form);
		uint16_t kw = vocab_id(tok_key(&tx, i), tx.tok[i].klen, tx.tok[i].hash);
		if (!match)
			continue;
		if (i == 0)
			mark_first(kw, lx);
		node = child(node, kw);
	}
	if (match)
		add_term(node, lx, idx);
	if (!lexes[lx].e[idx].ntok)
		lexes[lx].e[idx].ntok = (int)tx.n;
	text_free(&tx);
	arena_free(&ar);
	return 0;
}

/* ---- string lists ("#! list") ---- */

#define MAX_LIST 64

typedef struct strlist {
	char name[160];
	char **s;
	size_t n, cap;
} strlist_t;

static strlist_t lists[MAX_LIST];
static int nlist;

static int list_index(const char *name)
{
	for (int i = 0; i < nlist; i++)
		if (!strcmp(lists[i].name, name))
			return i;
	if (nlist == MAX_LIST)
		die("more than %d lists", MAX_LIST);
	snprintf(lists[nlist].name, sizeof lists[nlist].name, "%s", name);
	return nlist++;
}

/* A list form as written; "..." keeps white space at either end (the
 * quotes go, nothing inside is an escape). */
static void list_add(int li, const char *form, const char *where)
{
	size_t n = strlen(form);
	if (n >= 2 && form[0] == '"' && form[n - 1] == '"')
		form++, n -= 2;
	else if (n && (isspace((unsigned char)form[0]) || isspace((unsigned char)form[n - 1])))
		die("%s: white space at an end of \"%s\": write it in quotes", where, form);
	if (!n)
		die("%s: an empty list entry", where);
	strlist_t *L = &lists[li];
	if (L->n == L->cap) {
		L->cap = L->cap ? L->cap * 2 : 32;
		L->s = xrealloc(L->s, L->cap * sizeof *L->s);
	}
	L->s[L->n] = xrealloc(NULL, n + 1);
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
		die("%s: the first line must be '#! lex NAME ...' or '#! list NAME ...'", path);
	w = strtok_r(NULL, " \t\r\n", &save);
	if (!w)
		die("%s: '#! %s' needs a name", path, sp->list ? "list" : "lex");
	snprintf(sp->name, sizeof sp->name, "%s", w);
	if (sp->list)
		for (const char *q = w; *q; q++)
			if (!(islower((unsigned char)*q) || isdigit((unsigned char)*q) || *q == '_'))
				die("%s: list name '%s' is not a lower-case name", path, w);
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
			die("%s: unknown directive '%s'", path, w);
	}
	if (sp->form < 1 || sp->form > MAX_COLS || sp->split > MAX_COLS || sp->aliases > MAX_COLS)
		die("%s: a column number is out of range", path);
}

static void read_file(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		die("%s: %s", path, strerror(errno));
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
				die("%s: the first line must be '#! lex NAME ...'", path);
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
					die("%s:%d: class '%s' is not a name", path, lineno,
					    cols[sp.split - 1]);
		} else {
			snprintf(lname, sizeof lname, "%s", sp.name);
		}
		if (sp.list) {
			char where[512];
			snprintf(where, sizeof where, "%s:%d", path, lineno);
			for (char *q = lname; *q; q++)
				if (isupper((unsigned char)*q))
					die("%s: class '%s' is not lower case", where, cols[sp.split - 1]);
			list_add(list_index(lname), cols[sp.form - 1], where);
			continue;
		}
		int lx = lexicon_index(lname, sp.words_only);
		lexicon_t *L = &lexes[lx];
		if (L->n == L->cap) {
			L->cap = L->cap ? L->cap * 2 : 64;
			L->e = xrealloc(L->e, L->cap * sizeof *L->e);
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
		die("%s: empty file", path);
	fclose(f);
}

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
	if (!n || !(key[0] >= 'a' && key[0] <= 'z') ) {
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
	if (!nlist)
		return;
	fprintf(f, "/* string lists (\"#! list\" files): UTF-8, file order, NULL-ended */\n");
	for (int i = 0; i < nlist; i++) {
		char u[160];
		upper_name(lists[i].name, u, sizeof u);
		fprintf(f, "#define LEX_LIST_%s_COUNT %zu\n", u, lists[i].n);
		fprintf(f, "extern const char *const lex_list_%s[LEX_LIST_%s_COUNT + 1];\n",
			lists[i].name, u);
	}
	fprintf(f, "\n");
}

/* The lists themselves, after every table of the lexicons. */
static void write_lists(FILE *f)
{
	for (int i = 0; i < nlist; i++) {
		char u[160];
		upper_name(lists[i].name, u, sizeof u);
		fprintf(f, "const char *const lex_list_%s[LEX_LIST_%s_COUNT + 1] = {\n",
			lists[i].name, u);
		for (size_t k = 0; k < lists[i].n; k++) {
			fprintf(f, "\t");
			c_string(f, lists[i].s[k]);
			fprintf(f, ",\n");
		}
		fprintf(f, "\t0,\n};\n");
	}
}

static void write_ids(const char *dir)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/lexicon_ids.h.tmp", dir);
	FILE *f = fopen(path, "w");
	if (!f)
		die("%s: %s", path, strerror(errno));
	fprintf(f, "/* generated by tools/lexgen.c from model/lexicon; do not edit */\n");
	fprintf(f, "#ifndef MEETINGD_LEXICON_IDS_H\n#define MEETINGD_LEXICON_IDS_H\n\n");
	fprintf(f, "enum lex_id {\n");
	for (int i = 0; i < nlex; i++) {
		char u[80];
		upper_name(lexes[i].name, u, sizeof u);
		fprintf(f, "\tLEX_%s = %d,\n", u, i);
	}
	fprintf(f, "\tLEX_COUNT = %d\n};\n\n", nlex);
	/* names: a Telex spelling shared by two keys names neither, so that a
	 * use in C fails to compile instead of testing the wrong word */
	char (*names)[80] = calloc(nvocab, sizeof *names);
	if (!names)
		die("out of memory");
	for (size_t i = 1; i < nvocab; i++)
		if (!telex(vocab[i].key, names[i], sizeof names[i]))
			names[i][0] = 0;
	fprintf(f, "enum kw_id {\n\tKW_NONE = 0,\n");
	for (size_t i = 1; i < nvocab; i++) {
		if (!names[i][0])
			continue;
		int dup = 0;
		for (size_t j = 1; j < nvocab && !dup; j++)
			dup = j != i && !strcmp(names[i], names[j]);
		if (dup) {
			fprintf(stderr, "lexgen: warning: KW_%s names two words; neither gets it\n",
				names[i]);
			continue;
		}
		fprintf(f, "\tKW_%s = %zu,\n", names[i], i);
	}
	fprintf(f, "\tKW_COUNT = %zu\n};\n\n", nvocab);
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
		die("%s: %s", final, strerror(errno));
}

static void write_tables(const char *dir)
{
	char path[1024], final[1024];
	snprintf(path, sizeof path, "%s/lexicon_tables.c.tmp", dir);
	snprintf(final, sizeof final, "%s/lexicon_tables.c", dir);
	FILE *f = fopen(path, "w");
	if (!f)
		die("%s: %s", path, strerror(errno));
	fprintf(f, "/* generated by tools/lexgen.c from model/lexicon; do not edit */\n");
	fprintf(f, "#include \"model/lexicon/lex_tables.h\"\n\n");
	/* vocabulary */
	fprintf(f, "const char lex_vocab_keys[] =\n");
	size_t off = 0;
	size_t *offs = calloc(nvocab, sizeof *offs);
	if (!offs)
		die("out of memory");
	fprintf(f, "\t\"\\0\"\n");
	off = 1;
	for (size_t i = 1; i < nvocab; i++) {
		offs[i] = off;
		fprintf(f, "\t");
		c_string(f, vocab[i].key);
		fprintf(f, " \"\\0\"\n");
		off += vocab[i].len + 1;
	}
	fprintf(f, "\t;\n");
	fprintf(f, "const struct lex_vocab lex_vocab[%zu] = {\n\t{0, 0, 0, 0},\n", nvocab);
	for (size_t i = 1; i < nvocab; i++) {
		/* the first 8 bytes as a little-endian number, zero-padded */
		unsigned long long pre = 0;
		for (size_t k = 0; k < 8 && k < vocab[i].len; k++)
			pre |= (unsigned long long)(unsigned char)vocab[i].key[k] << (8 * k);
		fprintf(f, "\t{0x%llxull, %uu, %zu, %u},\n", pre, vocab[i].hash, offs[i],
			vocab[i].len);
	}
	fprintf(f, "};\n");
	free(offs);
	vslot_rebuild(nvocab);
	fprintf(f, "const uint16_t lex_vocab_slot[%zu] = {\n", nvslot);
	for (size_t i = 0; i < nvslot; i++)
		fprintf(f, "%u,%s", vslot[i], i % 16 == 15 ? "\n" : "");
	fprintf(f, "};\nconst uint32_t lex_vocab_mask = %zu;\n", nvslot - 1);
	fprintf(f, "const uint64_t lex_kw_first[%zu] = {\n", nvocab);
	for (size_t i = 0; i < nvocab; i++)
		fprintf(f, "0x%llxull,%s",
			(unsigned long long)(i < cap_kw_first ? kw_first[i] : 0),
			i % 8 == 7 ? "\n" : "");
	fprintf(f, "};\n");
	/* entries */
	for (int l = 0; l < nlex; l++) {
		lexicon_t *L = &lexes[l];
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
	fprintf(f, "const struct lex_table lex_tables[%d] = {\n", nlex);
	for (int l = 0; l < nlex; l++)
		fprintf(f, "\t{\"%s\", e%d, %zu},\n", lexes[l].name, l, lexes[l].n);
	fprintf(f, "};\n");
	/* the trie: each node's terms, flattened in node order */
	fprintf(f, "const uint32_t lex_node_term[%zu] = {\n", nnode + 1);
	size_t at = 0;
	for (size_t i = 0; i <= nnode; i++) {
		fprintf(f, "%zu,%s", at, i % 16 == 15 ? "\n" : "");
		if (i < nnode)
			for (int t = node_term[i]; t >= 0; t = terms[t].next)
				at++;
	}
	fprintf(f, "};\n");
	/* each node's lexicons as bits: a token's mask without a look at
	 * its terms */
	fprintf(f, "const uint64_t lex_node_mask[%zu] = {\n", nnode + 1);
	for (size_t i = 0; i <= nnode; i++) {
		unsigned long long m = 0;
		if (i < nnode)
			for (int t = node_term[i]; t >= 0; t = terms[t].next)
				m |= 1ULL << terms[t].lex;
		fprintf(f, "0x%llxull,%s", m, i % 8 == 7 ? "\n" : "");
	}
	fprintf(f, "};\n");
	/* whether a node has children: a walk stops there without a probe */
	unsigned char *kids = calloc(nnode + 1, 1);
	if (!kids)
		die("out of memory");
	for (size_t i = 0; i < capedge; i++)
		if (edges[i].key)
			kids[(edges[i].key >> 16) - 1] = 1;
	fprintf(f, "const unsigned char lex_node_kids[%zu] = {\n", nnode + 1);
	for (size_t i = 0; i <= nnode; i++)
		fprintf(f, "%u,%s", kids[i], i % 32 == 31 ? "\n" : "");
	free(kids);
	fprintf(f, "};\nconst struct lex_term lex_terms[%zu] = {\n", nterm ? nterm : 1);
	for (size_t i = 0; i < nnode; i++)
		for (int t = node_term[i]; t >= 0; t = terms[t].next)
			fprintf(f, "{%u,%d},\n", terms[t].lex, terms[t].entry);
	if (!nterm)
		fprintf(f, "{0,0}\n");
	fprintf(f, "};\n");
	fprintf(f, "const struct lex_edge lex_edges[%zu] = {\n", capedge);
	for (size_t i = 0; i < capedge; i++)
		fprintf(f, "{0x%llxull,%u},%s", (unsigned long long)edges[i].key, edges[i].child,
			i % 4 == 3 ? "\n" : "");
	fprintf(f, "};\nconst uint64_t lex_edge_mask = %zu;\n", capedge - 1);
	/* the root's children by keyword id: the first step of every walk
	 * without a hash probe */
	fprintf(f, "const int32_t lex_root_child[%zu] = {\n", nvocab);
	for (size_t kw = 0; kw < nvocab; kw++) {
		uint64_t key = (uint64_t)1 << 16 | kw;
		long c = -1;
		for (size_t sl = edge_hash(key) & (capedge - 1); edges[sl].key; sl = (sl + 1) & (capedge - 1))
			if (edges[sl].key == key) {
				c = (long)edges[sl].child;
				break;
			}
		fprintf(f, "%ld,%s", c, kw % 16 == 15 ? "\n" : "");
	}
	fprintf(f, "};\n");
	write_lists(f);
	fclose(f);
	if (rename(path, final))
		die("%s: %s", final, strerror(errno));
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
	write_ids(argv[1]);
	write_tables(argv[1]);
	size_t ne = 0;
	for (int l = 0; l < nlex; l++)
		ne += lexes[l].n;
	fprintf(stderr, "lexgen: %d lexicons, %zu entries, %zu words, %zu trie nodes\n", nlex, ne,
		nvocab - 1, nnode);
	if (nlist) {
		size_t ns = 0;
		for (int i = 0; i < nlist; i++)
			ns += lists[i].n;
		fprintf(stderr, "lexgen: %d lists, %zu strings\n", nlist, ns);
	}
	return 0;
}
