// Browser tests of the meetingd page, against the real server.
//   node --test tests/web/   (tests/web/run.sh sets things up)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
	root, fixture, ensureOutput, startMeetingd, startStatic, launchBrowser, pasteInto, checkHighlights,
} from './helpers.mjs';

// The project's own article (invented facts), with the Nôm characters 𡨸喃
// (𡨸 is U+21A38, two UTF-16 units) in the headline, before every mention,
// so a highlight off by one code unit cannot pass.
const ARTICLE = 'hoinghi-huyenuy.txt';
const SEED = process.env.MEETINGD_SEED || path.resolve(root, '..', 'shared', 'corpus', 'dev', 'seed.txt');

let browser, server, out;

before(async () => {
	out = await ensureOutput();
	browser = await launchBrowser();
	server = await startMeetingd();
});

after(async () => {
	if (browser) await browser.close();
	if (server) await server.stop();
});

async function newPage(origin, viewport = { width: 1280, height: 900 }) {
	const context = await browser.newContext({ viewport });
	await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
	const page = await context.newPage();
	const errors = [];
	page.on('pageerror', (e) => errors.push(e));
	page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
	page.on('response', (r) => r.status() >= 400 && errors.push(`HTTP ${r.status()} ${r.url()}`));
	return { context, page, errors };
}

async function waitResults(page) {
	await page.locator('#results').waitFor({ state: 'visible', timeout: 10000 });
}

test('same origin: paste, Ctrl+Enter, meeting card, highlights, details, JSON, 360 px', { timeout: 90000 }, async () => {
	const article = await fixture(ARTICLE);
	const { context, page, errors } = await newPage(server.url.replace(/\/$/, ''));
	await page.goto(server.url);
	assert.match(await page.title(), /meetingd/);

	await pasteInto(page, '#article', article);
	assert.equal(await page.inputValue('#article'), article, 'the paste landed in the text box');
	await page.keyboard.press('Control+Enter');
	await waitResults(page);

	const card = page.locator('#meetings article.card').first();
	assert.equal(await page.locator('#meetings article.card').count(), 1);
	const date = await card.locator('[data-field="date"]').textContent();
	assert.match(date, /14\/3\/2025 \(2025-03-14\)/);
	assert.match(date, /sáng \(morning\)/);
	assert.match(date, /“Sáng 14\.3”/);
	assert.equal(await card.locator('[data-field="body"]').textContent(), 'Ban Thường vụ Huyện ủy');
	assert.equal(await card.locator('[data-field="ordinal"]').textContent(), '27');
	const chairs = await card.locator('[data-field="chairs"] li').allTextContents();
	assert.deepEqual(chairs, ['Lê Quang Thịnh, Ủy viên Ban Thường vụ Tỉnh ủy, Bí thư Huyện ủy Tam Nông']);
	assert.match(await card.locator('[data-field="attendees"]').textContent(), /Đinh Thị Hồng Nhung/);

	const { result, highlights } = await checkHighlights(page, article);
	const kinds = new Set(highlights.map((h) => h.kind));
	for (const k of ['person', 'body', 'position', 'date', 'document', 'quote', 'meeting'])
		assert.ok(kinds.has(k), `a ${k} highlight is shown`);
	const nom = article.indexOf('𡨸');
	const dateHl = highlights.find((h) => h.kind === 'date' && h.text === 'Sáng 14.3');
	assert.ok(nom > 0 && dateHl && dateHl.start > nom, 'a highlight after a non-BMP character slices exactly');
	assert.equal(dateHl.start, [...article.slice(0, dateHl.start)].length + 1, 'offsets are UTF-16 units, not code points');

	// the task's five clarity marks follow the result
	const task = result.meetings[0].tasks[0];
	const clarity = card.locator('[data-field="tasks"] > li').first().locator('ul.clarity');
	assert.equal(await clarity.locator('li[data-clarity]').count(), 5);
	for (const key of ['who', 'what', 'when', 'responsibility', 'deliverable'])
		assert.equal(await clarity.locator(`li[data-clarity="${key}"]`).getAttribute('class'),
			task.clarity[key] ? 'yes' : 'no', `clarity mark ${key}`);

	// documents table
	const row = page.locator('#documents tr[data-document="d1"]');
	assert.match(await row.textContent(), /08-NQ\/TU.*Nghị quyết.*20\/7\/2022/);

	// clicking a highlight shows its fields
	const chairMark = page.locator('#article-view mark.hl', { hasText: 'Lê Quang Thịnh' }).first();
	await chairMark.click();
	const details = await page.locator('#details-body').textContent();
	assert.match(details, /Lê Quang Thịnh/);
	assert.match(details, /Bí thư Huyện ủy Tam Nông/);

	// keyboard: arrows move between highlights, focus shows their fields
	const first = page.locator('#article-view mark.hl').first();
	await first.focus();
	await page.keyboard.press('ArrowRight');
	const focused = await page.evaluate(() => {
		const a = document.activeElement;
		return { tag: a.tagName, index: [...document.querySelectorAll('#article-view mark.hl')].indexOf(a), tab: a.tabIndex };
	});
	assert.deepEqual(focused, { tag: 'MARK', index: 1, tab: 0 });
	const secondText = await page.locator('#article-view mark.hl').nth(1).textContent();
	assert.ok((await page.locator('#details-body').textContent()).includes(secondText));

	// hiding a kind removes its highlights and keeps the text whole
	await page.locator('#kind-person').uncheck();
	assert.equal(await page.locator('#article-view mark.hl[data-hl^="person-"], #article-view mark.hl[data-hl*=" person-"]').count(), 0);
	assert.equal(await page.locator('#article-view').textContent(), article);
	await page.locator('#kind-person').check();

	// raw JSON: collapsed, opens, copies
	assert.equal(await page.locator('#json').isVisible(), false);
	await page.locator('#json-details summary').click();
	assert.equal(await page.locator('#json').isVisible(), true);
	await page.locator('#copy-json').click();
	await page.locator('#copy-status', { hasText: 'Copied' }).waitFor();
	assert.deepEqual(JSON.parse(await page.evaluate(() => navigator.clipboard.readText())), result);

	await page.screenshot({ path: path.join(out, 'own-article.png'), fullPage: true });

	// 360 px wide: nothing sticks out sideways
	await page.setViewportSize({ width: 360, height: 780 });
	const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, win: window.innerWidth }));
	assert.ok(widths.doc <= widths.win, `no horizontal scrolling at 360 px (${widths.doc} > ${widths.win})`);
	await page.screenshot({ path: path.join(out, 'own-article-360.png'), fullPage: true });

	assert.deepEqual(errors, []);
	await context.close();
});

