// Keyboard and screen reader: Tab reaches every row of the events table;
// Escape (or "Close") on an event's details gives the focus back to its
// row; the breakdown and timeline bars are reachable and named by their
// values; a filter change is announced once, politely. Every expected
// number is computed here from the bundled CSV.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { assertNoPageErrors, openApp, parseCsv, repoPath, waitForData, waitForNumber } from './helpers.mjs';

const ROWS = '.event-table tbody tr[data-row]';

/** The bundled events as objects keyed by column name. */
async function bundledEvents() {
  const [header, ...rows] = parseCsv(await readFile(repoPath('public/data/wagner-mali-events.csv'), 'utf8'));
  return rows.filter((r) => r.length === header.length).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

const plural = (n, one, many) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** Counts of `key(e)` over `events`, as a Map. */
function countBy(events, key) {
  const counts = new Map();
  for (const e of events) counts.set(key(e), (counts.get(key(e)) ?? 0) + 1);
  return counts;
}

/** Describes the focused element: its tag, table row and timeline bin. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return {
      tag: el?.tagName.toLowerCase() ?? null,
      row: el?.getAttribute('data-row') ?? null,
      rowIndex: el?.getAttribute('aria-rowindex') ?? null,
      bin: el?.getAttribute('data-bin') ?? null,
      inTable: Boolean(el?.closest('.event-table')),
      text: el?.textContent ?? '',
    };
  });
}

test('Tab reaches every row of the events table, then leaves it', { timeout: 120_000 }, async () => {
  const events = await bundledEvents();
  const app = await openApp();
  const { page, errors } = app;
  try {
    await waitForData(page);
    await page.locator(ROWS).first().waitFor();
    // From the last column heading, Tab goes into the rows.
    await page.locator('.event-table thead th:last-child button').focus();
    const seen = [];
    for (let i = 0; i < events.length; i += 1) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      assert.equal(f.tag, 'tr', `Tab ${i + 1} lands on a table row (it landed on ${f.tag})`);
      seen.push(f);
    }
    assert.deepEqual(
      seen.map((f) => Number(f.rowIndex)),
      events.map((_, i) => i + 2),
      'one row after another, in the table order (row 1 is the headings)',
    );
    assert.equal(new Set(seen.map((f) => f.row)).size, events.length, 'every event once');
    await page.keyboard.press('Tab');
    const after = await focused(page);
    assert.ok(after.tag !== 'body' && !after.inTable, `after the last row the focus moves on (it is on ${after.tag})`);
    assertNoPageErrors(errors);
  } finally {
    await app.close();
  }
});

test('closing the details with Escape or Close gives the focus back to the row that opened them', { timeout: 120_000 }, async () => {
  const events = await bundledEvents();
  const app = await openApp();
  const { page, errors } = app;
  try {
    await waitForData(page);
    await page.locator(ROWS).first().focus();
    // A row well below the first screenful: the table draws it only once
    // scrolled to.
    const target = events.length - 2;
    for (let i = 0; i < target; i += 1) await page.keyboard.press('Tab');
    const row = await focused(page);
    assert.equal(Number(row.rowIndex), target + 2, 'the row reached by Tab');

    await page.keyboard.press('Enter');
    await page.locator('[data-testid="details-fields"]').waitFor();
    assert.equal((await focused(page)).text, 'Close', 'the focus moves into the details');
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="details"]').waitFor({ state: 'detached' });
    let back = await focused(page);
    assert.deepEqual([back.tag, back.row], ['tr', row.row], 'Escape gives the focus back to the row');

    await page.keyboard.press(' ');
    await page.locator('[data-testid="details-fields"]').waitFor();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="details"]').waitFor({ state: 'detached' });
    back = await focused(page);
    assert.deepEqual([back.tag, back.row], ['tr', row.row], '"Close" gives the focus back to the row');
    assertNoPageErrors(errors);
  } finally {
    await app.close();
  }
});

test('breakdown bars are buttons named by their label and value', { timeout: 120_000 }, async () => {
  const events = await bundledEvents();
  const app = await openApp();
  const { page, errors } = app;
  try {
    await waitForData(page);
    const group = page.locator('[data-testid="bars-event-type"]');
    await group.locator('.bar').first().waitFor();
    const byType = [...countBy(events, (e) => e.event_type)].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const names = await group.locator('.bar').evaluateAll((bars) => bars.map((b) => b.textContent.replace(/\s+/g, ' ').trim()));
    assert.deepEqual(
      [...names].sort(),
      byType.map(([type, n]) => `${type} ${plural(n, 'event', 'events')}`).sort(),
      'the text of each bar (its accessible name) is its label, count and unit',
    );
    for (const [type, n] of byType) {
      const bar = group.getByRole('button', { name: `${type} ${plural(n, 'event', 'events')}`, exact: true });
      assert.equal(await bar.count(), 1, `one button named for ${type}`);
      await bar.focus();
      assert.equal(await bar.evaluate((b) => b === document.activeElement), true, `the ${type} bar takes the focus`);
    }
    assertNoPageErrors(errors);
  } finally {
    await app.close();
  }
});

test('the timeline bars are one Tab stop; arrow keys go through them with their counts; Enter picks one', { timeout: 120_000 }, async () => {
  const events = await bundledEvents();
  // Month bins from the first event's month to the last one's.
  const months = events.map((e) => e.event_date.slice(0, 7)).sort();
  const [y0, m0] = months[0].split('-').map(Number);
  const [y1, m1] = months.at(-1).split('-').map(Number);
  const bins = [];
  for (let i = y0 * 12 + m0 - 1; i <= y1 * 12 + m1 - 1; i += 1) {
    bins.push(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  }
  const perMonth = countBy(events, (e) => e.event_date.slice(0, 7));
  const app = await openApp();
  const { page, errors } = app;
  try {
    await waitForData(page);
    const list = page.locator('[data-testid="timeline-bars"]');
    await list.locator('button').first().waitFor({ state: 'attached' });
    assert.equal(await list.locator('button').count(), bins.length, 'one button per month');
    assert.equal(await list.locator('button[tabindex="0"]').count(), 1, 'one Tab stop');

    // Tab from the control before it (the Measure buttons or "All dates").
    await page.locator('.timeline .segmented button').last().focus();
    await page.keyboard.press('Tab');
    for (const [i, month] of bins.entries()) {
      if (i > 0) await page.keyboard.press('ArrowRight');
      const f = await focused(page);
      assert.equal(f.bin, String(i), `bar ${i} has the focus`);
      const n = perMonth.get(month) ?? 0;
      assert.ok(f.text.startsWith(`${month}: ${plural(n, 'event', 'events')}`), `bar ${i} reads "${f.text}", expected ${month}: ${n}`);
      const tip = await page.locator('[data-testid="timeline-tip"]').textContent();
      assert.equal(tip, f.text, 'the focused bar shows its tooltip');
    }

    // The busiest month: Home, then arrows to it, then Enter.
    const busiest = bins.reduce((best, m, i) => ((perMonth.get(m) ?? 0) > (perMonth.get(bins[best]) ?? 0) ? i : best), 0);
    await page.keyboard.press('Home');
    assert.equal((await focused(page)).bin, '0', 'Home goes to the first bar');
    for (let i = 0; i < busiest; i += 1) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    const expected = perMonth.get(bins[busiest]);
    assert.equal(await waitForNumber(page, '[data-testid="events-count"]', expected), expected, `events in ${bins[busiest]}`);
    const f = await focused(page);
    assert.equal(f.bin, String(busiest), 'the focus stays on the chosen bar');
    assertNoPageErrors(errors);
  } finally {
    await app.close();
  }
});

test('a filter change announces the counts once, politely', { timeout: 120_000 }, async () => {
  const events = await bundledEvents();
  const app = await openApp();
  const { page, errors } = app;
  try {
    await waitForData(page);
    const region = page.locator('[data-testid="counts-announcer"]');
    assert.equal(await region.getAttribute('aria-live'), 'polite');
    const live = await page.evaluate(() =>
      [...document.querySelectorAll('[aria-live], [role="status"], [role="alert"]')].filter((el) => /\d+ events?/.test(el.textContent)).length,
    );
    assert.equal(live, 1, 'one live region speaks the counts');
    const all = plural(events.length, 'event', 'events');
    await page.waitForFunction((text) => document.querySelector('[data-testid="counts-announcer"]')?.textContent.startsWith(text), all);

    await page.evaluate(() => {
      const el = document.querySelector('[data-testid="counts-announcer"]');
      window.__announced = { records: 0, texts: [] };
      new MutationObserver((records) => {
        window.__announced.records += records.length;
        window.__announced.texts.push(el.textContent);
      }).observe(el, { childList: true, characterData: true, subtree: true, attributes: true });
    });
    const sentence = (list) => {
      const fatalities = list.reduce((s, e) => s + Number(e.fatalities || 0), 0);
      return `${plural(list.length, 'event', 'events')}, ${plural(fatalities, 'fatality', 'fatalities')}, `;
    };
    const battles = events.filter((e) => e.event_type === 'Battles');
    const bar = page.locator('[data-testid="bars-event-type"] .bar', { hasText: 'Battles' });
    // Two changes: choosing Battles, then undoing it. A late update of the
    // first would show between or after the two.
    await bar.click();
    assert.equal(await waitForNumber(page, '[data-testid="events-count"]', battles.length), battles.length);
    await page.waitForFunction(() => new URLSearchParams(location.search).get('type') === 'Battles');
    await bar.click();
    assert.equal(await waitForNumber(page, '[data-testid="events-count"]', events.length), events.length);
    await page.waitForFunction(() => !new URLSearchParams(location.search).has('type'));
    // The link follows the view last; two more frames for any late update
    // of the region.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const announced = await page.evaluate(() => window.__announced);
    assert.equal(announced.texts.length, 2, `one update of the region per change: ${JSON.stringify(announced)}`);
    assert.equal(announced.records, 2, 'one mutation per change');
    assert.ok(announced.texts[0].startsWith(sentence(battles)), `the region says the counts of Battles: ${announced.texts[0]}`);
    assert.ok(announced.texts[1].startsWith(sentence(events)), `then the counts of all events: ${announced.texts[1]}`);
    assertNoPageErrors(errors);
  } finally {
    await app.close();
  }
});
