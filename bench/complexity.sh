#!/bin/sh
# Complexity bound of the model: `meetingd parse` on 256 KiB and on 512 KiB
# of generated text in the genre must differ by at most 2.5x in executed
# instructions (valgrind --tool=callgrind counts them, so machine load does
# not matter). The fixed cost (start-up, lexicons), measured on a one-line
# article, is subtracted before the ratio is taken.
#
# Hostile shapes are checked at 32 KiB vs 64 KiB (smaller, since a
# quadratic path there is slow under callgrind), each against two bounds:
# doubling it at most LIMIT x's the net instructions (linear work gives ~2,
# a quadratic path ~4), and at the larger size it costs at most COST x the
# genre text of the same size. The catalogue: shapes that are not prose
# (combining marks after one letter, quotation marks, nested parentheses,
# date-like tokens, a word without spaces, one-character lines), and shapes
# that aim at one recogniser or joining step each (many distinct people,
# names with positions, "đồng chí <name>, " runs, document citations,
# quoted names, unclosed "X nói: “" openers, lines of one letter, photo
# captions, nested quotes, long numbers, date ranges, many bodies, meeting
# mentions, task sentences, bylines, titles, numbered lists).
#
#   BUILD=build sh bench/complexity.sh         (make complexity)
#   FAMILIES="genre people" sh bench/complexity.sh
#   LIMIT=2.3 COST=4                           the bounds
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-build}
case $BUILD in
/*) ;;
*) BUILD=$root/$BUILD ;;
esac
bin=$BUILD/meetingd
LIMIT=${LIMIT:-2.3}
GENRE_LIMIT=${GENRE_LIMIT:-2.5}
COST=${COST:-4}
SHAPE_SIZE=${SHAPE_SIZE:-32768}
FAMILIES=${FAMILIES:-genre combining quotes parentheses dates longword shortlines \
people positions comrades citations quotednames openers lines captions nestedquotes \
longnumbers dateranges bodies meetings tasks bylines titles lists}
LC_ALL=C
export LC_ALL

[ -x "$bin" ] || { echo "complexity: $bin is missing (make BUILD=${BUILD#"$root"/})" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "complexity: valgrind is needed (make deps)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/meetingd-complexity.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

# Genre text: paragraphs from templates, names, bodies, dates and document
# numbers drawn with a Park-Miller generator (the same bytes from any awk),
# written until the stream passes $1 bytes; then cut at the last paragraph
# that fits each size, so both files are valid UTF-8 and share a prefix.
genre() {
	awk -v want="$1" '
	function r(n) { seed = (seed * 16807) % 2147483647; return int(seed / 2147483647 * n) }
	function pick(list,   a, n) { n = split(list, a, "|"); return a[r(n) + 1] }
	function name() {
		return pick("Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương") " " \
		       pick("Văn|Thị|Hữu|Minh|Quốc|Thanh|Đức|Ngọc|Thị Thu|Văn Hoài") " " \
		       pick("An|Bình|Cường|Dũng|Hải|Khoa|Lan|Mai|Nam|Phúc|Tâm|Tuấn|Hà|Hương|Long|Sơn")
	}
	function pos() {
		return pick("Chủ tịch UBND tỉnh|Phó Chủ tịch UBND tỉnh|Bí thư Tỉnh ủy|Phó Bí thư Thường trực Tỉnh ủy|Giám đốc Sở Tài chính|Chủ tịch HĐND huyện|Trưởng Ban Tuyên giáo Tỉnh ủy|Phó Chủ tịch UBND huyện|Bí thư Huyện ủy")
	}
	function body() {
		return pick("Ban Thường vụ Tỉnh ủy|UBND tỉnh|HĐND huyện|Sở Kế hoạch và Đầu tư|Ủy ban MTTQ Việt Nam tỉnh|Thành ủy|Sở Nông nghiệp và Phát triển nông thôn|UBND huyện|Ban Chấp hành Đảng bộ tỉnh")
	}
	function kind() { return pick("hội nghị|kỳ họp|phiên họp|buổi làm việc|cuộc họp|hội nghị trực tuyến") }
	function subj() { return pick("chuyển đổi số|phát triển du lịch|xây dựng nông thôn mới|cải cách hành chính|giải ngân vốn đầu tư công|phòng, chống thiên tai") }
	function date() { return (r(28) + 1) "/" (r(12) + 1) "/" (2015 + r(10)) }
	function doc(   t) {
		t = r(5)
		return pick("Nghị quyết|Kết luận|Chỉ thị|Kế hoạch|Quyết định") " số " (r(300) + 1) "-" \
		       pick("NQ|KL|CT|KH|QĐ") "/" pick("TW|TU|HU|UBND") " ngày " date()
	}
	function para(   k) {
		k = r(7)
		if (k == 0) return body() " tổ chức " kind() " lần thứ " (r(20) + 1) "\n"
		if (k == 1) return "Sáng " (r(28) + 1) "." (r(12) + 1) ", đồng chí " name() ", " pos() " chủ trì " kind() " của " body() "."
		if (k == 2) return "Dự " kind() " có đồng chí " name() ", " pos() "; đồng chí " name() ", " pos() " và lãnh đạo các sở, ngành."
		if (k == 3) return "Tại " kind() ", các đại biểu đã thảo luận, cho ý kiến vào dự thảo " pick("Nghị quyết|Kế hoạch|Đề án") " về " subj() " giai đoạn " (2021 + r(5)) " - " (2026 + r(5)) "."
		if (k == 4) return "Theo " doc() " của " body() " về " subj() ", các địa phương phải báo cáo kết quả trước ngày " date() "."
		if (k == 5) return "Kết luận " kind() ", đồng chí " name() " yêu cầu " body() " chủ trì, phối hợp với " body() " thực hiện “" pick("5 rõ|làm đến nơi đến chốn|không để chậm trễ|nói đi đôi với làm") "”, hoàn thành trước ngày " date() "."
		return "Chiều cùng ngày, đoàn công tác do ông " name() ", " pos() " dẫn đầu đã làm việc với " body() " về " subj() "."
	}
	BEGIN {
		seed = 20240517
		while (n < want) { p = para() "\n\n"; printf "%s", p; n += length(p) }
	}'
}

# The largest prefix of file $1 that ends a paragraph and fits $2 bytes.
cut_to() {
	awk -v max="$2" 'BEGIN { RS = ""; ORS = "\n\n" } { if (n + length($0) + 2 > max) exit; n += length($0) + 2; print }' "$1"
}

# Pathological shapes: one unit repeated to $2 bytes (whole units only).
# Units that name someone or something draw distinct names (syllables by
# counter), since a quadratic join shows on distinct items, not on one item
# repeated.
shape() {
	awk -v fam="$1" -v want="$2" '
	function syl(k,   a, n) { n = split("Ba|Be|Bi|Bo|Bu|Ca|Cô|Da|Dê|Hà|Hi|Kha|Lâm|Mai|Na|Nô|Pha|Quý|Sa|Tâm|Thu|Vi|Xuân|Yên", a, "|"); return a[k % n + 1] }
	function name(i) { return syl(i) " " syl(int(i / 24)) " " syl(int(i / 576) + 7) }
	function sur(i,   a, n) { n = split("Nguyễn|Trần|Lê|Phạm|Hoàng|Phan|Vũ|Đặng|Bùi|Đỗ", a, "|"); return a[i % n + 1] }
	function pos(i,   a, n) { n = split("Bí thư Huyện ủy|Chủ tịch UBND xã|Giám đốc Sở Tài chính|Phó Chủ tịch HĐND tỉnh|Trưởng Ban Dân vận", a, "|"); return a[i % n + 1] }
	function unit(i) {
		if (fam == "people") return "bà " name(i) ", "
		if (fam == "positions") return "đồng chí " sur(i) " " name(i) ", " pos(i) " " syl(i) "; "
		if (fam == "comrades") return "đồng chí " sur(i) " " name(i) ", "
		if (fam == "citations") return "Nghị quyết số " (i + 1) "-NQ/TU ngày " (i % 28 + 1) "/" (i % 12 + 1) "/20" (10 + i % 15) " của Ban Thường vụ Tỉnh ủy, "
		if (fam == "quotednames") return "“" sur(i) " " name(i) "” "
		if (fam == "openers") return sur(i) " " name(i) " nói: “"
		if (fam == "lines") return "a\n"
		if (fam == "captions") return "Đại biểu dự hội nghị. Ảnh: " name(i) "\n"
		if (fam == "nestedquotes") return "“‘"
		if (fam == "longnumbers") return "1234567890123456789012345678901234567890 "
		if (fam == "dateranges") return "từ ngày " (i % 28 + 1) "/" (i % 12 + 1) " đến ngày " (i % 27 + 2) "/" (i % 12 + 1) "/2022, "
		if (fam == "bodies") return "UBND xã " name(i) ", HĐND huyện " name(i + 1) ", "
		if (fam == "meetings") return "hội nghị lần thứ " (i + 1) " của Ban Thường vụ Huyện ủy " syl(i) ", "
		if (fam == "tasks") return "Giao Sở " name(i) " chủ trì thực hiện trước ngày " (i % 28 + 1) "/" (i % 12 + 1) ". "
		if (fam == "bylines") return name(i) "\n\n"
		if (fam == "titles") return "HỘI NGHỊ " toupper(syl(i)) " LẦN THỨ " (i + 1) "\n\n"
		if (fam == "lists") return (i + 1) ". " name(i) ";\n"
		return ""
	}
	BEGIN {
		if (fam == "combining") { printf "Hội nghị a"; u1 = "\314\201"; u2 = "\314\243" }
		else if (fam == "quotes") { printf "Ông nói "; u1 = "“ý kiến "; u2 = "\" và " }
		else if (fam == "parentheses") {
			for (i = 0; i < (want - 40) / 2; i++) printf "("
			printf "Tỉnh ủy"
			for (i = 0; i < (want - 40) / 2; i++) printf ")"
			printf " họp.\n"
			exit
		}
		else if (fam == "dates") { printf "Họp các ngày "; u1 = "5/4/2022 "; u2 = "14.3 " }
		else if (fam == "longword") { printf "Hội nghị "; u1 = "a"; u2 = "b" }
		else if (fam == "shortlines") { printf "Họp\n"; u1 = "a\n"; u2 = "\r\n" }
		else {
			printf "Sáng 5/3, hội nghị. "
			for (n = 24; ; i++) { u = unit(i); if (n + length(u) > want - 12) break; printf "%s", u; n += length(u) }
			printf " kết thúc.\n"
			exit
		}
		n = 16
		while (n + length(u1) + length(u2) <= want) { printf "%s%s", u1, u2; n += length(u1) + length(u2) }
		printf " kết thúc.\n"
	}'
}

# Instructions executed by `meetingd parse` on file $1.
count() {
	valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" parse "$1" \
		>/dev/null 2>"$work/cg.log" || {
		echo "complexity: meetingd parse $1 failed:" >&2
		cat "$work/cg.log" >&2
		exit 1
	}
	sed -n 's/.*Collected : *\([0-9][0-9]*\).*/\1/p' "$work/cg.log"
}

