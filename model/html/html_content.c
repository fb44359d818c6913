/* Where the article is: boilerplate marked, then the body found by the
 * containers Vietnamese CMSs use (VnExpress, Tuổi Trẻ, Thanh Niên, Nhân
 * Dân, Báo Chính phủ, Quân đội nhân dân, Dân trí, VietnamPlus, the
 * provincial portals on Liferay, SharePoint, WordPress and Joomla),
 * itemprop="articleBody", <article>, and failing those by text density
 * (paragraph text scored into its parent and grandparent, links discounted,
 * as readability does). Then the headline, the sapo, the byline and the
 * visible date near it.
 *
 * Every pass is linear: nodes are stored in document order, so a forward
 * pass sees parents before children and a backward pass children before
 * parents. */
#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/html/html_int.h"

/* Class or id words that make an element boilerplate whatever else it says. */
static const char *const NEG_STRONG[] = {
    "comment",	     "comments",    "related",	   "relate",   "share",	   "sharing",
    "social",	     "breadcrumb",  "breadcrumbs", "banner",   "ads",	   "advert",
    "advertisement", "sponsor",	    "sponsored",   "tags",     "keyword",  "keywords",
    "navbar",	     "navigation",  "nav",	   "menu",     "popup",	   "modal",
    "newsletter",    "subscribe",   "login",	   "cookie",   "toolbar",  "rating",
    "ratings",	     "poll",	    "pagination",  "pager",    "trending", "mostread",
    "mostview",	     "readmore",    "recommend",   "zalo",     "facebook", "fb",
    "twitter",	     "adsbygoogle", "qc",	   "adv",      "ad",	   "binhluan",
    "tinlienquan",   "lienquan",    "tinkhac",	   "xemthem",  "docthem",  "quangcao",
    "docnhieu",	     "xemnhieu",    "chiase",	   "tieudiem", "hotnews",  NULL};
/* The same in words split by '-' or '_' ("tin-lien-quan"): matched as parts
 * of the class or id written in lower case. */
static const char *const NEG_PARTS[] = {
    "lien-quan", "lien_quan",	"tin-khac",    "tin_khac",  "binh-luan", "binh_luan", "xem-them",
    "doc-them",	 "quang-cao",	"doc-nhieu",   "xem-nhieu", "chia-se",	 "tieu-diem", "admzone",
    "adsense",	 "relatednews", "box-tin-moi", "tin-moi",   "most-",	 "mxh",	      NULL};
/* Words that make an element boilerplate unless it also has a word of
 * POSITIVE ("header" is the page's, "article__header" the article's). */
static const char *const NEG_WEAK[] = {
    "tag",    "widget", "other",  "more",  "next",   "prev",	"print",     "hot",
    "footer", "header", "aside",  "top",   "bottom", "sitemap", "copyright", "contact",
    "search", "video",	"player", "embed", "audio",  "podcast", NULL};
static const char *const POSITIVE[] = {"content", "article", "body",  "main",  "detail",
				       "post",	  "entry",   "story", "text",  "chitiet",
				       "noidung", "news",    "sapo",  "title", NULL};
/* Roles of landmarks that are not the article. */
static const char *const NEG_ROLES[] = {"navigation", "banner",	     "contentinfo", "complementary",
					"search",     "menu",	     "menubar",	    "toolbar",
					"dialog",     "alertdialog", NULL};

