// Explorer: loading a user's file (file input, drag and drop, column
// mapping), filtering, bad files and hostile text, in the release build.
// Every expected number is computed here from the fixture CSV, with a
// parser of this file, independently of the Rust engine. The fixtures under
// fixtures/ are synthetic (invented names, places and counts).

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { assertNoPageErrors, openApp, parseCsv, readNumber, repoPath, screenshot, waitForData, waitForNumber } from './helpers.mjs';

const fixture = (name) => repoPath('tests', 'e2e', 'fixtures', name);
const EVENTS = '[data-testid="events-count"]';
const FATALITIES = '[data-testid="fatalities-count"]';

/**
 * Events of an ACLED-layout fixture as plain objects; rows whose date is not
 * ISO are dropped (the importer skips and reports them).
 */
async function loadEvents(name) {
  const [header, ...rows] = parseCsv(await readFile(fixture(name), 'utf8'));
  const col = (n) => {
    const i = header.indexOf(n);
    assert.notEqual(i, -1, `${name} has no ${n} column`);
    return i;
  };
  const c = Object.fromEntries(
    ['event_date', 'event_type', 'actor1', 'assoc_actor_1', 'actor2', 'assoc_actor_2', 'fatalities', 'notes'].map(
      (n) => [n, col(n)],
    ),
  );
  const list = (s) => s.split(';').map((a) => a.trim()).filter(Boolean);
  const events = rows
    .filter((r) => /^\d{4}-\d{2}-\d{2}$/.test(r[c.event_date]))
    .map((r) => ({
      date: r[c.event_date],
      month: Number(r[c.event_date].slice(5, 7)),
      type: r[c.event_type],
      actors: [r[c.actor1], ...list(r[c.assoc_actor_1]), r[c.actor2], ...list(r[c.assoc_actor_2])].filter(Boolean),
      fatalities: Number(r[c.fatalities].trim() || 0),
      notes: r[c.notes],
    }));
  return { rows: rows.length, events };
}

const totals = (events) => ({
  events: events.length,
  fatalities: events.reduce((sum, e) => sum + e.fatalities, 0),
});

/** Waits until the header shows `expected` events and fatalities. */
async function expectCounts(page, expected, what) {
  const events = await waitForNumber(page, EVENTS, expected.events, { timeout: 15_000 });
  const fatalities = await waitForNumber(page, FATALITIES, expected.fatalities, { timeout: 5_000 });
  assert.deepEqual({ events, fatalities }, expected, `counts shown ${what}`);
}


test('a file opened with the file input is reported, and filters give the counts computed from the CSV', { timeout: 180_000 }, async () => {
  const { rows, events } = await loadEvents('synthetic-acled.csv');
  assert.ok(events.length > 40 && events.length < rows, 'the fixture has valid rows and one undated row');
  const app = await openApp();
  const { page } = app;
  try {
    await waitForData(page);
    await screenshot(page, 'explorer-main');

    await page.setInputFiles('[data-testid="file-input"]', fixture('synthetic-acled.csv'));
    const report = page.locator('[data-testid="import-report"]');
    await report.waitFor({ timeout: 30_000 });
    assert.equal(await readNumber(page, '[data-testid="report-rows"]'), rows, 'rows read');
    assert.equal(await readNumber(page, '[data-testid="report-events"]'), events.length, 'events kept');
    assert.equal(await readNumber(page, '[data-testid="report-skipped"]'), rows - events.length, 'rows skipped');
    const reportText = await report.textContent();
    assert.match(reportText, /ACLED/, 'the report names the format');
    assert.match(reportText, /sometime in 2021/, 'the report shows the unreadable date as an example');
    assert.match(reportText, /line \d+/, 'the report gives line numbers');
    assert.equal(await page.locator('[data-testid="dataset-title"]').textContent(), 'synthetic-acled.csv');
    await expectCounts(page, totals(events), 'after loading');
    await screenshot(page, 'explorer-import-report');
    await page.getByRole('button', { name: 'Close report' }).click();

    // Date range.
    await page.fill('#f-from', '2021-03-01');
    await page.fill('#f-to', '2022-10-31');
    let expected = events.filter((e) => e.date >= '2021-03-01' && e.date <= '2022-10-31');
    await expectCounts(page, totals(expected), 'for 2021-03-01 to 2022-10-31');

    // Event type.
    await page.selectOption('#f-event-type', 'Battles');
    expected = expected.filter((e) => e.type === 'Battles');
    await expectCounts(page, totals(expected), 'for battles in the date range');

    // Clear the type again through its chip.
    await page.getByRole('button', { name: 'Remove filter Type: Battles' }).click();
    expected = events.filter((e) => e.date >= '2021-03-01' && e.date <= '2022-10-31');
    await expectCounts(page, totals(expected), 'after removing the type chip');

    // Actor in any role.
    await page.fill('#f-actor', 'River Brigade');
    await page.press('#f-actor', 'Enter');
    expected = expected.filter((e) => e.actors.includes('River Brigade'));
    assert.ok(expected.length > 0, 'the fixture has River Brigade events in the range');
    await expectCounts(page, totals(expected), 'for River Brigade in the date range');

    // Months-of-year window, June to September.
    await page.selectOption('#f-month-from', '6');
    await page.selectOption('#f-month-to', '9');
    expected = expected.filter((e) => e.month >= 6 && e.month <= 9);
    await expectCounts(page, totals(expected), 'for River Brigade, June-September');
    const chips = await page.locator('[data-testid="chips"] .chip').allTextContents();
    assert.equal(chips.length, 3, `three chips: ${chips.join(' | ')}`);
    await screenshot(page, 'explorer-filtered');

    // The table lists exactly the filtered events.
    const tableCount = await readNumber(page, '[data-testid="table-count"]');
    assert.equal(tableCount, expected.length, 'events listed in the table');

    await page.getByRole('button', { name: 'Clear all' }).click();
    await expectCounts(page, totals(events), 'after Clear all');
    assertNoPageErrors(app.errors);
  } finally {
    await app.close();
  }
});

