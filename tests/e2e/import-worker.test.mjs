// A CSV file the user opens is imported in a Web Worker (the page stays
// free), and when the worker cannot start the page reads it itself: both
// ways give the counts worked out here from the fixture CSV. The fixtures
// are synthetic (invented names, places and counts).

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { assertNoPageErrors, openApp, parseCsv, repoPath, waitForData, waitForNumber } from './helpers.mjs';

const fixture = (name) => repoPath('tests', 'e2e', 'fixtures', name);
const EVENTS = '[data-testid="events-count"]';
const FATALITIES = '[data-testid="fatalities-count"]';
const IMPORTER = /eventlens-import(_bg\.wasm|\.js|_loader\.js)$/;

/** Events and fatalities of an ACLED-layout fixture (rows with ISO dates). */
async function totals(name) {
  const [header, ...rows] = parseCsv(await readFile(fixture(name), 'utf8'));
  const date = header.indexOf('event_date');
  const fatalities = header.indexOf('fatalities');
  const events = rows.filter((r) => /^\d{4}-\d{2}-\d{2}$/.test(r[date]));
  return {
    events: events.length,
    fatalities: events.reduce((sum, r) => sum + Number(r[fatalities].trim() || 0), 0),
  };
}

async function loadAndCount(page, name) {
  await page.setInputFiles('[data-testid="file-input"]', fixture(name));
  await page.locator('[data-testid="import-report"]').waitFor({ timeout: 60_000 });
  await page.locator('.app[data-load-state="done"]').waitFor({ state: 'attached', timeout: 30_000 });
  const expected = await totals(name);
  const events = await waitForNumber(page, EVENTS, expected.events, { timeout: 30_000 });
  const fatalities = await waitForNumber(page, FATALITIES, expected.fatalities, { timeout: 5_000 });
  return { shown: { events, fatalities }, expected };
}

test('a CSV file is imported in the worker, with the counts of the file', { timeout: 180_000 }, async () => {
  const app = await openApp();
  const { page } = app;
  const fetched = [];
  page.on('request', (r) => fetched.push(r.url()));
  try {
    await waitForData(page);
    const { shown, expected } = await loadAndCount(page, 'synthetic-acled.csv');
    assert.deepEqual(shown, expected);
    assert.ok(fetched.some((u) => /eventlens-import_bg\.wasm$/.test(u)), 'the importer worker was started');
    // The file's own records read back from the table's details, as before.
    assert.equal(await page.locator('[data-testid="dataset-title"]').textContent(), 'synthetic-acled.csv');
    assertNoPageErrors(app.errors);
  } finally {
    await app.close();
  }
});

test('when the worker cannot start, the page reads the file itself, with the same counts', { timeout: 180_000 }, async () => {
  const app = await openApp();
  const { page, context } = app;
  const blocked = [];
  await context.route(IMPORTER, (route) => {
    blocked.push(route.request().url());
    return route.abort();
  });
  // The aborted requests are the point of this test, not errors.
  page.removeAllListeners('requestfailed');
  try {
    await waitForData(page);
    const { shown, expected } = await loadAndCount(page, 'synthetic-acled.csv');
    assert.deepEqual(shown, expected);
    assert.ok(blocked.length > 0, 'the worker was asked for and refused');
    assert.equal(await page.locator('[role="alert"]').filter({ hasText: /importer/i }).count(), 0, 'no error is shown');
  } finally {
    await app.close();
  }
});

test("a file of the project's own synthetic test events is credited as synthetic, never to a source", { timeout: 180_000 }, async () => {
  // The fixture with every row's source set to the one the generator
  // writes: the credit must say synthetic, not cite ACLED.
  const [header, ...rows] = parseCsv(await readFile(fixture('synthetic-acled.csv'), 'utf8'));
  const source = header.indexOf('source');
  const quote = (v) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [header, ...rows.filter((r) => r.length === header.length).map((r) => r.map((v, i) => (i === source ? 'EventLens synthetic generator' : v)))];
  const text = lines.map((r) => r.map(quote).join(',')).join('\n') + '\n';
  const expected = await totals('synthetic-acled.csv');
  const app = await openApp();
  const { page } = app;
  try {
    await waitForData(page);
    await page.setInputFiles('[data-testid="file-input"]', { name: 'generated.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    await page.locator('.app[data-load-state="done"]').waitFor({ state: 'attached', timeout: 60_000 });
    await waitForNumber(page, EVENTS, expected.events, { timeout: 30_000 });
    const credit = await page.locator('header .credit').textContent();
    assert.match(credit, new RegExp(`SYNTHETIC test events made by EventLens's generator \\(${expected.events} events\\), not real reports`));
    // The layout is still named (the columns are ACLED's); the data is not
    // credited to ACLED.
    assert.doesNotMatch(credit, /acleddata|Armed Conflict Location/);
    assertNoPageErrors(app.errors);
  } finally {
    await app.close();
  }
});