/* Article bodies by class token (exact), in order of trust. */
static const char *const BODY_CLASSES[] = {"fck_detail", /* VnExpress */
					   "detail-content",
					   "detail__content",
					   "detail-cmain",
					   "afcbc-body", /* Tuổi Trẻ, Thanh Niên, Báo Chính phủ */
					   "article__body",
					   "article-body",
					   "articlebody",
					   "cms-body",
					   "zce-content-body", /* Nhân Dân, VietnamPlus */
					   "post-content",
					   "post-body",
					   "entry-content",
					   "td-post-content",
					   "single-content", /* QĐND, WordPress */
					   "singular-content",
					   "dt-news__content",
					   "e-magazine__body", /* Dân trí */
					   "maincontent",
					   "content-detail",
					   "the-article-body",
					   "article-content",
					   "news-content",
					   "news-detail-content",
					   "detail-news-content",
					   "content-news",
					   "newsdetail",
					   "news-detail",
					   "contentdetail",
					   "content_detail",
					   "detail_content",
					   "box-content-detail",
					   "journal-content-article", /* Liferay */
					   "ms-rtestate-field",	      /* SharePoint */
					   "item-page",
					   "field-name-body",
					   "field--name-body", /* Joomla, Drupal */
					   "noidung",
					   "noi-dung",
					   "noidungchitiet",
					   "chitiet",
					   "chi-tiet",
					   "content-body",
					   "story__body",
					   "story-body",
					   "text-long",
					   "art-body",
					   "article__content",
					   "main-content-detail",
					   NULL};
static const char *const BODY_IDS[] = {"main-detail",	 "article-body",  "articlebody",
				       "content-detail", "contentdetail", "news-content",
				       "noidung",	 "chitiet",	  "post-content",
				       "divnewscontent", "abody",	  NULL};

static const char *const SAPO_WORDS[] = {
    "sapo",	"lead",	      "chapeau",     "summary", "excerpt", "intro",  "tomtat", "mota",
    "abstract", "standfirst", "description", "desc",	"short",   "teaser", NULL};
static const char *const DATE_WORDS[] = {
    "date",	"time",	    "datetime", "publish",  "published",   "pubdate", "ngay",
    "ngaydang", "thoigian", "posted",	"dateline", "publishdate", "created", NULL};
/* Vietnamese class names written with dashes ("tom-tat", "chu-thich"). */
static const char *const SAPO_PARTS[] = {"tom-tat", "tom_tat", "mo-ta", "trich-yeu", NULL};
static const char *const DATE_PARTS[] = {"ngay-gio", "ngay-dang", "thoi-gian",
					 "ngaygio",  "ngay_dang", NULL};
static const char *const CAPTION_PARTS[] = {"chu-thich", "chuthich", "chu_thich", NULL};
static const char *const CAPTION_WORDS[] = {
    "caption",	       "figcaption", "image_desc", "imgcaption", "photocms_caption",
    "wp-caption-text", "desc_image", "expnoedit",  "note-image", NULL};

static const char *const PHOTO_WORDS[] = {"image",  "photo", "picture", "img",
					  "figure", "pic",   NULL};

/* ---- classes ----------------------------------------------------------------- */

/* Every list above in one sorted table, word -> the lists it is in, built
 * once; an element's class and id words are looked up once (measure()). */
enum { W_NEG = 1, W_WEAK = 2, W_POS = 4, W_CAPTION = 8, W_SAPO = 16, W_DATE = 32, W_PHOTO = 64 };

typedef struct wentry {
	const char *w;
	unsigned mask;
} wentry_t;

static wentry_t WTAB[256];
static size_t wtab_n;
static pthread_once_t wtab_once = PTHREAD_ONCE_INIT;

static int wentry_cmp(const void *a, const void *b)
{
	return strcmp(((const wentry_t *)a)->w, ((const wentry_t *)b)->w);
}

static void wtab_add(const char *const *list, unsigned mask)
{
	for (; *list; list++) {
		size_t k = 0;
		while (k < wtab_n && strcmp(WTAB[k].w, *list))
			k++;
		if (k == wtab_n && wtab_n < sizeof WTAB / sizeof *WTAB)
			WTAB[wtab_n++].w = *list;
		if (k < wtab_n)
			WTAB[k].mask |= mask;
	}
}

