// A second file beside the dataset on show, in the release build: the
// later version of a file (tests/fixtures/versions/, synthetic rows) with
// the events added, deleted and revised and the headline sentence, before
// and after a filter; two sources side by side (tests/fixtures/sources/,
// synthetic ACLED-shaped and UCDP GED-shaped rows) per month and per year;
// a bad second file leaves the dataset on show in place. Every expected
// figure is computed here from the fixture CSVs.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { assertNoPageErrors, openApp, parseCsv, repoPath, waitForData, waitForNumber } from './helpers.mjs';

const EVENTS = '[data-testid="events-count"]';
const SECOND = '[data-testid="second-file"]';

/** The rows of a fixture as objects keyed by header. */
async function rowsOf(...parts) {
  const [header, ...records] = parseCsv(await readFile(repoPath('tests', 'fixtures', ...parts), 'utf8'));
  return records.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

/** Waits until the second file is in the state named. */
async function waitForSecond(page, state) {
  await page.waitForFunction(
    ([sel, state]) => document.querySelector(sel)?.dataset.secondState === state,
    [SECOND, state],
    { timeout: 60_000 },
  );
}

// The fields compared between versions, as the files write them.
const COMPARED = [
  'event_date', 'fatalities', 'event_type', 'sub_event_type',
  'actor1', 'assoc_actor_1', 'actor2', 'assoc_actor_2',
  'country', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude',
];

/** What the page should say of two versions for the events `inView` keeps. */
function expectedDiff(earlier, later, inView) {
  const byId = new Map(earlier.map((e) => [e.event_id_cnty, e]));
  const laterIds = new Set(later.map((l) => l.event_id_cnty));
  const added = later.filter((l) => !byId.has(l.event_id_cnty) && inView(l)).length;
  const deleted = earlier.filter((e) => !laterIds.has(e.event_id_cnty) && inView(e)).length;
  let revised = 0;
  let movedIn = 0;
  let movedOut = 0;
  for (const l of later) {
    const e = byId.get(l.event_id_cnty);
    if (!e) continue;
    const [a, b] = [inView(e), inView(l)];
    if (!a && !b) continue;
    const changed = COMPARED.some((f) => e[f] !== l[f]);
    if (changed || !a || !b) revised += 1;
    if (!a) movedIn += 1;
    if (!b) movedOut += 1;
  }
  const sum = (rows) => rows.filter(inView).reduce((s, r) => s + Number(r.fatalities), 0);
  const [ev, lv] = [earlier.filter(inView).length, later.filter(inView).length];
  const moves = [];
  if (movedIn) moves.push(`${movedIn} now in the view`);
  if (movedOut) moves.push(`${movedOut} now out of it`);
  const sentence =
    `Events in this view: ${ev} in the earlier file, ${lv} in the later one; ` +
    `fatalities: ${sum(earlier)} and ${sum(later)}. ` +
    `${added} ${added === 1 ? 'event' : 'events'} added, ${deleted} deleted, ${revised} revised` +
    (moves.length ? ` (${moves.join(', ')})` : '') +
    '.';
  return { added, deleted, revised, sentence };
}

/** The counts and the sentence the versions panel shows. */
async function shownDiff(page) {
  const count = async (id) => Number(await page.locator(`[data-testid="${id}"]`).getAttribute('data-count'));
  return {
    added: await count('versions-added'),
    deleted: await count('versions-deleted'),
    revised: await count('versions-revised'),
    sentence: (await page.locator('[data-testid="versions-summary"]').textContent()).trim(),
  };
}

test('a later version: added, deleted and revised events and the headline sentence, with and without a filter', { timeout: 180_000 }, async () => {
  const earlier = await rowsOf('versions', 'earlier.csv');
  const later = await rowsOf('versions', 'later.csv');
  const app = await openApp();
  const { page } = app;
  try {
    await waitForData(page);
    await page.setInputFiles('[data-testid="file-input"]', repoPath('tests', 'fixtures', 'versions', 'earlier.csv'));
    assert.equal(await waitForNumber(page, EVENTS, earlier.length), earlier.length);
    await page.setInputFiles('[data-testid="second-file-input"]', repoPath('tests', 'fixtures', 'versions', 'later.csv'));
    await waitForSecond(page, 'ready');
    // The later file's events run later: it is taken as the later version.
    assert.match(await page.locator('[data-testid="versions-later"]').textContent(), /later\.csv/);
    assert.deepEqual(await shownDiff(page), expectedDiff(earlier, later, () => true));
    // The dataset on show is still the earlier file.
    assert.equal(await waitForNumber(page, EVENTS, earlier.length), earlier.length);

    // The same filter applies to both versions; the sentence follows it.
    const type = 'Violence against civilians';
    const expected = expectedDiff(earlier, later, (r) => r.event_type === type);
    await page.selectOption('#f-event-type', type);
    await page.waitForFunction(
      (s) => document.querySelector('[data-testid="versions-summary"]')?.textContent.trim() === s,
      expected.sentence,
      { timeout: 30_000 },
    ).catch(() => {});
    assert.deepEqual(await shownDiff(page), expected);

    // A revised event lists its changed fields with old and new values.
    await page.selectOption('#f-event-type', '');
    const fatalities = page.locator('[data-testid="versions-revised-list"] li[data-id="SYN2"] li[data-field="fatalities"]');
    const before = earlier.find((e) => e.event_id_cnty === 'SYN2').fatalities;
    const after = later.find((e) => e.event_id_cnty === 'SYN2').fatalities;
    assert.equal((await fatalities.textContent()).trim(), `fatalities: ${before} \u2192 ${after}`);
    assertNoPageErrors(app.errors);
  } finally {
    await app.close();
  }
});

test('a bad second file is refused in a sentence and the dataset on show stays', { timeout: 120_000 }, async () => {
  const earlier = await rowsOf('versions', 'earlier.csv');
  const app = await openApp();
  const { page } = app;
  try {
    await waitForData(page);
    await page.setInputFiles('[data-testid="file-input"]', repoPath('tests', 'fixtures', 'versions', 'earlier.csv'));
    assert.equal(await waitForNumber(page, EVENTS, earlier.length), earlier.length);
    await page.setInputFiles('[data-testid="second-file-input"]', {
      name: 'not-events.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('colour,size\nred,3\nblue,4\n'),
    });
    await waitForSecond(page, 'failed');
    const error = await page.locator('[data-testid="second-error"]').textContent();
    assert.match(error, /not-events\.csv could not be opened as a second file/);
    assert.match(error, /The dataset on show stays\./);
    assert.equal(await waitForNumber(page, EVENTS, earlier.length), earlier.length);
    assert.equal(await page.locator('.app').getAttribute('data-load-state'), 'done');
    // The page's own error region is not used for the second file.
    assertNoPageErrors(app.errors);
  } finally {
    await app.close();
  }
});

/** Events and fatalities per key in each source, from the fixtures. */
function sums(acled, ucdp, keyOf) {
  const out = new Map();
  const add = (key, source, fatalities) => {
    const v = out.get(key) ?? [0, 0, 0, 0];
    v[source] += 1;
    v[source + 2] += fatalities;
    out.set(key, v);
  };
  for (const r of acled) add(keyOf(r.event_date), 0, Number(r.fatalities));
  for (const r of ucdp) add(keyOf(r.date_start.slice(0, 10)), 1, Number(r.best));
  return out;
}

/** The table's rows: key -> [events A, events B, fatalities A, fatalities B]. */
async function shownSums(page) {
  return page.locator('[data-testid="sources-table"] tbody tr').evaluateAll((rows) =>
    rows.map((r) => [
      r.dataset.key,
      [r.dataset.aEvents, r.dataset.bEvents, r.dataset.aFatalities, r.dataset.bFatalities].map(Number),
    ]),
  );
}

test('two sources side by side: events and fatalities per month and per year, with both credits', { timeout: 180_000 }, async () => {
  const acled = await rowsOf('sources', 'acled_mali.csv');
  const ucdp = await rowsOf('sources', 'ucdp_mali.csv');
  const app = await openApp();
  const { page } = app;
  try {
    await waitForData(page);
    await page.setInputFiles('[data-testid="file-input"]', repoPath('tests', 'fixtures', 'sources', 'acled_mali.csv'));
    assert.equal(await waitForNumber(page, EVENTS, acled.length), acled.length);
    await page.locator('[data-testid="second-as-source"]').check();
    await page.setInputFiles('[data-testid="second-file-input"]', repoPath('tests', 'fixtures', 'sources', 'ucdp_mali.csv'));
    await waitForSecond(page, 'ready');
    await page.locator('[data-testid="sources-table"]').waitFor({ timeout: 30_000 });

    // Per month: every month from the first to the last, empty ones too.
    const byMonth = sums(acled, ucdp, (d) => d.slice(0, 7));
    const months = [...byMonth.keys()].sort();
    const expected = [];
    for (let [y, m] = months[0].split('-').map(Number); ; m += 1) {
      if (m > 12) [y, m] = [y + 1, 1];
      const key = `${y}-${String(m).padStart(2, '0')}`;
      expected.push([key, byMonth.get(key) ?? [0, 0, 0, 0]]);
      if (key === months[months.length - 1]) break;
    }
    assert.deepEqual(await shownSums(page), expected);

    await page.selectOption('[data-testid="sources-by"]', 'year');
    const byYear = [...sums(acled, ucdp, (d) => d.slice(0, 4)).entries()].sort();
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="sources-table"] tbody tr').length === n
        && /^\d{4}$/.test(document.querySelector('[data-testid="sources-table"] tbody tr')?.dataset.key ?? ''),
      byYear.length,
      { timeout: 30_000 },
    );
    assert.deepEqual(await shownSums(page), byYear);

    const footer = await page.locator('[data-testid="sources-footer"]').textContent();
    assert.match(footer, /Armed Conflict Location & Event Data Project \(ACLED\)/);
    assert.match(footer, /UCDP Georeferenced Event Dataset \(GED\)/);
    assert.match(footer, /no event of one is matched with an event of the other/);

    // A filter UCDP GED cannot express is named, not dropped silently.
    await page.selectOption('#f-event-type', 'Battles');
    const leftOut = page.locator('[data-testid="sources-left-out"]');
    await leftOut.first().waitFor({ timeout: 30_000 });
    assert.match(await leftOut.first().textContent(), /UCDP GED has no event type called Battles/);
    assertNoPageErrors(app.errors);
  } finally {
    await app.close();
  }
});

