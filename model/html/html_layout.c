/* The article as plain text, laid out as the corpus writes articles and as
 * the segmenter reads them (model/segment.c): the title line, the date line
 * ("dd/mm/yyyy HH:MM"), the sapo, the body's paragraphs and sub-headings one
 * per line, each photo caption on the line after an "[img]" placeholder,
 * the byline last; lines separated by a blank line. Every line is NFC. The
 * body is walked once, iteratively; white space runs collapse to one space,
 * <br> and block elements end lines, lines that are mostly links (related
 * stories, tag lists) and the page's own chrome ("Chia sẻ", "Bình luận")
 * are dropped, and so are copies of the title, the sapo and the date. */
#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "model/html/html_int.h"
#include "model/lexicon/lex.h"

typedef struct line {
	size_t start, end; /* in the walker's buffer */
	uint32_t src;	   /* element whose byte range the line gets */
	int kind;
	uint32_t chars, link_chars, em_chars, words;
	uint32_t box; /* the photo box or caption element of a caption; 0 */
	int img_before;
} line_t;

typedef struct walker {
	const htree_t *t;
	const hcontent_t *c;
	hbuf_t buf;
	HVEC(line_t) lines;
	size_t cur;
	int space;
	uint32_t chars, link_chars, em_chars, words;
	int in_a, in_em, in_caption, in_photo;
	uint32_t caption_el, photo_el;
	int saw_img, img_pending;
	uint32_t blocks[HTML_HARD_DEPTH + 16];
	int nb;
	int oom;
} walker_t;

/* ---- the walk --------------------------------------------------------------- */

/* Append text, white space collapsed; soft hyphens and joiners dropped. */
static void put_text(walker_t *w, const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
						      (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0) {
			cp = 0xFFFD;
			k = 1;
		}
		i += (size_t)k;
		if (html_is_space((uint32_t)cp)) {
			w->space = 1;
			continue;
		}
		if (cp == 0xAD || cp == 0x200C || cp == 0x200D || cp == 0x2060)
			continue;
		if (w->space && w->buf.n > w->cur) {
			if (html_buf_putc(&w->buf, ' '))
				w->oom = 1;
			w->words++;
		}
		w->space = 0;
		if (w->buf.n == w->cur)
			w->words = 1;
		if (html_buf_put_cp(&w->buf, (uint32_t)cp))
			w->oom = 1;
		w->chars++;
		if (w->in_a)
			w->link_chars++;
		if (w->in_em)
			w->em_chars++;
	}
}

static int heading_tag(int tag)
{
	return tag == HT_H1 || tag == HT_H2 || tag == HT_H3 || tag == HT_H4 || tag == HT_H5 ||
	       tag == HT_H6;
}

/* End the current line. */
static void flush(walker_t *w)
{
	w->space = 0;
	if (w->buf.n == w->cur)
		return;
	line_t *l = html_vec_push(&w->lines);
	if (!l) {
		w->oom = 1;
		return;
	}
	l->start = w->cur;
	l->end = w->buf.n;
	l->src = w->nb ? w->blocks[w->nb - 1] : w->c->root;
	l->chars = w->chars, l->link_chars = w->link_chars, l->em_chars = w->em_chars;
	l->words = w->words;
	l->img_before = w->img_pending;
	if (w->in_caption || w->in_photo) {
		l->kind = HTML_BLOCK_CAPTION;
		l->box = w->in_photo ? w->photo_el : w->caption_el;
	} else if (heading_tag(w->t->nodes.v[l->src].tag)) {
		l->kind = HTML_BLOCK_HEADING;
	} else {
		l->kind = HTML_BLOCK_PARAGRAPH;
	}
	w->img_pending = w->saw_img; /* an image after the text: before the next line */
	w->saw_img = 0;
	w->cur = w->buf.n;
	w->chars = w->link_chars = w->em_chars = w->words = 0;
}

static int skip_subtree(const hnode_t *n)
{
	return (n->flags & (HN_BOIL | HN_USED)) || n->tag == HT_SCRIPT || n->tag == HT_STYLE ||
	       n->tag == HT_HEAD || n->tag == HT_TITLE || n->tag == HT_TEMPLATE;
}