test('errors show the problem title and detail', { timeout: 90000 }, async () => {
	const { context, page, errors } = await newPage(server.url.replace(/\/$/, ''));
	await page.goto(server.url);
	// what the service itself answers to an empty article
	const res = await fetch(new URL('v1/parse?offsets=utf16&include=text', server.url), {
		method: 'POST', headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: '  \n ',
	});
	assert.ok(res.status >= 400 && res.status < 500);
	const problem = await res.json();
	assert.ok(problem.title && problem.detail);

	await page.fill('#article', '  \n ');
	await page.locator('#parse-btn').click();
	await page.locator('#error').waitFor({ state: 'visible' });
	assert.equal(await page.locator('#error-title').textContent(), problem.title);
	assert.equal(await page.locator('#error-detail').textContent(), problem.detail);
	assert.match(await page.locator('#error-meta').textContent(), new RegExp(`HTTP ${problem.status}`));
	assert.equal(await page.locator('#results').isVisible(), false);
	await page.screenshot({ path: path.join(out, 'error.png') });
	// the error is a handled answer, not a page failure; the failed fetch
	// itself is logged by the browser as a console error
	assert.deepEqual(errors.filter((e) => typeof e !== 'string' || !/status of 4\d\d|^HTTP 4\d\d .*\/v1\/parse/.test(e)), []);
	await context.close();
});

test('built-in examples load and parse', { timeout: 90000 }, async () => {
	const { context, page, errors } = await newPage(server.url.replace(/\/$/, ''));
	await page.goto(server.url);
	const buttons = page.locator('#examples button');
	const n = await buttons.count();
	assert.ok(n >= 3, 'at least three examples');
	for (let i = 0; i < n; i++) {
		await buttons.nth(i).click();
		const text = await page.inputValue('#article');
		assert.ok(text.length > 500, 'the example is a whole article');
		await page.locator('#parse-btn').click();
		await page.locator('#status', { hasText: 'Done' }).waitFor();
		await waitResults(page);
		assert.ok(await page.locator('#meetings article.card').count() >= 1, `example ${i} has a meeting card`);
		await checkHighlights(page, text);
		await page.fill('#article', '');
		await page.locator('#clear-btn').click();
	}
	assert.deepEqual(errors, []);
	await context.close();
});

