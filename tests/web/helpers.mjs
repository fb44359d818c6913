// Shared pieces of the browser tests: the real meetingd on a free loopback
// port, a tiny static server standing for "another origin", Debian's
// Chromium through playwright-core, and the highlight checks.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '..', '..');
export const outputDir = path.resolve(process.env.MEETINGD_WEB_OUTPUT || path.join(here, 'output'));
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const bin = path.resolve(root, process.env.MEETINGD_BIN || 'build/meetingd');

export async function fixture(name) {
	return readFile(path.join(here, 'fixtures', name), 'utf8');
}

export async function ensureOutput() {
	await mkdir(outputDir, { recursive: true });
	return outputDir;
}

// Start meetingd on 127.0.0.1:<free port>; resolves once it says where it
// listens. extra: more flags, e.g. ['--cors-origins', 'http://…'].
export function startMeetingd(extra = []) {
	const args = ['serve', '--bind', '127.0.0.1', '--port', '0', '--access-log', 'off', ...extra];
	const proc = spawn(bin, args, { stdio: ['ignore', 'ignore', 'pipe'] });
	let log = '';
	let started = false;
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			proc.kill('SIGKILL');
			reject(new Error(`meetingd did not start within 10 s:\n${log}`));
		}, 10000);
		proc.on('error', (e) => {
			clearTimeout(timer);
			reject(new Error(`cannot run ${bin}: ${e.message}`));
		});
		const early = (code) => {
			clearTimeout(timer);
			reject(new Error(`meetingd exited with ${code} before listening:\n${log}`));
		};
		proc.on('exit', early);
		proc.stderr.setEncoding('utf8');
		proc.stderr.on('data', (chunk) => {
			log += chunk;
			const m = !started && /listening on 127\.0\.0\.1:(\d+)/.exec(log);
			if (m) {
				started = true;
				clearTimeout(timer);
				proc.removeListener('exit', early);
				const port = Number(m[1]);
				resolve({
					port,
					url: `http://127.0.0.1:${port}/`,
					log: () => log,
					stop: () => stopProcess(proc),
				});
			}
		});
	});
}

function stopProcess(proc) {
	if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve(proc.exitCode);
	return new Promise((resolve) => {
		const kill = setTimeout(() => proc.kill('SIGKILL'), 5000);
		proc.on('exit', (code) => {
			clearTimeout(kill);
			resolve(code);
		});
		proc.kill('SIGTERM');
	});
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

// Serve web/ the way meetingd lays it out (/ and /web/<file>) from another
// port: a page there is a different origin from the service.
export function startStatic() {
	const webDir = path.join(root, 'web');
	const server = createServer(async (req, res) => {
		const p = new URL(req.url, 'http://x').pathname;
		const name = p === '/' ? 'index.html' : p.startsWith('/web/') ? p.slice(5) : null;
		if (!name || !/^[A-Za-z0-9_-][A-Za-z0-9._-]*$/.test(name)) {
			res.writeHead(404).end();
			return;
		}
		try {
			const body = await readFile(path.join(webDir, name));
			res.writeHead(200, { 'Content-Type': TYPES[path.extname(name)] || 'application/octet-stream' });
			res.end(body);
		} catch {
			res.writeHead(404).end();
		}
	});
	return new Promise((resolve) => {
		server.listen(0, '127.0.0.1', () => {
			const port = server.address().port;
			resolve({ port, origin: `http://127.0.0.1:${port}`, stop: () => new Promise((r) => server.close(r)) });
		});
	});
}

export function launchBrowser() {
	return chromium.launch({
		executablePath: chromiumPath,
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
			'--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
	});
}

// Paste through the real clipboard (Ctrl+V), as a person would.
export async function pasteInto(page, selector, text) {
	await page.evaluate((t) => navigator.clipboard.writeText(t), text);
	await page.focus(selector);
	await page.keyboard.press('Control+A');
	await page.keyboard.press('Control+V');
}

// Every mention the page should highlight, from the raw result, by kind.
export function expectedSpans(r) {
	const out = [];
	const add = (kind, m) => m && out.push({ kind, start: m.start, end: m.end, text: m.text });
	for (const p of r.people) {
		p.mentions.forEach((m) => add('person', m));
		p.positions.forEach((x) => add('position', x.mention));
	}
	for (const o of r.organizations) o.mentions.forEach((m) => add('body', m));
	if (r.article.dateline) add('date', r.article.dateline.mention);
	for (const m of r.meetings) {
		add('date', m.date_text);
		m.mentions.forEach((x) => add('meeting', x));
	}
	for (const d of r.documents) d.mentions.forEach((m) => add('document', m));
	for (const q of r.quotes) q.mentions.forEach((m) => add('quote', m));
	return out;
}

// The highlighted view must show the article unchanged, every piece must be
// the article's own slice at its offsets, every highlight must be one
// unbroken run whose text is the slice [start, end), and the highlights must
// be exactly the result's mentions. Returns the result and the highlights.
export async function checkHighlights(page, article) {
	const view = await page.evaluate(() => {
		const v = document.getElementById('article-view');
		return {
			text: v.textContent,
			marks: [...v.querySelectorAll('mark.hl')].map((m) => ({
				ids: m.dataset.hl.split(' '),
				start: Number(m.dataset.start),
				end: Number(m.dataset.end),
				text: m.textContent,
			})),
		};
	});
	const result = JSON.parse(await page.locator('#json').textContent());
	assert.equal(result.offset_unit, 'utf16');
	assert.equal(result.text, article, 'the service returned the NFC input unchanged');
	assert.equal(view.text, article, 'the highlighted view shows the article text unchanged');

	const groups = new Map();
	for (const m of view.marks) {
		assert.equal(m.text, article.slice(m.start, m.end), `piece ${m.start}-${m.end}`);
		for (const id of m.ids) {
			if (!groups.has(id)) groups.set(id, []);
			groups.get(id).push(m);
		}
	}
	const highlights = [];
	for (const [id, marks] of groups) {
		for (let i = 1; i < marks.length; i++)
			assert.equal(marks[i].start, marks[i - 1].end, `highlight ${id} is one unbroken run`);
		const start = marks[0].start, end = marks[marks.length - 1].end;
		const text = marks.map((m) => m.text).join('');
		assert.equal(text, article.slice(start, end), `highlight ${id} text equals the article slice`);
		highlights.push({ id, kind: id.replace(/-\d+$/, ''), start, end, text });
	}

	const expected = expectedSpans(result);
	for (const e of expected)
		assert.equal(article.slice(e.start, e.end), e.text, `${e.kind} mention "${e.text}" at ${e.start}-${e.end}`);
	const key = (s) => `${s.kind}:${s.start}:${s.end}`;
	assert.deepEqual(highlights.map(key).sort(), expected.map(key).sort(),
		'one highlight for each mention of people, bodies, positions, dates, documents, quotes, meetings');
	assert.equal(await page.locator('#warnings li[data-code="client"]').count(), 0, 'no offset problems reported');
	return { result, highlights };
}
