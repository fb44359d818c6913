// Contract validator: checks live meetingd responses against openapi.yaml.
//
//   node validator.mjs BUNDLE.json PORT PORT_FILE [STATS_FILE]
//
// BUNDLE.json is `redocly bundle openapi.yaml --ext json`. The server listens
// on 127.0.0.1:PORT (0 picks a free port), writes the port to PORT_FILE once
// it accepts connections, and on SIGTERM/SIGINT writes its statistics to
// STATS_FILE and exits. It prints nothing unless something goes wrong.
//
// POST /validate  {"method", "path", "status", "content_type", "body", "headers"?}
//   path is the route template ("/v1/parse"), body the raw response body.
//   headers (optional) is an object of response headers; when given, headers
//   the response declares as required must be present and match.
//   -> {"valid": true} or {"valid": false, "errors": ["...", ...]}
// GET /stats      -> {"validated": N, "failed": M, "failures": [first few]}
//
// A request outside the declared operations is checked against the
// document's `x-undeclared` responses (404 for an unknown path, 405 for an
// undeclared method, 204 for an OPTIONS preflight); HEAD on a GET path must
// be a declared GET response with an empty body. Anything else undeclared
// (path, method, status, media type) is a violation.
//
// Beyond the JSON Schemas, a ParseResult is checked against the rules of
// design/meeting-model.md that a schema cannot say: ids are unique and every
// id a list refers to exists, spans are not reversed, and with include=text
// every Mention's text is the text between its offsets (in offset_unit).

import fs from 'node:fs';
import http from 'node:http';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const MAX_REQUEST = 256 * 1024 * 1024;
const MAX_ERRORS = 50;
const MAX_FAILURES_KEPT = 50;

function usage(msg) {
	process.stderr.write(`validator: ${msg}\nusage: node validator.mjs BUNDLE.json PORT PORT_FILE [STATS_FILE]\n`);
	process.exit(2);
}

const [bundlePath, portArg, portFile, statsFile] = process.argv.slice(2);
if (!bundlePath || portArg === undefined || !portFile)
	usage('missing arguments');
const port = Number(portArg);
if (!Number.isInteger(port) || port < 0 || port > 65535)
	usage(`bad port ${portArg}`);

const DOC_ID = 'openapi.json';
let doc;
try {
	doc = JSON.parse(fs.readFileSync(bundlePath, 'utf8'));
} catch (e) {
	usage(`cannot read ${bundlePath}: ${e.message}`);
}

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
addFormats(ajv);
// The whole document is added once so that every "#/components/..." $ref
// resolves; each schema is then compiled by its JSON pointer on first use.
ajv.addSchema(doc, DOC_ID);

const compiled = new Map();
function validatorAt(pointer) {
	let v = compiled.get(pointer);
	if (!v) {
		v = ajv.compile({ $ref: `${DOC_ID}#${pointer}` });
		compiled.set(pointer, v);
	}
	return v;
}

