// make k8s-validate: check deploy/kubernetes/*.yaml without a cluster.
//
//   node deploy/test/k8s/validate.mjs [DIR]     (npm ci in this folder first)
//
// 1. Schema: every document is validated by the kubernetes-models class of
//    its apiVersion/kind (generated from the Kubernetes OpenAPI document:
//    types, formats such as resource quantities, required fields, enums).
//    An apiVersion/kind it does not know fails.
// 2. Unknown fields: those validators accept any extra key, so a misspelt
//    `readinesProbe` would pass and silently disable the probe. Each
//    document is also written as a TypeScript object literal typed with the
//    same models' declarations and compiled with tsc, whose excess-property
//    check reports every key the API does not have.
// 3. The project's own rules for these manifests (replicas, probes,
//    resources, non-root read-only security context, grace period above the
//    drain, Service/HPA/PDB pointing at the Deployment, image user and port
//    as in the Dockerfile).
//
// Prints PASS/FAIL per check and a summary; exits 1 on any failure. A
// negative control runs first: a copy of the Deployment with a misspelt key
// and a bad quantity must fail steps 1 and 2.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const dir = path.resolve(process.argv[2] || path.join(root, 'deploy/kubernetes'));

const results = [];
function check(name, ok, detail = '') {
	results.push([name, Boolean(ok)]);
	console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}${detail ? ` (${detail})` : ''}`);
	return ok;
}

// apiVersion + kind -> kubernetes-models module ("v1" is the core group)
function modulePath(apiVersion, kind) {
	if (typeof apiVersion !== 'string' || typeof kind !== 'string' || !/^[A-Za-z]+$/.test(kind))
		return null;
	const parts = apiVersion.split('/');
	if (parts.length > 2 || parts.some((p) => !/^[a-z0-9.-]+$/.test(p)))
		return null;
	return `kubernetes-models/${apiVersion}/${kind}`;
}

function loadDocs(files) {
	const docs = [];
	for (const f of files) {
		const text = fs.readFileSync(f, 'utf8');
		YAML.parseAllDocuments(text).forEach((d, i) => {
			if (d.errors.length)
				throw new Error(`${path.basename(f)} document ${i + 1}: ${d.errors[0].message}`);
			const obj = d.toJS();
			if (obj !== null)
				docs.push({ file: path.basename(f), index: i + 1, obj });
		});
	}
	return docs;
}

// Step 1: the models' validators. Returns [label, error or ""] per document.
async function schemaErrors(docs) {
	const out = [];
	for (const d of docs) {
		const label = `${d.file}#${d.index} ${d.obj.kind}`;
		const mod = modulePath(d.obj.apiVersion, d.obj.kind);
		let cls;
		try {
			cls = mod && (await import(mod))[d.obj.kind];
		} catch {
			cls = null;
		}
		if (!cls) {
			out.push([label, `unknown apiVersion/kind ${d.obj.apiVersion}/${d.obj.kind}`]);
			continue;
		}
		try {
			new cls(d.obj).validate();
			out.push([label, '']);
		} catch (e) {
			out.push([label, e.message]);
		}
	}
	return out;
}