static void wtab_build(void)
{
	wtab_add(NEG_STRONG, W_NEG);
	wtab_add(NEG_WEAK, W_WEAK);
	wtab_add(POSITIVE, W_POS);
	wtab_add(CAPTION_WORDS, W_CAPTION);
	wtab_add(SAPO_WORDS, W_SAPO);
	wtab_add(DATE_WORDS, W_DATE);
	wtab_add(PHOTO_WORDS, W_PHOTO);
	qsort(WTAB, wtab_n, sizeof *WTAB, wentry_cmp);
}

/* The lists the words of node i's class and id are in (split at spaces,
 * '-' and '_', lower-cased). */
static unsigned word_mask(const htree_t *t, uint32_t i)
{
	enum hattr_key keys[2] = {HA_CLASS, HA_ID};
	unsigned m = 0;
	for (int k = 0; k < 2; k++) {
		size_t n;
		const char *v = html_attr(t, i, keys[k], &n);
		for (size_t a = 0; v && a < n;) {
			while (a < n &&
			       (isspace((unsigned char)v[a]) || v[a] == '-' || v[a] == '_'))
				a++;
			char w[32];
			size_t l = 0;
			while (a < n && !isspace((unsigned char)v[a]) && v[a] != '-' &&
			       v[a] != '_') {
				if (l < sizeof w - 1)
					w[l] = (char)tolower((unsigned char)v[a]);
				l++, a++;
			}
			if (!l || l >= sizeof w)
				continue;
			w[l] = '\0';
			wentry_t key = {w, 0},
				 *hit = bsearch(&key, WTAB, wtab_n, sizeof *WTAB, wentry_cmp);
			if (hit)
				m |= hit->mask;
		}
	}
	return m;
}

/* 1 when the lower-cased class or id contains one of the parts. */
static int any_part(const htree_t *t, uint32_t i, const char *const *parts)
{
	enum hattr_key keys[2] = {HA_CLASS, HA_ID};
	for (int k = 0; k < 2; k++) {
		size_t n;
		const char *v = html_attr(t, i, keys[k], &n);
		if (!v || !n)
			continue;
		char low[256];
		if (n >= sizeof low)
			n = sizeof low - 1;
		for (size_t j = 0; j < n; j++)
			low[j] = (char)tolower((unsigned char)v[j]);
		low[n] = '\0';
		for (const char *const *p = parts; *p; p++)
			if (strstr(low, *p))
				return 1;
	}
	return 0;
}

static int attr_is(const htree_t *t, uint32_t i, enum hattr_key k, const char *val)
{
	size_t n;
	const char *v = html_attr(t, i, k, &n);
	return v && strlen(val) == n && !strncasecmp(v, val, n);
}

static int attr_has(const htree_t *t, uint32_t i, enum hattr_key k, const char *sub)
{
	size_t n;
	const char *v = html_attr(t, i, k, &n);
	if (!v)
		return 0;
	size_t m = strlen(sub);
	for (size_t j = 0; j + m <= n; j++)
		if (!strncasecmp(v + j, sub, m))
			return 1;
	return 0;
}

static int is_hidden(const htree_t *t, uint32_t i)
{
	size_t n;
	const char *st = html_attr(t, i, HA_STYLE, &n);
	if (st) {
		char low[160];
		size_t k = 0;
		for (size_t j = 0; j < n && k + 1 < sizeof low; j++)
			if (!isspace((unsigned char)st[j]))
				low[k++] = (char)tolower((unsigned char)st[j]);
		low[k] = '\0';
		if (strstr(low, "display:none") || strstr(low, "visibility:hidden"))
			return 1;
	}
	return html_attr(t, i, HA_HIDDEN, NULL) || attr_is(t, i, HA_ARIA_HIDDEN, "true");
}

/* The element is boilerplate by itself (its subtree is dropped); m is its
 * word_mask(). */