function escapeToken(t) {
	return String(t).replace(/~/g, '~0').replace(/\//g, '~1');
}

function getPointer(pointer) {
	let node = doc;
	for (const raw of pointer.split('/').slice(1)) {
		const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
		if (node === null || typeof node !== 'object' || !(key in node))
			return undefined;
		node = node[key];
	}
	return node;
}

// Follow OpenAPI-level $refs (responses, headers) to the object and the JSON
// pointer where it lives, so that schemas below it compile by pointer.
function deref(node, pointer) {
	for (let hops = 0; node && typeof node === 'object' && typeof node.$ref === 'string'; hops++) {
		if (!node.$ref.startsWith('#/') || hops > 20)
			throw new Error(`cannot resolve $ref ${node.$ref}`);
		pointer = node.$ref.slice(1);
		node = getPointer(pointer);
	}
	return [node, pointer];
}

// Ajv reports every failed branch of a oneOf/anyOf: for `oneOf: [Mention,
// null]` a bad Mention also yields "must be null" and "must match exactly one
// schema". Keep the errors that say what is wrong inside the value.
function pruneErrors(errors) {
	const isBranchNoise = (e) => e.keyword === 'oneOf' || e.keyword === 'anyOf' ||
		(e.keyword === 'type' && e.params && e.params.type === 'null');
	const under = (e, base) => e.instancePath === base || e.instancePath.startsWith(`${base}/`);
	return errors.filter((e) => !isBranchNoise(e) ||
		!errors.some((o) => o !== e && !isBranchNoise(o) && under(o, e.instancePath)));
}

function ajvErrors(errors, prefix) {
	return pruneErrors(errors || []).map((e) => {
		let msg = `${prefix}${e.instancePath || '/'} ${e.message}`;
		if (e.params && e.params.additionalProperty !== undefined)
			msg += ` (${e.params.additionalProperty})`;
		else if (e.params && e.params.unevaluatedProperty !== undefined)
			msg += ` (${e.params.unevaluatedProperty})`;
		else if (e.params && e.params.allowedValues !== undefined)
			msg += ` (${JSON.stringify(e.params.allowedValues)})`;
		return msg;
	});
}

function baseType(contentType) {
	return String(contentType || '').split(';')[0].trim().toLowerCase();
}

function isJsonType(t) {
	return t === 'application/json' || t.endsWith('+json');
}

// ---- semantic checks of a ParseResult ---------------------------------------

// text[start:end) in the given unit, or null when the span runs past the end.
// The text is split once per result (a result has hundreds of mentions).
function slicer(text, unit) {
	if (unit === 'utf16')
		return (start, end) => (end <= text.length ? text.slice(start, end) : null);
	if (unit === 'byte') {
		const b = Buffer.from(text, 'utf8');
		return (start, end) => (end <= b.length ? b.subarray(start, end).toString('utf8') : null);
	}
	const cps = Array.from(text);
	return (start, end) => (end <= cps.length ? cps.slice(start, end).join('') : null);
}

function clip(s) {
	const cps = Array.from(s);
	return JSON.stringify(cps.length > 60 ? `${cps.slice(0, 60).join('')}…` : s);
}

function checkParseResult(r, prefix, out) {
	const slice = typeof r.text === 'string' ? slicer(r.text, r.offset_unit) : null;
	const ids = { people: new Set(), organizations: new Set(), documents: new Set(), meetings: new Set() };
	for (const kind of Object.keys(ids)) {
		(r[kind] || []).forEach((o, i) => {
			if (ids[kind].has(o.id))
				out.push(`${prefix}/${kind}/${i}/id duplicate id ${o.id}`);
			ids[kind].add(o.id);
		});
	}
	const ref = (where, set, id) => {
		if (id !== null && id !== undefined && !set.has(id))
			out.push(`${prefix}${where} refers to ${id}, which is not in the response`);
	};
	const walk = (node, where, key) => {
		if (Array.isArray(node)) {
			node.forEach((v, i) => walk(v, `${where}/${i}`, key));
			return;
		}
		if (node === null || typeof node !== 'object')
			return;
		const keys = Object.keys(node);
		const isMention = keys.length === 3 && 'text' in node && 'start' in node && 'end' in node;
		const isSpan = keys.length === 2 && 'start' in node && 'end' in node;
		if (isMention || isSpan || key === 'warnings') {
			if (Number.isInteger(node.start) && Number.isInteger(node.end)) {
				if (node.end < node.start)
					out.push(`${prefix}${where} end ${node.end} is before start ${node.start}`);
				else if (isMention && slice !== null) {
					const got = slice(node.start, node.end);
					if (got === null)
						out.push(`${prefix}${where} [${node.start},${node.end}) is beyond the end of text`);
					else if (got !== node.text)
						out.push(`${prefix}${where} text ${clip(node.text)} but text[${node.start}:${node.end}] (${r.offset_unit}) is ${clip(got)}`);
				}
			}
		}
		for (const k of keys) {
			const v = node[k];
			const w = `${where}/${k}`;
			if (k === 'organization_id')
				ref(w, ids.organizations, v);
			else if (k === 'person_id' || k === 'speaker_id')
				ref(w, ids.people, v);
			else if (k === 'chairs' || k === 'attendees')
				(v || []).forEach((id, i) => ref(`${w}/${i}`, ids.people, id));
			else if (k === 'document_ids')
				(v || []).forEach((id, i) => ref(`${w}/${i}`, ids.documents, id));
			if (k !== 'text' || typeof v !== 'string')
				walk(v, w, k);
		}
	};
	walk(r, '', '');
}

// ---- one validation ---------------------------------------------------------

function validateBody(pointer, media, body, status, prefix, errors) {
	const mediaType = baseType(media.key);
	if (!media.node.schema)
		return;
	const v = validatorAt(`${pointer}/schema`);
	// A top-level oneOf (BatchLine = BatchResult | BatchProblem): on failure,
	// report the branch that came closest rather than every branch's errors.
	const [top, topPointer] = deref(media.node.schema, `${pointer}/schema`);
	const branches = Array.isArray(top.oneOf) ? top.oneOf.map((b, i) => {
		const [, bp] = deref(b, `${topPointer}/oneOf/${i}`);
		return { name: bp.split('/').pop(), v: validatorAt(bp) };
	}) : [];
	const schemaErrors = (value, linePrefix) => {
		if (branches.length === 0)
			return ajvErrors(v.errors, linePrefix);
		let best = null;
		for (const b of branches) {
			b.v(value);
			const errs = ajvErrors(b.v.errors, `${linePrefix}(as ${b.name}) `);
			if (best === null || errs.length < best.length)
				best = errs;
		}
		return best.length ? best : ajvErrors(v.errors, linePrefix);
	};
	const one = (text, linePrefix) => {
		let value;
		try {
			value = JSON.parse(text);
		} catch (e) {
			errors.push(`${linePrefix}body is not JSON: ${e.message}`);
			return;
		}
		if (!v(value)) {
			errors.push(...schemaErrors(value, linePrefix));
			return;
		}
		if (value && typeof value === 'object' && 'version' in value && 'article' in value)
			checkParseResult(value, linePrefix, errors);
		if (mediaType === 'application/problem+json' && value.status !== status)
			errors.push(`${linePrefix}/status ${value.status} differs from the HTTP status ${status}`);
	};
	if (mediaType === 'application/x-ndjson') {
		if (body.length > 0 && !body.endsWith('\n'))
			errors.push(`${prefix}NDJSON body does not end with a newline`);
		const lines = body.split('\n');
		if (lines[lines.length - 1] === '')
			lines.pop();
		lines.forEach((line, i) => {
			if (line.trim() === '')
				errors.push(`${prefix}line ${i + 1} is empty`);
			else
				one(line, `${prefix}line ${i + 1}: `);
		});
	} else if (isJsonType(mediaType)) {
		one(body, prefix);
	}
	// Other media types (text/plain, text/html, application/yaml): declaring
	// the type is the contract.
}

function checkHeaders(response, responsePointer, headers, body, mediaType, errors) {
	const lower = {};
	for (const [k, val] of Object.entries(headers))
		lower[k.toLowerCase()] = Array.isArray(val) ? val.join(', ') : String(val);
	for (const [name, h0] of Object.entries(response.headers || {})) {
		const [h, hp] = deref(h0, `${responsePointer}/headers/${escapeToken(name)}`);
		const got = lower[name.toLowerCase()];
		if (got === undefined) {
			if (h.required)
				errors.push(`header ${name} is required but missing`);
			continue;
		}
		if (h.schema) {
			const v = validatorAt(`${hp}/schema`);
			const type = h.schema.type;
			const value = (type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(got) ? Number(got) : got;
			if (!v(value))
				errors.push(...ajvErrors(v.errors, '').map((m) => `header ${name}: ${m.replace(/^\/ /, '')}`));
		}
	}
	if (mediaType === 'application/problem+json' && lower['x-request-id'] !== undefined) {
		try {
			const p = JSON.parse(body);
			if (p && p.instance !== lower['x-request-id'])
				errors.push(`/instance ${JSON.stringify(p.instance)} differs from X-Request-Id ${JSON.stringify(lower['x-request-id'])}`);
		} catch {
			// reported by the body check
		}
	}
}

// Status lookup in a responses map: the exact code, then its class, then
// `default`.
function pickResponse(responses, base, status) {
	for (const key of [String(status), `${Math.floor(status / 100)}XX`, 'default'])
		if (responses && key in responses)
			return `${base}/${escapeToken(key)}`;
	return null;
}

// Where the declared response lives: {pointer, head} or {error}. Requests
// outside the declared operations are looked up in the document's
// `x-undeclared` (unknown path, undeclared method, OPTIONS preflight), and
// HEAD on a GET path is the GET response (without a body).
function findResponse(req) {
	let method = String(req.method || '').toLowerCase();
	const status = Number(req.status);
	const pathItem = doc.paths ? doc.paths[req.path] : undefined;
	const undeclared = doc['x-undeclared'] || {};
	const fallback = (kind, what) => {
		const ptr = undeclared[kind] && pickResponse(undeclared[kind].responses,
			`/x-undeclared/${kind}/responses`, status);
		return ptr ? { pointer: ptr } : { error: `${what}, and ${status} is not a declared answer to that` };
	};
	if (!pathItem)
		return fallback('path', `path ${req.path} is not in the contract`);
	let head = false;
	if (method === 'head' && !pathItem.head && pathItem.get) {
		method = 'get';
		head = true;
	}
	const op = pathItem[method];
	if (!op || typeof op !== 'object' || !op.responses) {
		if (method === 'options')
			return fallback('options', `OPTIONS ${req.path} is not in the contract`);
		return fallback('method', `${String(req.method).toUpperCase()} ${req.path} is not in the contract`);
	}
	const ptr = pickResponse(op.responses, `/paths/${escapeToken(req.path)}/${method}/responses`, status);
	if (!ptr)
		return { error: `status ${status} is not declared for ${method.toUpperCase()} ${req.path} (declared: ${Object.keys(op.responses).join(', ')})` };
	return { pointer: ptr, head };
}

function validate(req) {
	const errors = [];
	if (!req || typeof req !== 'object')
		return ['request must be a JSON object'];
	for (const k of ['method', 'path', 'status'])
		if (req[k] === undefined || req[k] === null)
			errors.push(`request lacks "${k}"`);
	if (!Number.isInteger(Number(req.status)))
		errors.push('"status" must be an integer');
	if (req.body !== undefined && req.body !== null && typeof req.body !== 'string')
		errors.push('"body" must be a string');
	if (errors.length)
		return errors;
	const body = req.body || '';
	const status = Number(req.status);
	const found = findResponse(req);
	if (found.error)
		return [found.error];
	const [response, rp] = deref(getPointer(found.pointer), found.pointer);
	const where = `${String(req.method).toUpperCase()} ${req.path} ${status}`;
	const content = response.content || {};
	const mediaType = baseType(req.content_type);
	if (Object.keys(content).length === 0) {
		if (body.length > 0)
			errors.push(`${where} declares no body, got ${body.length} bytes`);
	} else if (!mediaType) {
		errors.push(`${where}: response has no Content-Type (declared: ${Object.keys(content).join(', ')})`);
	} else {
		const key = Object.keys(content).find((k) => baseType(k) === mediaType);
		if (key === undefined)
			errors.push(`${where}: Content-Type ${req.content_type} is not declared (declared: ${Object.keys(content).join(', ')})`);
		else if (found.head) {
			if (body.length > 0)
				errors.push(`${where}: a HEAD response has no body, got ${body.length} bytes`);
		} else
			validateBody(`${rp}/content/${escapeToken(key)}`, { key, node: content[key] }, body, status, '', errors);
	}
	if (req.headers && typeof req.headers === 'object')
		checkHeaders(response, rp, req.headers, body, mediaType, errors);
	return errors;
}

// ---- server -----------------------------------------------------------------

const stats = { validated: 0, failed: 0, failures: [] };

function send(res, code, obj) {
	const s = JSON.stringify(obj) + '\n';
	res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(s) });
	res.end(s);
}

