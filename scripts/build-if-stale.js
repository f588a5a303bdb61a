#!/usr/bin/env node
/**
 * `npm start` and `npm run seed` build first, but only when something the build reads has
 * changed: a hash of the sources (src, migrations, bench), the TypeScript settings and the
 * lockfile is kept beside the output, and a build whose hash matches is reused. A fresh clone, a
 * `git pull` that changes code, or a deleted dist/ builds as before (`npm run build`).
 * Plain JavaScript, so that deciding costs milliseconds, not a TypeScript start-up.
 */
'use strict';
const { createHash } = require('node:crypto');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const stamp = path.join(root, 'dist', '.build-hash');
const INPUTS = ['src', 'migrations', 'bench'];
const FILES = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

function* filesUnder(dir) {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else if (entry.isFile()) yield full;
  }
}

function sourceHash() {
  const hash = createHash('sha256');
  const files = [...INPUTS.flatMap((dir) => [...filesUnder(path.join(root, dir))]), ...FILES.map((file) => path.join(root, file))];
  for (const file of files) {
    if (!fs.existsSync(file)) continue;
    hash.update(path.relative(root, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

const current = sourceHash();
const built = fs.existsSync(stamp) ? fs.readFileSync(stamp, 'utf8').trim() : null;
if (built === current && fs.existsSync(path.join(root, 'dist', 'src', 'main.js'))) process.exit(0);

const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
try {
  execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
} catch {
  process.exit(1);
}
fs.writeFileSync(stamp, `${current}\n`);