test('a file dropped on the page replaces the dataset', { timeout: 120_000 }, async () => {
  const { events } = await loadEvents('synthetic-dropped.csv');
  const text = await readFile(fixture('synthetic-dropped.csv'), 'utf8');
  const app = await openApp();
  const { page } = app;
  try {
    await waitForData(page);
    await page.evaluate(({ name, text }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type: 'text/csv' }));
      window.__drop = dt;
      for (const type of ['dragenter', 'dragover']) {
        document.body.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
      }
    }, { name: 'synthetic-dropped.csv', text });
    await page.locator('[data-testid="drop-overlay"]').waitFor({ state: 'visible', timeout: 5_000 });
    await page.evaluate(() => {
      document.body.dispatchEvent(
        new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: window.__drop }),
      );
    });
    await page.locator('[data-testid="import-report"]').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="drop-overlay"]').waitFor({ state: 'hidden', timeout: 5_000 });
    assert.equal(await page.locator('[data-testid="dataset-title"]').textContent(), 'synthetic-dropped.csv');
    await expectCounts(page, totals(events), 'after the drop');
    assertNoPageErrors(app.errors);
  } finally {
    await app.close();
  }
});

test('a bad file shows why and leaves the dataset on screen', { timeout: 120_000 }, async () => {
  const { events } = await loadEvents('synthetic-acled.csv');
  const app = await openApp();
  const { page } = app;
  try {
    await waitForData(page);
    await page.setInputFiles('[data-testid="file-input"]', fixture('synthetic-acled.csv'));
    await expectCounts(page, totals(events), 'after loading the good file');

    const cases = [
      ['workbook-renamed.csv', /Excel workbook/],
      ['saved-page.csv', /web page \(HTML\)/],
    ];
    for (const [name, message] of cases) {
      await page.setInputFiles('[data-testid="file-input"]', fixture(name));
      const alert = page.locator('[role="alert"]');
      await page.waitForFunction(
        (n) => document.querySelector('[role="alert"]')?.textContent.includes(n),
        name,
        { timeout: 15_000 },
      );
      const said = await alert.textContent();
      assert.match(said, message, `the alert for ${name}`);
      await expectCounts(page, totals(events), `after the failed ${name}`);
      assert.equal(await page.locator('[data-testid="dataset-title"]').textContent(), 'synthetic-acled.csv');
    }
    await screenshot(page, 'explorer-bad-file');
    // The failed loads made no request fail and threw nothing.
    assertNoPageErrors(app.errors);
  } finally {
    await app.close();
  }
});