function record(req, errors) {
	stats.validated++;
	if (errors.length === 0)
		return { valid: true };
	stats.failed++;
	if (stats.failures.length < MAX_FAILURES_KEPT)
		stats.failures.push({
			method: req && req.method, path: req && req.path, status: req && req.status,
			errors: errors.slice(0, 5),
		});
	if (errors.length > MAX_ERRORS)
		errors = [...errors.slice(0, MAX_ERRORS), `… and ${errors.length - MAX_ERRORS} more`];
	return { valid: false, errors };
}

const server = http.createServer((req, res) => {
	if (req.method === 'GET' && req.url === '/stats')
		return send(res, 200, stats);
	if (req.url !== '/validate')
		return send(res, 404, { error: 'POST /validate or GET /stats' });
	if (req.method !== 'POST')
		return send(res, 405, { error: 'POST /validate' });
	const chunks = [];
	let size = 0;
	req.on('data', (c) => {
		size += c.length;
		if (size <= MAX_REQUEST)
			chunks.push(c);
	});
	req.on('end', () => {
		if (size > MAX_REQUEST)
			return send(res, 413, record(null, [`request larger than ${MAX_REQUEST} bytes`]));
		let parsed;
		try {
			parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
		} catch (e) {
			return send(res, 400, record(null, [`request is not JSON: ${e.message}`]));
		}
		let errors;
		try {
			errors = validate(parsed);
		} catch (e) {
			errors = [`validator error: ${e.stack || e.message}`];
		}
		const answer = record(parsed, errors);
		if (!answer.valid)
			process.stderr.write(`FAIL ${parsed.method} ${parsed.path} ${parsed.status}: ${answer.errors.join('; ')}\n`);
		send(res, 200, answer);
	});
});
server.keepAliveTimeout = 60000;