static int self_boilerplate(const htree_t *t, uint32_t i, unsigned m)
{
	switch (t->nodes.v[i].tag) {
	case HT_SCRIPT:
	case HT_STYLE:
	case HT_NOSCRIPT:
	case HT_TEMPLATE:
	case HT_IFRAME:
	case HT_SVG:
	case HT_MATH:
	case HT_CANVAS:
	case HT_OBJECT:
	case HT_EMBED:
	case HT_BUTTON:
	case HT_SELECT:
	case HT_OPTION:
	case HT_TEXTAREA:
	case HT_INPUT:
	case HT_NAV:
	case HT_ASIDE:
	case HT_FOOTER:
	case HT_DIALOG:
	case HT_MAP:
	case HT_VIDEO:
	case HT_AUDIO:
	case HT_LABEL:
		return 1;
	default:
		break;
	}
	if (html_attr(t, i, HA_ITEMPROP, NULL) && attr_is(t, i, HA_ITEMPROP, "articleBody"))
		return 0;
	if (is_hidden(t, i))
		return 1;
	size_t rn;
	const char *role = html_attr(t, i, HA_ROLE, &rn);
	if (role)
		for (const char *const *r = NEG_ROLES; *r; r++)
			if (strlen(*r) == rn && !strncasecmp(role, *r, rn))
				return 1;
	/* VCCorp's inline boxes: type="RelatedOneNews", "RelatedNewsBox" */
	if (attr_has(t, i, HA_TYPE, "related") || attr_has(t, i, HA_DATA_ROLE, "related"))
		return 1;
	if (!html_attr(t, i, HA_CLASS, NULL) && !html_attr(t, i, HA_ID, NULL))
		return 0;
	if ((m & W_NEG) || any_part(t, i, NEG_PARTS))
		return 1;
	return (m & W_WEAK) && !(m & W_POS);
}

static int is_block_tag(int tag)
{
	switch (tag) {
	case HT_P:
	case HT_DIV:
	case HT_H1:
	case HT_H2:
	case HT_H3:
	case HT_H4:
	case HT_H5:
	case HT_H6:
	case HT_LI:
	case HT_UL:
	case HT_OL:
	case HT_DL:
	case HT_DT:
	case HT_DD:
	case HT_TABLE:
	case HT_TR:
	case HT_TD:
	case HT_TH:
	case HT_THEAD:
	case HT_TBODY:
	case HT_TFOOT:
	case HT_CAPTION:
	case HT_FIGURE:
	case HT_FIGCAPTION:
	case HT_SECTION:
	case HT_ARTICLE:
	case HT_HEADER:
	case HT_FOOTER:
	case HT_MAIN:
	case HT_ASIDE:
	case HT_BLOCKQUOTE:
	case HT_PRE:
	case HT_ADDRESS:
	case HT_CENTER:
	case HT_FORM:
	case HT_HR:
	case HT_NAV:
	case HT_DETAILS:
	case HT_SUMMARY:
	case HT_FIELDSET:
	case HT_LEGEND:
	case HT_BODY:
	case HT_HTML:
	case HT_MENU:
		return 1;
	default:
		return 0;
	}
}

/* ---- measures ----------------------------------------------------------------- */

/* Visible bytes of a text node (white space runs count once). */
static uint32_t text_weight(const htree_t *t, uint32_t i)
{
	const unsigned char *s = (const unsigned char *)t->strs.p + t->nodes.v[i].text;
	uint32_t n = t->nodes.v[i].text_len, w = 0;
	int space = 1;
	for (uint32_t k = 0; k < n; k++) {
		int ws = isspace(s[k]);
		if (ws && !space)
			w++;
		else if (!ws)
			w++;
		space = ws;
	}
	return w;
}

