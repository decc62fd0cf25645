// The release site ships a Content-Security-Policy, and everything it does
// works under it: loading the bundled data, every chart export (CSV, SVG,
// PNG) and the events CSV, with no violation reported by the browser.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { BASE, DIST, assertNoPageErrors, launchBrowser, startServer, watchForErrors } from './helpers.mjs';

test('the app and every export run under its Content-Security-Policy', { timeout: 180_000 }, async () => {
  const html = await readFile(path.join(DIST, 'index.html'), 'utf8');
  const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/)?.[1];
  assert.ok(policy, 'dist/index.html carries a Content-Security-Policy');
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  assert.doesNotMatch(policy, /script-src[^;]*'unsafe-inline'/, 'no inline script but the loader runs');

  const server = await startServer({ root: DIST, base: BASE });
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ acceptDownloads: true });
    // Record violations from the first script on.
    await context.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`);
      });
    });
    const page = await context.newPage();
    const errors = watchForErrors(page);
    await page.goto(server.url, { waitUntil: 'load' });
    await page.waitForFunction(
      () => Number((document.querySelector('[data-testid="events-count"]')?.textContent ?? '').replace(/\D/g, '')) > 0,
      null,
      { timeout: 30_000 },
    );
    const exports = [
      'export-timeline-csv',
      'export-timeline-svg',
      'export-timeline-png',
      'export-breakdown-csv',
      'export-breakdown-svg',
      'export-breakdown-png',
      'export-map-svg',
      'export-map-png',
      'export-events-csv',
    ];
    for (const id of exports) {
      const button = page.locator(`[data-testid="${id}"]`);
      assert.ok((await button.count()) > 0, `the page has ${id}`);
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 20_000 }),
        button.first().click(),
      ]);
      const file = await download.path();
      assert.ok(file, `${id} downloaded a file`);
    }
    const violations = await page.evaluate(() => window.__violations);
    assert.deepEqual(violations, [], 'no Content-Security-Policy violation');
    assertNoPageErrors(errors);
  } finally {
    await browser.close();
    await server.close();
  }
});
