// Several values per filter, in the link and in the form, on the bundled
// dataset: `?type=Battles,Riots` selects both (it used to show 0 events),
// each value is a removable chip, and the breakdowns highlight the chosen
// bars and say that they show every value. Expected counts are computed
// here from public/data, independently of the app.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { assertNoPageErrors, openApp, parseCsv, repoPath, screenshot, waitForNumber } from './helpers.mjs';

const COUNT = '[data-testid="events-count"]';

/** The bundled events as objects keyed by column name. */
async function bundledEvents() {
  const [header, ...rows] = parseCsv(await readFile(repoPath('public/data/wagner-mali-events.csv'), 'utf8'));
  return rows.filter((r) => r.length === header.length).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

/** Waits until the page's address has `key` with exactly `value` (raw text). */
async function waitForParam(page, key, value) {
  await page
    .waitForFunction(
      ([key, value]) => location.search.slice(1).split('&').includes(`${key}=${value}`),
      [key, value],
      { timeout: 15_000 },
    )
    .catch(() => {});
  return page.evaluate(() => location.search);
}

async function chipLabels(page) {
  return page.locator('.chip > span').allTextContents();
}

test('?type=Battles,Riots shows the events of both types', { timeout: 120_000 }, async () => {
  const events = await bundledEvents();
  const count = (pred) => events.filter(pred).length;
  const app = await openApp({ path: '?type=Battles,Riots' });
  const { page } = app;
  try {
    const expected = count((e) => e.event_type === 'Battles' || e.event_type === 'Riots');
    assert.ok(expected > 0);
    assert.equal(await waitForNumber(page, COUNT, expected), expected, 'events shown for Battles or Riots');
    assert.deepEqual(await chipLabels(page), ['Type: Battles', 'Type: Riots'], 'one chip per value');
    const chosen = await page.locator('#f-event-type option:checked').evaluateAll((o) => o.map((x) => x.value));
    assert.deepEqual(chosen, ['Battles', 'Riots'], 'the form shows both values chosen');
    await screenshot(page, 'filters-two-types');

    // Removing one chip keeps the other.
    await page.getByRole('button', { name: 'Remove filter Type: Riots' }).click();
    const battles = count((e) => e.event_type === 'Battles');
    assert.equal(await waitForNumber(page, COUNT, battles), battles, 'after removing Riots');
    assert.match(await waitForParam(page, 'type', 'Battles'), /type=Battles(&|$)/);

    // Choosing several values in the form writes them into the link.
    await page.selectOption('#f-event-type', ['Battles', 'Protests']);
    const two = count((e) => e.event_type === 'Battles' || e.event_type === 'Protests');
    assert.equal(await waitForNumber(page, COUNT, two), two, 'Battles or Protests');
    assert.match(await waitForParam(page, 'type', 'Battles,Protests'), /type=Battles,Protests/);
    await page.selectOption('#f-event-type', '');
    assert.equal(await waitForNumber(page, COUNT, events.length), events.length, '"All" clears the filter');
    assertNoPageErrors(app.errors);
  } finally {
    await app.close();
  }
});

test('a value with a comma stays one value through the link', { timeout: 120_000 }, async () => {
  const events = await bundledEvents();
  const app = await openApp({ path: '?admin1=Mopti,Bandiagara%2C+cercle,Gao' });
  const { page } = app;
  try {
    const expected = events.filter((e) => ['Mopti', 'Gao'].includes(e.admin1)).length;
    assert.equal(await waitForNumber(page, COUNT, expected), expected);
    assert.deepEqual(await chipLabels(page), ['Admin 1: Mopti', 'Admin 1: Bandiagara, cercle', 'Admin 1: Gao']);
    await page.getByRole('button', { name: 'Remove filter Admin 1: Gao' }).click();
    const search = await waitForParam(page, 'admin1', 'Mopti,Bandiagara%2C+cercle');
    assert.match(search, /admin1=Mopti,Bandiagara%2C\+cercle(&|$)/, 'the comma inside a value is %2C');
    assertNoPageErrors(app.errors);
  } finally {
    await app.close();
  }
});

test('a breakdown shows every value of its dimension and says which are selected', { timeout: 120_000 }, async () => {
  const events = await bundledEvents();
  const app = await openApp({ path: '?admin1=Mopti' });
  const { page } = app;
  try {
    const mopti = events.filter((e) => e.admin1 === 'Mopti').length;
    assert.equal(await waitForNumber(page, COUNT, mopti), mopti);
    const regions = page.locator('[data-testid="bars-admin1"]');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="caption-admin1"]')?.textContent.includes('selected'),
      null,
      { timeout: 15_000 },
    );
    assert.equal(
      (await regions.locator('[data-testid="caption-admin1"]').textContent()).trim(),
      'All regions (admin 1) shown; Mopti selected.',
    );
    const bars = await regions.locator('button.bar').evaluateAll((bs) =>
      bs.map((b) => ({
        label: b.querySelector('.bar-label').textContent,
        pressed: b.getAttribute('aria-pressed'),
        dimmed: b.classList.contains('dimmed'),
      })),
    );
    assert.ok(bars.length > 1, 'the other regions are still listed');
    for (const bar of bars) {
      const selected = bar.label === 'Mopti';
      assert.equal(bar.pressed, String(selected), bar.label);
      assert.equal(bar.dimmed, !selected, bar.label);
    }
    await screenshot(page, 'filters-breakdown-selected');
    assertNoPageErrors(app.errors);
  } finally {
    await app.close();
  }
});