/* Flags, ancestors' boilerplate, text and link measures. */
static int measure(htree_t *t, hcontent_t *c, hwork_t *w)
{
	size_t n = t->nodes.n;
	c->text = calloc(n, sizeof *c->text);
	c->link = calloc(n, sizeof *c->link);
	c->inboil = calloc(n, 1);
	c->wmask = calloc(n, sizeof *c->wmask);
	if (!c->text || !c->link || !c->inboil || !c->wmask)
		return -1;
	pthread_once(&wtab_once, wtab_build);
	for (uint32_t i = 1; i < n; i++) {
		hnode_t *nd = &t->nodes.v[i];
		if (html_work_tick(w, 1))
			return -1;
		c->inboil[i] = c->inboil[nd->parent] || (t->nodes.v[nd->parent].flags & HN_BOIL);
		if (nd->tag == HT_TEXT)
			continue;
		if (is_block_tag(nd->tag))
			nd->flags |= HN_BLOCK;
		if (nd->nattr)
			c->wmask[i] = (uint8_t)word_mask(t, i);
		if (self_boilerplate(t, i, c->wmask[i]))
			nd->flags |= HN_BOIL;
		if (nd->tag == HT_FIGCAPTION || nd->tag == HT_CAPTION ||
		    (c->wmask[i] & W_CAPTION) || (nd->nattr && any_part(t, i, CAPTION_PARTS)))
			nd->flags |= HN_CAPTION;
		if (nd->tag == HT_FIGURE || attr_is(t, i, HA_TYPE, "Photo") ||
		    html_has_class(t, i, "tplCaption") ||
		    html_has_class(t, i, "VCSortableInPreviewMode"))
			nd->flags |= HN_PHOTO_BOX;
	}
	for (uint32_t i = (uint32_t)n - 1; i >= 1; i--) {
		hnode_t *nd = &t->nodes.v[i];
		if (nd->tag == HT_TEXT)
			c->text[i] = text_weight(t, i);
		if (nd->tag == HT_A)
			c->link[i] = c->text[i];
		/* a photo box is a figure, or a small table or block with an image */
		if (nd->tag == HT_IMG || nd->tag == HT_PICTURE || (nd->flags & HN_HAS_IMG))
			t->nodes.v[nd->parent].flags |= HN_HAS_IMG;
		if ((nd->tag == HT_TABLE || nd->tag == HT_DIV) && (nd->flags & HN_HAS_IMG) &&
		    c->text[i] < 300 && (nd->tag == HT_TABLE || (c->wmask[i] & W_PHOTO)))
			nd->flags |= HN_PHOTO_BOX;
		/* "<p class="Image">caption</p>" (VnExpress): an image class without an image */
		if (nd->tag == HT_P && (c->wmask[i] & W_PHOTO) && !(nd->flags & HN_HAS_IMG))
			nd->flags |= HN_CAPTION;
		if (!(nd->flags & HN_BOIL) && i > 0) {
			c->text[nd->parent] += c->text[i];
			c->link[nd->parent] += c->link[i];
		}
	}
	return 0;
}

/* ---- the body ------------------------------------------------------------------- */

static uint32_t last_desc(const htree_t *t, uint32_t i)
{
	while (t->nodes.v[i].last)
		i = t->nodes.v[i].last;
	return i;
}

static int usable(const htree_t *t, const hcontent_t *c, uint32_t i)
{
	return !c->inboil[i] && !(t->nodes.v[i].flags & HN_BOIL);
}

static const char *selector_rule(const htree_t *t, uint32_t i)
{
	if (attr_is(t, i, HA_ITEMPROP, "articleBody"))
		return "itemprop=articleBody";
	if (attr_is(t, i, HA_DATA_ROLE, "content"))
		return "data-role=content";
	for (const char *const *k = BODY_CLASSES; *k; k++)
		if (html_has_class(t, i, *k))
			return "cms-class";
	size_t n;
	const char *id = html_attr(t, i, HA_ID, &n);
	for (const char *const *k = BODY_IDS; id && *k; k++)
		if (strlen(*k) == n && !strncasecmp(id, *k, n))
			return "cms-id";
	return NULL;
}

