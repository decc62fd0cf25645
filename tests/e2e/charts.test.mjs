// Charts on screen and in files agree: the timeline's legend on the page
// (type names and colours) is the legend of its SVG export, every bar of a
// type in the export has that type's colour, and the event-type bars of
// the breakdown use the same colours. Runs on the bundled dataset.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { assertNoPageErrors, openApp, screenshot, waitForData } from './helpers.mjs';

const ENTRY = '[data-testid="timeline-legend"] [data-testid="timeline-legend-entry"]';


/** Clicks a download button and returns the file's name and text. */
async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), page.click(selector)]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

/** The timeline legend on the page: `[{ label, colour }]` in order. */
async function screenLegend(page) {
  return page.locator(ENTRY).evaluateAll((entries) =>
    entries.map((e) => ({ label: e.textContent.trim(), colour: e.getAttribute('data-colour') })),
  );
}

/**
 * Reads an exported chart with the browser's XML parser: its legend
 * (`[{ label, colour }]`, swatch colour beside each label) and the bars of
 * its plot (`[{ series, fill }]`).
 */
async function readSvg(page, text) {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const error = doc.querySelector('parsererror');
    if (error) throw new Error(`the SVG does not parse: ${error.textContent}`);
    const swatches = [...doc.querySelectorAll('g.legend rect')];
    const labels = [...doc.querySelectorAll('g.legend text')];
    return {
      legend: labels.map((t, i) => ({ label: t.textContent, colour: swatches[i]?.getAttribute('fill') })),
      swatchSeries: swatches.map((r) => r.getAttribute('data-series')),
      plot: [...doc.querySelectorAll('g.plot rect')].map((r) => ({
        series: r.getAttribute('data-series'),
        fill: r.getAttribute('fill'),
      })),
    };
  }, text);
}

/** `#rrggbb` as the `rgb(r, g, b)` a computed style gives. */
function rgb(hex) {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

/** Exports the timeline and checks it against the legend on the page. */
async function checkExport(page, what) {
  const shown = await screenLegend(page);
  assert.ok(shown.length > 0, `${what}: the page lists event types`);
  for (const entry of shown) assert.match(entry.colour, /^#[0-9a-f]{6}$/i, `${what}: colour of ${entry.label}`);
  const file = await download(page, '[data-testid="export-timeline-svg"]');
  assert.match(file.name, /timeline\.svg$/);
  const svg = await readSvg(page, file.text);
  assert.deepEqual(svg.legend, shown, `${what}: the SVG legend is the page's`);
  assert.deepEqual(svg.swatchSeries, shown.map((e) => e.label), `${what}: each swatch names its type`);
  const colourOf = Object.fromEntries(shown.map((e) => [e.label, e.colour]));
  assert.ok(svg.plot.length > 0, `${what}: the SVG has bars`);
  for (const bar of svg.plot) {
    assert.ok(bar.series in colourOf, `${what}: a bar of ${bar.series}, which the legend lists`);
    assert.equal(bar.fill, colourOf[bar.series], `${what}: bars of ${bar.series} in its colour`);
  }
  const drawn = new Set(svg.plot.map((b) => b.series));
  for (const entry of shown) assert.ok(drawn.has(entry.label), `${what}: the SVG has bars of ${entry.label}`);
  return shown;
}

test('the exported timeline has the legend and colours shown on the page', { timeout: 120_000 }, async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await waitForData(page);
    await page.locator(ENTRY).first().waitFor({ timeout: 10_000 });
    const all = await checkExport(page, 'all events');

    // The breakdown by event type colours its bars as the legend does.
    const bars = await page.locator('[data-testid="bars-event-type"] .bar').evaluateAll((buttons) =>
      buttons.map((b) => ({
        label: b.querySelector('.bar-label').textContent,
        fill: getComputedStyle(b.querySelector('.bar-fill')).backgroundColor,
      })),
    );
    const typed = bars.filter((b) => all.some((e) => e.label === b.label));
    assert.ok(typed.length > 0, `event-type bars: ${JSON.stringify(bars)}`);
    for (const bar of typed) {
      assert.equal(bar.fill, rgb(all.find((e) => e.label === bar.label).colour), `the ${bar.label} bar`);
    }

    // Choosing a type from the legend leaves it alone there, and in the file.
    const chosen = all[0].label;
    await page.locator(ENTRY).first().getByRole('button').click();
    await page.waitForFunction(
      ([selector, label]) => {
        const entries = [...document.querySelectorAll(selector)];
        return entries.length === 1 && entries[0].textContent.trim() === label;
      },
      [ENTRY, chosen],
      { timeout: 10_000 },
    );
    const one = await checkExport(page, `only ${chosen}`);
    assert.deepEqual(one, [all[0]], 'the chosen type keeps its colour');
    await screenshot(page, 'charts-legend');
    assertNoPageErrors(app.errors);
  } finally {
    await app.close();
  }
});
