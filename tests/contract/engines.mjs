// Every npm package the tests install must run on Debian 12's Node.js.
//
//   node tests/contract/engines.mjs [NODE_VERSION ...]   (npm ci in this folder first)
//
// Reads the lock files of the three npm folders (tests/contract, tests/web,
// deploy/test/k8s) and checks each package's declared `engines.node` range
// against Debian 12's nodejs (18.20.4, the version bookworm ships) and the
// Node running this script. npm itself only warns about a mismatch, and the
// warning is easy to miss on a machine whose Node is newer than Debian's: a
// pin that needs Node 20 would pass there and fail for every user of the
// README's Quick start. Prints one line per lock file; exits 1 on a mismatch.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
// bookworm's nodejs (18.20.4+dfsg-1~deb12u*)
const DEBIAN_NODE = '18.20.4';
const versions = process.argv.length > 2 ? process.argv.slice(2) : [DEBIAN_NODE, process.version];
const locks = ['tests/contract', 'tests/web', 'deploy/test/k8s'].map((d) => path.join(d, 'package-lock.json'));

// engines.node, in either of the two shapes the registry holds: an object
// ({"node": ">=18"}) or the old array (["node >= 6.0"])
function nodeRange(engines) {
	if (!engines)
		return null;
	if (Array.isArray(engines)) {
		const e = engines.find((s) => /^\s*node\b/.test(s));
		return e ? e.replace(/^\s*node\s*/, '') : null;
	}
	return typeof engines.node === 'string' ? engines.node : null;
}

let bad = 0;
for (const rel of locks) {
	const lock = JSON.parse(fs.readFileSync(path.join(root, rel), 'utf8'));
	const problems = [];
	let n = 0;
	for (const [key, pkg] of Object.entries(lock.packages || {})) {
		if (key === '')
			continue;
		n++;
		const range = nodeRange(pkg.engines);
		if (range === null)
			continue;
		const name = key.replace(/^.*node_modules\//, '');
		for (const v of versions) {
			if (!semver.satisfies(v, range, { includePrerelease: true }))
				problems.push(`${name}@${pkg.version} needs node ${range}, not ${v}`);
		}
	}
	if (problems.length) {
		bad += problems.length;
		console.log(`FAIL  ${rel}: ${problems.length} package(s) refuse node ${versions.join(', ')}:`);
		for (const p of problems)
			console.log(`        ${p}`);
	} else {
		console.log(`PASS  ${rel}: ${n} packages accept node ${versions.join(', ')}`);
	}
}
process.exit(bad ? 1 : 0);
