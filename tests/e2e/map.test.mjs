// The map, in the release build with the bundled dataset: hovering a point
// names its place, a click lists the place's events, dragging and the arrow
// keys move the points with the pointer, the wheel zooms about the pointer,
// "Reset" brings the first view back. Points are found from the canvas's
// own pixels (they are the only strongly coloured ones); every wait is on
// the page (a tooltip, an animation frame), never a fixed time.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { assertNoPageErrors, openApp, parseCsv, repoPath, screenshot, waitForNumber } from './helpers.mjs';

const DATASET = repoPath('public', 'data', 'wagner-mali-events.csv');
const MAP = '[data-testid="map"]';
const TOOLTIP = '.map-tooltip';
const PLACE_EVENTS = '[data-testid="place-events"]';

/** Resolves after the page's next two animation frames: by then the map has redrawn and the pointer's effects are on the page. */
function frames(page) {
  return page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** Moves the pointer to page pixel (x, y); the tooltip's text then, '' for none. */
async function probe(page, x, y) {
  await page.mouse.move(x, y);
  await frames(page);
  const tip = page.locator(TOOLTIP);
  return (await tip.count()) ? (await tip.textContent()).trim() : '';
}

/** Probes (x, y) until the tooltip reads `text` or `timeout` ms pass; the last text seen. */
async function hoverUntil(page, x, y, text, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let seen = '';
  // Alternate between two neighbouring pixels so every probe is a move.
  for (let i = 0; ; i++) {
    seen = await probe(page, x + (i % 2), y);
    if (seen === text || Date.now() >= deadline) return seen;
  }
}

/** Strongly coloured pixels of the map (points; sea, land and borders are greys) inside the given margins, as page coordinates. */
function colouredPixels(page, margins) {
  return page.locator(MAP).evaluate((canvas, m) => {
    const { width, height } = canvas;
    const scale = width / canvas.clientWidth;
    const data = canvas.getContext('2d').getImageData(0, 0, width, height).data;
    const rect = canvas.getBoundingClientRect();
    const out = [];
    for (let y = Math.round(m.top * scale); y < height - m.bottom * scale; y += 3) {
      for (let x = Math.round(m.left * scale); x < width - m.right * scale; x += 3) {
        const i = (y * width + x) * 4;
        const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
        if (Math.max(r, g, b) - Math.min(r, g, b) > 90) {
          out.push([Math.round(rect.left + x / scale), Math.round(rect.top + y / scale)]);
        }
      }
    }
    return out;
  }, margins);
}

/** How many pixels from (x, y) in direction (dx, dy) the tooltip keeps reading `text`. */
async function reach(page, x, y, dx, dy, text) {
  let n = 0;
  while (n < 30 && (await probe(page, x + (n + 1) * dx, y + (n + 1) * dy)) === text) n += 1;
  return n;
}

test('the map names, lists, pans, zooms and resets around a place', { timeout: 180_000 }, async () => {
  const [, ...rows] = parseCsv(await readFile(DATASET, 'utf8'));
  const app = await openApp();
  const { page } = app;
  try {
    assert.equal(await waitForNumber(page, '[data-testid="events-count"]', rows.length), rows.length);
    const map = page.locator(MAP);
    await map.scrollIntoViewIfNeeded();

    // A point: the first coloured pixel, away from the edges, with a tooltip.
    let candidates = [];
    const deadline = Date.now() + 15_000;
    while (candidates.length === 0 && Date.now() < deadline) {
      await frames(page);
      candidates = await colouredPixels(page, { left: 60, right: 110, top: 60, bottom: 90 });
    }
    assert.ok(candidates.length > 0, 'no point drawn on the map');
    let start = null;
    let text = '';
    for (const [x, y] of candidates.slice(0, 60)) {
      text = await probe(page, x, y);
      if (text) {
        start = [x, y];
        break;
      }
    }
    assert.ok(start, 'no tooltip over any coloured pixel');
    const match = /^(.+): ([\d,]+) events?, ([\d,]+) fatalit(?:y|ies)$/.exec(text);
    assert.ok(match, `tooltip text: ${text}`);
    const [, place, events] = match;

    // Its centre, about: the middle of where the tooltip holds, across then down.
    const [x0, y0] = start;
    const cx = x0 + ((await reach(page, x0, y0, 1, 0, text)) - (await reach(page, x0, y0, -1, 0, text))) / 2;
    const cy = y0 + ((await reach(page, cx, y0, 0, 1, text)) - (await reach(page, cx, y0, 0, -1, text))) / 2;
    assert.equal(await hoverUntil(page, cx, cy, text), text, 'the tooltip at the point\'s centre');

    // A click lists the place's events: as many as the tooltip counts.
    await page.mouse.down();
    await page.mouse.up();
    const listing = page.locator(PLACE_EVENTS);
    await listing.waitFor({ timeout: 5_000 });
    assert.equal((await listing.locator('h3').textContent()).trim(), place);
    assert.match(
      (await listing.locator('p.muted').textContent()).trim(),
      new RegExp(`^${events} events? match(es)? the filters here`),
    );
    await screenshot(page, 'map-place');

    // A drag moves the point with the pointer and keeps the selection.
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx + 60, cy + 40, { steps: 6 });
    await page.mouse.up();
    assert.equal(await hoverUntil(page, cx + 60, cy + 40, text), text, 'the point after a drag of (60, 40)');
    assert.equal((await listing.locator('h3').textContent()).trim(), place, 'a drag is not a click');

    // ArrowRight moves the view right, so the points 60 pixels left.
    await map.focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await hoverUntil(page, cx, cy + 40, text), text, 'the point after ArrowRight');

    // The wheel zooms about the pointer: the point stays under it.
    await page.mouse.wheel(0, -300);
    assert.equal(await hoverUntil(page, cx, cy + 40, text), text, 'the point after zooming in on it');

    // Reset brings back the first view.
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    assert.equal(await hoverUntil(page, cx, cy, text), text, 'the point after Reset');

    // Leaving the map hides the tooltip; Close hides the list.
    await page.mouse.move(2, 2);
    await page.waitForSelector(TOOLTIP, { state: 'detached', timeout: 5_000 });
    await listing.getByRole('button', { name: 'Close', exact: true }).click();
    await listing.waitFor({ state: 'detached', timeout: 5_000 });
    assertNoPageErrors(app.errors);
  } finally {
    await app.close();
  }
});

