// Writes the Content-Security-Policy of the release site into
// dist/index.html as a <meta http-equiv> element. Trunk puts an inline
// module script (the wasm loader) in the page; the policy allows exactly
// that script by its SHA-256 hash, so no other inline script can run.
// Hosts that send headers should send the same policy (see README.md);
// the meta element keeps the site safe on hosts that cannot.
//
//   node .ci/csp.mjs dist/index.html

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.argv[2];
const html = readFileSync(file, 'utf8');
const scripts = [...html.matchAll(/<script(?: [^>]*)?>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
if (scripts.length === 0) {
  console.error(`${file}: no inline script found; Trunk's loader has moved`);
  process.exit(1);
}
const hashes = scripts.map((s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`);
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`,
  // Element styles set by the app (bar widths, swatch colours).
  "style-src 'self' 'unsafe-inline'",
  // PNG exports are drawn to a canvas and saved through data: and blob: URLs.
  "img-src 'self' data: blob:",
  // ?data= reads a CSV from any http(s) host that allows it (CORS).
  "connect-src 'self' https: http:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');
const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
if (html.includes('http-equiv="Content-Security-Policy"')) {
  console.error(`${file}: already has a Content-Security-Policy`);
  process.exit(1);
}
// The policy must come before any script it governs.
const out = html.replace(/<meta charset="utf-8" \/>/, (m) => `${m}\n    ${meta}`);
if (out === html) {
  console.error(`${file}: no <meta charset> to put the policy after`);
  process.exit(1);
}
writeFileSync(file, out);
console.log(`Content-Security-Policy: ${policy}`);