printf 'Hội nghị.\n' >"$work/base.txt"
base=$(count "$work/base.txt")
echo "complexity: fixed cost (one-line article): $base instructions; bounds: doubling <= ${LIMIT}x (genre ${GENRE_LIMIT}x), cost <= ${COST}x genre"
# genre text at the shapes' sizes, for the cost bound
genre $((SHAPE_SIZE * 2 + 4096)) >"$work/all.txt"
cut_to "$work/all.txt" $((SHAPE_SIZE * 2)) >"$work/g.txt"
gsize=$(wc -c <"$work/g.txt")
gcost=$(count "$work/g.txt")
printf '%-13s %8s %14s %8s %14s %6s %6s %6s\n' family bytes instructions bytes instructions ratio net cost
status=0
failed=
for fam in $FAMILIES; do
	if [ "$fam" = genre ]; then
		small=262144
		lim=$GENRE_LIMIT
		genre $((small * 2 + 4096)) >"$work/all.txt"
		cut_to "$work/all.txt" $small >"$work/a.txt"
		cut_to "$work/all.txt" $((small * 2)) >"$work/b.txt"
	else
		small=$SHAPE_SIZE
		lim=$LIMIT
		shape "$fam" $small >"$work/a.txt"
		shape "$fam" $((small * 2)) >"$work/b.txt"
	fi
	sa=$(wc -c <"$work/a.txt")
	sb=$(wc -c <"$work/b.txt")
	ia=$(count "$work/a.txt")
	ib=$(count "$work/b.txt")
	verdict=$(awk -v a="$ia" -v b="$ib" -v z="$base" -v sa="$sa" -v sb="$sb" -v lim="$lim" \
		-v g="$gcost" -v gs="$gsize" -v cost="$COST" -v fam="$fam" 'BEGIN {
		# per byte, so that cutting at paragraph ends does not skew it
		r = b / a * sa / sb * 2; net = (b - z) / (a - z) * sa / sb * 2
		# the larger file against genre text of (about) its size, per byte
		c = (b - z) / sb / ((g - z) / gs)
		ok = net <= lim && (fam == "genre" || c <= cost)
		printf "%.2f %.2f %s %s", r, net, (fam == "genre" ? "-" : sprintf("%.2f", c)), (ok ? "ok" : "FAIL") }')
	set -- $verdict
	printf '%-13s %8s %14s %8s %14s %6s %6s %6s %s\n' "$fam" "$sa" "$ia" "$sb" "$ib" "$1" "$2" "$3" "$4"
	if [ "$4" != ok ]; then
		status=1
		failed="$failed $fam"
	fi