test('markup in actor names and notes is shown as text, never run', { timeout: 120_000 }, async () => {
  const { events } = await loadEvents('synthetic-xss.csv');
  const hostile = events.find((e) => e.notes.includes('<script>'));
  assert.ok(hostile, 'the fixture holds a hostile row');
  const app = await openApp();
  const { page } = app;
  try {
    await waitForData(page);
    await page.setInputFiles('[data-testid="file-input"]', fixture('synthetic-xss.csv'));
    await expectCounts(page, totals(events), 'after loading');
    // Open the hostile row: the first of the file.
    await page.locator('[data-testid="event-table"] tbody tr[data-row="0"]').click();
    const details = page.locator('[data-testid="details-fields"]');
    await details.waitFor({ timeout: 10_000 });
    const text = await details.textContent();
    assert.ok(text.includes(hostile.notes), 'the notes are shown literally');
    assert.ok(text.includes('<img src=x onerror=window.__xss=1>'), 'the actor name is shown literally');
    await page.getByText('<script>window.__xss=2</script>', { exact: false }).first().waitFor();
    assert.equal(await page.evaluate(() => window.__xss), undefined, 'no injected script ran');
    assert.equal(await page.locator('img').count(), 0, 'no <img> element was created from data');
    assert.equal(await page.locator('main script, aside script').count(), 0, 'no <script> element came from data');
    await screenshot(page, 'explorer-details');
    assertNoPageErrors(app.errors);
  } finally {
    await app.close();
  }
});

test('a file of unknown layout is read through the column mapping dialog', { timeout: 120_000 }, async () => {
  const [header, ...rows] = parseCsv(await readFile(fixture('synthetic-other-layout.csv'), 'utf8'));
  const killed = header.indexOf('Killed');
  const expected = { events: rows.length, fatalities: rows.reduce((s, r) => s + Number(r[killed]), 0) };
  const app = await openApp();
  const { page } = app;
  try {
    await waitForData(page);
    const before = { events: await readNumber(page, EVENTS), fatalities: await readNumber(page, FATALITIES) };
    await page.setInputFiles('[data-testid="file-input"]', fixture('synthetic-other-layout.csv'));
    const dialog = page.locator('[data-testid="mapping-dialog"]');
    await dialog.waitFor({ timeout: 15_000 });
    // The suggestion found the date; nothing changed yet.
    assert.equal(await page.locator('#map-date').inputValue(), 'When');
    assert.deepEqual(
      { events: await readNumber(page, EVENTS), fatalities: await readNumber(page, FATALITIES) },
      before,
    );
    await page.selectOption('#map-fatalities', 'Killed');
    await page.selectOption('#map-actor1', 'Perpetrator');
    await page.selectOption('#map-notes', 'Description');
    await dialog.getByRole('button', { name: 'Read the file' }).click();
    await page.locator('[data-testid="import-report"]').waitFor({ timeout: 30_000 });
    await expectCounts(page, expected, 'after mapping');
    assertNoPageErrors(app.errors);
  } finally {
    await app.close();
  }
});

test('the table keeps only the rows in sight in the DOM and sorts by a column', { timeout: 120_000 }, async () => {
  // 5,000 synthetic rows made here.
  const header =
    'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp';
  const lines = [header];
  let maxFatalities = 0;
  for (let i = 0; i < 5000; i += 1) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((i % 12) + 1).padStart(2, '0');
    const fatalities = (i * 37) % 101;
    maxFatalities = Math.max(maxFatalities, fatalities);
    lines.push(
      `SYN${i},2022-${month}-${day},2022,1,Political violence,Battles,Armed clash,Army ${i % 7},,1,Rebels ${i % 5},,2,12,,999,Testland,Freedonia,North Province,,,Place ${i % 40},14.${i % 9},-2.${i % 7},1,Synthetic,Other,Synthetic row ${i},${fatalities},,0`,
    );
  }
  const app = await openApp();
  const { page } = app;
  try {
    await waitForData(page);
    await page.setInputFiles('[data-testid="file-input"]', {
      name: 'synthetic-5000.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(lines.join('\n')),
    });
    await waitForNumber(page, EVENTS, 5000, { timeout: 30_000 });
    const rowsInDom = await page.locator('[data-testid="event-table"] tbody tr:not(.spacer)').count();
    assert.ok(rowsInDom > 5 && rowsInDom < 80, `${rowsInDom} rows in the DOM for 5,000 events`);
    await page.locator('[data-testid="event-table"]').evaluate((el) => {
      el.scrollTop = 30 * 2500;
      el.dispatchEvent(new Event('scroll'));
    });
    await page.waitForSelector('[data-testid="event-table"] tbody tr[data-row="2500"]', { timeout: 5_000 });
    await page.locator('button.sort[data-column="fatalities"]').click();
    await page.locator('[data-testid="event-table"]').evaluate((el) => {
      el.scrollTop = 0;
      el.dispatchEvent(new Event('scroll'));
    });
    const first = page.locator('[data-testid="event-table"] tbody tr:not(.spacer)').first().locator('td').last();
    await page.waitForFunction(
      (max) => document.querySelector('[data-testid="event-table"] tbody tr:not(.spacer) td:last-child')?.textContent === String(max),
      maxFatalities,
      { timeout: 5_000 },
    );
    assert.equal(await first.textContent(), String(maxFatalities), 'sorted by fatalities, most first');
    assertNoPageErrors(app.errors);
  } finally {
    await app.close();
  }
});

