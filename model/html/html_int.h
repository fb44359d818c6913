/* Internal to model/html: the buffers, the canonical stream, the tree and the
 * functions the extractor's files share. Not for use outside model/html. */
#ifndef MEETINGD_HTML_INT_H
#define MEETINGD_HTML_INT_H

#include <iconv.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "model/html/html.h"

/* ---- growable byte buffer ------------------------------------------------ */

typedef struct hbuf {
	char *p;
	size_t n, cap;
} hbuf_t;

int html_buf_reserve(hbuf_t *b, size_t extra);
int html_buf_put(hbuf_t *b, const void *s, size_t n);
static inline int html_buf_putc(hbuf_t *b, char c)
{
	if (b->n + 1 >= b->cap && html_buf_reserve(b, 1))
		return -1;
	b->p[b->n++] = c;
	b->p[b->n] = '\0';
	return 0;
}
int html_buf_puts(hbuf_t *b, const char *s);

/* Append code point cp as UTF-8. */
int html_buf_put_cp(hbuf_t *b, uint32_t cp);

/* Growable array of fixed-size elements: {T *v; size_t n, cap;}. */
#define HVEC(T)                                                                                    \
	struct {                                                                                   \
		T *v;                                                                              \
		size_t n, cap;                                                                     \
	}
void *html_vec_grow(void **v, size_t *cap, size_t n, size_t elem);
#define html_vec_push(vec)                                                                         \
	((vec)->n < (vec)->cap ||                                                                  \
		 html_vec_grow((void **)&(vec)->v, &(vec)->cap, (vec)->n, sizeof(*(vec)->v))       \
	     ? (memset(&(vec)->v[(vec)->n], 0, sizeof(*(vec)->v)), &(vec)->v[(vec)->n++])          \
	     : NULL)

/* ---- work bound ---------------------------------------------------------- */

typedef struct hwork {
	uint64_t deadline_ns;
	const atomic_int *cancel;
	unsigned ticks;
	int stop; /* HTML_E_DEADLINE or HTML_E_CANCELLED once hit */
} hwork_t;

/* Count n units of work; every few thousand, look at the clock and the
 * cancel flag. Returns nonzero once the work must stop. */
int html_work_tick(hwork_t *w, unsigned n);

/* ---- charset (html_charset.c) --------------------------------------------- */

typedef struct hconv {
	const char *name; /* canonical name: "UTF-8", "WINDOWS-1258", ... */
	int utf8;	  /* no iconv: validate and repair */
	iconv_t cd;	  /* (iconv_t)-1 when utf8 */
	int repaired;	  /* set when a byte sequence was replaced by U+FFFD */
	int guessed;	  /* undeclared and not UTF-8: read as windows-1258 */
} hconv_t;

/* Choose the page's charset (byte order mark, then the transport's, then
 * <meta charset> / http-equiv in the first 16 KiB, then UTF-8 or, for
 * undeclared bytes that are not UTF-8, windows-1258) and open a converter.
 * 0, or -1 with *err filled. *skip gets the length of a byte order mark. */
int html_charset_open(const char *page, size_t len, const char *transport, hconv_t *cv,
		      size_t *skip, struct html_error *err);
void html_charset_close(hconv_t *cv);

/* Decode s[0..n) and append it to *out as UTF-8 without NUL bytes or C0
 * controls other than tab and line breaks (both become a space or stay):
 * control characters and invalid sequences become U+FFFD. 0 or -1 (ENOMEM). */
int html_charset_decode(hconv_t *cv, const char *s, size_t n, hbuf_t *out);

/* Canonical charset name of a label ("utf8", "cp1258", "x-viet" ...) or NULL
 * when iconv cannot read it as an ASCII-compatible charset. Static storage. */
const char *html_charset_name(const char *label, size_t n);

/* ---- canonical stream (html_guard.c) --------------------------------------- */

/* A point where the canonical stream's offsets meet the page's: canonical
 * byte canon is page byte page; bytes after it map one to one up to the
 * next point (clamped there). */
typedef struct hseg {
	size_t canon, page;
} hseg_t;

typedef struct hcanon {
	hbuf_t out; /* UTF-8, well-formed tags only, no comments or doctype */
	HVEC(hseg_t) map;
	HVEC(size_t) tags; /* canonical offset of every tag's '<', in order */
	int truncated;
} hcanon_t;

#define HTML_MAX_DEPTH 256   /* nesting the guard lets through */
#define HTML_MAX_ATTRS 16    /* attributes kept per tag (of the ones we read) */
#define HTML_HARD_DEPTH 1024 /* libxml2's own depth at which the parse stops */

/* Rewrite page[skip..len) (in the charset of *cv) into c->out. 0 or -1. */
int html_guard(const char *page, size_t len, size_t skip, hconv_t *cv, hcanon_t *c, hwork_t *w);
/* Page offset of canonical offset off. */
size_t html_guard_page_offset(const hcanon_t *c, size_t off);
void html_guard_free(hcanon_t *c);