/* The CMS container with the most text; of nested ones, the innermost that
 * holds most of it (the outer one adds the headline, the sapo, a tag bar). */
static uint32_t by_selector(const htree_t *t, const hcontent_t *c, const char **rule)
{
	uint32_t best = 0;
	for (uint32_t i = 1; i < t->nodes.n; i++)
		if (t->nodes.v[i].tag != HT_TEXT && usable(t, c, i) && c->text[i] >= 80 &&
		    (!best || c->text[i] > c->text[best]) && selector_rule(t, i))
			best = i;
	if (!best)
		return 0;
	uint32_t inner = best, end = last_desc(t, best);
	for (uint32_t i = best + 1; i <= end; i++)
		if (t->nodes.v[i].tag != HT_TEXT && usable(t, c, i) &&
		    (uint64_t)c->text[i] * 10 >= (uint64_t)c->text[best] * 6 && selector_rule(t, i))
			inner = i;
	*rule = selector_rule(t, inner);
	return inner;
}

static uint32_t by_article(const htree_t *t, const hcontent_t *c)
{
	uint32_t best = 0;
	for (uint32_t i = 1; i < t->nodes.n; i++)
		if ((t->nodes.v[i].tag == HT_ARTICLE || t->nodes.v[i].tag == HT_MAIN) &&
		    usable(t, c, i) && c->text[i] >= 200 && (!best || c->text[i] > c->text[best]))
			best = i;
	return best;
}

/* Text density: paragraph text scored into the parent and grandparent. */
static uint32_t by_density(const htree_t *t, const hcontent_t *c, hwork_t *w)
{
	size_t n = t->nodes.n;
	float *score = calloc(n, sizeof *score);
	if (!score)
		return 0;
	for (uint32_t i = 1; i < n; i++) {
		const hnode_t *nd = &t->nodes.v[i];
		if (html_work_tick(w, 1))
			break;
		int para = nd->tag == HT_P || nd->tag == HT_PRE || nd->tag == HT_TD ||
			   nd->tag == HT_BLOCKQUOTE;
		if (!para && nd->tag == HT_DIV) { /* a div holding text directly */
			for (uint32_t k = nd->first; k && !para; k = t->nodes.v[k].next)
				para = t->nodes.v[k].tag == HT_TEXT && c->text[k] >= 25;
		}
		if (!para || !usable(t, c, i) || c->text[i] < 25 || c->link[i] * 2 > c->text[i])
			continue;
		float s = 1.0f + (c->text[i] > 300 ? 3.0f : (float)c->text[i] / 100.0f);
		uint32_t p = nd->parent;
		for (int up = 1; p && up <= 3; up++, p = t->nodes.v[p].parent)
			score[p] += s / (float)up;
	}
	uint32_t best = 0;
	float bs = 0;
	for (uint32_t i = 1; i < n; i++) {
		if (!score[i] || !usable(t, c, i))
			continue;
		float ld = c->text[i] ? (float)c->link[i] / (float)c->text[i] : 1.0f;
		float s = score[i] * (1.0f - ld);
		if (s > bs) {
			bs = s;
			best = i;
		}
	}
	free(score);
	return best;
}

/* ---- headline, sapo, byline, date ------------------------------------------------ */

static int in_range(const htree_t *t, uint32_t i, uint32_t root)
{
	return i >= root && i <= last_desc(t, root);
}

static uint32_t find_h1(const htree_t *t, const hcontent_t *c)
{
	uint32_t before = 0, inside = 0, any = 0, root_end = last_desc(t, c->root);
	for (uint32_t i = 1; i < t->nodes.n; i++) {
		if (t->nodes.v[i].tag != HT_H1 || !usable(t, c, i) || c->text[i] < 4)
			continue;
		if (!any)
			any = i;
		if (i < c->root)
			before = i;
		else if (i <= root_end && !inside)
			inside = i;
	}
	return before ? before : inside ? inside : any;
}