test('another dataset opened after a version was matched: a second file as a source does not apply the old matching', { timeout: 180_000 }, async () => {
  // The matching of earlier.csv with later.csv names rows of earlier.csv;
  // applied to a smaller dataset opened afterwards it read past its rows
  // and the page restarted.
  const acled = await rowsOf('sources', 'acled_mali.csv');
  const ucdp = await rowsOf('sources', 'ucdp_mali.csv');
  const app = await openApp();
  const { page } = app;
  try {
    await waitForData(page);
    const earlier = await rowsOf('versions', 'earlier.csv');
    await page.setInputFiles('[data-testid="file-input"]', repoPath('tests', 'fixtures', 'versions', 'earlier.csv'));
    assert.equal(await waitForNumber(page, EVENTS, earlier.length), earlier.length);
    await page.setInputFiles('[data-testid="second-file-input"]', repoPath('tests', 'fixtures', 'versions', 'later.csv'));
    await waitForSecond(page, 'ready');
    await page.setInputFiles('[data-testid="file-input"]', repoPath('tests', 'fixtures', 'sources', 'acled_mali.csv'));
    assert.equal(await waitForNumber(page, EVENTS, acled.length), acled.length);
    await page.locator('[data-testid="second-as-source"]').check();
    await page.setInputFiles('[data-testid="second-file-input"]', repoPath('tests', 'fixtures', 'sources', 'ucdp_mali.csv'));
    await waitForSecond(page, 'ready');
    await page.locator('[data-testid="sources-table"]').waitFor({ timeout: 30_000 });
    const byYear = [...sums(acled, ucdp, (d) => d.slice(0, 4)).entries()].sort();
    await page.selectOption('[data-testid="sources-by"]', 'year');
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="sources-table"] tbody tr').length === n
        && /^\d{4}$/.test(document.querySelector('[data-testid="sources-table"] tbody tr')?.dataset.key ?? ''),
      byYear.length,
      { timeout: 30_000 },
    );
    assert.deepEqual(await shownSums(page), byYear);
    // No restart: the dataset on show is still the one opened last.
    assert.equal(await waitForNumber(page, EVENTS, acled.length), acled.length);
    assertNoPageErrors(app.errors);
  } finally {
    await app.close();
  }
});