done
# ---- HTML pages --------------------------------------------------------------
# The same bound on the HTML path: model_parse() of a page (build/html-probe,
# what POST /v1/parse with text/html runs), on genre paragraphs inside a news
# site's boilerplate (128 vs 256 KiB of page), and on the hostile shapes of
# markup at 32 vs 64 KiB: deep nesting, nesting libxml2 cannot close with
# stray end tags over it, unclosed inline tags, attributes on one tag (the
# guard keeps 16; libxml2 alone compares each with every other), the same
# attribute repeated, an entity flood, one huge comment, one huge script,
# nested tables, unclosed paragraphs, combining marks after one letter of a
# title. Self-contained: HTML_FAMILIES selects, HTML_FAMILIES= skips it.
HTML_FAMILIES=${HTML_FAMILIES-page deep strayend unclosed attrs dupattrs entities comment script tables paragraphs combining}
probe=$BUILD/html-probe
if [ -n "$HTML_FAMILIES" ] && [ ! -x "$probe" ]; then
	echo "complexity: $probe is missing (make BUILD=${BUILD#"$root"/} complexity builds it)" >&2
	exit 2
fi

# A page of genre paragraphs: file $1 (paragraphs separated by blank lines)
# wrapped in a header, a menu, a related-articles list and a footer.
html_page() {
	awk 'BEGIN { RS = ""
		print "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Hội nghị</title>"
		print "<meta property=\"og:title\" content=\"Hội nghị\"><script>var a = 1;</script></head><body>"
		print "<nav class=\"main-nav\"><ul><li><a href=\"/\">Trang chủ</a></li><li><a href=\"/ts\">Thời sự</a></li></ul></nav>"
		print "<h1 class=\"title-detail\">Hội nghị</h1><article class=\"fck_detail\">" }
	{ gsub(/\n/, " "); printf "<p class=\"Normal\">%s</p>\n", $0
	  if (NR % 20 == 0) print "<div class=\"box-tinlienquanv2\"><a href=\"/r\">Tỉnh ủy họp hội nghị lần thứ 20</a></div>" }
	END { print "</article><footer>Tổng biên tập: Nguyễn Văn A</footer></body></html>" }' "$1"
}

