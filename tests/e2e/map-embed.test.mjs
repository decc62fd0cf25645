// The map panel embedded (`?embed=1&panel=map`) with the bundled dataset
// does what the full app's map does: it fits the data, keys its legend,
// draws regions and density (and takes `maplayer=` from the link), plays
// through the months with the legend following. Expected figures are worked
// out here from the CSV. The keyboard in an embed is tested in
// map-keys.test.mjs; an embed offers no downloads (the page it sits in is
// the publication), the app's map exports are tested in fit.test.mjs.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { assertNoPageErrors, openApp, parseCsv, repoPath } from './helpers.mjs';

const DATASET = repoPath('public', 'data', 'wagner-mali-events.csv');
const MAP = '[data-testid="map"]';
const LEGEND = '[data-testid="map-legend"]';

/** The rows of the bundled dataset that have coordinates (the map's), as objects keyed by column name. */
async function rows() {
  const [header, ...records] = parseCsv(await readFile(DATASET, 'utf8'));
  return records
    .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])))
    .filter((r) => r.latitude.trim() !== '' && r.longitude.trim() !== '');
}

/** The largest sum of `value` over groups of `rows` by `key`. */
function largest(list, key, value) {
  const sums = new Map();
  for (const r of list) sums.set(key(r), (sums.get(key(r)) ?? 0) + value(r));
  return Math.max(...sums.values());
}

const placeKey = (r) => [r.country, r.admin1, r.admin2, r.admin3, r.location, r.latitude, r.longitude, r.geo_precision].join('\u0000');

/** Waits until the map's data-<name> attribute reads `value`. */
function waitForMapData(page, name, value) {
  return page.waitForFunction(([n, v]) => document.querySelector('[data-testid="map"]')?.dataset[n] === v, [name, value], { timeout: 30_000 });
}

test('an embedded map fits the data, keys its legend, switches layers and plays', { timeout: 180_000 }, async () => {
  const events = await rows();
  const maxPlaceFatalities = largest(events, placeKey, (r) => Number(r.fatalities));
  const maxRegionEvents = largest(events, (r) => `${r.country}\u0000${r.admin1}`, () => 1);
  const firstMonth = events.map((r) => r.event_date.slice(0, 7)).sort()[0];
  const lons = events.map((r) => Number(r.longitude));
  const lats = events.map((r) => Number(r.latitude));

  const app = await openApp({ path: '?embed=1&panel=map' });
  const { page } = app;
  try {
    await page.locator('[data-testid="embed"]').waitFor({ timeout: 30_000 });
    await waitForMapData(page, 'outlines', 'true');
    await waitForMapData(page, 'mapLayer', 'points');
    const legend = page.locator(LEGEND);
    await legend.waitFor({ timeout: 30_000 });

    // Fitted to every event, following the data.
    const box = await page.locator(MAP).evaluate((el) => ({
      west: Number(el.dataset.west),
      south: Number(el.dataset.south),
      east: Number(el.dataset.east),
      north: Number(el.dataset.north),
      follows: el.dataset.followsData,
    }));
    assert.equal(box.follows, 'true');
    assert.ok(Math.min(...lons) >= box.west && Math.max(...lons) <= box.east, JSON.stringify(box));
    assert.ok(Math.min(...lats) >= box.south && Math.max(...lats) <= box.north, JSON.stringify(box));
    // Not the world: the box is within a few times the data's own span.
    assert.ok(box.east - box.west < 4 * (Math.max(...lons) - Math.min(...lons)) + 4, JSON.stringify(box));

    // The legend: colours by event type, sizes up to the busiest place's fatalities.
    assert.match(await legend.textContent(), new RegExp(`^Colour: most frequent event type \\(.+\\)\\. Size: fatalities \\(${maxPlaceFatalities.toLocaleString('en')}[,)]`));

    // Regions and density from the buttons; the link keeps the choice.
    await page.locator('button[data-layer="regions"]').click();
    await waitForMapData(page, 'mapLayer', 'regions');
    assert.match(await legend.textContent(), new RegExp(`^Size: events per region \\(${maxRegionEvents}[,)]`));
    await page.locator('button[data-layer="density"]').click();
    await waitForMapData(page, 'mapLayer', 'density');
    assert.match(await legend.textContent(), /^Shade: events per square/);
    await page.waitForFunction(() => location.search.includes('maplayer=density'), null, { timeout: 10_000 });
    await page.locator('button[data-layer="points"]').click();
    await waitForMapData(page, 'mapLayer', 'points');

    // Play, then pause: the month on show, with the legend's sizes for
    // that month alone (the steps are the months from the first event's).
    const play = page.locator('.map-play');
    await play.getByRole('button', { name: 'Play', exact: true }).click();
    await page.waitForSelector('.map-play[data-play-step="0"]', { timeout: 10_000 });
    await play.getByRole('button', { name: 'Pause', exact: true }).click();
    await page.waitForSelector('.map-play[data-playing="false"]', { timeout: 10_000 });
    const step = Number(await play.getAttribute('data-play-step'));
    const [y, m] = firstMonth.split('-').map(Number);
    const shown = new Date(Date.UTC(y, m - 1 + step, 1)).toISOString().slice(0, 7);
    assert.equal(await page.locator('[data-testid="map-play-label"]').textContent(), shown);
    const inMonth = events.filter((r) => r.event_date.startsWith(shown));
    if (inMonth.length > 0) {
      const monthMax = largest(inMonth, placeKey, (r) => Number(r.fatalities));
      const sizes = monthMax > 0 ? `Size: fatalities (${monthMax.toLocaleString('en')}` : 'Colour: most frequent event type';
      await page.waitForFunction(([sel, text]) => (document.querySelector(sel)?.textContent ?? '').includes(text), [LEGEND, sizes], { timeout: 10_000 });
    }
    await play.getByRole('button', { name: 'Stop', exact: true }).click();
    await page.waitForSelector('.map-play[data-play-step=""]', { timeout: 10_000 });
    await page.waitForFunction(
      ([sel, n]) => (document.querySelector(sel)?.textContent ?? '').includes(`Size: fatalities (${n}`),
      [LEGEND, maxPlaceFatalities.toLocaleString('en')],
      { timeout: 10_000 },
    );

    assertNoPageErrors(app.errors);
  } finally {
    await app.close();
  }
});

test('an embed link with maplayer= opens the map in that layer', { timeout: 120_000 }, async () => {
  const app = await openApp({ path: '?embed=1&panel=map&maplayer=regions' });
  const { page } = app;
  try {
    await waitForMapData(page, 'mapLayer', 'regions');
    assert.equal(await page.locator('button[data-layer="regions"]').getAttribute('aria-pressed'), 'true');
    assertNoPageErrors(app.errors);
  } finally {
    await app.close();
  }
});
