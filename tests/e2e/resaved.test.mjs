// Files as spreadsheets re-save them, in the release build: an ACLED
// monadic export saved by Excel (dates like 5-Aug-24, text in inter1, BOM,
// CRLF) loads with the counts worked out by hand, and the report names the
// date form; a file whose dates read both day first and month first asks
// which, with both readings, instead of guessing. The fixtures are
// synthetic (invented rows in ACLED's layout).

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { assertNoPageErrors, openApp, repoPath, waitForData, waitForNumber } from './helpers.mjs';

const EVENTS = '[data-testid="events-count"]';
const FATALITIES = '[data-testid="fatalities-count"]';


test('an Excel re-save of a monadic export loads, and the report names its date form', { timeout: 120_000 }, async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await waitForData(page);
    const file = repoPath('tests', 'fixtures', 'resaved', 'acled_monadic_2024_excel.csv');
    await page.setInputFiles('[data-testid="file-input"]', file);
    await page.locator('[data-testid="import-report"]').waitFor({ timeout: 30_000 });
    // Hand count: three events on six rows (one per actor); fatalities
    // counted once per event: 0 + 7 + 5.
    assert.equal(await waitForNumber(page, EVENTS, 3), 3);
    assert.equal(await waitForNumber(page, FATALITIES, 12), 12);
    const form = await page.locator('[data-testid="report-date-form"]').textContent();
    assert.match(form, /day, month name, year/);
    assert.match(form, /\u201c5-Aug-24\u201d is 5 August 2024/);
    assertNoPageErrors(app.errors);
  } finally {
    await app.close();
  }
});

test('dates that read both ways are asked about, with both readings', { timeout: 120_000 }, async () => {
  // The bundled-layout header with three synthetic rows whose dates all
  // read day first and month first.
  const source = await readFile(repoPath('tests', 'fixtures', 'acled_current.csv'), 'utf8');
  const [header, ...rows] = source.split('\n');
  const dated = rows
    .filter((r) => r.startsWith('FIX1,') || r.startsWith('FIX2,') || r.startsWith('FIX5,'))
    .map((r, i) => r.replace(/^(FIX\d),\d{4}-\d{2}-\d{2},/, (_, id) => `${id},0${i + 2}/0${i + 1}/2022,`));
  assert.equal(dated.length, 3);
  const text = [header, ...dated].join('\n') + '\n';
  const app = await openApp();
  const { page } = app;
  try {
    await waitForData(page);
    const before = Number((await page.locator(EVENTS).textContent()).replace(/\D/g, ''));
    await page.setInputFiles('[data-testid="file-input"]', {
      name: 'synthetic-both-ways.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(text),
    });
    const dialog = page.locator('[data-testid="date-order-dialog"]');
    await dialog.waitFor({ timeout: 30_000 });
    const shown = await dialog.textContent();
    // "02/01/2022": 2 January day first, 1 February month first.
    assert.match(shown, /02\/01\/2022/);
    assert.match(shown, /2 January 2022/);
    assert.match(shown, /1 February 2022/);
    // The dataset on show stays until the user answers.
    assert.equal(Number((await page.locator(EVENTS).textContent()).replace(/\D/g, '')), before);
    await page.locator('[data-testid="date-order-month-first"]').click();
    await page.locator('[data-testid="import-report"]').waitFor({ timeout: 30_000 });
    assert.equal(await waitForNumber(page, EVENTS, 3), 3);
    const form = await page.locator('[data-testid="report-date-form"]').textContent();
    assert.match(form, /month\/day\/year/);
    assert.match(form, /\u201c02\/01\/2022\u201d is 1 February 2022/);
    assertNoPageErrors(app.errors);
  } finally {
    await app.close();
  }
});

test('an ACLED API answer saved as JSON loads with the figures of the same events as CSV', { timeout: 120_000 }, async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await waitForData(page);
    // tests/fixtures/acled_api.json holds the six events of
    // acled_current.csv: 6 events and 1,240 fatalities by hand.
    await page.setInputFiles('[data-testid="file-input"]', repoPath('tests', 'fixtures', 'acled_api.json'));
    await page.locator('[data-testid="import-report"]').waitFor({ timeout: 30_000 });
    assert.equal(await waitForNumber(page, EVENTS, 6), 6);
    assert.equal(await waitForNumber(page, FATALITIES, 1240), 1240);
    assertNoPageErrors(app.errors);
  } finally {
    await app.close();
  }
});