// Step 2: tsc's excess-property check against the models' declarations.
// Returns the compiler's messages (empty when clean).
function unknownFields(docs) {
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'meetingd-k8s-'));
	try {
		const lines = [];
		docs.forEach((d, n) => {
			const mod = modulePath(d.obj.apiVersion, d.obj.kind);
			if (!mod)
				return;
			lines.push(`import type { I${d.obj.kind} as T${n} } from ${JSON.stringify(mod)};`);
			lines.push(`// ${d.file} document ${d.index}`);
			lines.push(`export const doc${n}: T${n} = ${JSON.stringify(d.obj, null, 1)};`);
		});
		fs.writeFileSync(path.join(tmp, 'manifests.ts'), lines.join('\n') + '\n');
		fs.writeFileSync(path.join(tmp, 'tsconfig.json'), JSON.stringify({
			compilerOptions: {
				strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext',
				target: 'es2022', skipLibCheck: true, types: [], typeRoots: [],
				baseUrl: '.', paths: { '*': [path.join(here, 'node_modules', '*')] },
			},
			files: ['manifests.ts'],
		}));
		fs.symlinkSync(path.join(here, 'node_modules'), path.join(tmp, 'node_modules'));
		try {
			execFileSync(process.execPath, [path.join(here, 'node_modules/typescript/bin/tsc'), '-p', tmp],
				{ encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
			return [];
		} catch (e) {
			const text = `${e.stdout || ''}${e.stderr || ''}`.trim();
			const ts = fs.readFileSync(path.join(tmp, 'manifests.ts'), 'utf8').split('\n');
			// name the document each message is in
			return text.split('\n').filter((l) => l.trim()).map((l) => {
				const m = /manifests\.ts\((\d+),/.exec(l);
				if (!m)
					return l;
				let where = '';
				for (let i = Number(m[1]) - 1; i >= 0; i--) {
					const c = /^\/\/ (.*)$/.exec(ts[i]);
					if (c) {
						where = c[1];
						break;
					}
				}
				return `${where}: ${l.replace(/^.*?error /, '')}`;
			});
		}
	} finally {
		fs.rmSync(tmp, { recursive: true, force: true });
	}
}

// ---- step 3 helpers -------------------------------------------------------------

function envOf(container, name, dflt) {
	const e = (container.env || []).find((x) => x.name === name);
	return e ? e.value : dflt;
}

function labelsMatch(selector, labels) {
	return Object.entries(selector || {}).every(([k, v]) => labels && labels[k] === v) &&
		Object.keys(selector || {}).length > 0;
}

function dockerfile() {
	const text = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');
	const runtime = text.split(/^FROM /m).pop();
	const user = /^USER\s+(\d+)(?::(\d+))?/m.exec(runtime);
	const port = /^EXPOSE\s+(\d+)/m.exec(runtime);
	return { uid: user && Number(user[1]), gid: user && Number(user[2]), port: port && Number(port[1]) };
}

function projectRules(docs) {
	const byKind = (k) => docs.filter((d) => d.obj.kind === k).map((d) => d.obj);
	const [dep] = byKind('Deployment');
	if (!check('one Deployment', byKind('Deployment').length === 1))
		return;
	const spec = dep.spec || {};
	const pod = (spec.template || {}).spec || {};
	const c = (pod.containers || [])[0] || {};
	const psc = pod.securityContext || {};
	const csc = c.securityContext || {};
	const named = (p) => (c.ports || []).find((x) => x.name === p || x.containerPort === p);
	const probe = (p) => p && p.httpGet && `${p.httpGet.path} on ${p.httpGet.port}`;
	check('2 replicas', spec.replicas === 2, `replicas ${spec.replicas}`);
	check('selector matches the pod labels', labelsMatch((spec.selector || {}).matchLabels, (spec.template.metadata || {}).labels));
	check('liveness probe GET /healthz on the http port',
		c.livenessProbe && c.livenessProbe.httpGet && c.livenessProbe.httpGet.path === '/healthz' && named(c.livenessProbe.httpGet.port),
		probe(c.livenessProbe));
	check('readiness probe GET /readyz on the http port',
		c.readinessProbe && c.readinessProbe.httpGet && c.readinessProbe.httpGet.path === '/readyz' && named(c.readinessProbe.httpGet.port),
		probe(c.readinessProbe));
	const r = c.resources || {};
	check('cpu and memory requests and limits', ['requests', 'limits'].every((k) => r[k] && r[k].cpu && r[k].memory),
		JSON.stringify(r));
	const img = dockerfile();
	check(`non-root: runAsNonRoot, runAsUser ${img.uid} as the Dockerfile's USER`,
		(psc.runAsNonRoot || csc.runAsNonRoot) && (csc.runAsUser ?? psc.runAsUser) === img.uid,
		`runAsUser ${csc.runAsUser ?? psc.runAsUser}`);
	check('read-only root, no privilege escalation, all capabilities dropped',
		csc.readOnlyRootFilesystem === true && csc.allowPrivilegeEscalation === false &&
		((csc.capabilities || {}).drop || []).includes('ALL'));
	check(`container port ${img.port} as the Dockerfile's EXPOSE`, (c.ports || []).some((p) => p.containerPort === img.port));
	const drain = Number(envOf(c, 'MEETINGD_DRAIN_TIMEOUT', '20'));
	const pre = ((((c.lifecycle || {}).preStop || {}).exec || {}).command || []);
	const preSleep = pre[0] === 'sleep' ? Number(pre[1]) : 0;
	const grace = pod.terminationGracePeriodSeconds ?? 30;
	check(`terminationGracePeriodSeconds (${grace}) above preStop sleep (${preSleep}) + drain timeout (${drain})`,
		grace > preSleep + drain);
	const [svc] = byKind('Service');
	check('Service selects the pods and targets the http port',
		svc && labelsMatch(svc.spec.selector, spec.template.metadata.labels) &&
		svc.spec.ports.every((p) => named(p.targetPort)));
	const [hpa] = byKind('HorizontalPodAutoscaler');
	check('HorizontalPodAutoscaler scales this Deployment, minReplicas >= 2',
		hpa && hpa.spec.scaleTargetRef.kind === 'Deployment' && hpa.spec.scaleTargetRef.name === dep.metadata.name &&
		hpa.spec.minReplicas >= 2 && hpa.spec.maxReplicas > hpa.spec.minReplicas,
		hpa && `${hpa.spec.minReplicas}..${hpa.spec.maxReplicas}`);
	const [pdb] = byKind('PodDisruptionBudget');
	if (pdb)
		check('PodDisruptionBudget selects the pods', labelsMatch(pdb.spec.selector.matchLabels, spec.template.metadata.labels));
}

// ---- main -----------------------------------------------------------------------

const files = fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => path.join(dir, f));
let docs;
try {
	docs = loadDocs(files);
	check(`${files.length} files, ${docs.length} documents parsed as YAML`, docs.length > 0, files.map((f) => path.basename(f)).join(' '));
} catch (e) {
	check(`YAML: ${e.message}`, false);
	docs = [];
}

if (docs.length) {
	// negative control: the checks must see a misspelt key and a bad quantity
	const dep = docs.find((d) => d.obj.kind === 'Deployment');
	if (dep) {
		const bad = structuredClone(dep.obj);
		const c = bad.spec.template.spec.containers[0];
		c.readinesProbe = c.readinessProbe;
		delete c.readinessProbe;
		c.resources = { limits: { cpu: 'lots' } };
		const s = await schemaErrors([{ file: 'control', index: 1, obj: bad }]);
		const u = unknownFields([{ file: 'control', index: 1, obj: bad }]);
		check('control: a bad quantity and a misspelt key are caught',
			s[0][1].includes('cpu') && u.some((l) => l.includes('readinesProbe')),
			`${s[0][1].slice(0, 60)} | ${(u.find((l) => l.includes('readinesProbe')) || '').slice(0, 90)}`);
	}
	for (const [label, err] of await schemaErrors(docs))
		check(`schema (kubernetes-models): ${label}`, !err, err);
	const extra = unknownFields(docs);
	check('no unknown fields (tsc against the kubernetes-models types)', extra.length === 0, extra.slice(0, 5).join('; '));
	projectRules(docs);
}

const failed = results.filter(([, ok]) => !ok);
console.log();
console.log(`k8s-validate: ${results.length - failed.length} passed, ${failed.length} failed`);
if (failed.length) {
	console.log(`k8s-validate: FAIL\n${failed.map(([n]) => `  - ${n}`).join('\n')}`);
	process.exit(1);
}
console.log('k8s-validate: PASS');