test('an article dropped on the text box or opened as a file is loaded', { timeout: 90000 }, async () => {
	const article = await fixture(ARTICLE);
	const { context, page, errors } = await newPage(server.url.replace(/\/$/, ''));
	await page.goto(server.url);
	// a file dragged from the desktop arrives as a drop event carrying a File
	await page.evaluate((text) => {
		const dt = new DataTransfer();
		dt.items.add(new File([text.replace(/\n/g, '\r\n')], 'bai-bao.txt', { type: 'text/plain' }));
		const ta = document.getElementById('article');
		ta.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
		ta.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
	}, article);
	await page.locator('#status', { hasText: 'bai-bao.txt' }).waitFor();
	assert.equal(await page.inputValue('#article'), article, 'CRLF line ends become LF');

	await page.fill('#article', '');
	await page.setInputFiles('#file', { name: 'khac.txt', mimeType: 'text/plain', buffer: Buffer.from(article) });
	await page.locator('#status', { hasText: 'khac.txt' }).waitFor();
	assert.equal(await page.inputValue('#article'), article);
	await page.locator('#parse-btn').click();
	await waitResults(page);
	assert.equal(await page.locator('#meetings [data-field="body"]').first().textContent(), 'Ban Thường vụ Huyện ủy');
	assert.deepEqual(errors, []);
	await context.close();
});

test('the seed article, highlighted (screenshot only when ../shared is present)', { timeout: 90000 }, async (t) => {
	if (!existsSync(SEED)) {
		t.skip(`${SEED} is absent: no seed screenshot (the other tests use the project's own article)`);
		return;
	}
	const article = (await readFile(SEED, 'utf8')).replace(/\r\n?/g, '\n');
	const { context, page } = await newPage(server.url.replace(/\/$/, ''));
	await page.goto(server.url);
	await page.fill('#article', article);
	await page.locator('#parse-btn').click();
	await waitResults(page);
	const r = JSON.parse(await page.locator('#json').textContent());
	if (r.text === article) await checkHighlights(page, article);
	const person = page.locator('#article-view mark.hl[data-hl*="person-"]').first();
	if (await person.count()) await person.click();
	const file = path.join(out, 'seed.png');
	await page.screenshot({ path: file, fullPage: true });
	t.diagnostic(`seed screenshot: ${file}`);
	await context.close();
});

test('keyboard only, labels, contrast, the details sheet at 360 px', { timeout: 90000 }, async () => {
	const article = await fixture(ARTICLE);
	const { context, page, errors } = await newPage(server.url.replace(/\/$/, ''), { width: 360, height: 780 });
	await page.goto(server.url);

	// every control has an accessible name
	const unnamed = await page.evaluate(() => [...document.querySelectorAll('input, textarea, select, button')]
		.filter((e) => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.textContent.trim())
		.map((e) => e.outerHTML));
	assert.deepEqual(unnamed, []);

	// keyboard: the text box, Tab to Parse, Enter; then Tab into the text
	await page.focus('#article');
	await page.keyboard.insertText(article);
	await page.keyboard.press('Tab');
	assert.equal(await page.evaluate(() => document.activeElement.id), 'parse-btn');
	await page.keyboard.press('Enter');
	await waitResults(page);
	let reached = false;
	for (let i = 0; i < 40 && !reached; i++) {
		await page.keyboard.press('Tab');
		reached = await page.evaluate(() => document.activeElement.matches('#article-view mark.hl'));
	}
	assert.ok(reached, 'Tab reaches the highlighted text');
	assert.equal(await page.locator('#article-view mark.hl[tabindex="0"]').count(), 1, 'one tab stop in the text');
	await page.keyboard.press('End');
	const last = await page.evaluate(() => {
		const marks = [...document.querySelectorAll('#article-view mark.hl')];
		return marks.indexOf(document.activeElement) === marks.length - 1;
	});
	assert.ok(last, 'End moves to the last highlight');

	// Enter opens the details as a bottom sheet on a narrow screen; Escape closes it
	await page.keyboard.press('Enter');
	assert.equal(await page.locator('#details.sheet').count(), 1);
	const box = await page.locator('#details').boundingBox();
	assert.ok(box.y + box.height <= 780 + 1 && box.y > 300, 'the sheet sits at the bottom of the screen');
	await page.keyboard.press('Escape');
	assert.equal(await page.locator('#details.sheet').count(), 0);
	await page.locator('#article-view mark.hl').first().click();
	assert.equal(await page.locator('#details.sheet').count(), 1);
	await page.locator('#details-close').click();
	assert.equal(await page.locator('#details.sheet').count(), 0);

	// text on every highlight and swatch keeps WCAG AA contrast (4.5:1)
	const worst = await page.evaluate(() => {
		const rgb = (c) => (c.match(/[\d.]+/g) || []).slice(0, 3).map(Number);
		const lum = (c) => {
			const [r, g, b] = rgb(c).map((v) => {
				v /= 255;
				return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
			});
			return 0.2126 * r + 0.7152 * g + 0.0722 * b;
		};
		let min = Infinity, where = '';
		for (const e of document.querySelectorAll('#article-view mark.hl, .legend .swatch, .legend .swatch [lang], .clarity li, button.primary, .detail .kind')) {
			let bgEl = e, bg = getComputedStyle(e).backgroundColor;
			while (/rgba\(.*, 0\)|transparent/.test(bg) && bgEl.parentElement) {
				bgEl = bgEl.parentElement;
				bg = getComputedStyle(bgEl).backgroundColor;
			}
			const a = lum(getComputedStyle(e).color), b = lum(bg);
			const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
			if (ratio < min) {
				min = ratio;
				where = e.outerHTML.slice(0, 80);
			}
		}
		return { min, where };
	});
	assert.ok(worst.min >= 4.5, `contrast ${worst.min.toFixed(2)} at ${worst.where}`);
	assert.deepEqual(errors, []);
	await context.close();
});