# Hostile markup: a head, one unit repeated to $2 bytes, a tail.
html_shape() {
	awk -v fam="$1" -v want="$2" '
	BEGIN {
		head = "<html><body><p>Hội nghị Ban Thường vụ.</p>"; tail = "</body></html>"
		if (fam == "deep") u = "<div>"
		else if (fam == "strayend") u = "<span><div></span>"
		else if (fam == "unclosed") u = "<b><i><u><font><a>"
		else if (fam == "attrs") { head = head "<div "; u = "a1=\"x\" data-y=z "; tail = ">x</div>" tail }
		else if (fam == "dupattrs") { head = head "<div "; u = "class=\"a b\" "; tail = ">x</div>" tail }
		else if (fam == "entities") { head = head "<p>"; u = "&amp;&lt;&#x41;&eacute;&nosuch;&#9999999;" }
		else if (fam == "comment") { head = head "<!--"; u = "<p>x</p>--"; tail = "-->" tail }
		else if (fam == "script") { head = head "<script>"; u = "var a = \"</div><p>\"; "; tail = "</script>" tail }
		else if (fam == "tables") u = "<table><tr><td>"
		else if (fam == "paragraphs") u = "<p>Hội nghị"
		else if (fam == "combining") { head = "<html><head><title>a"; u = "\314\201\314\243"; tail = "</title></head><body><p>Hội nghị.</p></body></html>" }
		printf "%s", head
		n = length(head) + length(tail)
		while (n + length(u) <= want) { printf "%s", u; n += length(u) }
		printf "%s\n", tail
	}'
}

