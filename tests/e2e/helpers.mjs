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
 * Resolves to `{ page, context, url, errors, close() }`. `errors` fills up with one
 * string per console error, uncaught page exception, failed request or HTTP
 * error response; `close()` shuts the browser and the server down.
 * `path` is appended to the app's URL (e.g. a query string).
 */
export async function openApp({ path: subPath = '', viewport = { width: 1280, height: 800 }, root = DIST } = {}) {
  assert.ok(
    existsSync(path.join(root, 'index.html')),
    `${root}/index.html is missing; build the site first with .ci/build`,
  );
  const server = await startServer({ root, base: BASE });
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
      context,
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
 * Waits until the number shown in `selector` equals `expected` or `timeout`
 * ms pass; returns the number then shown (null if none), so the caller's
 * assertion reports what the page actually showed. The page checks on
 * every frame (the same parsing as `parseShownNumber`).
 */
export async function waitForNumber(page, selector, expected, { timeout = 30_000 } = {}) {
  await page
    .waitForFunction(
      ([selector, expected]) => {
        const text = document.querySelector(selector)?.textContent ?? '';
        const match = /\d(?:[\d,.\u00a0\u202f' ]*\d)?/.exec(text);
        return match !== null && Number(match[0].replace(/\D/g, '')) === expected;
      },
      [selector, expected],
      { timeout },
    )
    .catch(() => {});
  return readNumber(page, selector);
}

/**
 * Parses CSV text as RFC 4180 describes it: comma-separated fields, fields
 * optionally double-quoted, `""` for a quote inside a quoted field, quoted
 * fields may hold commas and line breaks; records end with CRLF or LF. A
 * leading UTF-8 BOM is dropped. Returns an array of records (string arrays).
 */
export function parseCsv(text) {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const records = [];
  let record = [];
  let field = '';
  let i = 0;
  const endField = () => {
    record.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '"' && field === '') {
      // A quoted field: read up to the closing quote.
      i += 1;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field at end of file');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i += 1;
            break;
          }
        } else {
          field += text[i];
          i += 1;
        }
      }
      if (i < text.length && !',\r\n'.includes(text[i])) {
        throw new Error(`unexpected character ${JSON.stringify(text[i])} after a quoted field`);
      }
    } else if (c === ',') {
      endField();
      i += 1;
    } else if (c === '\r' && text[i + 1] === '\n') {
      endRecord();
      i += 2;
    } else if (c === '\n') {
      endRecord();
      i += 1;
    } else {
      field += c;
      i += 1;
    }
  }
  if (field !== '' || record.length > 0) endRecord();
  // A blank line is not an event.
  return records.filter((r) => !(r.length === 1 && r[0] === ''));
}

/** Waits until the page shows a dataset with at least one event (the one it loads first, or the one asked for). */
export async function waitForData(page) {
  await page.waitForFunction(
    () => Number((document.querySelector('[data-testid="events-count"]')?.textContent ?? '').replace(/\D/g, '')) > 0,
    null,
    { timeout: 30_000 },
  );
}