test('cross origin: a page on another port posts to meetingd allowed by --cors-origins', { timeout: 90000 }, async () => {
	const article = await fixture(ARTICLE);
	const site = await startStatic();
	const api = await startMeetingd(['--cors-origins', `${site.origin},http://example.invalid`]);
	const closed = await startMeetingd(['--cors-origins', 'http://example.invalid']);
	try {
		const { context, page, errors } = await newPage(site.origin);
		const posts = [];
		page.on('request', (req) => req.method() !== 'GET' && posts.push(`${req.method()} ${req.url()}`));
		await page.goto(`${site.origin}/?api=${encodeURIComponent(api.url)}`);
		assert.equal(await page.inputValue('#api-base'), api.url);

		// text/plain: a simple request, no preflight
		await page.fill('#article', article);
		await page.locator('#parse-btn').click();
		await waitResults(page);
		const card = page.locator('#meetings article.card').first();
		assert.match(await card.locator('[data-field="date"]').textContent(), /2025-03-14/);
		assert.equal(await card.locator('[data-field="body"]').textContent(), 'Ban Thường vụ Huyện ủy');
		assert.match(await card.locator('[data-field="chairs"]').textContent(), /Lê Quang Thịnh/);
		await checkHighlights(page, article);
		assert.deepEqual(posts, [`POST ${api.url}v1/parse?offsets=utf16&include=text`]);

		// JSON with a published date (preflighted): an article without a
		// dateline takes its year from it
		const undated = article.replace(/\nTHỨ SÁU, 14\/03\/2025 16:05:40\n/, '');
		assert.notEqual(undated, article);
		await page.fill('#article', undated);
		await page.fill('#published', '2024-03-20');
		await page.locator('#parse-btn').click();
		await page.locator('#meetings article.card [data-field="date"]', { hasText: '2024-03-14' }).waitFor();
		assert.ok(posts.includes(`OPTIONS ${api.url}v1/parse?offsets=utf16&include=text`) || posts.length === 2,
			'the JSON request went out');
		await page.screenshot({ path: path.join(out, 'cross-origin.png'), fullPage: true });

		// an origin the service does not allow: the page says it could not
		// reach the service rather than failing silently
		await page.fill('#published', '');
		await page.fill('#api-base', closed.url);
		await page.locator('#api-base').dispatchEvent('change');
		await page.fill('#article', article);
		await page.locator('#parse-btn').click();
		await page.locator('#error').waitFor({ state: 'visible' });
		assert.match(await page.locator('#error-title').textContent(), /Could not reach the service/);
		assert.match(await page.locator('#error-detail').textContent(), /--cors-origins/);
		assert.deepEqual(errors.filter((e) => typeof e !== 'string' || !/CORS|Failed to (fetch|load)/.test(e)), []);
		await context.close();
	} finally {
		await closed.stop();
		await api.stop();
		await site.stop();
	}
});