/** The map's visible box from its data- attributes (degrees). */
function extent(page) {
  return page.locator(MAP).evaluate((el) => ({
    west: Number(el.dataset.west),
    south: Number(el.dataset.south),
    east: Number(el.dataset.east),
    north: Number(el.dataset.north),
  }));
}

/** Waits until the map's data-<name> attribute reads `value`. */
function waitForMapData(page, name, value) {
  return page.waitForFunction(
    ([n, v]) => document.querySelector('[data-testid="map"]')?.dataset[n] === v,
    [name, value],
    { timeout: 10_000 },
  );
}

test('the map fits the chosen country, keys its legend, switches layers and plays through the months', { timeout: 180_000 }, async () => {
  // Synthetic: 40 events in Freedonia (West Africa) and 40 in Sylvania
  // (South-East Asia), 10 of each per month from January to April 2022.
  const header =
    'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp';
  const lines = [header];
  const freedonia = [];
  for (let i = 0; i < 80; i += 1) {
    const west = i < 40;
    const month = String((i % 4) + 1).padStart(2, '0');
    const lat = west ? 14 + (i % 5) * 0.25 : -5 + (i % 5) * 0.25;
    const lon = west ? -3 + (i % 8) * 0.25 : 100 + (i % 8) * 0.25;
    if (west) freedonia.push([lon, lat]);
    const type = i % 3 === 0 ? 'Protests,Peaceful protest' : 'Battles,Armed clash';
    const country = west ? 'Freedonia' : 'Sylvania';
    const admin1 = `${west ? 'North' : 'South'} ${i % 2 ? 'A' : 'B'}`;
    lines.push(
      `SYN${i},2022-${month}-1${i % 9},2022,1,Political violence,${type},Army,,1,Rebels,,2,12,,999,Testland,${country},${admin1},,,Place ${i % 10} ${country},${lat},${lon},1,Synthetic,Other,Synthetic row ${i},${i % 7},,0`,
    );
  }
  const app = await openApp();
  const { page } = app;
  try {
    await page.waitForFunction(
      () => Number((document.querySelector('[data-testid="events-count"]')?.textContent ?? '').replace(/\D/g, '')) > 0,
      null,
      { timeout: 30_000 },
    );
    await page.setInputFiles('[data-testid="file-input"]', {
      name: 'synthetic-two-countries.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(lines.join('\n')),
    });
    await waitForNumber(page, '[data-testid="events-count"]', 80);
    const map = page.locator(MAP);
    await map.scrollIntoViewIfNeeded();

    // Both countries in sight at first.
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="map"]')?.dataset.east) > 101.75, null, { timeout: 10_000 });
    const both = await extent(page);
    assert.ok(both.west < -3 && both.east > 101.75, JSON.stringify(both));

    // Choosing Freedonia fits its events: a box tens of times narrower than the world.
    await page.selectOption('#f-country', 'Freedonia');
    await waitForNumber(page, '[data-testid="events-count"]', 40);
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="map"]')?.dataset.east) < 20, null, { timeout: 10_000 });
    const fit = await extent(page);
    for (const [lon, lat] of freedonia) {
      assert.ok(lon >= fit.west && lon <= fit.east && lat >= fit.south && lat <= fit.north, `${lon},${lat} outside ${JSON.stringify(fit)}`);
    }
    assert.ok(fit.east - fit.west < 360 / 10, `the fitted view spans ${fit.east - fit.west} degrees`);
    assert.equal(await map.getAttribute('data-follows-data'), 'true');

    // The legend names both event types and the size scale.
    const legend = page.locator('[data-testid="map-legend"]');
    assert.match(await legend.textContent(), /^Colour: most frequent event type \((Battles, Protests|Protests, Battles)\)\. Size: fatalities \(6(, \d+)*\)\.$/);
    await screenshot(page, 'map-fitted');

    // Regions, then density, then points again; the link keeps the choice.
    await page.locator('button[data-layer="regions"]').click();
    await waitForMapData(page, 'mapLayer', 'regions');
    assert.match(await legend.textContent(), /^Size: events per region \(20/);
    await page.waitForFunction(() => location.search.includes('maplayer=regions'), null, { timeout: 10_000 });
    // A region's symbol (the only coloured marks in this mode) gives its counts on hover.
    let symbols = [];
    for (let i = 0; i < 50 && symbols.length === 0; i++) {
      await frames(page);
      symbols = await colouredPixels(page, { left: 0, right: 0, top: 0, bottom: 0 });
    }
    assert.ok(symbols.length > 0, 'no region symbol drawn');
    let regionTip = '';
    for (const [x, y] of symbols.slice(0, 40)) {
      regionTip = await probe(page, x, y);
      if (regionTip) break;
    }
    assert.match(regionTip, /^North [AB], Freedonia: 20 events, \d+ fatalities$/);
    await screenshot(page, 'map-regions');
    await page.locator('button[data-layer="density"]').click();
    await waitForMapData(page, 'mapLayer', 'density');
    assert.match(await legend.textContent(), /^Shade: events per square/);
    await page.locator('button[data-layer="points"]').click();
    await waitForMapData(page, 'mapLayer', 'points');

    // Play steps through January to April, ten Freedonia events each.
    const play = page.locator('.map-play');
    await play.getByRole('button', { name: 'Play', exact: true }).click();
    await page.waitForSelector('.map-play[data-play-step="0"]', { timeout: 10_000 });
    assert.equal(await page.locator('[data-testid="map-play-label"]').textContent(), '2022-01');
    await waitForNumber(page, '[data-testid="events-count"]', 10);
    await page.waitForSelector('.map-play[data-play-step="1"]', { timeout: 10_000 });
    assert.equal(await page.locator('[data-testid="map-play-label"]').textContent(), '2022-02');
    await waitForNumber(page, '[data-testid="events-count"]', 10);
    await play.getByRole('button', { name: 'Pause', exact: true }).click();
    await page.waitForSelector('.map-play[data-playing="false"]', { timeout: 10_000 });
    await play.getByRole('button', { name: 'Stop', exact: true }).click();
    await page.waitForSelector('.map-play[data-play-step=""]', { timeout: 10_000 });
    await waitForNumber(page, '[data-testid="events-count"]', 40);

    // Enter on the focused map lists the busiest place in sight.
    await map.focus();
    await page.keyboard.press('Enter');
    const listing = page.locator(PLACE_EVENTS);
    await listing.waitFor({ timeout: 5_000 });
    assert.match((await listing.locator('h3').textContent()).trim(), /^Place \d Freedonia\b/);
    assertNoPageErrors(app.errors);
  } finally {
    await app.close();
  }
});