count_html() {
	valgrind --tool=callgrind --callgrind-out-file=/dev/null "$probe" "$1" \
		>/dev/null 2>"$work/cg.log" || {
		echo "complexity: html-probe $1 failed:" >&2
		cat "$work/cg.log" >&2
		exit 1
	}
	sed -n 's/.*Collected : *\([0-9][0-9]*\).*/\1/p' "$work/cg.log"
}

if [ -n "$HTML_FAMILIES" ]; then
	printf '<p>Hội nghị.</p>\n' >"$work/hbase.html"
	hbase=$(count_html "$work/hbase.html")
	echo "complexity: HTML path, fixed cost (one-paragraph page): $hbase instructions"
	for fam in $HTML_FAMILIES; do
		if [ "$fam" = page ]; then
			small=131072
			genre $((small * 2)) >"$work/hall.txt"
			cut_to "$work/hall.txt" $((small * 7 / 10)) >"$work/ha.txt"
			cut_to "$work/hall.txt" $((small * 14 / 10)) >"$work/hb.txt"
			html_page "$work/ha.txt" >"$work/a.html"
			html_page "$work/hb.txt" >"$work/b.html"
		else
			small=32768
			html_shape "$fam" $small >"$work/a.html"
			html_shape "$fam" $((small * 2)) >"$work/b.html"
		fi
		sa=$(wc -c <"$work/a.html")
		sb=$(wc -c <"$work/b.html")
		ia=$(count_html "$work/a.html")
		ib=$(count_html "$work/b.html")
		verdict=$(awk -v a="$ia" -v b="$ib" -v z="$hbase" -v sa="$sa" -v sb="$sb" -v lim="$LIMIT" 'BEGIN {
			r = b / a * sa / sb * 2; net = (b - z) / (a - z) * sa / sb * 2
			printf "%.2f %.2f %s", r, net, (net <= lim ? "ok" : "FAIL") }')
		set -- $verdict
		printf '%-12s %10s %16s %10s %16s %7s %7s %s\n' "html:$fam" "$sa" "$ia" "$sb" "$ib" "$1" "$2" "$3"
		[ "$3" = ok ] || status=1
	done
fi
# ---- end of the HTML pages ------------------------------------------------------
if [ $status -ne 0 ]; then
	echo "complexity: FAILED:$failed (doubling past the bound in the net column, or costing more than ${COST}x genre text)" >&2
fi
exit $status
