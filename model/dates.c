/* Dates, times, relative dates and terms in Vietnamese news text.
 *
 * The recognisers read a small token stream (numbers, words, single
 * punctuation marks) lazily into a fixed window, look a bounded number of
 * tokens ahead and a few behind, and so stay linear in the text length
 * without allocating anything but the output vectors. Words are looked up by
 * a folded key in Telex spelling with the tone letter last, so case and
 * old/new tone placement do not matter: "khóa" and "khoá" both fold to
 * "khoas", "THỨ TƯ" to "thuws tuw". */
#include "dates.h"
#include "normalize.h"

#include <stdbool.h>
#include <utf8proc.h>

/* Word ids the grammar refers to. W_OTHER words carry only flags. */
enum word {
	W_NONE = 0,
	W_OTHER,
	W_SANG,
	W_TRUA,
	W_CHIEU,
	W_TOI,
	W_DEM,
	W_BUOI,
	W_SOM,
	W_RANG,
	W_NAY,
	W_QUA,
	W_MAI,
	W_HOM,
	W_CUNG,
	W_NGAY,
	W_THANG,
	W_NAM,
	W_QUY,
	W_GIO,
	W_PHUT,
	W_GIAY,
	W_LUC,
	W_VAO,
	W_TU,
	W_DEN,
	W_HET,
	W_TOI2,
	W_VA,
	W_TRONG,
	W_RUOI,
	W_KEM,
	W_MOT,
	W_HAI,
	W_BA,
	W_TUW,
	W_BON,
	W_LAM,
	W_SAU,
	W_BAY,
	W_TAM,
	W_CHIN,
	W_MUOI,
	W_MUOI2,
	W_MOT2,
	W_NHAT,
	W_THU,
	W_CHU,
	W_NHAT2,
	W_CN,
	W_H,
	W_G,
	W_P,
	W_KHOA,
	W_NHIEM,
	W_KY,
	W_GIAI,
	W_DOAN,
	W_CAP,
	W_DANG,
	W_GMT,
	W_UTC,
	W_AM,
	W_PM,
	W_SA,
	W_CH,
	W_THOI,
	W_GIAN,
	W_XUAT,
	W_BAN,
};

/* Flags of a word as neighbour of a number. */
enum {
	F_CTX = 1,    /* before a number it is a quantity, ratio, rank or section:
			 "tỷ lệ 3/4", "tỷ số 2-1", "khoảng 3-4", "Điều 5.2" */
	F_UNIT = 2,   /* after a number it is a count or a fraction: "3-5 người",
			 "2/3 đại biểu", "1.5 triệu" */
	F_DUR = 4,    /* before "N giờ" it is a duration: "trong 24 giờ" */
	F_ORD = 8,    /* before "thứ N" it is an ordinal: "kỳ họp thứ 4" */
	F_SCORE = 16, /* before "N-N" it is a score: "thắng 3-1", but "ngày
			 Chiến thắng 30/4" is a date */
};

struct word_entry {
	const char *key; /* Telex fold, sorted for bsearch */
	uint8_t id;
	uint8_t flags;
};

/* Keys were produced from the Vietnamese words in the comments with the
 * same folding as fold_one(); the table must stay sorted by key (strcmp)
 * for bsearch. */
