// Offline after the first visit, in the release build: the service worker
// caches the site and the bundled data, the page reloads with the network
// off, a file the user opens is never cached, and a new deploy replaces the
// old cache. Each test serves its own copy of dist/ (the last one changes
// it). The file opened is synthetic.

import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { DIST, REPO_ROOT, assertNoPageErrors, openApp, repoPath } from './helpers.mjs';

const EVENTS = '[data-testid="events-count"]';

async function copyOfDist() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'eventlens-offline-'));
  await cp(DIST, dir, { recursive: true });
  return dir;
}

async function shownEvents(page) {
  await page.waitForFunction(
    (s) => Number((document.querySelector(s)?.textContent ?? '').replace(/\D/g, '')) > 0,
    EVENTS,
    { timeout: 30_000 },
  );
  return Number((await page.locator(EVENTS).textContent()).replace(/\D/g, ''));
}

/** Waits until the service worker controls the page. */
async function waitForOfflineReady(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 30_000 });
}

/** Every URL in the site's caches. */
async function cachedUrls(page) {
  return page.evaluate(async () => {
    const urls = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) urls.push(`${name} ${request.url}`);
    }
    return urls;
  });
}

test('after one visit the page and the bundled data open offline; opened files are never cached', { timeout: 180_000 }, async () => {
  const root = await copyOfDist();
  const app = await openApp({ root, path: '?type=Battles' });
  const { page, context } = app;
  try {
    const online = await shownEvents(page);
    const title = await page.locator('[data-testid="dataset-title"]').textContent();
    await waitForOfflineReady(page);

    await context.setOffline(true);
    await page.reload({ waitUntil: 'load' });
    assert.equal(await shownEvents(page), online, 'the same view, offline');
    assert.equal(await page.locator('[data-testid="dataset-title"]').textContent(), title);

    // A file opened offline loads, and stays out of every cache.
    await page.setInputFiles('[data-testid="file-input"]', repoPath('tests', 'e2e', 'fixtures', 'synthetic-acled.csv'));
    await page.locator('[data-testid="import-report"]').waitFor({ timeout: 30_000 });
    const cached = await cachedUrls(page);
    assert.ok(cached.some((u) => /data\/wagner-mali-events\.csv$/.test(u)), 'the bundled data is cached');
    assert.ok(cached.some((u) => /data\/ABOUT\.fr\.md$/.test(u)), 'the French About page is cached');
    assert.ok(cached.every((u) => !u.includes('synthetic-acled')), `an opened file is cached:\n${cached.join('\n')}`);
    const origin = new URL(app.url).origin;
    assert.ok(cached.every((u) => u.split(' ')[1].startsWith(`${origin}/eventlens/`)), 'only the site is cached');
    assertNoPageErrors(app.errors);
  } finally {
    await app.close();
    await rm(root, { recursive: true, force: true });
  }
});

test('a new deploy replaces the old cache', { timeout: 180_000 }, async () => {
  const root = await copyOfDist();
  const app = await openApp({ root });
  const { page } = app;
  try {
    await shownEvents(page);
    await waitForOfflineReady(page);
    const before = await page.evaluate(() => caches.keys());
    assert.equal(before.length, 1, `one cache: ${before}`);

    // A deploy that changes one file: the build writes a new worker.
    const css = (await readFile(path.join(root, 'index.html'), 'utf8')).match(/style-[0-9a-f]+\.css/)[0];
    await writeFile(path.join(root, css), `${await readFile(path.join(root, css), 'utf8')}\n/* next deploy */\n`);
    execFileSync('node', [path.join(REPO_ROOT, '.ci', 'sw.mjs'), root]);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await page.waitForFunction(
      async (old) => {
        const keys = await caches.keys();
        return keys.length === 1 && keys[0] !== old;
      },
      before[0],
      { timeout: 30_000, polling: 200 },
    );
    assertNoPageErrors(app.errors);
  } finally {
    await app.close();
    await rm(root, { recursive: true, force: true });
  }
});
