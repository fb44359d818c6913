/* meetingd page: post an article to /v1/parse, show what came back.
 *
 * No framework and no build step: this file is served as is (embedded in the
 * binary, or from --web-dir). Everything the service returns is inserted with
 * textContent, never as HTML, because articles are untrusted text.
 *
 * Offsets are asked for in UTF-16 code units (?offsets=utf16) so that
 * String.prototype.slice cuts exactly what the service meant, also after
 * characters outside the BMP such as the Nôm 𡨸. The service's normalised
 * text (?include=text) is what gets shown, so offsets never point into a
 * differently normalised copy of the input.
 */
'use strict';

(function () {
	/* ---- vocabulary ---- */

	// order = drawing priority when two spans of equal length cover the same text
	const KINDS = [
		{ key: 'date', vi: 'Thời gian', en: 'Dates' },
		{ key: 'document', vi: 'Văn bản', en: 'Documents' },
		{ key: 'person', vi: 'Người', en: 'People' },
		{ key: 'position', vi: 'Chức vụ', en: 'Positions' },
		{ key: 'body', vi: 'Cơ quan', en: 'Bodies' },
		{ key: 'quote', vi: 'Trích dẫn', en: 'Quotes' },
		{ key: 'meeting', vi: 'Cuộc họp', en: 'Meetings' },
	];
	const KIND = Object.fromEntries(KINDS.map((k, i) => [k.key, Object.assign({ order: i }, k)]));

	const MEETING_KINDS = {
		conference: 'hội nghị',
		session: 'kỳ họp',
		sitting: 'phiên họp',
		congress: 'đại hội',
		working_session: 'buổi làm việc',
		seminar: 'hội thảo, tọa đàm',
		ceremony: 'lễ, mít tinh',
		meeting: 'cuộc họp',
	};
	const PARTS_OF_DAY = { morning: 'sáng', noon: 'trưa', afternoon: 'chiều', evening: 'tối' };
	const FORMATS = { in_person: 'trực tiếp', online: 'trực tuyến', hybrid: 'trực tiếp kết hợp trực tuyến' };
	const RESPONSIBILITY = { lead: 'chủ trì', coordinate: 'phối hợp' };
	const CATEGORIES = { party: 'Đảng', state: 'Nhà nước', front: 'Mặt trận', mass: 'đoàn thể', military: 'quân sự', other: 'khác' };
	const LEVELS = { central: 'Trung ương', province: 'tỉnh', district: 'huyện', commune: 'xã' };
	const WEEKDAYS = {
		monday: 'thứ Hai', tuesday: 'thứ Ba', wednesday: 'thứ Tư', thursday: 'thứ Năm',
		friday: 'thứ Sáu', saturday: 'thứ Bảy', sunday: 'Chủ nhật',
	};
	const CLARITY = [
		['who', 'rõ người', 'who'],
		['what', 'rõ việc', 'what'],
		['when', 'rõ thời gian', 'when'],
		['responsibility', 'rõ trách nhiệm', 'responsibility'],
		['deliverable', 'rõ sản phẩm', 'deliverable'],
	];

	/* ---- small DOM helpers ---- */

	const $ = (id) => document.getElementById(id);

	// el('p', {class: 'x'}, 'text', node…): children that are strings become text
	function el(tag, attrs, ...children) {
		const e = document.createElement(tag);
		for (const [k, v] of Object.entries(attrs || {})) {
			if (v === null || v === undefined || v === false) continue;
			if (k === 'class') e.className = v;
			else if (k === 'text') e.textContent = v;
			else if (k.startsWith('data-')) e.dataset[k.slice(5).replace(/-([a-z])/g, (_, c) => c.toUpperCase())] = v;
			else e.setAttribute(k, v === true ? '' : v);
		}
		for (const c of children.flat()) {
			if (c === null || c === undefined || c === false) continue;
			e.append(c instanceof Node ? c : String(c));
		}
		return e;
	}

	// a Vietnamese label followed by its English gloss
	function bi(vi, en) {
		const f = document.createDocumentFragment();
		f.append(vi, ' ', el('span', { lang: 'en' }, '· ' + en));
		return f;
	}

	function withGloss(code, table) {
		if (code === null || code === undefined) return null;
		return table[code] ? `${table[code]} (${code})` : String(code);
	}

	function isMention(m) {
		return m && Number.isInteger(m.start) && Number.isInteger(m.end);
	}

	/* ---- state ---- */

	const state = {
		result: null,
		text: '',
		spans: [],
		hidden: new Set(),
		segments: [],
		current: -1, // roving tabindex position in segments
		pinned: null, // segment whose details stay shown
		controller: null,
		clientWarnings: [],
	};

	/* ---- highlights ---- */

	// Every mention the result carries, as {id, kind, start, end, text, fields}.
	function collectSpans(r) {
		const spans = [];
		const count = {};
		const people = new Map((r.people || []).map((p) => [p.id, p]));
		const add = (kind, m, fields) => {
			if (!isMention(m)) return;
			count[kind] = (count[kind] || 0) + 1;
			spans.push({
				id: `${kind}-${count[kind]}`,
				kind,
				start: m.start,
				end: m.end,
				text: m.text,
				fields: fields.filter((f) => f[2] !== null && f[2] !== undefined && f[2] !== ''),
			});
		};
		for (const p of r.people || []) {
			const positions = (p.positions || []).map((x) => x.text).join('; ');
			for (const m of p.mentions || [])
				add('person', m, [
					['Tên', 'Name', p.name],
					['Danh xưng', 'Honorific', p.honorific],
					['Chức vụ', 'Positions', positions],
					['Mã', 'Id', p.id],
				]);
			for (const pos of p.positions || [])
				add('position', pos.mention, [
					['Chức danh', 'Title', pos.title],
					['Cơ quan', 'Body', pos.organization],
					['Người giữ', 'Held by', p.name],
				]);
		}
		for (const o of r.organizations || []) {
			for (const m of o.mentions || [])
				add('body', m, [
					['Tên đầy đủ', 'Name', o.name],
					['Loại', 'Category', withGloss(o.category, CATEGORIES)],
					['Cấp', 'Level', withGloss(o.level, LEVELS)],
					['Khóa', 'Term', o.term],
					['Cách viết', 'Spellings', (o.text_forms || []).join(' | ')],
					['Mã', 'Id', o.id],
				]);
		}
		const a = r.article || {};
		if (a.dateline)
			add('date', a.dateline.mention, [
				['Dòng ngày', 'Dateline', withGloss(a.dateline.weekday, WEEKDAYS)],
				['Đăng lúc', 'Published', a.published_at],
			]);
		for (const m of r.meetings || []) {
			add('date', m.date_text, [
				['Ngày', 'Date', m.date],
				['Tháng-ngày', 'Month-day', m.month_day],
				['Đến ngày', 'Until', m.end_date],
				['Buổi', 'Part of day', withGloss(m.part_of_day, PARTS_OF_DAY)],
				['Giờ', 'Time', m.start_time],
				['Cuộc họp', 'Meeting', m.id],
			]);
			const chairs = (m.chairs || []).map((id) => (people.get(id) || { name: id }).name).join(', ');
			for (const x of m.mentions || [])
				add('meeting', x, [
					['Loại', 'Kind', withGloss(m.kind, MEETING_KINDS)],
					['Tên', 'Name', m.name],
					['Lần thứ', 'Ordinal', m.ordinal],
					['Ngày', 'Date', m.date || m.month_day],
					['Chủ trì', 'Chairs', chairs],
					['Mã', 'Id', m.id],
				]);
		}
		for (const d of r.documents || []) {
			for (const m of d.mentions || [])
				add('document', m, [
					['Số, ký hiệu', 'Symbol', d.symbol],
					['Loại', 'Type', d.type],
					['Ngày ban hành', 'Issued', d.issued_on],
					['Cơ quan ban hành', 'Issuer', d.issuer],
					['Trích yếu', 'Subject', d.subject],
					['Mã', 'Id', d.id],
				]);
		}
		for (const q of r.quotes || []) {
			for (const m of q.mentions || [])
				add('quote', m, [['Số lần', 'Count', q.count]]);
		}
		return spans;
	}

	// Spans must lie inside the text and slice to what they say they are;
	// anything else is a service bug worth showing rather than hiding.
	function checkSpans(spans, text) {
		const ok = [];
		let outside = 0, mismatched = 0;
		for (const s of spans) {
			if (s.start < 0 || s.end > text.length || s.start >= s.end) {
				outside++;
				continue;
			}
			if (typeof s.text === 'string' && text.slice(s.start, s.end) !== s.text) mismatched++;
			ok.push(s);
		}
		const w = [];
		if (outside) w.push(`${outside} đánh dấu nằm ngoài văn bản, đã bỏ · ${outside} highlight(s) outside the text were dropped`);
		if (mismatched) w.push(`${mismatched} đánh dấu không khớp văn bản · ${mismatched} highlight(s) do not match the text`);
		return { spans: ok, warnings: w };
	}

	// Spans may nest or cross, so the text is cut at every span boundary;
	// each piece is covered by a fixed set of spans and becomes one element,
	// coloured by the innermost span and underlined by the outermost.
	function renderArticle() {
		const view = $('article-view');
		const text = state.text;
		const spans = state.spans.filter((s) => !state.hidden.has(s.kind));
		const points = new Set([0, text.length]);
		for (const s of spans) {
			points.add(s.start);
			points.add(s.end);
		}
		const cuts = [...points].sort((x, y) => x - y);
		const byStart = spans.slice().sort((x, y) => x.start - y.start);
		const frag = document.createDocumentFragment();
		const segments = [];
		let active = [];
		let next = 0;
		for (let i = 0; i + 1 < cuts.length; i++) {
			const a = cuts[i], b = cuts[i + 1];
			active = active.filter((s) => s.end > a);
			while (next < byStart.length && byStart[next].start === a) active.push(byStart[next++]);
			const piece = text.slice(a, b);
			if (!active.length) {
				frag.append(piece);
				continue;
			}
			const cover = active.slice().sort((x, y) =>
				(x.end - x.start) - (y.end - y.start) || KIND[x.kind].order - KIND[y.kind].order);
			const inner = cover[0], outer = cover[cover.length - 1];
			const mark = el('mark', {
				class: `hl k-${inner.kind}` + (outer.kind !== inner.kind ? ` o-${outer.kind}` : ''),
				tabindex: '-1',
				title: [...new Set(cover.map((s) => `${KIND[s.kind].vi} · ${KIND[s.kind].en}`))].join(' / '),
				'data-hl': cover.map((s) => s.id).join(' '),
				'data-start': String(a),
				'data-end': String(b),
			}, piece);
			mark.segmentIndex = segments.length;
			segments.push(mark);
			frag.append(mark);
		}
		view.replaceChildren(frag);
		state.segments = segments;
		state.current = -1;
		state.pinned = null;
		setSheet(false);
		if (segments.length) setCurrent(0, false);
		view.tabIndex = segments.length ? -1 : 0;
	}

	function setCurrent(i, focus) {
		const segs = state.segments;
		if (!segs.length) return;
		i = Math.max(0, Math.min(segs.length - 1, i));
		if (state.current >= 0 && segs[state.current]) segs[state.current].tabIndex = -1;
		state.current = i;
		segs[i].tabIndex = 0;
		if (focus) segs[i].focus();
	}

	const narrow = window.matchMedia('(max-width: 899px)');

	// openSheet: a click or Enter asked for the details (focus alone, e.g.
	// after closing the sheet, must not reopen it)
	function pin(seg, openSheet) {
		if (state.pinned) state.pinned.classList.remove('selected');
		state.pinned = seg;
		if (seg) seg.classList.add('selected');
		showDetails(seg);
		if (!seg) setSheet(false);
		else if (openSheet) setSheet(narrow.matches);
	}

	function setSheet(open) {
		$('details').classList.toggle('sheet', open);
		document.querySelector('main').classList.toggle('sheet-open', open);
	}

	const spanById = (id) => state.spans.find((s) => s.id === id);

	function showDetails(seg) {
		const body = $('details-body');
		if (!seg) {
			body.replaceChildren(el('p', { class: 'hint' }, bi('Chọn một đánh dấu.', 'Pick a highlight.')));
			return;
		}
		const items = seg.dataset.hl.split(' ').map(spanById).filter(Boolean);
		body.replaceChildren(...items.map((s) => {
			const k = KIND[s.kind];
			const dl = el('dl', { class: 'fields' });
			for (const [vi, en, v] of s.fields) dl.append(el('dt', {}, bi(vi, en)), el('dd', {}, String(v)));
			dl.append(el('dt', {}, bi('Vị trí', 'Offsets')), el('dd', {}, `${s.start}–${s.end} (UTF-16)`));
			return el('div', { class: 'detail', 'data-id': s.id },
				el('span', { class: `kind k-${s.kind}` }, bi(k.vi, k.en)),
				el('q', {}, state.text.slice(s.start, s.end)),
				dl);
		}));
	}

	function renderLegend() {
		const legend = $('legend');
		const counts = {};
		for (const s of state.spans) counts[s.kind] = (counts[s.kind] || 0) + 1;
		const keep = legend.querySelector('legend');
		legend.replaceChildren(keep);
		for (const k of KINDS) {
			const id = `kind-${k.key}`;
			const box = el('input', { type: 'checkbox', id, 'data-kind': k.key });
			box.checked = !state.hidden.has(k.key);
			box.addEventListener('change', () => {
				if (box.checked) state.hidden.delete(k.key);
				else state.hidden.add(k.key);
				renderArticle();
				showDetails(null);
			});
			legend.append(el('label', { for: id }, box,
				el('span', { class: `swatch k-${k.key}` }, bi(k.vi, k.en)),
				` (${counts[k.key] || 0})`));
		}
	}

	/* ---- meeting cards ---- */

	function field(dl, vi, en, value, name) {
		if (value === null || value === undefined || value === '' ||
		    (Array.isArray(value) && !value.length)) return;
		const dd = el('dd', { 'data-field': name });
		if (value instanceof Node) dd.append(value);
		else dd.textContent = String(value);
		dl.append(el('dt', {}, bi(vi, en)), dd);
	}

	function formatDate(iso) {
		const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
		return m ? `${+m[3]}/${+m[2]}/${m[1]} (${iso})` : iso;
	}

	function meetingDate(m) {
		const parts = [];
		if (m.date) parts.push(formatDate(m.date));
		else if (m.month_day) {
			const [mm, dd] = m.month_day.split('-');
			parts.push(`${+dd}/${+mm} (năm chưa rõ · year unknown)`);
		}
		if (m.end_date) parts.push(`→ ${formatDate(m.end_date)}`);
		if (m.part_of_day) parts.push(`· ${withGloss(m.part_of_day, PARTS_OF_DAY)}`);
		if (m.start_time) parts.push(`· ${m.start_time}`);
		if (m.date_text && m.date_text.text) parts.push(`— “${m.date_text.text}”`);
		return parts.join(' ');
	}

	function personList(ids, people) {
		if (!ids || !ids.length) return null;
		return el('ul', {}, ids.map((id) => {
			const p = people.get(id);
			if (!p) return el('li', {}, id);
			const pos = (p.positions || []).map((x) => x.text).join(', ');
			return el('li', { 'data-person': id }, el('strong', {}, p.name), pos ? `, ${pos}` : '');
		}));
	}

	function actor(a) {
		return a && a.name ? a.name : null;
	}

	function clarityMarks(c) {
		const ul = el('ul', { class: 'clarity', 'aria-label': `5 rõ: ${c.score}/5` });
		for (const [key, vi, en] of CLARITY) {
			const yes = !!c[key];
			ul.append(el('li', { class: yes ? 'yes' : 'no', 'data-clarity': key },
				el('span', { 'aria-hidden': 'true' }, yes ? '✓ ' : '✗ '),
				vi, ' ', el('span', { lang: 'en' }, en),
				el('span', { class: 'visually-hidden' }, yes ? ': có · yes' : ': không · no')));
		}
		ul.append(el('li', { class: 'score', 'aria-hidden': 'true' }, `${c.score}/5`));
		return ul;
	}

	function renderMeetings(r) {
		const box = $('meetings');
		const people = new Map((r.people || []).map((p) => [p.id, p]));
		const docs = new Map((r.documents || []).map((d) => [d.id, d]));
		if (!r.meetings || !r.meetings.length) {
			box.replaceChildren(el('p', { class: 'empty' }, bi('Không tìm thấy cuộc họp nào.', 'No meeting found.')));
			return;
		}
		box.replaceChildren(...r.meetings.map((m) => {
			const hid = `card-${m.id}`;
			const title = el('h4', { id: hid }, m.kind_text ? m.kind_text[0].toUpperCase() + m.kind_text.slice(1) : m.kind,
				m.ordinal !== null && m.ordinal !== undefined ? ` lần thứ ${m.ordinal}` : '',
				' ', el('span', { lang: 'en' }, `· ${m.kind}`));
			const card = el('article', { class: 'card', 'aria-labelledby': hid, 'data-meeting': m.id }, title);
			if (m.name) card.append(el('p', { class: 'name' }, m.name));
			const dl = el('dl', { class: 'fields' });
			field(dl, 'Loại', 'Kind', withGloss(m.kind, MEETING_KINDS), 'kind');
			field(dl, 'Lần thứ', 'Ordinal', m.ordinal, 'ordinal');
			field(dl, 'Cơ quan', 'Body', m.body && m.body.name, 'body');
			field(dl, 'Khóa', 'Term', m.term, 'term');
			field(dl, 'Thời gian', 'Date', meetingDate(m), 'date');
			field(dl, 'Địa điểm', 'Location', m.location, 'location');
			field(dl, 'Hình thức', 'Format', withGloss(m.format, FORMATS), 'format');
			field(dl, 'Chủ trì', 'Chairs', personList(m.chairs, people), 'chairs');
			field(dl, 'Dự', 'Attendees', personList(m.attendees, people), 'attendees');
			card.append(dl);

			if (m.agenda && m.agenda.length) {
				card.append(el('h5', {}, bi('Nội dung', 'Agenda')));
				card.append(el('ol', { 'data-field': 'agenda' }, m.agenda.map((a) => {
					const li = el('li', {});
					const who = actor(a.presenter);
					li.append(who ? el('strong', {}, who) : '', who ? ' ' : '', a.action || '', a.subject ? ': ' : '', a.subject || '');
					const refs = (a.document_ids || []).map((id) => docs.get(id)).filter(Boolean).map((d) => d.symbol || d.type);
					const sub = el('dl', { class: 'fields' });
					field(sub, 'Văn bản', 'Documents', refs.join(', '), 'documents');
					field(sub, 'Quyết định', 'Decision', a.decision, 'decision');
					if (a.conclusion) {
						const sp = people.get(a.conclusion.speaker_id);
						field(sub, 'Kết luận', 'Concluded by', sp ? sp.name : a.conclusion.speaker_id || '—', 'conclusion');
					}
					if (sub.childElementCount) li.append(sub);
					return li;
				})));
			}
			if (m.tasks && m.tasks.length) {
				card.append(el('h5', {}, bi('Nhiệm vụ (5 rõ)', 'Tasks')));
				card.append(el('ol', { 'data-field': 'tasks' }, m.tasks.map((t) => {
					const li = el('li', {});
					const who = actor(t.assignee);
					li.append(who ? el('strong', {}, who) : el('span', { class: 'empty' }, '(chưa rõ ai · no assignee)'), ': ', t.action || '');
					const sub = el('dl', { class: 'fields' });
					field(sub, 'Thời hạn', 'Deadline', t.deadline ? [t.deadline.text, t.deadline.date && `(${t.deadline.date})`].filter(Boolean).join(' ') : null, 'deadline');
					field(sub, 'Trách nhiệm', 'Responsibility', withGloss(t.responsibility, RESPONSIBILITY), 'responsibility');
					field(sub, 'Sản phẩm', 'Deliverable', t.deliverable, 'deliverable');
					if (sub.childElementCount) li.append(sub);
					if (t.clarity) li.append(clarityMarks(t.clarity));
					return li;
				})));
			}
			return card;
		}));
	}

	function renderDocuments(r) {
		const box = $('documents');
		const docs = r.documents || [];
		if (!docs.length) {
			box.replaceChildren(el('p', { class: 'empty' }, bi('Không có văn bản nào được dẫn.', 'No document cited.')));
			return;
		}
		const head = el('tr', {}, [
			['Số, ký hiệu', 'Symbol'], ['Loại', 'Type'], ['Ngày ban hành', 'Issued'],
			['Cơ quan ban hành', 'Issuer'], ['Trích yếu', 'Subject'], ['Lần dẫn', 'Cited'],
		].map(([vi, en]) => el('th', { scope: 'col' }, bi(vi, en))));
		const rows = docs.map((d) => el('tr', { 'data-document': d.id },
			el('td', { class: 'symbol' }, d.symbol || (d.number ? `số ${d.number}` : '—')),
			el('td', {}, [d.type, d.type_code && `(${d.type_code})`].filter(Boolean).join(' ')),
			el('td', {}, d.issued_on ? formatDate(d.issued_on) : '—'),
			el('td', {}, d.issuer || '—'),
			el('td', {}, d.subject || '—'),
			el('td', {}, String((d.mentions || []).length))));
		const table = el('table', {},
			el('caption', { class: 'visually-hidden' }, 'Văn bản được dẫn · Documents cited'),
			el('thead', {}, head), el('tbody', {}, rows));
		box.replaceChildren(el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'documents-h' }, table));
	}

	function renderWarnings(r) {
		const list = $('warnings');
		const items = (r.warnings || []).map((w) => el('li', { 'data-code': w.code },
			el('code', {}, w.code), ': ', w.message || ''));
		for (const w of state.clientWarnings) items.push(el('li', { 'data-code': 'client' }, w));
		list.replaceChildren(...items);
	}

	function render(r, ms, requestId) {
		state.result = r;
		// Without ?include=text (an older service) the offsets index the input
		// itself, which is what was sent when it was already NFC.
		state.text = typeof r.text === 'string' ? r.text : $('article').value;
		if (r.offset_unit && r.offset_unit !== 'utf16')
			state.clientWarnings = [`offset_unit là ${r.offset_unit}, không phải utf16 · offset_unit is ${r.offset_unit}, not utf16`];
		else state.clientWarnings = [];
		const checked = checkSpans(collectSpans(r), state.text);
		state.spans = checked.spans;
		state.clientWarnings.push(...checked.warnings);
		renderLegend();
		renderArticle();
		showDetails(null);
		renderMeetings(r);
		renderDocuments(r);
		renderWarnings(r);
		$('json').textContent = JSON.stringify(r, null, 2);
		$('copy-status').textContent = '';
		$('results').hidden = false;
		const n = (r.meetings || []).length;
		setStatus(`Xong: ${n} cuộc họp, ${state.spans.length} đánh dấu, ${ms} ms. ` +
			`Done: ${n} meeting(s), ${state.spans.length} highlight(s), ${ms} ms` +
			(requestId ? ` (request ${requestId})` : '') + '.');
	}

	/* ---- talking to the service ---- */

	function setStatus(msg) {
		$('status').textContent = msg;
	}

	function hideError() {
		$('error').hidden = true;
	}

	function showError(title, detail, meta) {
		$('error-title').textContent = title;
		$('error-detail').textContent = detail || '';
		$('error-meta').textContent = meta || '';
		$('error').hidden = false;
		$('results').hidden = true;
	}

	function apiBase() {
		let v = $('api-base').value.trim();
		if (!v) return document.baseURI;
		if (!/^https?:\/\//i.test(v)) v = 'http://' + v;
		return v.endsWith('/') ? v : v + '/';
	}

	function apiUrl(path) {
		return new URL(path, apiBase()).href;
	}

	function updateEndpointLinks() {
		const links = document.querySelectorAll('footer a');
		links[0].href = apiUrl('openapi.yaml');
		links[1].href = apiUrl('version');
		$('endpoint').textContent = `API: ${apiUrl('v1/parse')}`;
	}

	async function parse() {
		const text = $('article').value;
		const published = $('published').value;
		const token = $('token').value.trim();
		let url;
		try {
			url = apiUrl('v1/parse') + '?offsets=utf16&include=text';
		} catch (e) {
			showError('Địa chỉ API không hợp lệ · Invalid API base URL', String(e.message || e));
			return;
		}
		const headers = {};
		let body;
		if (published) {
			headers['Content-Type'] = 'application/json';
			body = JSON.stringify({ text, published_at: published });
		} else {
			headers['Content-Type'] = 'text/plain; charset=utf-8';
			body = text;
		}
		if (token) headers.Authorization = `Bearer ${token}`;
		if (state.controller) state.controller.abort();
		const controller = new AbortController();
		state.controller = controller;
		const btn = $('parse-btn');
		btn.disabled = true;
		btn.setAttribute('aria-busy', 'true');
		setStatus('Đang phân tích… · Parsing…');
		hideError();
		const t0 = performance.now();
		try {
			const res = await fetch(url, { method: 'POST', headers, body, signal: controller.signal, mode: 'cors' });
			const requestId = res.headers.get('X-Request-Id');
			const raw = await res.text();
			const ms = Math.round(performance.now() - t0);
			let doc = null;
			try {
				doc = JSON.parse(raw);
			} catch (e) {
				doc = null;
			}
			if (!res.ok || !doc || typeof doc !== 'object') {
				const p = doc && typeof doc === 'object' ? doc : {};
				showError(p.title || `HTTP ${res.status} ${res.statusText}`.trim(),
					p.detail || raw.slice(0, 500),
					[`HTTP ${res.status}`, p.type, (p.instance || requestId) && `request ${p.instance || requestId}`]
						.filter(Boolean).join(' · '));
				setStatus(`Lỗi · Error (${ms} ms)`);
				return;
			}
			render(doc, ms, requestId);
		} catch (e) {
			if (e.name === 'AbortError') return;
			showError('Không gọi được dịch vụ · Could not reach the service',
				`${url} — ${e.message}. Nếu dịch vụ ở nguồn (origin) khác, nó phải cho phép trang này qua --cors-origins. ` +
				'If the service is on another origin it must allow this page with --cors-origins.');
			setStatus('Lỗi · Error');
		} finally {
			if (state.controller === controller) {
				state.controller = null;
				btn.disabled = false;
				btn.removeAttribute('aria-busy');
			}
		}
	}

	/* ---- input: paste, drop, file, examples ---- */

	function loadText(text, what) {
		const ta = $('article');
		ta.value = text.replace(/\r\n?/g, '\n');
		setStatus(`Đã nạp ${what}: ${ta.value.length} ký tự. · Loaded ${what}: ${ta.value.length} characters.`);
		hideError();
	}

	async function loadFile(file) {
		if (file.size > 4 * 1024 * 1024) {
			showError('Tệp quá lớn · File too large', `${file.name}: ${file.size} bytes`);
			return;
		}
		const text = await file.text();
		if (text.includes('\u0000')) {
			showError('Không phải tệp văn bản · Not a text file', file.name);
			return;
		}
		loadText(text, file.name);
	}

	function setupInput() {
		const ta = $('article');
		ta.addEventListener('dragover', (e) => {
			if (e.dataTransfer && [...e.dataTransfer.types].includes('Files')) {
				e.preventDefault();
				ta.classList.add('dragging');
			}
		});
		ta.addEventListener('dragleave', () => ta.classList.remove('dragging'));
		ta.addEventListener('drop', (e) => {
			ta.classList.remove('dragging');
			const files = e.dataTransfer && e.dataTransfer.files;
			if (files && files.length) {
				e.preventDefault();
				loadFile(files[0]);
			}
		});
		$('file').addEventListener('change', (e) => {
			const f = e.target.files && e.target.files[0];
			if (f) loadFile(f);
			e.target.value = '';
		});
		$('clear-btn').addEventListener('click', () => {
			ta.value = '';
			$('results').hidden = true;
			hideError();
			setStatus('');
			ta.focus();
		});
		const box = $('examples');
		for (const ex of window.MEETINGD_EXAMPLES || []) {
			const b = el('button', { type: 'button', 'data-example': ex.id }, bi(ex.vi, ex.en));
			b.addEventListener('click', () => loadText(ex.text, `ví dụ “${ex.vi}” · example “${ex.en}”`));
			box.append(b);
		}
		$('parse-form').addEventListener('submit', (e) => {
			e.preventDefault();
			parse();
		});
		document.addEventListener('keydown', (e) => {
			if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
				e.preventDefault();
				parse();
			}
		});
	}

	function setupArticleView() {
		const view = $('article-view');
		view.addEventListener('click', (e) => {
			const seg = e.target.closest('mark.hl');
			if (!seg) return;
			setCurrent(seg.segmentIndex, true);
			pin(seg, true);
		});
		view.addEventListener('mouseover', (e) => {
			const seg = e.target.closest('mark.hl');
			if (seg) showDetails(seg);
		});
		view.addEventListener('mouseleave', () => showDetails(state.pinned));
		$('details-close').addEventListener('click', () => {
			setSheet(false);
			const seg = state.segments[state.current];
			if (seg) seg.focus({ preventScroll: true });
		});
		view.addEventListener('focusin', (e) => {
			const seg = e.target.closest('mark.hl');
			if (!seg) return;
			setCurrent(seg.segmentIndex, false);
			pin(seg, false);
		});
		view.addEventListener('keydown', (e) => {
			const moves = { ArrowRight: 1, ArrowLeft: -1 };
			let i = state.current;
			if (e.key in moves) i += moves[e.key];
			else if (e.key === 'Home') i = 0;
			else if (e.key === 'End') i = state.segments.length - 1;
			else if (e.key === 'Escape') {
				setSheet(false);
				return;
			}
			else if (e.key === 'Enter' || e.key === ' ') {
				if (e.ctrlKey || e.metaKey) return;
				e.preventDefault();
				pin(state.segments[state.current], true);
				return;
			} else return;
			e.preventDefault();
			setCurrent(i, true);
		});
	}

	function setupJson() {
		$('copy-json').addEventListener('click', async () => {
			const text = $('json').textContent;
			const status = $('copy-status');
			try {
				await navigator.clipboard.writeText(text);
				status.textContent = 'Đã sao chép · Copied';
			} catch (e) {
				// clipboard API needs a secure context; fall back to a selection
				const range = document.createRange();
				range.selectNodeContents($('json'));
				const sel = window.getSelection();
				sel.removeAllRanges();
				sel.addRange(range);
				const ok = document.execCommand && document.execCommand('copy');
				status.textContent = ok ? 'Đã sao chép · Copied' : 'Đã chọn, nhấn Ctrl+C · Selected, press Ctrl+C';
			}
		});
	}

	function setupOptions() {
		const input = $('api-base');
		const params = new URLSearchParams(location.search);
		let stored = null;
		try {
			stored = localStorage.getItem('meetingd.api');
		} catch (e) {
			stored = null;
		}
		const fromParam = params.get('api');
		input.value = fromParam !== null ? fromParam : stored || '';
		if (input.value) $('options').open = true;
		input.addEventListener('change', () => {
			try {
				localStorage.setItem('meetingd.api', input.value.trim());
			} catch (e) {
				/* private mode: not remembered */
			}
			try {
				updateEndpointLinks();
			} catch (e) {
				$('endpoint').textContent = 'API: ?';
			}
		});
		try {
			updateEndpointLinks();
		} catch (e) {
			$('endpoint').textContent = 'API: ?';
		}
	}

	setupInput();
	setupArticleView();
	setupJson();
	setupOptions();
	// for debugging from the console and for the browser tests
	window.meetingdPage = { state, parse };
})();
