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
