// The map by keyboard alone, in the full app and in an embed of the map
// panel, with the bundled dataset: Tab reaches the map, then the busiest
// places in sight one by one, each named with its counts (and its tooltip
// shown on the map); Enter lists the focused place's events; + zooms and
// the arrow keys pan the focused map. The expected places and counts are
// worked out here from the CSV, not read from the page.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { assertNoPageErrors, openApp, parseCsv, repoPath, screenshot } from './helpers.mjs';

const DATASET = repoPath('public', 'data', 'wagner-mali-events.csv');
const MAP = '[data-testid="map"]';
const STOPS = '[data-testid="map-stops"]';

/** "1 event" / "3 events", with thousands separators. */
function count(n, one, many) {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/**
 * The dataset's places on the map, busiest first (ties: the place first seen in the
 * file first): a place is the row's country, admin1-3, location,
 * coordinates and precision; its name the location, admin2, admin1 and
 * country without repeats; its text "Name: N events, M fatalities".
 */
async function placesOfDataset() {
  const [header, ...rows] = parseCsv(await readFile(DATASET, 'utf8'));
  const col = (name) => header.indexOf(name);
  const key = ['country', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'geo_precision'].map(col);
  const places = new Map();
  for (const r of rows) {
    // A row without coordinates is not on the map.
    if (r[col('latitude')].trim() === '' || r[col('longitude')].trim() === '') continue;
    const k = key.map((i) => r[i]).join('\u0000');
    if (!places.has(k)) {
      const parts = ['location', 'admin2', 'admin1', 'country'].map((n) => r[col(n)]).filter((p) => p !== '');
      places.set(k, { name: [...new Set(parts)].join(', '), events: 0, fatalities: 0, first: places.size });
    }
    const p = places.get(k);
    p.events += 1;
    p.fatalities += Number(r[col('fatalities')]);
  }
  return [...places.values()]
    .sort((a, b) => b.events - a.events || a.first - b.first)
    .map((p) => ({ ...p, text: `${p.name}: ${count(p.events, 'event', 'events')}, ${count(p.fatalities, 'fatality', 'fatalities')}` }));
}

/** What has the keyboard focus: its text, tag, and whether it is the map or one of its places. */
function focused(page) {
  return page.evaluate(
    ([map, stops]) => {
      const el = document.activeElement;
      return {
        text: (el?.textContent ?? '').trim(),
        tag: el?.tagName ?? '',
        isMap: el?.matches(map) ?? false,
        isStop: Boolean(el?.closest(stops)),
        list: el?.closest(stops)?.getAttribute('aria-label') ?? '',
      };
    },
    [MAP, STOPS],
  );
}

/** The map's visible box from its data- attributes (degrees). */
function extent(page) {
  return page.locator(MAP).evaluate((el) => ({
    west: Number(el.dataset.west),
    east: Number(el.dataset.east),
  }));
}

/** Waits until the map's west edge is no longer `west`. */
function waitForMove(page, west) {
  return page.waitForFunction(
    ([map, w]) => document.querySelector(map)?.dataset.west !== w,
    [MAP, west.toFixed(4)],
    { timeout: 10_000 },
  );
}

for (const [where, path] of [
  ['the app', ''],
  ['an embed of the map', '?embed=1&panel=map'],
]) {
  test(`keyboard alone reaches the busiest places on the map and opens one, in ${where}`, { timeout: 180_000 }, async () => {
    const places = await placesOfDataset();
    // The view fits every place, so the busiest twelve are the stops.
    const expected = places.slice(0, 12).map((p) => p.text);
    const app = await openApp({ path });
    const { page } = app;
    try {
      await page.locator(`${STOPS} button`).first().waitFor({ state: 'attached', timeout: 30_000 });
      // The list settles once the map has its view (the outlines and the
      // panel's size arrive after the first frame).
      await page.waitForFunction(
        ([stops, expected]) => JSON.stringify([...document.querySelectorAll(`${stops} button`)].map((b) => b.textContent.trim())) === expected,
        [STOPS, JSON.stringify(expected)],
        { timeout: 30_000 },
      );

      // Tab from the top of the page until a place has the focus; the map
      // itself comes just before.
      let before = null;
      let now = await focused(page);
      for (let i = 0; i < 400 && !now.isStop; i++) {
        before = now;
        await page.keyboard.press('Tab');
        now = await focused(page);
      }
      assert.ok(now.isStop, 'Tab never reached a place on the map');
      assert.ok(before?.isMap, `the map is the stop before its places, not ${JSON.stringify(before)}`);
      assert.equal(now.tag, 'BUTTON');
      assert.equal(now.list, 'Busiest places in sight');
      assert.equal(now.text, expected[0]);
      // Focused, its tooltip shows on the map with the same words.
      const tip = page.locator('.map-tooltip');
      await tip.waitFor({ timeout: 5_000 });
      assert.equal((await tip.textContent()).trim(), expected[0]);

      // Every place in turn, busiest first.
      const seen = [now.text];
      for (let i = 1; i < expected.length; i++) {
        await page.keyboard.press('Tab');
        seen.push((await focused(page)).text);
      }
      assert.deepEqual(seen, expected);
      await screenshot(page, `map-keys${path ? '-embed' : ''}`);

      // Back to the busiest and Enter: its events are listed, as many as
      // the file has there.
      for (let i = 1; i < expected.length; i++) await page.keyboard.press('Shift+Tab');
      assert.equal((await focused(page)).text, expected[0]);
      await page.keyboard.press('Enter');
      const listing = page.locator('[data-testid="place-events"]');
      await listing.waitFor({ timeout: 5_000 });
      assert.equal((await listing.locator('h3').textContent()).trim(), places[0].name);
      const caption = (await listing.locator('p.muted').textContent()).trim();
      const n = places[0].events;
      assert.equal(caption, `${n} ${n === 1 ? 'event matches' : 'events match'} the filters here`);

      // Shift+Tab to the map: + zooms in 1.5 times about the middle,
      // ArrowRight moves the view east by 60 pixels' worth.
      await page.keyboard.press('Shift+Tab');
      assert.ok((await focused(page)).isMap, 'Shift+Tab from the first place reaches the map');
      const first = await extent(page);
      await page.keyboard.press('+');
      await waitForMove(page, first.west);
      const zoomed = await extent(page);
      const ratio = (first.east - first.west) / (zoomed.east - zoomed.west);
      assert.ok(Math.abs(ratio - 1.5) < 1e-3, `+ zoomed by ${ratio}`);
      const width = await page.locator(MAP).evaluate((el) => el.clientWidth);
      await page.keyboard.press('ArrowRight');
      await waitForMove(page, zoomed.west);
      const panned = await extent(page);
      const degreesPerPixel = (zoomed.east - zoomed.west) / width;
      assert.ok(Math.abs(panned.west - zoomed.west - 60 * degreesPerPixel) < 1e-3, `ArrowRight moved ${JSON.stringify([zoomed, panned])}`);
      await page.keyboard.press('-');
      await waitForMove(page, panned.west);
      const out = await extent(page);
      assert.ok(Math.abs((out.east - out.west) - (first.east - first.west)) < 1e-3, '- zooms back out');
      assertNoPageErrors(app.errors);
    } finally {
      await app.close();
    }
  });
}
