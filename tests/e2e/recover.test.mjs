// When the page's own code fails (a panic in the WebAssembly, which leaves
// its state unusable), the page restarts itself with the user's file and
// the last view that was drawn, and says what happened; a second failure
// right after a restart stops the page with a sentence instead of
// reloading forever. The failure is asked for through the page's
// `eventlens-test-panic` event, which panics inside a signal update the
// way a real defect would. Expected counts are computed here from the
// synthetic fixture.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { openApp, parseCsv, repoPath, waitForData, waitForNumber } from './helpers.mjs';

const FIXTURE = repoPath('tests', 'e2e', 'fixtures', 'synthetic-acled.csv');
const EVENTS = '[data-testid="events-count"]';
const FATALITIES = '[data-testid="fatalities-count"]';

/** Events and fatalities of the fixture's dated rows of the given types. */
async function counts(types) {
  const [header, ...rows] = parseCsv(await readFile(FIXTURE, 'utf8'));
  const date = header.indexOf('event_date');
  const type = header.indexOf('event_type');
  const fatalities = header.indexOf('fatalities');
  const kept = rows.filter((r) => /^\d{4}-\d{2}-\d{2}$/.test(r[date]) && (!types || types.includes(r[type])));
  return {
    events: kept.length,
    fatalities: kept.reduce((sum, r) => sum + Number(r[fatalities].trim() || 0), 0),
  };
}

async function expectCounts(page, expected, what) {
  const events = await waitForNumber(page, EVENTS, expected.events, { timeout: 30_000 });
  const fatalities = await waitForNumber(page, FATALITIES, expected.fatalities, { timeout: 5_000 });
  assert.deepEqual({ events, fatalities }, expected, `counts shown ${what}`);
}

/** Makes the page fail; resolves once the failure has been handled (a reload started or the page stopped). */
async function fail(page) {
  // The evaluation may end with the page it ran in.
  await page.evaluate(() => window.dispatchEvent(new Event('eventlens-test-panic'))).catch(() => {});
}

test('a failure in the page restarts it with the user file and the last view, and a second failure stops it with a sentence', { timeout: 180_000 }, async () => {
  const battlesRiots = ['Battles', 'Riots'];
  const expected = await counts(battlesRiots);
  assert.ok(expected.events > 5 && expected.events < (await counts(null)).events, 'the filter keeps some events');
  const app = await openApp();
  const { page } = app;
  try {
    await waitForData(page);
    await page.setInputFiles('[data-testid="file-input"]', FIXTURE);
    await expectCounts(page, await counts(null), 'after opening the file');
    await page.selectOption('#f-event-type', battlesRiots);
    await expectCounts(page, expected, 'with the filter');
    // The link of the drawn view is in the address bar before the failure.
    await page.waitForFunction(() => new URLSearchParams(location.search).get('type') === 'Battles,Riots');

    const reloaded = page.waitForEvent('load');
    await fail(page);
    await reloaded;
    await page.waitForFunction(() => document.querySelector('[data-testid="error"]')?.textContent.includes('restarted'), null, {
      timeout: 30_000,
    });
    await expectCounts(page, expected, 'after the restart');
    assert.equal(await page.locator('[data-testid="dataset-title"]').textContent(), 'synthetic-acled.csv');
    const alert = await page.locator('[data-testid="error"]').textContent();
    assert.match(alert, /internal error \(a test asked the page to fail\)/);
    assert.match(alert, /your file and the last view that was drawn are back/);
    assert.equal(await page.evaluate(() => history.state), null, 'the file does not stay in the history entry');
    assert.deepEqual(await page.evaluate(() => [...new URLSearchParams(location.search).getAll('type')]), ['Battles,Riots']);

    // Failing again at once would fail on every start: the page stops.
    let reloads = 0;
    page.on('load', () => {
      reloads += 1;
    });
    await fail(page);
    await page.waitForSelector('html[data-stopped="internal-error"]', { timeout: 15_000 });
    const text = await page.locator('body').textContent();
    assert.match(text, /EventLens stopped/);
    assert.match(text, /again right after restarting/);
    assert.equal(reloads, 0, 'the second failure did not reload the page');
  } finally {
    await app.close();
  }
});

test('a failure with the bundled data restarts on the same view', { timeout: 120_000 }, async () => {
  const app = await openApp({ path: '?type=Battles' });
  const { page } = app;
  try {
    await waitForData(page);
    const before = Number((await page.locator(EVENTS).textContent()).replace(/\D/g, ''));
    const reloaded = page.waitForEvent('load');
    await fail(page);
    await reloaded;
    await page.waitForFunction(() => document.querySelector('[data-testid="error"]')?.textContent.includes('restarted'), null, {
      timeout: 30_000,
    });
    await waitForNumber(page, EVENTS, before, { timeout: 30_000 });
    assert.match(await page.locator('[data-testid="error"]').textContent(), /the last view that was drawn is back/);
    assert.equal(new URL(page.url()).searchParams.get('type'), 'Battles');
  } finally {
    await app.close();
  }
});
