// Foundation: the release build, served under a sub-path, loads the bundled
// dataset and shows how many events and fatalities it holds. The expected
// numbers come from parsing the CSV here, independently of the Rust engine.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { assertNoPageErrors, openApp, repoPath, screenshot, waitForNumber } from './helpers.mjs';

const DATASET = repoPath('public', 'data', 'wagner-mali-events.csv');

/**
 * Parses CSV text as RFC 4180 describes it: comma-separated fields, fields
 * optionally double-quoted, `""` for a quote inside a quoted field, quoted
 * fields may hold commas and line breaks; records end with CRLF or LF. A
 * leading UTF-8 BOM is dropped. Returns an array of records (string arrays).
 */
function parseCsv(text) {
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

test('the CSV parser of this test follows RFC 4180', () => {
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