function shutdown() {
	if (statsFile) {
		try {
			fs.writeFileSync(statsFile, JSON.stringify(stats, null, 1) + '\n');
		} catch (e) {
			process.stderr.write(`validator: cannot write ${statsFile}: ${e.message}\n`);
		}
	}
	process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
// Whoever started us (tests/run.sh) stops us; if it dies without doing so
// (SIGKILL, a lost terminal), do not linger as an orphan.
const parent = process.ppid;
setInterval(() => {
	if (process.ppid !== parent)
		shutdown();
}, 1000).unref();

// Compile the response schemas of every operation now, so that a broken
// contract fails here, before any test runs, rather than on the first check.
try {
	const maps = [];
	for (const [p, item] of Object.entries(doc.paths || {}))
		for (const [m, op] of Object.entries(item))
			if (op && op.responses)
				maps.push([`/paths/${escapeToken(p)}/${m}/responses`, op.responses]);
	for (const [kind, u] of Object.entries(doc['x-undeclared'] || {}))
		maps.push([`/x-undeclared/${kind}/responses`, u.responses || {}]);
	for (const [base, responses] of maps)
		for (const code of Object.keys(responses)) {
			const [r, rp] = deref(getPointer(`${base}/${escapeToken(code)}`), `${base}/${escapeToken(code)}`);
			for (const [k, media] of Object.entries(r.content || {}))
				if (media.schema)
					validatorAt(`${rp}/content/${escapeToken(k)}/schema`);
		}
} catch (e) {
	process.stderr.write(`validator: cannot compile the contract: ${e.message}\n`);
	process.exit(1);
}

server.listen(port, '127.0.0.1', () => {
	const tmp = `${portFile}.tmp`;
	fs.writeFileSync(tmp, `${server.address().port}\n`);
	fs.renameSync(tmp, portFile);
});
server.on('error', (e) => {
	process.stderr.write(`validator: ${e.message}\n`);
	process.exit(1);
});