static const struct word_entry words[] = {
    {"am", W_AM, 0},			  /* am */
    {"ba", W_BA, 0},			  /* ba */
    {"baayr", W_BAY, 0},		  /* bẩy */
    {"baif", W_OTHER, F_CTX},		  /* bài */
    {"banf", W_OTHER, F_UNIT},		  /* bàn */
    {"bangr", W_OTHER, F_CTX},		  /* bảng */
    {"banr", W_BAN, F_CTX},		  /* bản */
    {"bayr", W_BAY, 0},			  /* bảy */
    {"beenhj", W_OTHER, F_UNIT},	  /* bệnh */
    {"bieeur", W_OTHER, F_CTX},		  /* biểu */
    {"boons", W_BON, 0},		  /* bốn */
    {"buooir", W_BUOI, 0},		  /* buổi */
    {"ca", W_OTHER, F_UNIT},		  /* ca */
    {"caapj", W_CAP, 0},		  /* cập */
    {"caau", W_OTHER, F_CTX},		  /* câu */
    {"caay", W_OTHER, F_UNIT},		  /* cây */
    {"cais", W_OTHER, F_UNIT},		  /* cái */
    {"cawn", W_OTHER, F_UNIT},		  /* căn */
    {"ch", W_CH, 0},			  /* ch */
    {"chi", W_OTHER, F_UNIT},		  /* chi */
    {"chieecs", W_OTHER, F_UNIT},	  /* chiếc */
    {"chieeuf", W_CHIEU, 0},		  /* chiều */
    {"chins", W_CHIN, 0},		  /* chín */
    {"chir", W_OTHER, F_UNIT},		  /* chỉ */
    {"chur", W_CHU, 0},			  /* chủ */
    {"chuwngf", W_OTHER, F_CTX},	  /* chừng */
    {"chuwowng", W_OTHER, F_CTX},	  /* chương */
    {"cm", W_OTHER, F_UNIT},		  /* cm */
    {"cn", W_CN, 0},			  /* cn */
    {"con", W_OTHER, F_UNIT},		  /* con */
    {"coong", W_OTHER, F_UNIT},		  /* công */
    {"cow", W_OTHER, F_UNIT},		  /* cơ */
    {"cungf", W_CUNG, 0},		  /* cùng */
    {"ddaij", W_OTHER, F_UNIT},		  /* đại */
    {"ddangr", W_OTHER, F_UNIT},	  /* đảng */
    {"ddatj", W_OTHER, F_CTX},		  /* đạt */
    {"ddawng", W_DANG, 0},		  /* đăng */
    {"ddeem", W_DEM, 0},		  /* đêm */
    {"ddeens", W_DEN, 0},		  /* đến */
    {"ddieemr", W_OTHER, F_CTX | F_UNIT}, /* điểm */
    {"ddieeuf", W_OTHER, F_CTX},	  /* điều */
    {"ddoanj", W_DOAN, 0},		  /* đoạn */
    {"ddooij", W_OTHER, F_UNIT},	  /* đội */
    {"ddooj", W_OTHER, F_UNIT},		  /* độ */
    {"ddoongf", W_OTHER, F_UNIT},	  /* đồng */
    {"ddown", W_OTHER, F_UNIT},		  /* đơn */
    {"dduwngs", W_OTHER, F_ORD},	  /* đứng */
    {"doanh", W_OTHER, F_UNIT},		  /* doanh */
    {"duwj", W_OTHER, F_UNIT},		  /* dự */
    {"duwowis", W_OTHER, F_CTX},	  /* dưới */
    {"em", W_OTHER, F_UNIT},		  /* em */
    {"g", W_G, 0},			  /* g */
    {"gaanf", W_OTHER, F_CTX},		  /* gần */
    {"gaaps", W_OTHER, F_CTX},		  /* gấp */
    {"gia", W_OTHER, F_UNIT},		  /* gia */
    {"giaay", W_GIAY, F_UNIT},		  /* giây */
    {"giai", W_GIAI, 0},		  /* giai */
    {"gian", W_GIAN, 0},		  /* gian */
    {"giowf", W_GIO, F_UNIT},		  /* giờ */
    {"gmt", W_GMT, 0},			  /* gmt */
    {"gois", W_OTHER, F_UNIT},		  /* gói */
    {"h", W_H, 0},			  /* h */
    {"ha", W_OTHER, F_UNIT},		  /* ha */
    {"hai", W_HAI, 0},			  /* hai */
    {"hangj", W_OTHER, F_CTX | F_ORD},	  /* hạng */
    {"hatj", W_OTHER, F_UNIT},		  /* hạt */
    {"heets", W_HET, 0},		  /* hết */
    {"hinhf", W_OTHER, F_CTX},		  /* hình */
    {"hoaf", W_OTHER, F_SCORE},		  /* hòa */
    {"hocj", W_OTHER, F_UNIT},		  /* học */
    {"hooj", W_OTHER, F_UNIT},		  /* hộ */
    {"hoom", W_HOM, 0},			  /* hôm */
    {"hopj", W_OTHER, F_ORD},		  /* họp */
    {"hown", W_OTHER, F_CTX | F_DUR},	  /* hơn */
    {"huyeenj", W_OTHER, F_UNIT},	  /* huyện */
    {"kems", W_KEM, 0},			  /* kém */
    {"kg", W_OTHER, F_UNIT},		  /* kg */
    {"khoangr", W_OTHER, F_CTX},	  /* khoảng */
    {"khoanr", W_OTHER, F_CTX},		  /* khoản */
    {"khoas", W_KHOA, F_ORD},		  /* khóa */
    {"kif", W_KY, F_ORD},		  /* kì */
    {"km", W_OTHER, F_UNIT},		  /* km */
    {"kyf", W_KY, F_ORD},		  /* kỳ */
    {"laanf", W_OTHER, F_UNIT | F_ORD},	  /* lần */
    {"lawm", W_LAM, 0},			  /* lăm */
    {"leej", W_OTHER, F_CTX},		  /* lệ */
    {"lits", W_OTHER, F_UNIT},		  /* lít */
    {"loo", W_OTHER, F_UNIT},		  /* lô */
    {"lowps", W_OTHER, F_CTX},		  /* lớp */
    {"lucs", W_LUC, 0},			  /* lúc */
    {"luwowtj", W_OTHER, F_UNIT},	  /* lượt */
    {"m", W_OTHER, F_UNIT},		  /* m */
    {"maats", W_OTHER, F_DUR},		  /* mất */
    {"mai", W_MAI, 0},			  /* mai */
    {"mets", W_OTHER, F_UNIT},		  /* mét */
    {"mm", W_OTHER, F_UNIT},		  /* mm */
    {"mootj", W_MOT, 0},		  /* một */
    {"moots", W_MOT2, 0},		  /* mốt */
    {"mucj", W_OTHER, F_CTX},		  /* mục */
    {"muwowi", W_MUOI2, 0},		  /* mươi */
    {"muwowif", W_MUOI, 0},		  /* mười */
    {"nawm", W_NAM, F_UNIT},		  /* năm */
    {"nay", W_NAY, 0},			  /* nay */
    {"nganf", W_OTHER, F_UNIT},		  /* ngàn */
    {"ngayf", W_NGAY, F_UNIT},		  /* ngày */
    {"nghinf", W_OTHER, F_UNIT},	  /* nghìn */
    {"nguwowif", W_OTHER, F_UNIT},	  /* người */
    {"nhaatj", W_NHAT2, 0},		  /* nhật */
    {"nhaats", W_NHAT, 0},		  /* nhất */
    {"nhaf", W_OTHER, F_UNIT},		  /* nhà */
    {"nhieemj", W_NHIEM, 0},		  /* nhiệm */
    {"nooij", W_OTHER, F_UNIT},		  /* nội */
    {"p", W_P, 0},			  /* p */
    {"phaanf", W_OTHER, F_CTX | F_UNIT},  /* phần */
    {"phieen", W_OTHER, F_ORD},		  /* phiên */
    {"phieeus", W_OTHER, F_UNIT},	  /* phiếu */
    {"phuts", W_PHUT, F_UNIT},		  /* phút */
    {"phuwowngf", W_OTHER, F_UNIT},	  /* phường */
    {"pm", W_PM, 0},			  /* pm */
    {"qua", W_QUA, 0},			  /* qua */
    {"quys", W_QUY, 0},			  /* quý */
    {"rangj", W_RANG, 0},		  /* rạng */
    {"ruwowix", W_RUOI, 0},		  /* rưỡi */
    {"sa", W_SA, 0},			  /* sa */
    {"sangs", W_SANG, 0},		  /* sáng */
    {"saus", W_SAU, 0},			  /* sáu */
    {"sinh", W_OTHER, F_UNIT},		  /* sinh */
    {"soos", W_OTHER, F_CTX | F_UNIT},	  /* số */
    {"sowms", W_SOM, 0},		  /* sớm */
    {"suaats", W_OTHER, F_UNIT},	  /* suất */
    {"suoots", W_OTHER, F_DUR},		  /* suốt */
    {"taans", W_OTHER, F_UNIT},		  /* tấn */
    {"taapj", W_OTHER, F_CTX},		  /* tập */
    {"tams", W_TAM, 0},			  /* tám */
    {"thangs", W_THANG, F_UNIT},	  /* tháng */
    {"thanhf", W_OTHER, F_UNIT},	  /* thành */
    {"thawngs", W_OTHER, F_SCORE},	  /* thắng */
    {"this", W_OTHER, F_UNIT},		  /* thí */
    {"thoon", W_OTHER, F_UNIT},		  /* thôn */
    {"thowif", W_THOI, 0},		  /* thời */
    {"thua", W_OTHER, F_SCORE},		  /* thua */
    {"thuws", W_THU, F_CTX},		  /* thứ */
    {"tieets", W_OTHER, F_CTX},		  /* tiết */
    {"tieeu", W_OTHER, F_UNIT},		  /* tiêu */
    {"tinhr", W_OTHER, F_UNIT},		  /* tỉnh */
    {"tir", W_OTHER, F_UNIT},		  /* tỉ */
    {"toois", W_TOI, 0},		  /* tối */
    {"toor", W_OTHER, F_UNIT},		  /* tổ */
    {"towis", W_TOI2, 0},		  /* tới */
    {"traanj", W_OTHER, F_UNIT},	  /* trận */
    {"trawm", W_OTHER, F_UNIT},		  /* trăm */
    {"treen", W_OTHER, F_CTX},		  /* trên */
    {"trieeuj", W_OTHER, F_UNIT},	  /* triệu */
    {"trong", W_TRONG, F_DUR},		  /* trong */
    {"truwa", W_TRUA, 0},		  /* trưa */
    {"truwowngf", W_OTHER, F_UNIT},	  /* trường */
    {"tuaanf", W_OTHER, F_UNIT},	  /* tuần */
    {"tuooir", W_OTHER, F_UNIT},	  /* tuổi */
    {"tuw", W_TUW, 0},			  /* tư */
    {"tuwf", W_TU, 0},			  /* từ */
    {"tyr", W_OTHER, F_UNIT},		  /* tỷ */
    {"usd", W_OTHER, F_UNIT},		  /* usd */
    {"utc", W_UTC, 0},			  /* utc */
    {"vaf", W_VA, 0},			  /* và */
    {"vaof", W_VAO, 0},			  /* vào */
    {"vawn", W_OTHER, F_UNIT},		  /* văn */
    {"vongf", W_OTHER, F_UNIT},		  /* vòng */
    {"vuj", W_OTHER, F_UNIT},		  /* vụ */
    {"xax", W_OTHER, F_UNIT},		  /* xã */
    {"xeeps", W_OTHER, F_CTX | F_ORD},	  /* xếp */
    {"xuaats", W_XUAT, 0},		  /* xuất */
    {"ys", W_OTHER, F_UNIT},		  /* ý */
};

/* ---- tokens ------------------------------------------------------------ */

enum tok_type { T_BOF, T_EOF, T_NUM, T_WORD, T_PUNCT };
enum tok_case { CASE_LOWER, CASE_CAP, CASE_UPPER, CASE_MIXED };

typedef struct tok {
	uint32_t start, end; /* bytes */
	uint8_t type;
	uint8_t sp;    /* whitespace (or the start of the text) before */
	uint8_t nl;    /* a line break (or the start of the text) before */
	uint8_t ndig;  /* digits of a number, capped at 255 */
	uint8_t kase;  /* enum tok_case of a word */
	uint8_t w;     /* enum word */
	uint8_t flags; /* F_* of a word */
	int32_t val;   /* number value (capped), or punctuation code point */
} tok_t;

#define WIN 128	  /* tokens held; the grammar looks at most ~40 ahead */
#define BEHIND 8  /* tokens kept behind the scan position */
#define KEYMAX 16 /* longer words are not in the table */

typedef struct lexer {
	const uint8_t *s;
	size_t len, pos;
	size_t first, n; /* win[0] is token number first; n tokens held */
	size_t keep;	 /* tokens before this one may be dropped */
	size_t anchor;	 /* where the current expression starts */
	size_t nl_at;	 /* first token after anchor on a new line, or SIZE_MAX */
	size_t scanned;	 /* tokens up to here checked for nl_at */
	int eof;
	tok_t win[WIN];
} lexer_t;

static void lex_init(lexer_t *L, const char *s, size_t len)
{
	L->s = (const uint8_t *)s;
	L->len = len;
	L->pos = 0;
	L->first = L->n = L->keep = 0;
	L->anchor = L->scanned = 0;
	L->nl_at = SIZE_MAX;
	L->eof = 0;
}

/* An expression never runs over a line break: a paragraph ending in a
 * dateline "... 14:00:11" is not continued by "Sáng" on the next line. */
static void set_anchor(lexer_t *L, size_t i)
{
	L->anchor = L->scanned = i;
	L->nl_at = SIZE_MAX;
	L->keep = i > BEHIND ? i - BEHIND : 0;
}

/* Decode one code point; invalid bytes read as U+FFFD, one byte each. */
static size_t decode(const uint8_t *s, size_t n, int32_t *cp)
{
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	utf8proc_int32_t c;
	utf8proc_ssize_t r = utf8proc_iterate(s, (utf8proc_ssize_t)(n < 4 ? n : 4), &c);
	if (r < 1) {
		*cp = 0xFFFD;
		return 1;
	}
	*cp = c;
	return (size_t)r;
}