/* First element after `after` (and before the end of the body) with one of
 * the words, usable, with text in [minlen, maxlen]. */
static uint32_t find_near(const htree_t *t, const hcontent_t *c, uint32_t after, unsigned words,
			  const char *const *parts, enum hattr_key also, const char *also_val,
			  uint32_t minlen, uint32_t maxlen, int allow_root_ancestor)
{
	uint32_t end = last_desc(t, c->root);
	for (uint32_t i = after + 1; i <= end && i < t->nodes.n; i++) {
		const hnode_t *nd = &t->nodes.v[i];
		if (nd->tag == HT_TEXT || !usable(t, c, i) || c->text[i] < minlen ||
		    c->text[i] > maxlen)
			continue;
		if (!allow_root_ancestor && i < c->root && in_range(t, c->root, i))
			continue; /* it holds the body */
		if ((c->wmask[i] & words) || any_part(t, i, parts) ||
		    (also_val && attr_is(t, i, also, also_val)))
			return i;
	}
	return 0;
}

static uint32_t find_byline(const htree_t *t, const hcontent_t *c, uint32_t after)
{
	uint32_t end = last_desc(t, c->root);
	/* past the body too, up to a few hundred nodes: author boxes follow it */
	uint32_t limit = end + 400 < t->nodes.n ? end + 400 : (uint32_t)t->nodes.n - 1;
	for (uint32_t i = after + 1; i <= limit; i++) {
		const hnode_t *nd = &t->nodes.v[i];
		if (nd->tag == HT_TEXT || nd->tag == HT_META || !usable(t, c, i) ||
		    c->text[i] < 2 || c->text[i] > 100)
			continue;
		if (i < c->root && in_range(t, c->root, i))
			continue;
		int hit =
		    attr_is(t, i, HA_ITEMPROP, "author") || attr_has(t, i, HA_CLASS, "author") ||
		    attr_has(t, i, HA_CLASS, "byline") || attr_has(t, i, HA_CLASS, "tacgia") ||
		    attr_has(t, i, HA_CLASS, "tac-gia") || attr_has(t, i, HA_ID, "author");
		if (hit)
			return i;
	}
	return 0;
}

/* 1 when node i and the headline meet within three levels above the
 * headline: a date line in the article's header, not the site's bar with
 * the day's date. */
static int near_headline(const htree_t *t, const hcontent_t *c, uint32_t i)
{
	if (!c->h1)
		return 0;
	uint32_t a = i, b = c->h1;
	while (t->nodes.v[a].depth > t->nodes.v[b].depth)
		a = t->nodes.v[a].parent;
	while (t->nodes.v[b].depth > t->nodes.v[a].depth)
		b = t->nodes.v[b].parent;
	while (a != b) {
		a = t->nodes.v[a].parent;
		b = t->nodes.v[b].parent;
	}
	return t->nodes.v[a].depth + 3 >= t->nodes.v[c->h1].depth;
}