static void enter(walker_t *w, uint32_t i)
{
	const hnode_t *n = &w->t->nodes.v[i];
	if (n->tag == HT_TEXT) {
		put_text(w, w->t->strs.p + n->text, n->text_len);
		return;
	}
	if (n->tag == HT_BR) {
		flush(w);
		return;
	}
	if (n->tag == HT_IMG) {
		if (w->buf.n == w->cur)
			w->img_pending = 1;
		else
			w->saw_img = 1;
		return;
	}
	if (n->flags & HN_BLOCK) {
		flush(w);
		if (w->nb < (int)(sizeof w->blocks / sizeof *w->blocks))
			w->blocks[w->nb] = i;
		w->nb++;
	}
	if (n->tag == HT_A)
		w->in_a++;
	if (n->tag == HT_EM || n->tag == HT_I)
		w->in_em++;
	if (n->flags & HN_CAPTION) {
		if (!w->in_caption++)
			w->caption_el = i;
	}
	if (n->flags & HN_PHOTO_BOX) {
		if (!w->in_photo++)
			w->photo_el = i;
	}
}

static void leave(walker_t *w, uint32_t i)
{
	const hnode_t *n = &w->t->nodes.v[i];
	if (n->tag == HT_TEXT || n->tag == HT_BR || n->tag == HT_IMG)
		return;
	if (n->flags & HN_BLOCK) {
		flush(w);
		w->nb--;
	}
	if (n->tag == HT_A)
		w->in_a--;
	if (n->tag == HT_EM || n->tag == HT_I)
		w->in_em--;
	if (n->flags & HN_CAPTION) {
		flush(w);
		w->in_caption--;
	}
	if (n->flags & HN_PHOTO_BOX) {
		flush(w);
		w->in_photo--;
	}
}

/* Walk the body once, in document order, without recursion. */
static int walk(walker_t *w, uint32_t root, hwork_t *wk)
{
	const htree_t *t = w->t;
	uint32_t i = t->nodes.v[root].first;
	if (t->nodes.v[root].flags & HN_BLOCK)
		w->blocks[w->nb++] = root;
	while (i && !w->oom) {
		if (html_work_tick(wk, 1))
			return -1;
		const hnode_t *n = &t->nodes.v[i];
		int skip = n->tag != HT_TEXT && skip_subtree(n);
		if (!skip) {
			enter(w, i);
			if (n->first && n->tag != HT_TEXT) {
				i = n->first;
				continue;
			}
			leave(w, i);
		}
		while (i != root && !t->nodes.v[i].next) {
			i = t->nodes.v[i].parent;
			if (i == root)
				break;
			leave(w, i);
		}
		if (i == root)
			break;
		i = t->nodes.v[i].next;
	}
	flush(w);
	return w->oom ? -1 : 0;
}

/* ---- comparing strings ----------------------------------------------------------- */

/* Casefolded NFC with punctuation and spaces removed: a key for "is this
 * line the title again". malloc'ed, NULL when out of memory. */
#define KEY_MAX 1024 /* bytes compared: titles are shorter; bounds the fold's work */