/* ---- tree (html_parse.c) ----------------------------------------------------- */

enum htag {
	HT_NONE = 0,
	HT_TEXT,
	HT_OTHER,
	HT_A,
	HT_ABBR,
	HT_ADDRESS,
	HT_ARTICLE,
	HT_ASIDE,
	HT_AUDIO,
	HT_B,
	HT_BIG,
	HT_BLOCKQUOTE,
	HT_BODY,
	HT_BR,
	HT_BUTTON,
	HT_CANVAS,
	HT_CAPTION,
	HT_CENTER,
	HT_CITE,
	HT_CODE,
	HT_DD,
	HT_DEL,
	HT_DETAILS,
	HT_DIALOG,
	HT_DIV,
	HT_DL,
	HT_DT,
	HT_EM,
	HT_EMBED,
	HT_FIELDSET,
	HT_FIGCAPTION,
	HT_FIGURE,
	HT_FONT,
	HT_FOOTER,
	HT_FORM,
	HT_H1,
	HT_H2,
	HT_H3,
	HT_H4,
	HT_H5,
	HT_H6,
	HT_HEAD,
	HT_HEADER,
	HT_HR,
	HT_HTML,
	HT_I,
	HT_IFRAME,
	HT_IMG,
	HT_INPUT,
	HT_INS,
	HT_LABEL,
	HT_LEGEND,
	HT_LI,
	HT_LINK,
	HT_MAIN,
	HT_MAP,
	HT_MARK,
	HT_MATH,
	HT_MENU,
	HT_META,
	HT_NAV,
	HT_NOSCRIPT,
	HT_OBJECT,
	HT_OL,
	HT_OPTION,
	HT_P,
	HT_PICTURE,
	HT_PRE,
	HT_Q,
	HT_S,
	HT_SCRIPT,
	HT_SECTION,
	HT_SELECT,
	HT_SMALL,
	HT_SOURCE,
	HT_SPAN,
	HT_STRIKE,
	HT_STRONG,
	HT_STYLE,
	HT_SUB,
	HT_SUMMARY,
	HT_SUP,
	HT_SVG,
	HT_TABLE,
	HT_TBODY,
	HT_TD,
	HT_TEMPLATE,
	HT_TEXTAREA,
	HT_TFOOT,
	HT_TH,
	HT_THEAD,
	HT_TIME,
	HT_TITLE,
	HT_TR,
	HT_TT,
	HT_U,
	HT_UL,
	HT_VIDEO,
	HT_WBR,
	HT_COUNT
};

/* The attributes the extractor reads; the guard drops every other one. */
enum hattr_key {
	HA_CLASS = 0,
	HA_ID,
	HA_ITEMPROP,
	HA_ITEMTYPE,
	HA_PROPERTY,
	HA_NAME,
	HA_CONTENT,
	HA_DATETIME,
	HA_HREF,
	HA_REL,
	HA_TYPE,
	HA_ROLE,
	HA_STYLE,
	HA_HIDDEN,
	HA_ARIA_HIDDEN,
	HA_LANG,
	HA_DATA_ROLE,
	HA_TITLE,
	HA_PUBDATE,
	HA_COUNT
};

extern const char *const html_attr_names[HA_COUNT];

typedef struct hattr {
	uint32_t key;	       /* enum hattr_key */
	uint32_t val, val_len; /* in tree.strs */
} hattr_t;

typedef struct hnode {
	uint32_t parent, first, last, next; /* 0: none (node 0 is the document) */
	uint32_t text, text_len;	    /* HT_TEXT: in tree.strs */
	uint32_t attr, nattr;		    /* in tree.attrs */
	size_t src_start, src_end;	    /* page byte range of the element */
	uint16_t tag;
	uint16_t depth;
	uint32_t flags; /* HN_* (html_content.c) */
} hnode_t;

typedef struct htree {
	HVEC(hnode_t) nodes;
	HVEC(hattr_t) attrs;
	hbuf_t strs;
	int truncated;
} htree_t;

/* Parse the canonical stream into *t with libxml2's HTML parser. 0 or -1. */
int html_parse(const hcanon_t *c, htree_t *t, hwork_t *w);
void html_tree_free(htree_t *t);

/* Tag id of a lower-case name. */
enum htag html_tag_id(const char *name, size_t n);
/* Value of attribute key on node i, or NULL; *n gets its length. */
const char *html_attr(const htree_t *t, uint32_t i, enum hattr_key key, size_t *n);
/* 1 when class or id of node i contains the word (case-insensitive, words
 * split at spaces, '-' and '_'). */
int html_has_word(const htree_t *t, uint32_t i, const char *word);
/* 1 when the class attribute of node i has the token (exact, case-insensitive). */
int html_has_class(const htree_t *t, uint32_t i, const char *token);
/* The visible text of node i's subtree (white space collapsed, trimmed),
 * appended to *out, at most max bytes read. 0 or -1. */
int html_node_text(const htree_t *t, uint32_t i, hbuf_t *out, size_t max);

/* ---- metadata (html_meta.c) ----------------------------------------------- */