/* Mark boilerplate and find the parts (see html_int.h). */
int html_content_find(htree_t *t, hcontent_t *c, hwork_t *w)
{
	hbuf_t b = {0};
	if (measure(t, c, w))
		return -1;
	const char *rule = NULL;
	uint32_t sel = by_selector(t, c, &rule), art = by_article(t, c), den = by_density(t, c, w);
	if (w->stop)
		return -1;
	uint32_t root = sel;
	if (!root && art) {
		root = art, rule = "article";
		/* an <article> wrapping much more than its densest part */
		if (den && in_range(t, den, art) && c->text[den] * 2 >= c->text[art])
			root = den, rule = "article+density";
	}
	if (!root && den)
		root = den, rule = "density";
	/* a selector that caught a small box while the text is elsewhere */
	if (sel && den && !in_range(t, den, sel) && !in_range(t, sel, den) &&
	    c->text[sel] * 4 < c->text[den])
		root = den, rule = "density";
	if (!root) {
		for (uint32_t i = 1; i < t->nodes.n; i++)
			if (t->nodes.v[i].tag == HT_BODY)
				root = i;
		rule = "body";
	}
	if (!root)
		root = 0, rule = "document";
	c->root = root;
	c->rule = rule;
	t->nodes.v[root].flags &= ~HN_BOIL;

	c->h1 = find_h1(t, c);
	if (c->h1) {
		t->nodes.v[c->h1].flags |= HN_USED;
		if (html_node_text(t, c->h1, &b, sizeof c->h1_text - 1))
			goto oom;
		size_t n = b.n < sizeof c->h1_text ? b.n : sizeof c->h1_text - 1;
		while (n && n < b.n && ((unsigned char)b.p[n] & 0xC0) == 0x80)
			n--; /* not inside a character */
		if (n)
			memcpy(c->h1_text, b.p, n);
		c->h1_text[n] = '\0';
	}
	uint32_t after = c->h1 ? c->h1 : (root ? t->nodes.v[root].parent : 0);
	c->sapo = find_near(t, c, after, W_SAPO, SAPO_PARTS, HA_DATA_ROLE, "sapo", 30, 2000, 0);
	if (c->sapo)
		t->nodes.v[c->sapo].flags |= HN_USED;
	c->byline = find_byline(t, c, after);
	if (c->byline)
		t->nodes.v[c->byline].flags |= HN_USED;
	/* <time datetime>, then an element that shows a date: after the
	 * headline first, then just before it (a date line above the title, as
	 * VnExpress has it); never far above, where a site shows today's date */
	uint32_t end = last_desc(t, root);
	uint32_t order[2][2] = {{after + 1, end}, {after > 60 ? after - 60 : 1, after}};
	for (int pass = 0; pass < 2 && !c->time; pass++)
		for (uint32_t i = order[pass][0]; i <= order[pass][1] && i < t->nodes.n && !c->time;
		     i++) {
			size_t n;
			const char *dt;
			if (t->nodes.v[i].tag == HT_TIME && usable(t, c, i) &&
			    (!pass || near_headline(t, c, i)) &&
			    ((dt = html_attr(t, i, HA_DATETIME, &n)) ||
			     (dt = html_attr(t, i, HA_PUBDATE, &n))) &&
			    !html_date_iso(dt, n, c->time_date))
				c->time = i;
		}
	for (int pass = 0; pass < 2 && !c->date; pass++)
		for (uint32_t i = order[pass][0]; i <= order[pass][1] && i < t->nodes.n && !c->date;
		     i++) {
			const hnode_t *nd = &t->nodes.v[i];
			if (nd->tag == HT_TEXT || !usable(t, c, i) || c->text[i] < 6 ||
			    c->text[i] > 160 || (nd->flags & HN_USED) ||
			    (pass && (i == c->h1 || !near_headline(t, c, i))))
				continue;
			if (!((c->wmask[i] & W_DATE) || any_part(t, i, DATE_PARTS) ||
			      attr_is(t, i, HA_DATA_ROLE, "publishdate") || nd->tag == HT_TIME))
				continue;
			b.n = 0;
			if (html_node_text(t, i, &b, 400))
				goto oom;
			if (b.n && !html_date_find(b.p, b.n, c->visible_date)) {
				c->date = i;
				t->nodes.v[i].flags |= HN_USED;
			}
		}
	if (c->time && !c->date)
		t->nodes.v[c->time].flags |= HN_USED;
	free(b.p);
	return 0;
oom:
	free(b.p);
	return -1;
}

/* Free the measures. */
void html_content_free(hcontent_t *c)
{
	free(c->text);
	free(c->link);
	free(c->inboil);
	free(c->wmask);
	c->text = c->link = NULL;
	c->inboil = c->wmask = NULL;
}