test('a UCDP GED file is credited and counted with its best estimates', { timeout: 120_000 }, async () => {
  const [header, ...rows] = parseCsv(await readFile(fixture('synthetic-ucdp.csv'), 'utf8'));
  const best = header.indexOf('best');
  const expected = { events: rows.length, fatalities: rows.reduce((s, r) => s + Number(r[best]), 0) };
  const app = await openApp();
  const { page } = app;
  try {
    await waitForData(page);
    await page.setInputFiles('[data-testid="file-input"]', fixture('synthetic-ucdp.csv'));
    await page.locator('[data-testid="import-report"]').waitFor({ timeout: 30_000 });
    await expectCounts(page, expected, 'for the UCDP file');
    const header = await page.locator('header').textContent();
    assert.match(header, /UCDP Georeferenced Event Dataset \(GED\).*CC BY 4\.0/, 'the header credits UCDP as it asks to be cited');
    assert.match(header, /UCDP Georeferenced Event Dataset/, 'the header names the format');
    assertNoPageErrors(app.errors);
  } finally {
    await app.close();
  }
});

test('Cancel stops reading a large file and keeps the dataset on show', { timeout: 180_000 }, async () => {
  // About 60 MB of synthetic rows, written to a temporary file.
  const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
  const os = await import('node:os');
  const path = await import('node:path');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'eventlens-e2e-'));
  const file = path.join(dir, 'synthetic-large.csv');
  const head =
    'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp\n';
  const filler = 'synthetic filler text '.repeat(12);
  const parts = [head];
  for (let i = 0; i < 200_000; i += 1) {
    parts.push(
      `SYN${i},2022-01-${String((i % 28) + 1).padStart(2, '0')},2022,1,Political violence,Battles,Armed clash,Army ${i % 9},,1,Rebels ${i % 4},,2,12,,999,Testland,Freedonia,North Province,,,Place ${i % 50},14.1,-2.2,1,Synthetic,Other,"${filler}",${i % 7},,0\n`,
    );
  }
  await writeFile(file, parts.join(''));
  const app = await openApp();
  const { page } = app;
  try {
    await waitForData(page);
    const before = { events: await readNumber(page, EVENTS), fatalities: await readNumber(page, FATALITIES) };
    const title = await page.locator('[data-testid="dataset-title"]').textContent();
    await page.setInputFiles('[data-testid="file-input"]', file);
    const progress = page.locator('[data-testid="progress"]');
    await progress.waitFor({ timeout: 15_000 });
    assert.match(await progress.textContent(), /rows\/s/, 'the progress shows a rate');
    await progress.getByRole('button', { name: 'Cancel' }).click();
    await progress.waitFor({ state: 'detached', timeout: 5_000 });
    // The page says when the cancelled read has stopped (it can no longer
    // install the file); a read that ignored Cancel would end in "done".
    await page.locator('.app[data-load-state="cancelled"]').waitFor({ state: 'attached', timeout: 30_000 });
    assert.equal(await page.locator('[data-testid="dataset-title"]').textContent(), title);
    assert.deepEqual({ events: await readNumber(page, EVENTS), fatalities: await readNumber(page, FATALITIES) }, before);
    assert.equal(await page.locator('[data-testid="import-report"]').count(), 0, 'no report for a cancelled file');
    assertNoPageErrors(app.errors);
  } finally {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('the comparison panel counts the same months of consecutive years by event type', { timeout: 120_000 }, async () => {
  const { events } = await loadEvents('synthetic-acled.csv');
  const inPeriod = (e, year) => e.date.startsWith(`${year}-`) && e.month >= 6 && e.month <= 9;
  const app = await openApp();
  const { page } = app;
  try {
    await waitForData(page);
    await page.setInputFiles('[data-testid="file-input"]', fixture('synthetic-acled.csv'));
    await expectCounts(page, totals(events), 'after loading');
    await page.getByRole('tab', { name: 'Compare periods' }).click();
    await page.selectOption('#c-first', '6');
    await page.selectOption('#c-last', '9');
    await page.fill('#c-year', '2021');
    await page.press('#c-year', 'Tab');
    await page.getByRole('button', { name: 'Compare with 2022' }).click();
    const table = page.locator('[data-testid="comparison"]');
    await page.waitForFunction(
      () => /2021-06-01 to 2021-09-30.*2022-06-01 to 2022-09-30/.test(
        document.querySelector('[data-testid="comparison"] caption')?.textContent ?? '',
      ),
      null,
      { timeout: 10_000 },
    );
    const shown = await table.locator('tbody tr, tfoot tr').evaluateAll((rows) =>
      rows.map((r) => [...r.children].map((c) => c.textContent.trim())),
    );
    const types = [...new Set(events.map((e) => e.type))];
    for (const type of types) {
      const a = events.filter((e) => e.type === type && inPeriod(e, 2021)).length;
      const b = events.filter((e) => e.type === type && inPeriod(e, 2022)).length;
      const row = shown.find((r) => r[0] === type);
      if (a === 0 && b === 0) continue;
      assert.ok(row, `a row for ${type}: ${JSON.stringify(shown)}`);
      assert.deepEqual([Number(row[1]), Number(row[2])], [a, b], `events of ${type} in A and B`);
      if (a === 0) assert.equal(row[3], 'new', `${type} had no events in A`);
    }
    const total = shown.find((r) => r[0] === 'All events');
    assert.deepEqual(
      [Number(total[1]), Number(total[2])],
      [events.filter((e) => inPeriod(e, 2021)).length, events.filter((e) => inPeriod(e, 2022)).length],
      'totals of A and B',
    );
    await screenshot(page, 'explorer-compare');
    assertNoPageErrors(app.errors);
  } finally {
    await app.close();
  }
});

test('brushing the timeline sets a date range of whole bins', { timeout: 120_000 }, async () => {
  const { events } = await loadEvents('synthetic-acled.csv');
  const app = await openApp();
  const { page } = app;
  try {
    await waitForData(page);
    await page.setInputFiles('[data-testid="file-input"]', fixture('synthetic-acled.csv'));
    await expectCounts(page, totals(events), 'after loading');
    await page.getByRole('button', { name: 'Close report' }).click();
    const canvas = page.locator('[data-testid="timeline"]');
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.55, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    const chip = page.locator('[data-testid="chips"] .chip').first();
    await chip.waitFor({ timeout: 5_000 });
    const [, from, to] = /(\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})/.exec(await chip.textContent());
    assert.equal(from.slice(8), '01', 'the range starts on the first day of a month');
    assert.equal(await page.inputValue('#f-from'), from, 'the date field follows the brush');
    assert.equal(await page.inputValue('#f-to'), to);
    await expectCounts(page, totals(events.filter((e) => e.date >= from && e.date <= to)), `for ${from} to ${to}`);
    assertNoPageErrors(app.errors);
  } finally {
    await app.close();
  }
});

test('at 375 pixels wide the page stacks its panels without sideways scrolling', { timeout: 120_000 }, async () => {
  const app = await openApp({ viewport: { width: 375, height: 800 } });
  const { page } = app;
  try {
    await waitForData(page);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 375, `the page is ${width} px wide`);
    // The filter controls fold away under a button on narrow screens.
    assert.equal(await page.locator('#f-actor').isVisible(), false);
    await page.getByRole('button', { name: 'Show filter controls' }).click();
    assert.equal(await page.locator('#f-actor').isVisible(), true);
    await screenshot(page, 'explorer-375px');
    assertNoPageErrors(app.errors);
  } finally {
    await app.close();
  }
});
