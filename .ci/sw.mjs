// Writes dist/sw.js, the offline service worker, from public/sw.js: the
// list of the built files it caches and a version made from their contents
// (a new deploy with any changed file gets a new cache, and the old one is
// removed when the new worker takes over).
//
//   node .ci/sw.mjs dist

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = path.resolve(process.argv[2] ?? 'dist');
const template = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'public', 'sw.js');

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const files = walk(dist)
  .map((f) => path.relative(dist, f).split(path.sep).join('/'))
  .filter((f) => f !== 'sw.js')
  .sort();
const hash = createHash('sha256');
for (const f of files) {
  hash.update(f);
  hash.update('\0');
  hash.update(readFileSync(path.join(dist, f)));
}
const version = hash.digest('hex').slice(0, 16);
const listed = JSON.stringify(files.map((f) => `./${f}`), null, 2);
const source = readFileSync(template, 'utf8');
if (!source.includes('__EVENTLENS_FILES__') || !source.includes('__EVENTLENS_VERSION__')) {
  console.error(`${template}: the placeholders __EVENTLENS_FILES__ and __EVENTLENS_VERSION__ are missing`);
  process.exit(1);
}
writeFileSync(
  path.join(dist, 'sw.js'),
  source.replace('__EVENTLENS_VERSION__', version).replace('__EVENTLENS_FILES__', listed),
);
console.log(`Offline service worker: ${files.length} files, version ${version}`);