/** Clicks a download button and returns the file's text. */
async function downloadText(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), page.click(selector)]);
  return readFile(await file.path(), 'utf8');
}

test('an exported or embedded breakdown names only the filters it applies', { timeout: 120_000 }, async () => {
  const view = '?admin1=Mopti&actor=JNIM&by=admin1';
  const app = await openApp({ path: view });
  const { page } = app;
  try {
    await page.waitForFunction(
      () => document.querySelector('[data-testid="caption-admin1"]')?.textContent.includes('Mopti selected'),
      null,
      { timeout: 30_000 },
    );
    const svg = await downloadText(page, '[data-testid="export-breakdown-svg"]');
    const read = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
      const labels = [...doc.querySelectorAll('g.axis text')];
      return {
        footer: [...doc.querySelectorAll('g.footer text')].map((t) => t.textContent),
        bars: [...doc.querySelectorAll('g.plot rect')].map((r, i) => ({
          label: labels[i]?.textContent,
          bold: labels[i]?.getAttribute('font-weight') === 'bold',
          dimmed: r.getAttribute('fill-opacity') !== null,
        })),
      };
    }, svg);
    assert.ok(read.footer.includes('Filters: Actor: JNIM.'), read.footer.join('\n'));
    assert.ok(!read.footer.some((l) => l.startsWith('Filters:') && l.includes('Mopti')), 'Mopti is not claimed');
    assert.ok(
      read.footer.some((l) => l.startsWith('Not applied to this chart: Admin 1: Mopti.')),
      read.footer.join('\n'),
    );
    assert.ok(read.bars.length > 1, 'other regions are drawn');
    for (const bar of read.bars) {
      const selected = bar.label === 'Mopti';
      assert.equal(bar.bold, selected, bar.label);
      assert.equal(bar.dimmed, !selected, bar.label);
    }
    const csv = parseCsv(await downloadText(page, '[data-testid="export-breakdown-csv"]'));
    assert.deepEqual(csv[0], ['admin1', 'events', 'fatalities', 'civilian_fatalities', 'selected']);
    for (const row of csv.slice(1).filter((r) => r.length === 5)) {
      assert.equal(row[4], row[0] === 'Mopti' ? 'yes' : 'no', row[0]);
    }
    assertNoPageErrors(app.errors);
  } finally {
    await app.close();
  }

  const embed = await openApp({ path: `${view}&embed=1&panel=breakdown` });
  try {
    const filters = embed.page.locator('[data-testid="embed-filters"]');
    await embed.page.waitForFunction(
      () => document.querySelector('[data-testid="embed-filters"]')?.textContent.includes('Not applied'),
      null,
      { timeout: 30_000 },
    );
    const text = await filters.textContent();
    assert.match(text, /^Filters: Actor: JNIM\. Not applied to this chart: Admin 1: Mopti\./);
    assertNoPageErrors(embed.errors);
  } finally {
    await embed.close();
  }
});

test('the region list counts the events that pass the other filters, once the change has painted', { timeout: 120_000 }, async () => {
  const events = await bundledEvents();
  // Expected option texts: per region, the events of the chosen type (the
  // region list's own filter does not apply to it), worked out from the file.
  const optionTexts = (pred) => {
    const counts = new Map();
    for (const e of events.filter((e) => e.admin1 !== '' && pred(e))) counts.set(e.admin1, (counts.get(e.admin1) ?? 0) + 1);
    return [...counts].map(([name, n]) => `${name} (${n.toLocaleString('en')})`).sort();
  };
  const regionOptions = (page) =>
    page.locator('#f-admin1 option').evaluateAll((options) => options.slice(1).map((o) => o.textContent).sort());
  const waitForOptions = async (page, expected) => {
    await page
      .waitForFunction(
        (expected) => {
          const texts = [...document.querySelectorAll('#f-admin1 option')].slice(1).map((o) => o.textContent);
          const have = texts.filter((t) => !/\(0\)$/.test(t)).sort();
          return JSON.stringify(have) === JSON.stringify(expected);
        },
        expected,
        { timeout: 15_000 },
      )
      .catch(() => {});
    return (await regionOptions(page)).filter((t) => !/\(0\)$/.test(t));
  };
  const app = await openApp();
  const { page } = app;
  try {
    await waitForNumber(page, COUNT, events.length);
    const all = optionTexts(() => true);
    assert.ok(all.length > 1, 'the bundled data names several regions');
    assert.deepEqual(await waitForOptions(page, all), all, 'every region with its events');

    await page.selectOption('#f-event-type', ['Battles']);
    const battles = events.filter((e) => e.event_type === 'Battles').length;
    assert.equal(await waitForNumber(page, COUNT, battles), battles);
    const expected = optionTexts((e) => e.event_type === 'Battles');
    assert.notDeepEqual(expected, all, 'the type filter changes some region counts');
    assert.deepEqual(await waitForOptions(page, expected), expected, 'each region with its battles');
    assertNoPageErrors(app.errors);
  } finally {
    await app.close();
  }
});
