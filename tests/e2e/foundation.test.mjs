// Foundation: the release build, served under a sub-path, loads the bundled
// dataset and shows how many events and fatalities it holds. The expected
// numbers come from parsing the CSV here, independently of the Rust engine.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { assertNoPageErrors, openApp, parseCsv, repoPath, screenshot, waitForNumber } from './helpers.mjs';

const DATASET = repoPath('public', 'data', 'wagner-mali-events.csv');

test('the CSV parser of the browser tests follows RFC 4180', () => {
  assert.deepEqual(parseCsv('a,b\r\n1,"x, ""y""\r\nz"\n\n2,\n'), [
    ['a', 'b'],
    ['1', 'x, "y"\r\nz'],
    ['2', ''],
  ]);
  assert.deepEqual(parseCsv('\ufeffa\n"1"'), [['a'], ['1']]);
});

test('the release build loads the bundled dataset and shows its totals', { timeout: 120_000 }, async () => {
  const [header, ...rows] = parseCsv(await readFile(DATASET, 'utf8'));
  const fatalitiesColumn = header.indexOf('fatalities');
  assert.notEqual(fatalitiesColumn, -1, `no "fatalities" column in ${DATASET}`);
  for (const [n, row] of rows.entries()) {
    assert.equal(row.length, header.length, `data row ${n + 1} has ${row.length} fields, the header ${header.length}`);
  }
  const expectedEvents = rows.length;
  const expectedFatalities = rows.reduce((sum, row) => sum + Number(row[fatalitiesColumn].trim() || 0), 0);
  assert.ok(expectedEvents > 0, 'the bundled dataset has no rows');
  assert.ok(Number.isInteger(expectedFatalities), 'the fatalities column holds a non-integer');

  const app = await openApp();
  try {
    const events = await waitForNumber(app.page, '[data-testid="events-count"]', expectedEvents);
    const fatalities = await waitForNumber(app.page, '[data-testid="fatalities-count"]', expectedFatalities, {
      timeout: 5_000,
    });
    await screenshot(app.page, 'foundation');
    assert.equal(events, expectedEvents, 'events shown vs data rows in the CSV');
    assert.equal(fatalities, expectedFatalities, 'fatalities shown vs sum of the fatalities column');
    assertNoPageErrors(app.errors);
  } finally {
    await app.close();
  }
});