typedef HVEC(char *) hstrvec_t;

typedef struct hmeta {
	char *og_title, *ld_headline, *doc_title;
	char *meta_date, *ld_date; /* meta_date already ISO; ld_date as written */
	hstrvec_t ld_authors;
	hstrvec_t meta_authors;
	char *canonical, *og_url, *ld_url;
	char *site_name, *ld_publisher, *app_name;
	char *lang;
} hmeta_t;

/* Read the metadata of the tree into *m. 0 or -1. */
int html_meta_read(const htree_t *t, hmeta_t *m);
void html_meta_free(hmeta_t *m);

/* (html_date.c) The ISO 8601 form ("YYYY-MM-DDTHH:MM:SS+07:00", converted to Vietnam time,
 * or "YYYY-MM-DD") of a machine date ("2025-03-12T10:20:00Z",
 * "2025-03-12 10:20", "12/03/2025 10:20") written into out[32]; 0, or -1
 * when s is no date. */
int html_date_iso(const char *s, size_t n, char out[32]);
/* The same for a visible date line ("Thứ tư, 12/3/2025, 10:20 (GMT+7)",
 * "Cập nhật: 10:20 ngày 12/03/2025"); strict: 1 only when the line is
 * nothing but a date (and labels), so a sentence is never read as one. */
int html_date_line(const char *s, size_t n, char out[32]);

/* Title Case of an author name written in capitals ("HOÀNG BIÊN"); other
 * names are returned as written, white space collapsed. malloc'ed. */
char *html_name_case(const char *s, size_t n);
/* 1 when an author value names an organisation or a site, not a person. */
int html_author_is_org(const char *s, const char *site_name);

/* ---- content (html_content.c) and layout (html_layout.c) ------------------ */

#define HN_BOIL 1u	 /* the element itself is boilerplate (subtree dropped) */
#define HN_CAPTION 2u	 /* a photo caption */
#define HN_USED 4u	 /* emitted elsewhere (title, sapo, date, byline) */
#define HN_BLOCK 8u	 /* a block-level element */
#define HN_PHOTO_BOX 16u /* a figure or caption table: its captions get "[img]" */
#define HN_HAS_IMG 32u	 /* holds an image */

typedef struct hcontent {
	uint32_t root;	 /* the article body */
	uint32_t h1;	 /* the headline element; 0: none */
	uint32_t sapo;	 /* 0: none */
	uint32_t byline; /* 0: none */
	uint32_t date;	 /* an element showing the date; 0: none */
	uint32_t time;	 /* a <time datetime> element; 0: none */
	char h1_text[512];
	char time_date[32];    /* ISO from <time datetime>, "" when none */
	char visible_date[32]; /* ISO from the date element, "" when none */
	const char *rule;      /* how the body was found (static) */
	uint32_t *text;	       /* per node: visible bytes of its subtree, boilerplate left out */
	uint32_t *link;	       /* per node: the part of it inside links */
	uint8_t *inboil;       /* per node: an ancestor is boilerplate */
	uint8_t *wmask;	       /* per node: the word lists its class and id are in */
} hcontent_t;

/* Mark boilerplate and find the body, the headline, the sapo, the byline
 * and the visible date. 0 or -1. */
int html_content_find(htree_t *t, hcontent_t *c, hwork_t *w);
void html_content_free(hcontent_t *c);
/* The first date (with the time next to it) written anywhere in a short
 * text, as html_date_iso() writes it; 0 when found, -1 when none. */
int html_date_find(const char *s, size_t n, char out[32]);

typedef struct hline {
	size_t start, end; /* in hlines.buf; SIZE_MAX for a placeholder */
	uint32_t src;	   /* the element the line came from */
	uint32_t box;	   /* captions: their photo box */
	int kind;	   /* HTML_BLOCK_PARAGRAPH, HEADING, CAPTION or PLACEHOLDER */
} hline_t;

typedef struct hlines {
	hbuf_t buf;
	HVEC(hline_t) v;
	char dropped_date[32]; /* a date line found (and dropped) in the body */
} hlines_t;

/* The body's lines (html_layout.c): copies of the title and the sapo, link
 * lists and page chrome left out, "[img]" placeholders before captions.
 * 0 or -1. */
int html_body_lines(const htree_t *t, const hcontent_t *c, const char *title, const char *sapo,
		    hlines_t *out, hwork_t *w);
void html_lines_free(hlines_t *l);
/* 1 when a and b say the same up to case, spaces and punctuation (or the
 * longer starts with the shorter, when that is over 20 characters and at
 * least two thirds of the longer). */
int html_same_text(const char *a, size_t an, const char *b, size_t bn);
/* 1 for a code point that separates words here: the model's own white
 * space (so that no kept text is empty to it) and U+3000, U+FEFF. */
int html_is_space(uint32_t c);
/* The bytes of the code point at s[0..n) when html_is_space holds for it,
 * else 0 (also for a continuation byte or a cut sequence). */
size_t html_space_len(const unsigned char *s, size_t n);

#endif