static bool is_space(int32_t c)
{
	return c == ' ' || c < 32 || c == 0x7F || c == 0x85 || c == 0xA0 || c == 0x1680 ||
	       (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
	       c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

static bool is_letter(int32_t c)
{
	if (c < 0x80)
		return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
	switch (utf8proc_category(c)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
		return true;
	default:
		return false;
	}
}

static bool is_dash(int32_t c)
{
	return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212;
}

struct fold {
	char key[KEYMAX + 2];
	size_t n;
	char tone, last;
	bool bad;
};

static void fold_put(struct fold *f, char c)
{
	if (f->n < KEYMAX)
		f->key[f->n++] = c;
	else
		f->bad = true;
}

/* One lower-case letter or combining mark of a decomposed word, in Telex:
 * circumflex doubles the vowel (â "aa"), breve and horn add "w" (ă "aw",
 * ư "uw"), and the tone is kept aside to go last, wherever it was written. */
static void fold_one(struct fold *f, int32_t c)
{
	char t = 0;
	if (c >= 'a' && c <= 'z') {
		fold_put(f, (char)c);
		f->last = (char)c;
		return;
	}
	switch (c) {
	case 0x300:
		t = 'f';
		break;
	case 0x301:
		t = 's';
		break;
	case 0x303:
		t = 'x';
		break;
	case 0x309:
		t = 'r';
		break;
	case 0x323:
		t = 'j';
		break;
	case 0x302:
		if (f->last == 'a' || f->last == 'e' || f->last == 'o')
			fold_put(f, f->last);
		else
			f->bad = true;
		return;
	case 0x306:
	case 0x31B:
		fold_put(f, 'w');
		return;
	default:
		f->bad = true;
		return;
	}
	if (f->tone)
		f->bad = true;
	f->tone = t;
}

static void fold_cp(struct fold *f, int32_t lc)
{
	if (lc < 0x80) {
		fold_one(f, lc);
		return;
	}
	if (lc == 0x111 || lc == 0xF0) { /* đ, and ð typed for it */
		fold_put(f, 'd');
		fold_put(f, 'd');
		f->last = 'd';
		return;
	}
	utf8proc_int32_t d[4];
	long n = fold_decompose(lc, d, 4, 0);
	if (n < 1 || n > 4) {
		f->bad = true;
		return;
	}
	for (long k = 0; k < n; k++)
		fold_one(f, d[k]);
}

static int word_cmp(const void *k, const void *e)
{
	return strcmp((const char *)k, ((const struct word_entry *)e)->key);
}

static int lex_next(lexer_t *L, tok_t *t)
{
	const uint8_t *s = L->s;
	size_t len = L->len, p = L->pos, n = 0;
	int32_t cp = 0;
	bool sp = p == 0, nl = p == 0;

	memset(t, 0, sizeof *t);
	for (;;) {
		if (p >= len) {
			L->pos = p;
			return 0;
		}
		n = decode(s + p, len - p, &cp);
		if (!is_space(cp))
			break;
		sp = true;
		if (cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029)
			nl = true;
		p += n;
	}
	t->start = (uint32_t)p;
	t->sp = sp;
	t->nl = nl;
	if (cp >= '0' && cp <= '9') {
		int64_t v = 0;
		unsigned nd = 0;
		while (p < len && s[p] >= '0' && s[p] <= '9') {
			if (v < 100000000)
				v = v * 10 + (s[p] - '0');
			nd++;
			p++;
		}
		t->type = T_NUM;
		t->val = (int32_t)v;
		t->ndig = (uint8_t)(nd > 255 ? 255 : nd);
	} else if (is_letter(cp)) {
		struct fold f = {.n = 0};
		unsigned up = 0, low = 0;
		bool first_up = false, first = true;
		while (p < len) {
			n = decode(s + p, len - p, &cp);
			if (!is_letter(cp))
				break;
			int32_t lc = cp < 0x80 ? (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp)
					       : utf8proc_tolower(cp);
			if (lc != cp)
				up++;
			else if (cp >= 0x80 ? utf8proc_toupper(cp) != cp : true)
				low++;
			if (first)
				first_up = lc != cp;
			first = false;
			if (!f.bad)
				fold_cp(&f, lc);
			p += n;
		}
		t->type = T_WORD;
		t->kase = up == 0		  ? CASE_LOWER
			  : low == 0		  ? CASE_UPPER
			  : (first_up && up == 1) ? CASE_CAP
						  : CASE_MIXED;
		if (!f.bad) {
			if (f.tone)
				fold_put(&f, f.tone);
			f.key[f.n] = 0;
			const struct word_entry *e =
			    f.bad ? NULL
				  : bsearch(f.key, words, sizeof words / sizeof words[0],
					    sizeof words[0], word_cmp);
			if (e) {
				t->w = e->id;
				t->flags = e->flags;
			}
		}
	} else {
		t->type = T_PUNCT;
		t->val = cp;
		p += n;
	}
	t->end = (uint32_t)p;
	L->pos = p;
	return 1;
}

/* Token number i (by value: the window may move under a pointer). Past the
 * end, or beyond what the window can hold, an EOF token. */
static tok_t tk_raw(lexer_t *L, size_t i)
{
	tok_t t;
	memset(&t, 0, sizeof t);
	if (i < L->first) {
		t.type = T_BOF;
		t.sp = t.nl = 1;
		return t;
	}
	while (i >= L->first + L->n && !L->eof) {
		if (L->n == WIN) {
			size_t drop = L->keep > L->first ? L->keep - L->first : 0;
			if (drop > L->n)
				drop = L->n;
			if (drop == 0)
				break;
			memmove(L->win, L->win + drop, (L->n - drop) * sizeof L->win[0]);
			L->first += drop;
			L->n -= drop;
		}
		if (lex_next(L, &L->win[L->n]))
			L->n++;
		else
			L->eof = 1;
	}
	if (i < L->first + L->n)
		return L->win[i - L->first];
	t.type = T_EOF;
	t.start = t.end = (uint32_t)L->len;
	t.sp = t.nl = 1;
	return t;
}

/* Token i as the grammar sees it: after the anchor, a line break ends the
 * text. */
static tok_t tk(lexer_t *L, size_t i)
{
	tok_t t = tk_raw(L, i);
	if (i <= L->anchor || t.type == T_EOF)
		return t;
	for (size_t k = L->scanned + 1; k <= i && L->nl_at == SIZE_MAX; k++) {
		if (tk_raw(L, k).nl)
			L->nl_at = k;
		L->scanned = k;
	}
	if (i >= L->nl_at) {
		memset(&t, 0, sizeof t);
		t.type = T_EOF;
		t.start = t.end = (uint32_t)L->len;
		t.sp = t.nl = 1;
	}
	return t;
}

/* The token `back` places before i, or BOF. */
static tok_t tkb(lexer_t *L, size_t i, size_t back)
{
	if (back > i) {
		tok_t t;
		memset(&t, 0, sizeof t);
		t.type = T_BOF;
		t.sp = t.nl = 1;
		return t;
	}
	return tk(L, i - back);
}

static bool isw(lexer_t *L, size_t i, int w)
{
	tok_t t = tk(L, i);
	return t.type == T_WORD && t.w == w;
}

static bool isp(lexer_t *L, size_t i, int32_t c)
{
	tok_t t = tk(L, i);
	return t.type == T_PUNCT && t.val == c;
}

static bool isdashp(lexer_t *L, size_t i)
{
	tok_t t = tk(L, i);
	return t.type == T_PUNCT && is_dash(t.val);
}

/* A number token of at most `nd` digits touching the token before it. */
static bool num_touch(tok_t t, unsigned nd)
{
	return t.type == T_NUM && !t.sp && t.ndig <= nd;
}

/* ---- calendar ---------------------------------------------------------- */

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int dm[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2)
		return (y == 0 || leap(y)) ? 29 : 28;
	return dm[m - 1];
}

/* Pure. Year 0 stands for "not written": 29/2 is then a possible date. */
int dates_valid(int year, int month, int day)
{
	if (year < 0 || year > 9999 || month < 1 || month > 12 || day < 1)
		return 0;
	return day <= days_in_month(year, month);
}

/* Days since 1970-01-01 (H. Hinnant's days_from_civil). */
static long days_from_civil(long y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long mp = m > 2 ? m - 3 : m + 9;
	long doy = (153 * mp + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long dd = doy - (153 * mp + 2) / 5 + 1;
	long mm = mp < 10 ? mp + 3 : mp - 9;
	*y = (int)(yoe + era * 400 + (mm <= 2));
	*m = (int)mm;
	*d = (int)dd;
}

/* Updates the caller's three ints in place; an invalid date is left
 * untouched. */
void dates_add_days(int *year, int *month, int *day, int n)
{
	if (!year || !month || !day || *year < 1 || !dates_valid(*year, *month, *day))
		return;
	civil_from_days(days_from_civil(*year, *month, *day) + n, year, month, day);
}

/* Pure. "Sáng 29.4" in an article published 21/3/2025 lies 39 days ahead, so
 * it is read as 2024; an unusable publication date returns pub_year as is. */
int dates_infer_year(int month, int day, int pub_year, int pub_month, int pub_day)
{
	if (pub_year < 1 || !dates_valid(pub_year, pub_month, pub_day) ||
	    !dates_valid(0, month, day))
		return pub_year;
	/* 29/2 in a common year: compare as 28/2, a day either way. */
	int d = day > days_in_month(pub_year, month) ? days_in_month(pub_year, month) : day;
	long pub = days_from_civil(pub_year, pub_month, pub_day);
	long cand = days_from_civil(pub_year, month, d);
	return cand - pub > 30 ? pub_year - 1 : pub_year;
}

static bool year_ok(tok_t t)
{
	return t.type == T_NUM && t.ndig == 4 && t.val >= 1900 && t.val <= 2100;
}

/* ---- ordinals ---------------------------------------------------------- */

static int roman_digit(uint8_t c)
{
	switch (c | 0x20) {
	case 'i':
		return 1;
	case 'v':
		return 5;
	case 'x':
		return 10;
	case 'l':
		return 50;
	case 'c':
		return 100;
	case 'd':
		return 500;
	case 'm':
		return 1000;
	default:
		return 0;
	}
}

/* Strict Roman numeral (canonical form only, any case), else 0. */
static int roman_value(const uint8_t *s, size_t n)
{
	static const struct {
		int v;
		const char *r;
	} tab[] = {
	    {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
	    {40, "xl"},	 {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"},
	};
	if (n == 0 || n > 15)
		return 0;
	int v = 0;
	for (size_t k = 0; k < n; k++) {
		int a = roman_digit(s[k]);
		int b = k + 1 < n ? roman_digit(s[k + 1]) : 0;
		if (!a)
			return 0;
		v += a < b ? -a : a;
	}
	if (v < 1 || v > 3999)
		return 0;
	/* Re-spell the value: "IIII" or "VX" are not numerals. */
	char buf[20];
	size_t bn = 0;
	int r = v;
	for (size_t k = 0; k < sizeof tab / sizeof tab[0]; k++)
		while (r >= tab[k].v) {
			for (const char *q = tab[k].r; *q; q++)
				buf[bn++] = *q;
			r -= tab[k].v;
		}
	if (bn != n)
		return 0;
	for (size_t k = 0; k < n; k++)
		if ((s[k] | 0x20) != buf[k])
			return 0;
	return v;
}

static int unit_word(int w)
{
	switch (w) {
	case W_MOT:
		return 1;
	case W_HAI:
		return 2;
	case W_BA:
		return 3;
	case W_TUW:
	case W_BON:
		return 4;
	case W_NAM:
		return 5;
	case W_SAU:
		return 6;
	case W_BAY:
		return 7;
	case W_TAM:
		return 8;
	case W_CHIN:
		return 9;
	default:
		return 0;
	}
}

/* Units after "mười"/"mươi", where "mốt" (1), "tư" (4) and "lăm" (5) also
 * occur: "mười lăm", "hai mươi mốt", "ba mươi tư". */
static int tail_unit(int w)
{
	if (w == W_MOT2)
		return 1;
	if (w == W_LAM)
		return 5;
	return unit_word(w);
}

/* Reads s[0..len) only (caller owns it, nothing is kept). */
int dates_parse_ordinal(const char *s, size_t len)
{
	const uint8_t *u = (const uint8_t *)s;
	if (!s)
		return 0;
	while (len && (u[0] == ' ' || u[0] == '\t'))
		u++, len--;
	while (len && (u[len - 1] == ' ' || u[len - 1] == '\t'))
		len--;
	if (!len)
		return 0;
	if (u[0] >= '0' && u[0] <= '9') {
		long v = 0;
		for (size_t k = 0; k < len; k++) {
			if (u[k] < '0' || u[k] > '9' || k >= 9)
				return 0;
			v = v * 10 + (u[k] - '0');
		}
		return (int)v;
	}
	int r = roman_value(u, len);
	if (r)
		return r;

	lexer_t L;
	lex_init(&L, (const char *)u, len);
	size_t i = 0;
	if (isw(&L, 0, W_THU)) /* "thứ Tám" passed whole */
		i = 1;
	int ws[4], n = 0;
	for (;; i++) {
		tok_t t = tk(&L, i);
		if (t.type == T_EOF)
			break;
		if (t.type != T_WORD || n == 4)
			return 0;
		ws[n++] = t.w;
	}
	if (n == 1) {
		if (ws[0] == W_NHAT)
			return 1;
		if (ws[0] == W_MUOI)
			return 10;
		return unit_word(ws[0]);
	}
	if (n == 2 && ws[0] == W_MUOI) {
		int t = tail_unit(ws[1]);
		return t ? 10 + t : 0;
	}
	int tens = unit_word(ws[0]);
	if (tens < 2 || ws[1] != W_MUOI2)
		return 0;
	if (n == 2)
		return tens * 10;
	if (n == 3 && tail_unit(ws[2]))
		return tens * 10 + tail_unit(ws[2]);
	return 0;
}

/* ---- date grammar ------------------------------------------------------ */

enum core_kind { C_NONE, C_DAYONLY, C_DM, C_MONTH, C_QUARTER, C_YEAR };

typedef struct core {
	int kind;
	int d, m, y, q;
	size_t next; /* token after the core */
	const char *rule;
} core_t;

/* Part of day at i: "sáng", "buổi sáng", "sáng sớm", "rạng sáng", "trưa",
 * "chiều", "chiều tối" (evening), "tối", "đêm". Returns the next token or 0. */
static size_t pod_words(lexer_t *L, size_t i, enum part_of_day *pod)
{
	size_t k = i;
	if (isw(L, k, W_BUOI))
		k++;
	else if (isw(L, k, W_RANG) && isw(L, k + 1, W_SANG)) {
		*pod = POD_MORNING;
		return k + 2;
	}
	tok_t t = tk(L, k);
	if (t.type != T_WORD)
		return 0;
	switch (t.w) {
	case W_SANG:
		*pod = POD_MORNING;
		return isw(L, k + 1, W_SOM) ? k + 2 : k + 1;
	case W_TRUA:
		*pod = POD_NOON;
		return k + 1;
	case W_CHIEU:
		if (isw(L, k + 1, W_TOI)) {
			*pod = POD_EVENING;
			return k + 2;
		}
		*pod = POD_AFTERNOON;
		return k + 1;
	case W_TOI:
	case W_DEM:
		*pod = POD_EVENING;
		return k + 1;
	default:
		return 0;
	}
}

/* "nay", "qua", "mai" right after a part of day ("sáng nay"); written
 * "Mai" it is more likely the name of the next person. */
static bool rel_tail(tok_t t, int w)
{
	return t.type == T_WORD && t.w == w && t.kase != CASE_CAP && t.kase != CASE_MIXED;
}

/* Relative day at i: after a part of day "nay", "qua", "mai"; anywhere
 * "hôm nay", "hôm qua", "ngày mai", "ngày hôm qua", "cùng ngày". */
static size_t relative(lexer_t *L, size_t i, bool after_pod, enum date_relative *rel)
{
	tok_t t = tk(L, i);
	if (after_pod) {
		if (rel_tail(t, W_NAY)) {
			*rel = REL_TODAY;
			return i + 1;
		}
		if (rel_tail(t, W_QUA)) {
			*rel = REL_YESTERDAY;
			return i + 1;
		}
		if (rel_tail(t, W_MAI)) {
			*rel = REL_TOMORROW;
			return i + 1;
		}
	}
	size_t k = i;
	if (isw(L, k, W_NGAY) && isw(L, k + 1, W_MAI)) {
		*rel = REL_TOMORROW;
		return k + 2;
	}
	if (isw(L, k, W_NGAY) && isw(L, k + 1, W_HOM))
		k++;
	if (isw(L, k, W_HOM)) {
		if (isw(L, k + 1, W_NAY)) {
			*rel = REL_TODAY;
			return k + 2;
		}
		if (isw(L, k + 1, W_QUA)) {
			*rel = REL_YESTERDAY;
			return k + 2;
		}
		return 0;
	}
	if (k == i && isw(L, i, W_CUNG) && isw(L, i + 1, W_NGAY)) {
		*rel = REL_SAME_DAY;
		return i + 2;
	}
	return 0;
}

/* Weekday at i: "thứ Hai" .. "thứ Bảy", "thứ 2" .. "thứ 7", "Chủ nhật",
 * "CN". Not after "lần", "kỳ họp", "xếp" ...: "kỳ họp thứ 4" is an ordinal. */
static size_t weekday(lexer_t *L, size_t i, int *wd)
{
	tok_t t = tk(L, i);
	if (t.type != T_WORD)
		return 0;
	if (t.w == W_CN && t.kase == CASE_UPPER) {
		*wd = 6;
		return i + 1;
	}
	if (t.w == W_CHU && isw(L, i + 1, W_NHAT2)) {
		*wd = 6;
		return i + 2;
	}
	if (t.w != W_THU)
		return 0;
	tok_t p = tkb(L, i, 1);
	if (p.type == T_WORD && (p.flags & F_ORD))
		return 0;
	tok_t n = tk(L, i + 1);
	if (n.type == T_NUM) {
		tok_t a = tk(L, i + 2);
		/* "xếp thứ 3/12" is a rank */
		if (n.ndig != 1 || n.val < 2 || n.val > 7 ||
		    (a.type == T_PUNCT && !a.sp && (a.val == '/' || a.val == '.' || a.val == '-')))
			return 0;
		*wd = n.val - 2;
		return i + 2;
	}
	if (n.type != T_WORD)
		return 0;
	switch (n.w) {
	case W_HAI:
		*wd = 0;
		break;
	case W_BA:
		*wd = 1;
		break;
	case W_TUW:
	case W_BON:
		*wd = 2;
		break;
	case W_NAM:
		*wd = 3;
		break;
	case W_SAU:
		*wd = 4;
		break;
	case W_BAY:
		*wd = 5;
		break;
	default:
		return 0;
	}
	return i + 2;
}

/* "hai", "ba", "2" ... "9" before "ngày" in "Trong hai ngày 30/6 và 1/7". */
static bool count_word(lexer_t *L, size_t i)
{
	tok_t t = tk(L, i);
	if (t.type == T_NUM)
		return t.ndig == 1 && t.val >= 2;
	return t.type == T_WORD && unit_word(t.w) >= 2;
}

/* The token after the expression must not continue a number shape: not
 * "26/1/QĐ", "2.0.1", "6,5", "50%", "3-1a". */
static bool trailing_ok(lexer_t *L, size_t k)
{
	tok_t t = tk(L, k);
	if (t.sp || t.type == T_EOF)
		return true;
	if (t.type == T_NUM || t.type == T_WORD)
		return false;
	if (t.type != T_PUNCT)
		return true;
	if (t.val == '/' || t.val == '%' || t.val == 0x2030)
		return false;
	tok_t u = tk(L, k + 1);
	if ((t.val == '.' || t.val == ',' || t.val == ':') && num_touch(u, 255))
		return false;
	if (is_dash(t.val) && !u.sp && (u.type == T_NUM || u.type == T_WORD))
		return false;
	return true;
}

/* The token before a number must not make it part of a bigger number or a
 * symbol: "Q.9", "1,5/2", "12/26/1", "QH13/...". */
static bool leading_ok(lexer_t *L, size_t i)
{
	tok_t t = tk(L, i), p = tkb(L, i, 1);
	if (t.sp)
		return true;
	if (p.type == T_NUM || p.type == T_WORD)
		return false;
	if (p.type == T_PUNCT && (p.val == '.' || p.val == ',' || p.val == '/' || p.val == ':' ||
				  p.val == '+' || is_dash(p.val))) {
		tok_t pp = tkb(L, i, 2);
		if (!p.sp && (pp.type == T_NUM || pp.type == T_WORD))
			return false;
	}
	return true;
}

/* "d SEP m [SEP yyyy]" with the separators touching ("26.1", "26/01/2022",
 * "6-4-2016") or ISO "2025-04-22". A third part that is not a 4-digit year
 * 1900-2100 makes it no date at all ("2.0.1", "26/1/22"). */
static bool num_date(lexer_t *L, size_t i, core_t *c)
{
	tok_t a = tk(L, i), s1 = tk(L, i + 1), b = tk(L, i + 2);
	if (a.type != T_NUM || s1.type != T_PUNCT || s1.sp || !num_touch(b, 4))
		return false;
	int sep = s1.val;
	if (sep != '.' && sep != '/' && sep != '-')
		return false;
	tok_t s2 = tk(L, i + 3), e = tk(L, i + 4);
	bool third = s2.type == T_PUNCT && !s2.sp && s2.val == sep && num_touch(e, 255);
	if (a.ndig == 4 && sep == '-') {
		if (!year_ok(a) || b.ndig != 2 || !third || e.ndig != 2)
			return false;
		c->kind = C_DM;
		c->y = a.val;
		c->m = b.val;
		c->d = e.val;
		c->next = i + 5;
		c->rule = "date.iso";
		return true;
	}
	if (a.ndig > 2 || b.ndig > 2)
		return false;
	c->kind = C_DM;
	c->d = a.val;
	c->m = b.val;
	c->y = 0;
	c->next = i + 3;
	c->rule = sep == '.' ? "date.dm_dot" : sep == '/' ? "date.dm_slash" : "date.dm_dash";
	if (third) {
		if (!year_ok(e))
			return false;
		c->y = e.val;
		c->next = i + 5;
	} else if (sep != '-' && s2.type == T_PUNCT && !s2.sp && s2.val == '-' && year_ok(e) &&
		   !e.sp) {
		c->y = e.val; /* "2/9-2025" */
		c->next = i + 5;
	}
	return true;
}

/* Dash then a 4-digit year: "2017 - 2022" is a period, not a year. */
static bool period_follows(lexer_t *L, size_t k)
{
	return isdashp(L, k) && year_ok(tk(L, k + 1));
}

/* "năm 2025" after a day and month: "1/5 năm 2025". */
static void year_after(lexer_t *L, core_t *c)
{
	if (c->y == 0 && isw(L, c->next, W_NAM) && year_ok(tk(L, c->next + 1)) &&
	    !period_follows(L, c->next + 2)) {
		c->y = tk(L, c->next + 1).val;
		c->next += 2;
	}
}

/* Day and month at i: numeric forms, "26 tháng 1 [năm 2022]" when
 * `spelled` (after a head word), or a lone day (only good as the start of
 * a range: "từ ngày 5 đến 7/12", "5-7/12"). */
static bool dm_core(lexer_t *L, size_t i, bool spelled, core_t *c)
{
	memset(c, 0, sizeof *c);
	tok_t a = tk(L, i), s1 = tk(L, i + 1), b = tk(L, i + 2), s2 = tk(L, i + 3);
	if (a.type != T_NUM)
		return false;
	if (a.ndig <= 2 && s1.type == T_PUNCT && s1.val == '-' && !s1.sp && num_touch(b, 2) &&
	    s2.type == T_PUNCT && s2.val == '/' && !s2.sp) {
		c->kind = C_DAYONLY;
		c->d = a.val;
		c->next = i + 1;
		return true;
	}
	if (num_date(L, i, c)) {
		year_after(L, c);
		return true;
	}
	if (a.ndig > 2 || a.val < 1 || a.val > 31)
		return false;
	if (spelled && isw(L, i + 1, W_THANG) && tk(L, i + 2).type == T_NUM &&
	    tk(L, i + 2).ndig <= 2) {
		c->kind = C_DM;
		c->d = a.val;
		c->m = tk(L, i + 2).val;
		c->next = i + 3;
		c->rule = "date.spelled";
		year_after(L, c);
		return true;
	}
	if (s1.type == T_PUNCT && !s1.sp && b.type == T_NUM && !b.sp)
		return false;
	c->kind = C_DAYONLY;
	c->d = a.val;
	c->next = i + 1;
	return true;
}

/* Year after a month or quarter: "/2017", "-2017", " - 2017", "năm 2017". */
static void month_year(lexer_t *L, core_t *c)
{
	size_t k = c->next;
	tok_t s = tk(L, k);
	if (s.type == T_PUNCT && (s.val == '/' || is_dash(s.val)) && year_ok(tk(L, k + 1)) &&
	    (s.sp || !tk(L, k + 1).sp) && !period_follows(L, k + 2)) {
		c->y = tk(L, k + 1).val;
		c->next = k + 2;
	} else if (isw(L, k, W_NAM) && year_ok(tk(L, k + 1)) && !period_follows(L, k + 2)) {
		c->y = tk(L, k + 1).val;
		c->next = k + 2;
	}
}

/* Keyword-led periods: "tháng 6 năm 2017", "tháng 1-2017", "quý II/2017",
 * "quý 3", "năm 2022". "6 tháng" (six months) and "năm 2017 - 2022" (a
 * period) are not dates. */
static bool keyword_core(lexer_t *L, size_t i, core_t *c)
{
	memset(c, 0, sizeof *c);
	tok_t t = tk(L, i), n = tk(L, i + 1);
	if (t.type != T_WORD)
		return false;
	if (t.w == W_THANG && n.type == T_NUM && n.ndig <= 2 && n.val >= 1 && n.val <= 12 &&
	    tkb(L, i, 1).type != T_NUM) {
		c->kind = C_MONTH;
		c->m = n.val;
		c->next = i + 2;
		c->rule = "date.month";
		month_year(L, c);
		return true;
	}
	if (t.w == W_QUY) {
		int q = 0;
		if (n.type == T_NUM && n.ndig == 1)
			q = n.val;
		else if (n.type == T_WORD && n.kase == CASE_UPPER)
			q = roman_value(L->s + n.start, n.end - n.start);
		if (q < 1 || q > 4)
			return false;
		c->kind = C_QUARTER;
		c->q = q;
		c->next = i + 2;
		c->rule = "date.quarter";
		month_year(L, c);
		return true;
	}
	if (t.w == W_NAM && year_ok(n) && !period_follows(L, i + 2) &&
	    !(tk(L, i + 2).type == T_PUNCT && !tk(L, i + 2).sp && tk(L, i + 2).val == '/')) {
		c->kind = C_YEAR;
		c->y = n.val;
		c->next = i + 2;
		c->rule = "date.year";
		return true;
	}
	return false;
}

/* Clock time at i: "14 giờ", "8 giờ 30 (phút)", "3 giờ rưỡi", "11 giờ kém
 * 15", "8h30", "14g", "14:00(:11)". Unless `strong` ("lúc" before), a
 * duration word before rejects it ("trong 24 giờ"), and a ratio or score
 * word the colon form ("tỷ lệ 1:10"); "khoảng 14 giờ" is a time. */
static bool clock_time(lexer_t *L, size_t i, bool strong, int *hh, int *mm, size_t *next)
{
	tok_t a = tk(L, i), p = tkb(L, i, 1);
	if (a.type != T_NUM || a.ndig > 2 || !leading_ok(L, i))
		return false;
	if (!strong && p.type == T_WORD && (p.flags & F_DUR))
		return false;
	int h = a.val, m = 0;
	size_t k = i + 1;
	tok_t b = tk(L, k);
	if (b.type == T_WORD && b.w == W_GIO) {
		if (h > 24)
			return false;
		k++;
		tok_t c = tk(L, k), s = tk(L, k + 1);
		bool date_next = s.type == T_PUNCT && !s.sp &&
				 (s.val == '/' || s.val == '.' || s.val == '-') &&
				 num_touch(tk(L, k + 2), 4);
		if (c.type == T_NUM && c.ndig <= 2 && c.val < 60 && !date_next) {
			m = c.val;
			k++;
			if (isw(L, k, W_PHUT))
				k++;
		} else if (c.type == T_WORD && c.w == W_RUOI) {
			m = 30;
			k++;
		} else if (c.type == T_WORD && c.w == W_KEM && s.type == T_NUM && s.ndig <= 2 &&
			   s.val > 0 && s.val < 60) {
			h = h == 0 ? 23 : h - 1;
			m = 60 - s.val;
			k += 2;
			if (isw(L, k, W_PHUT))
				k++;
		}
	} else if (b.type == T_WORD && !b.sp &&
		   (b.w == W_H || (b.w == W_G && b.kase == CASE_LOWER))) {
		/* "5G" is a network, "14g" a time */
		if (h > 24)
			return false;
		k++;
		tok_t c = tk(L, k);
		if (num_touch(c, 2) && c.ndig == 2 && c.val < 60) {
			m = c.val;
			k++;
			tok_t pp = tk(L, k);
			if (pp.type == T_WORD && !pp.sp && pp.w == W_P)
				k++;
		}
	} else if (b.type == T_PUNCT && b.val == ':' && !b.sp) {
		tok_t c = tk(L, k + 1);
		if (!strong && p.type == T_WORD && (p.flags & (F_CTX | F_SCORE)))
			return false; /* "tỷ lệ 1:10", "thắng 2:1" */
		if (!num_touch(c, 2) || c.ndig != 2 || c.val > 59 || h > 23)
			return false;
		m = c.val;
		k += 2;
		tok_t s = tk(L, k + 1);
		if (isp(L, k, ':') && !tk(L, k).sp && num_touch(s, 2) && s.ndig == 2 && s.val < 60)
			k += 2;
	} else {
		return false;
	}
	if (h == 24 && m != 0)
		return false;
	*hh = h;
	*mm = m;
	*next = k;
	return true;
}

/* "2 giờ chiều" is 14:00, "8 giờ tối" 20:00, "1 giờ trưa" 13:00. */
static int pod_hour(int h, enum part_of_day pod)
{
	if ((pod == POD_AFTERNOON || pod == POD_EVENING) && h >= 1 && h < 12 &&
	    !(pod == POD_EVENING && h < 5))
		return h + 12;
	if (pod == POD_NOON && h >= 1 && h < 4)
		return h + 12;
	return h;
}

/* Start of the calendar day, for order and length checks of ranges; year 0
 * (not written) counts as 2000, a leap year. */
static long day_no(int y, int m, int d)
{
	return days_from_civil(y ? y : 2000, m, d);
}

/* The bare numbers (no word before them) pass the number-shape guards:
 * not "Điều 5.2", "tỷ lệ 3/4", "thắng 3-1", "3-5 người", "2/3 đại biểu",
 * "1.1." at the head of a line. */
static bool bare_ok(lexer_t *L, size_t i, size_t end, int sep)
{
	tok_t p = tkb(L, i, 1), n = tk(L, end);
	if (!leading_ok(L, i))
		return false;
	if (p.type == T_WORD && ((p.flags & F_CTX) || ((p.flags & F_SCORE) && sep == '-')))
		return false;
	if (n.type == T_PUNCT && (n.val == '%' || n.val == 0x2030))
		return false;
	/* "năm nay" after a date is this year, not "3-5 năm" */
	if (n.type == T_WORD && (n.flags & F_UNIT) && n.kase == CASE_LOWER &&
	    !(n.w == W_NAM && isw(L, end + 1, W_NAY)))
		return false;
	if (sep == '.' && tk(L, i).nl && n.type == T_PUNCT && !n.sp &&
	    (n.val == '.' || n.val == ')'))
		return false;
	return true;
}

/* Range end after a connector: "[hết] [ngày] 7/12", "[ngày] 7 tháng 12". */
static bool range_end(lexer_t *L, size_t k, core_t *c2)
{
	if (isw(L, k, W_HET))
		k++;
	if (isw(L, k, W_NGAY))
		k++;
	return dm_core(L, k, true, c2) && c2->kind == C_DM;
}

enum lead { LEAD_NONE, LEAD_FROM, LEAD_PAIR, LEAD_AT };

/* The word or dash between the two days of a range at k. */
static bool range_conn(lexer_t *L, size_t k, enum lead lead, bool headed)
{
	if (lead == LEAD_PAIR) /* "Trong hai ngày 30/6 và 1/7" */
		return isw(L, k, W_VA) || isdashp(L, k) || isw(L, k, W_DEN);
	if (lead == LEAD_FROM) /* "từ ngày 5 đến 7/12", "Từ ngày 27 - 30/6" */
		return isw(L, k, W_DEN) || isw(L, k, W_TOI2) || isdashp(L, k);
	if (headed) /* "ngày 19 và 20/6", "Sáng 5 - 7/12" */
		return isdashp(L, k) || isw(L, k, W_VA) || isw(L, k, W_DEN);
	/* bare "5-7/12": the shape dm_core saw */
	return isp(L, k, '-') && !tk(L, k).sp;
}

/* Fill the range of e from its first part c (day, maybe month and year)
 * and its end c2; 0 when the two do not make a forward range. */
static bool make_range(date_expr_t *e, const core_t *c, const core_t *c2, long maxlen)
{
	int d = c->d, m = c->m, y = c->y;
	if (!dates_valid(c2->y, c2->m, c2->d))
		return false;
	if (!m) { /* "từ ngày 30 đến 2/7": the 30th of June */
		m = c2->m;
		if (d > c2->d) {
			m = m == 1 ? 12 : m - 1;
		}
	}
	if (!y && c2->y)
		y = (m > c2->m || (m == c2->m && d > c2->d)) ? c2->y - 1 : c2->y;
	if (!dates_valid(y, m, d))
		return false;
	int ey = c2->y;
	long a = day_no(y, m, d);
	long b =
	    day_no(ey ? ey : (y ? y : 2000) + (a > day_no(y, c2->m, c2->d) ? 1 : 0), c2->m, c2->d);
	if (b <= a || b - a > maxlen)
		return false;
	e->day = d;
	e->month = m;
	e->year = y;
	e->end_day = c2->d;
	e->end_month = c2->m;
	e->end_year = ey;
	return true;
}

static void set_core(date_expr_t *e, const core_t *c)
{
	e->day = c->d;
	e->month = c->m;
	e->year = c->y;
	e->quarter = c->q;
	e->precision = c->kind == C_MONTH     ? PREC_MONTH
		       : c->kind == C_QUARTER ? PREC_QUARTER
		       : c->kind == C_YEAR    ? PREC_YEAR
					      : PREC_DAY;
	e->rule = c->rule;
}

/* "(4/7)", "(thứ Hai, 4/7)" after a relative word or a weekday. */
static bool bracket_date(lexer_t *L, size_t k, date_expr_t *e, size_t *next)
{
	if (!isp(L, k, '('))
		return false;
	k++;
	int wd = -1;
	size_t wj = weekday(L, k, &wd);
	if (wj) {
		k = wj;
		if (isp(L, k, ','))
			k++;
	}
	bool ng = isw(L, k, W_NGAY);
	if (ng)
		k++;
	core_t c;
	if (!dm_core(L, k, true, &c) || c.kind != C_DM || !isp(L, c.next, ')') ||
	    !dates_valid(c.y, c.m, c.d))
		return false;
	set_core(e, &c);
	if (wj)
		e->weekday = wd;
	*next = c.next + 1;
	return true;
}

/* Clock time after a date: "ngày 26/1, lúc 8 giờ", "26/01/2022 14:00". */
static size_t time_tail(lexer_t *L, size_t k, date_expr_t *e)
{
	size_t j = k;
	bool comma = isp(L, j, ',');
	if (comma)
		j++;
	bool luc = isw(L, j, W_LUC);
	if (luc)
		j++;
	int h, m;
	size_t nj;
	if ((luc || !comma) && clock_time(L, j, luc, &h, &m, &nj)) {
		enum part_of_day pod = POD_NONE;
		size_t pj = pod_words(L, nj, &pod);
		if (pj && (!e->pod || e->pod == pod)) {
			e->pod = pod;
			nj = pj;
		}
		e->hour = pod_hour(h, e->pod);
		e->minute = m;
		return nj;
	}
	return k;
}

/* One date/time expression starting at token i; returns the token after it
 * or 0. */
static size_t parse_expr(lexer_t *L, size_t i, date_expr_t *e)
{
	size_t j = i, last = i, nj;
	enum lead lead = LEAD_NONE;
	bool head = false, wk = false;
	int h, m;
	core_t c, c2;

	memset(e, 0, sizeof *e);
	e->hour = e->minute = -1;
	e->weekday = -1;

	if (isw(L, j, W_TU)) {
		lead = LEAD_FROM;
		j++;
	} else if (isw(L, j, W_TRONG) && count_word(L, j + 1) && isw(L, j + 2, W_NGAY)) {
		lead = LEAD_PAIR;
		j += 3;
	} else if (count_word(L, j) && isw(L, j + 1, W_NGAY) && tk(L, j + 2).type == T_NUM) {
		lead = LEAD_PAIR;
		j += 2;
	} else if (isw(L, j, W_LUC)) {
		lead = LEAD_AT;
		j++;
	}
	if (lead == LEAD_PAIR)
		e->has_ngay = 1;

	/* time first: "lúc 14 giờ 30 ngày 5/12", "8 giờ sáng nay" */
	if (lead != LEAD_PAIR && clock_time(L, j, lead == LEAD_AT, &h, &m, &nj)) {
		e->hour = h;
		e->minute = m;
		j = last = nj;
		head = true;
		size_t pj = pod_words(L, j, &e->pod);
		if (pj) {
			e->hour = pod_hour(h, e->pod);
			j = last = pj;
		}
		if (isp(L, j, ','))
			j++;
	} else if (lead == LEAD_AT) {
		return 0;
	}

	if (!e->pod && lead != LEAD_PAIR) {
		size_t pj = pod_words(L, j, &e->pod);
		if (pj) {
			j = pj;
			head = true;
		}
	}

	size_t rj = lead == LEAD_NONE || lead == LEAD_AT
			? relative(L, j, e->pod != POD_NONE, &e->relative)
			: 0;
	if (rj) {
		j = last = rj;
		e->rule = "date.relative";
		if (bracket_date(L, j, e, &nj)) {
			j = last = nj;
			e->rule = "date.relative_bracket";
		} else {
			size_t k = j;
			if (isp(L, k, ','))
				k++;
			bool ng = isw(L, k, W_NGAY);
			if (ng)
				k++;
			if ((ng || k == j) && dm_core(L, k, true, &c) && c.kind == C_DM &&
			    dates_valid(c.y, c.m, c.d) && trailing_ok(L, c.next)) {
				set_core(e, &c);
				e->has_ngay = ng;
				e->rule = "date.relative_date";
				j = last = c.next;
			}
		}
		goto tail;
	}

	int wd = -1;
	size_t wj = lead == LEAD_NONE || lead == LEAD_AT ? weekday(L, j, &wd) : 0;
	if (wj) {
		e->weekday = wd;
		j = wj;
		wk = head = true;
		if (bracket_date(L, j, e, &nj)) {
			j = last = nj;
			goto tail;
		}
		if (isp(L, j, ',') || isdashp(L, j))
			j++;
	}

	if (lead != LEAD_PAIR && isw(L, j, W_NGAY)) {
		e->has_ngay = 1;
		head = true;
		j++;
	}

	size_t core_at = j;
	bool have = dm_core(L, j, head || e->has_ngay, &c);
	if (have && c.kind == C_DAYONLY && lead != LEAD_FROM && lead != LEAD_PAIR &&
	    !range_conn(L, c.next, lead, e->has_ngay || head))
		have = false; /* "ngày 19" alone; "14 giờ, 8 giờ 30" */
	if (!have) {
		if (j == i && lead == LEAD_NONE && keyword_core(L, j, &c)) {
			if (!trailing_ok(L, c.next))
				return 0;
			set_core(e, &c);
			last = c.next;
			goto done;
		}
		if (e->hour >= 0 && !wk && lead != LEAD_FROM && lead != LEAD_PAIR) {
			e->rule = "time.clock";
			goto done;
		}
		return 0;
	}

	if (lead == LEAD_FROM || lead == LEAD_PAIR || c.kind == C_DAYONLY) {
		size_t k = c.next;
		if (!range_conn(L, k, lead, e->has_ngay || head) || !range_end(L, k + 1, &c2) ||
		    !make_range(e, &c, &c2, lead == LEAD_FROM ? 400 : 31))
			return 0;
		e->rule = "date.range";
		j = last = c2.next;
	} else {
		if (!dates_valid(c.y, c.m, c.d))
			return 0;
		set_core(e, &c);
		j = last = c.next;
		/* "30/4-1/5", "27/6 – 30/6": a short range without "từ" */
		if (isdashp(L, j) && range_end(L, j + 1, &c2) && make_range(e, &c, &c2, 31)) {
			e->rule = "date.range";
			j = last = c2.next;
		}
	}
	if (core_at == i && lead == LEAD_NONE) {
		tok_t s = tk(L, i + 1);
		if (!bare_ok(L, i, last, s.type == T_PUNCT ? s.val : 0))
			return 0;
	}
	if (!trailing_ok(L, last))
		return 0;

tail:
	if (e->hour < 0)
		last = time_tail(L, last, e);
	if (e->weekday < 0 && isp(L, last, '(')) {
		size_t w2 = weekday(L, last + 1, &wd);
		if (w2 && isp(L, w2, ')')) {
			e->weekday = wd;
			last = w2 + 1;
		}
	}
done:
	if (tk(L, last - 1).type == T_NUM && !trailing_ok(L, last))
		return 0;
	e->span = span_make(tk(L, i).start, tk(L, last - 1).end);
	return last;
}

/* Appends to *out (caller owns out->v and frees it). */
int dates_find(const char *text, size_t len, date_list_t *out)
{
	lexer_t L;
	if (!text || !out)
		return 0;
	lex_init(&L, text, len);
	for (size_t i = 0;;) {
		set_anchor(&L, i);
		tok_t t = tk(&L, i);
		if (t.type == T_EOF)
			break;
		if (t.type == T_NUM || (t.type == T_WORD && t.w > W_OTHER)) {
			date_expr_t e;
			size_t nx = parse_expr(&L, i, &e);
			if (nx > i) {
				date_expr_t *slot = vec_push(out);
				if (!slot)
					return -1;
				*slot = e;
				i = nx;
				continue;
			}
		}
		i++;
	}
	return 0;
}

/* ---- terms ------------------------------------------------------------- */

/* "2020 - 2025", "2017- 2022", "2021–2026", "2016 đến 2021" at k. */
static bool year_period(lexer_t *L, size_t k, int maxlen, int *from, int *to, size_t *next)
{
	tok_t a = tk(L, k), b = tk(L, k + 2);
	if (!year_ok(a) || !(isdashp(L, k + 1) || isw(L, k + 1, W_DEN) || isw(L, k + 1, W_TOI2)) ||
	    !year_ok(b) || b.val <= a.val || b.val - a.val > maxlen)
		return false;
	*from = a.val;
	*to = b.val;
	*next = k + 3;
	return true;
}

static size_t parse_term(lexer_t *L, size_t i, term_expr_t *o)
{
	tok_t t = tk(L, i);
	memset(o, 0, sizeof *o);
	if (t.type != T_WORD)
		return 0;
	if (t.w == W_KHOA) {
		tok_t n = tk(L, i + 1);
		if (n.type == T_NUM && n.ndig <= 3 && n.val > 0 && trailing_ok(L, i + 2)) {
			o->ordinal = n.val;
			o->rule = "term.khoa_number";
		} else if (n.type == T_WORD) {
			int v = roman_value(L->s + n.start, n.end - n.start);
			if (v < 1 || v > 99)
				return 0;
			o->ordinal = v;
			o->rule = "term.khoa_roman";
		} else {
			return 0;
		}
		o->span = span_make(t.start, n.end);
		return i + 2;
	}
	bool nk = t.w == W_NHIEM && isw(L, i + 1, W_KY);
	bool gd = t.w == W_GIAI && isw(L, i + 1, W_DOAN);
	if (!nk && !gd)
		return 0;
	size_t k = i + 2, next;
	if (isp(L, k, ':'))
		k++;
	if (!year_period(L, k, nk ? 10 : 50, &o->from_year, &o->to_year, &next) ||
	    !trailing_ok(L, next))
		return 0;
	o->rule = nk ? "term.nhiem_ky" : "term.giai_doan";
	o->span = span_make(t.start, tk(L, next - 1).end);
	return next;
}

/* Appends to *out (caller owns out->v and frees it). 0, or -1 out of memory. */
int dates_find_terms(const char *text, size_t len, term_list_t *out)
{
	lexer_t L;
	if (!text || !out)
		return 0;
	lex_init(&L, text, len);
	for (size_t i = 0;;) {
		set_anchor(&L, i);
		tok_t t = tk(&L, i);
		if (t.type == T_EOF)
			break;
		if (t.type == T_WORD && (t.w == W_KHOA || t.w == W_NHIEM || t.w == W_GIAI)) {
			term_expr_t e;
			size_t nx = parse_term(&L, i, &e);
			if (nx > i) {
				term_expr_t *slot = vec_push(out);
				if (!slot)
					return -1;
				*slot = e;
				i = nx;
				continue;
			}
		}
		i++;
	}
	return 0;
}

/* ---- datelines --------------------------------------------------------- */

/* "Cập nhật:", "Cập nhật lúc", "Đăng lúc", "Ngày đăng:", "Thời gian:",
 * "Xuất bản:" before the stamp. */
static size_t dl_prefix(lexer_t *L, size_t j)
{
	size_t k = j;
	if (isw(L, k, W_NGAY) &&
	    (isw(L, k + 1, W_DANG) || isw(L, k + 1, W_CAP) || isw(L, k + 1, W_XUAT)))
		k++;
	if (isw(L, k, W_CAP) && isw(L, k + 1, W_NHAT2))
		k += 2;
	else if (isw(L, k, W_DANG))
		k++;
	else if ((isw(L, k, W_THOI) && isw(L, k + 1, W_GIAN)) ||
		 (isw(L, k, W_XUAT) && isw(L, k + 1, W_BAN)))
		k += 2;
	else
		return j;
	if (isw(L, k, W_LUC) || isw(L, k, W_VAO))
		k++;
	if (isp(L, k, ':'))
		k++;
	return k;
}

static bool dl_sep(lexer_t *L, size_t k)
{
	return isp(L, k, ',') || isp(L, k, '|') || isdashp(L, k);
}

static bool dl_date(lexer_t *L, size_t k, dateline_t *d, size_t *next)
{
	core_t c;
	memset(&c, 0, sizeof c);
	if (!num_date(L, k, &c) || !c.y || !dates_valid(c.y, c.m, c.d))
		return false;
	d->year = c.y;
	d->month = c.m;
	d->day = c.d;
	*next = c.next;
	return true;
}

/* "14:00:11", "15:45", "8h30", then "AM"/"PM" or "SA"/"CH". */
static bool dl_time(lexer_t *L, size_t k, dateline_t *d, size_t *next)
{
	tok_t a = tk(L, k), b = tk(L, k + 1), c = tk(L, k + 2);
	if (a.type != T_NUM || a.ndig > 2 || a.val > 23 || b.sp || !num_touch(c, 2) ||
	    c.ndig != 2 || c.val > 59)
		return false;
	if (!(b.type == T_PUNCT && b.val == ':') && !(b.type == T_WORD && b.w == W_H))
		return false;
	int h = a.val, s = -1;
	k += 3;
	tok_t s1 = tk(L, k), s2 = tk(L, k + 1);
	if (b.type == T_PUNCT && s1.type == T_PUNCT && s1.val == ':' && !s1.sp &&
	    num_touch(s2, 2) && s2.ndig == 2 && s2.val <= 59) {
		s = s2.val;
		k += 2;
	}
	tok_t ap = tk(L, k);
	if (ap.type == T_WORD && (ap.w == W_PM || ap.w == W_CH) && h >= 1 && h <= 12) {
		h = h == 12 ? 12 : h + 12;
		k++;
	} else if (ap.type == T_WORD && (ap.w == W_AM || ap.w == W_SA) && h >= 1 && h <= 12) {
		h = h == 12 ? 0 : h;
		k++;
	}
	d->hour = h;
	d->minute = c.val;
	d->second = s;
	*next = k;
	return true;
}

/* "(GMT+7)", "(GMT+07:00)", "GMT+7", "(UTC+07)", "+07:00". */
static size_t dl_tz(lexer_t *L, size_t k, dateline_t *d)
{
	size_t j = k;
	bool paren = isp(L, j, '(');
	if (paren)
		j++;
	bool named = isw(L, j, W_GMT) || isw(L, j, W_UTC);
	if (named)
		j++;
	int sign = 0;
	if (isp(L, j, '+'))
		sign = 1;
	else if (isdashp(L, j))
		sign = -1;
	int mins = 0;
	if (sign) {
		tok_t h = tk(L, j + 1);
		if (!num_touch(h, 4))
			return k;
		if (h.ndig <= 2) {
			mins = h.val * 60;
			j += 2;
			if (isp(L, j, ':') && num_touch(tk(L, j + 1), 2) &&
			    tk(L, j + 1).ndig == 2) {
				mins += tk(L, j + 1).val;
				j += 2;
			}
		} else if (h.ndig == 4) {
			mins = h.val / 100 * 60 + h.val % 100;
			j += 2;
		} else {
			return k;
		}
		if (mins > 14 * 60)
			return k;
	} else if (!named) {
		return k;
	}
	if (paren) {
		if (!isp(L, j, ')'))
			return k;
		j++;
	}
	d->tz_minutes = sign * mins;
	return j;
}

/* Reads line[0..len) only; fills *out on success. */
int dates_parse_dateline(const char *line, size_t len, dateline_t *out)
{
	lexer_t L;
	dateline_t d = {0, 0, 0, -1, -1, -1, -1, 420};
	size_t j, k;
	int wd;

	if (!line || !out)
		return 0;
	lex_init(&L, line, len);
	j = dl_prefix(&L, 0);
	size_t wj = weekday(&L, j, &wd);
	if (wj) {
		d.weekday = wd;
		j = wj;
		if (dl_sep(&L, j))
			j++;
	}
	if (dl_time(&L, j, &d, &k)) {
		j = k;
		if (dl_sep(&L, j))
			j++;
		if (isw(&L, j, W_NGAY))
			j++;
		if (!dl_date(&L, j, &d, &k))
			return 0;
		j = k;
	} else {
		if (isw(&L, j, W_NGAY))
			j++;
		if (!dl_date(&L, j, &d, &k))
			return 0;
		j = k;
		size_t t = j;
		if (dl_sep(&L, t))
			t++;
		if (isw(&L, t, W_LUC))
			t++;
		if (dl_time(&L, t, &d, &k))
			j = k;
	}
	j = dl_tz(&L, j, &d);
	if (tk(&L, j).type != T_EOF)
		return 0;
	*out = d;
	return 1;
}
