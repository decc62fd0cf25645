// Files that are not CSV text, in the release build: an Excel workbook
// dropped on the page is read by the Excel reader's worker, fetched only
// then; an ACLED API answer (JSON) named in the link loads like a CSV. The
// expected counts are computed here from the CSV twin of the fixtures
// (synthetic rows in ACLED's layout), independently of the Rust engine.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { test } from 'node:test';
import { assertNoPageErrors, openApp, parseCsv, repoPath, waitForData, waitForNumber } from './helpers.mjs';

const fixture = (name) => repoPath('tests', 'e2e', 'fixtures', name);
const EVENTS = '[data-testid="events-count"]';
const FATALITIES = '[data-testid="fatalities-count"]';
const WORKER_FILES = /eventlens-workbook/;

/** The header and rows of synthetic-acled.csv, and its events' totals. */
async function csvTwin() {
  const [header, ...rows] = parseCsv(await readFile(fixture('synthetic-acled.csv'), 'utf8'));
  const date = header.indexOf('event_date');
  const fatalities = header.indexOf('fatalities');
  // Rows whose date is not ISO are skipped by the importer (and reported).
  const events = rows.filter((r) => /^\d{4}-\d{2}-\d{2}$/.test(r[date]));
  return {
    header,
    rows,
    totals: {
      events: events.length,
      fatalities: events.reduce((sum, r) => sum + Number(r[fatalities].trim() || 0), 0),
    },
  };
}


async function expectCounts(page, expected, what) {
  const events = await waitForNumber(page, EVENTS, expected.events, { timeout: 30_000 });
  const fatalities = await waitForNumber(page, FATALITIES, expected.fatalities, { timeout: 5_000 });
  assert.deepEqual({ events, fatalities }, expected, `counts shown ${what}`);
}

test('a dropped .xlsx is read by the Excel reader, fetched only then, with the counts of its CSV twin', { timeout: 180_000 }, async () => {
  const { totals } = await csvTwin();
  const app = await openApp();
  const { page } = app;
  const requested = [];
  page.on('request', (r) => requested.push(r.url()));
  try {
    await waitForData(page);
    assert.deepEqual(requested.filter((u) => WORKER_FILES.test(u)), [], 'the reader is not fetched before a workbook arrives');
    await page.setInputFiles('[data-testid="file-input"]', fixture('synthetic-acled.xlsx'));
    const report = page.locator('[data-testid="import-report"]');
    await report.waitFor({ timeout: 60_000 });
    await expectCounts(page, totals, 'after the workbook');
    assert.match(await report.textContent(), /Read from sheet \u201c[^\u201d]+\u201d of the workbook/);
    assert.equal(await page.locator('[data-testid="dataset-title"]').textContent(), 'synthetic-acled.xlsx');
    assert.ok(requested.some((u) => /eventlens-workbook_bg\.wasm$/.test(u)), 'the reader was fetched for the workbook');
    assertNoPageErrors(app.errors);
  } finally {
    await app.close();
  }
});

test('an ACLED API answer named by ?data= loads like a CSV', { timeout: 180_000 }, async () => {
  const { header, rows, totals } = await csvTwin();
  const answer = JSON.stringify({
    success: true,
    count: rows.length,
    data: rows.map((r) => Object.fromEntries(header.map((name, i) => [name, r[i] ?? '']))),
  });
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
    // In pieces, so the page must tell JSON from CSV by its first bytes
    // and collect the rest.
    const bytes = Buffer.from(answer);
    res.write(bytes.subarray(0, 10));
    res.end(bytes.subarray(10));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/api/acled-answer.json`;
  try {
    const app = await openApp({ path: `?data=${encodeURIComponent(url)}` });
    try {
      await expectCounts(app.page, totals, 'for the linked JSON');
      assert.equal(
        await app.page.locator('[data-testid="dataset-title"]').textContent(),
        `${url} (not verified by EventLens)`,
      );
      assertNoPageErrors(app.errors);
    } finally {
      await app.close();
    }
  } finally {
    await new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections?.();
    });
  }
});