static char *key_of(const char *s, size_t n)
{
	utf8proc_uint8_t *f = NULL;
	if (n > KEY_MAX) {
		n = KEY_MAX;
		while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	utf8proc_ssize_t m = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &f,
					  UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
	if (m < 0)
		return NULL;
	size_t k = 0;
	for (utf8proc_ssize_t i = 0; i < m;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t l = utf8proc_iterate(f + i, m - i, &cp);
		if (l <= 0)
			break;
		utf8proc_category_t cat = utf8proc_category(cp);
		if (cat <= UTF8PROC_CATEGORY_NO && cat != UTF8PROC_CATEGORY_CN) {
			memmove(f + k, f + i, (size_t)l);
			k += (size_t)l;
		}
		i += l;
	}
	f[k] = '\0';
	return (char *)f;
}

/* 1 when a and b say the same (or the longer starts with the shorter). */
int html_same_text(const char *a, size_t an, const char *b, size_t bn)
{
	/* far apart in length, they cannot qualify (spaces and punctuation
	 * aside): spares the fold */
	if (an > 2 * bn + 16 || bn > 2 * an + 16)
		return 0;
	char *ka = key_of(a, an), *kb = key_of(b, bn);
	int r = 0;
	if (ka && kb && *ka && *kb) {
		size_t la = strlen(ka), lb = strlen(kb);
		/* a prefix counts when it is most of the longer one (a headline
		 * cut short, a site name left on), not when a paragraph merely
		 * starts with the sapo */
		r = !strcmp(ka, kb) ||
		    (la > 20 && lb > la && lb * 2 <= la * 3 && !strncmp(ka, kb, la)) ||
		    (lb > 20 && la > lb && la * 2 <= lb * 3 && !strncmp(ka, kb, lb));
	}
	free(ka);
	free(kb);
	return r;
}

/* ---- which lines stay ----------------------------------------------------------------- */

/* Short lines that are the page's own chrome, not the article's ("Chia
 * sẻ", "Xem thêm": html_layout.tsv lex_list_html_chrome), compared by
 * key_of(). */
static char *chrome_keys[LEX_LIST_HTML_CHROME_COUNT + 1];
static pthread_once_t chrome_once = PTHREAD_ONCE_INIT;

static void chrome_build(void)
{
	for (size_t i = 0; lex_list_html_chrome[i]; i++)
		chrome_keys[i] = key_of(lex_list_html_chrome[i], strlen(lex_list_html_chrome[i]));
}

static int chrome_line(const char *s, size_t n)
{
	if (n > 40)
		return 0;
	pthread_once(&chrome_once, chrome_build);
	char *k = key_of(s, n);
	int r = 0;
	for (int i = 0; k && lex_list_html_chrome[i] && !r; i++)
		r = chrome_keys[i] && !strcmp(chrome_keys[i], k);
	if (k && !*k)
		r = 1; /* only punctuation: "|", "•", "---" stays? a rule, not text */
	free(k);
	return r;
}

/* Text lines of the body (see html_int.h). */
int html_body_lines(const htree_t *t, const hcontent_t *c, const char *title, const char *sapo,
		    hlines_t *out, hwork_t *wk)
{
	walker_t *w = calloc(1, sizeof *w);
	if (!w)
		return -1;
	w->t = t;
	w->c = c;
	int rc = walk(w, c->root, wk);
	size_t n = w->lines.n;
	for (size_t k = 0; !rc && k < n; k++) {
		line_t *l = &w->lines.v[k];
		const char *s = w->buf.p + l->start;
		size_t len = l->end - l->start;
		/* related stories and tag lists: mostly links; a short link-only line
		 * at the very end is kept (a byline linked to the author's page) */
		if (l->link_chars * 10 >= l->chars * 6 && (l->words >= 4 || k + 2 < n))
			continue;
		if (k < 3 && ((title && html_same_text(s, len, title, strlen(title))) ||
			      (sapo && html_same_text(s, len, sapo, strlen(sapo)))))
			continue;
		if (chrome_line(s, len) && !(len == 3 && !memcmp(s, "---", 3)))
			continue;
		char iso[32];
		if ((k < 3 || k + 3 >= n) && l->kind != HTML_BLOCK_CAPTION &&
		    html_date_line(s, len, iso)) {
			if (!out->dropped_date[0])
				memcpy(out->dropped_date, iso, sizeof iso);
			continue;
		}
		/* an italic line after an image without caption is its caption */
		int kind = l->kind;
		uint32_t box = l->box;
		if (kind == HTML_BLOCK_PARAGRAPH && l->img_before &&
		    l->em_chars * 10 >= l->chars * 9 && len < 600) {
			kind = HTML_BLOCK_CAPTION;
			box = l->src;
		}
		if (kind == HTML_BLOCK_CAPTION) {
			const hline_t *prev = out->v.n ? &out->v.v[out->v.n - 1] : NULL;
			if (!prev || prev->kind != HTML_BLOCK_CAPTION || prev->box != box) {
				hline_t *ph = html_vec_push(&out->v);
				if (!ph) {
					rc = -1;
					break;
				}
				ph->kind = HTML_BLOCK_PLACEHOLDER;
				ph->src = box ? box : l->src;
				ph->start = ph->end = SIZE_MAX;
			}
		}
		hline_t *o = html_vec_push(&out->v);
		if (!o || html_buf_put(&out->buf, s, len)) {
			rc = -1;
			break;
		}
		o->start = out->buf.n - len;
		o->end = out->buf.n;
		o->src = l->src;
		o->kind = kind;
		o->box = box;
	}
	free(w->buf.p);
	free(w->lines.v);
	free(w);
	return rc;
}

/* Free the lines. */
void html_lines_free(hlines_t *l)
{
	free(l->buf.p);
	free(l->v.v);
	memset(l, 0, sizeof *l);
}
