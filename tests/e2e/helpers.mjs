// Shared set-up for the browser tests: serve the release build under
// `/eventlens/` on loopback, drive Debian's Chromium headless through
// playwright-core, and collect everything that went wrong on the page
// (console errors, uncaught exceptions, failed or 4xx/5xx requests) so each
// test can assert that nothing did.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { DIST, REPO_ROOT, startServer } from './server.mjs';

export { DIST, REPO_ROOT, startServer };

/** The browser the tests drive: Debian's package, never a downloaded one. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** The sub-path the app is served under, as on a static host. */
export const BASE = '/eventlens/';

/** Screenshots and other test output go here (inside the ignored target/). */
export const ARTIFACTS = path.join(REPO_ROOT, 'target', 'e2e');

/** An absolute path from a path relative to the repository root. */
export function repoPath(...parts) {
  return path.join(REPO_ROOT, ...parts);
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches headless Chromium with a fresh temporary profile. */
export async function launchBrowser() {
  assert.ok(existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM}; run .ci/setup`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/**
 * Serves `dist/` and opens the app in a new browser page.
 *
 * Resolves to `{ page, url, errors, close() }`. `errors` fills up with one
 * string per console error, uncaught page exception, failed request or HTTP
 * error response; `close()` shuts the browser and the server down.
 * `path` is appended to the app's URL (e.g. a query string).
 */
export async function openApp({ path: subPath = '', viewport = { width: 1280, height: 800 } } = {}) {
  assert.ok(
    existsSync(path.join(DIST, 'index.html')),
    'dist/index.html is missing; build the site first with .ci/build',
  );
  const server = await startServer({ root: DIST, base: BASE });
  let browser;
  try {
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const errors = watchForErrors(page);
    const url = server.url + subPath;
    await page.goto(url, { waitUntil: 'load' });
    return {
      page,
      url,
      errors,
      close: async () => {
        await browser.close();
        await server.close();
      },
    };
  } catch (err) {
    await browser?.close();
    await server.close();
    throw err;
  }
}

/** Records console errors, page exceptions and failed requests of `page`. */
export function watchForErrors(page) {
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`page error: ${err.stack || err.message}`));
  page.on('requestfailed', (req) => {
    const reason = req.failure()?.errorText;
    // A request still in flight when the page navigates away is aborted by
    // the browser: the test moved on, the page did nothing wrong.
    if (reason === 'net::ERR_ABORTED') return;
    errors.push(`request failed: ${req.method()} ${req.url()} (${reason})`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) errors.push(`HTTP ${res.status()}: ${res.request().method()} ${res.url()}`);
  });
  return errors;
}

/** Fails with the collected messages if anything went wrong on the page. */
export function assertNoPageErrors(errors) {
  assert.deepEqual(errors, [], `the page reported errors:\n${errors.join('\n')}`);
}

/** Saves a full-page screenshot as target/e2e/<name>.png; returns its path. */
export async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Reads the first integer shown in an element ("1,234 events" -> 1234), or
 * null if the element is absent or shows no digits.
 */
export async function readNumber(page, selector) {
  const text = await page.locator(selector).first().textContent({ timeout: 1000 }).catch(() => null);
  return parseShownNumber(text);
}

/** The first integer in a text, ignoring thousands separators; null if none. */
export function parseShownNumber(text) {
  const match = /\d(?:[\d,.\u00a0\u202f' ]*\d)?/.exec(text ?? '');
  return match ? Number(match[0].replace(/\D/g, '')) : null;
}

/**
 * Polls the number shown in `selector` until it equals `expected` or
 * `timeout` ms pass; returns the last value seen (null if never a number),
 * so the caller's assertion reports what the page actually showed.
 */
export async function waitForNumber(page, selector, expected, { timeout = 30_000, interval = 100 } = {}) {
  const deadline = Date.now() + timeout;
  let last = null;
  for (;;) {
    last = await readNumber(page, selector);
    if (last === expected || Date.now() >= deadline) return last;
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
