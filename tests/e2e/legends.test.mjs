// Legends, axes and small numbers, as a reader sees them: the comparison's
// paired-bar chart on the page has the legend (labels and colours) of its
// SVG export; the map's legend has the timeline's colours; the exported timeline's value lines are whole numbers in
// 1-2-5 steps and its date labels lie inside the picture; a timeline bar
// has a tooltip naming its period and counts; the bundled data says on the
// page and in its exports that it is a sample; and no change from fewer
// than 10 events is given in percent. Runs on the bundled dataset.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { assertNoPageErrors, openApp, screenshot, waitForData } from './helpers.mjs';


/** Clicks a download button and returns the file's name and text. */
async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), page.click(selector)]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

/** An exported chart read with the browser's XML parser. */
async function readSvg(page, text) {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const error = doc.querySelector('parsererror');
    if (error) throw new Error(`the SVG does not parse: ${error.textContent}`);
    const swatches = [...doc.querySelectorAll('g.legend rect')];
    const labels = [...doc.querySelectorAll('g.legend text')];
    const width = Number(doc.documentElement.getAttribute('width'));
    return {
      width,
      legend: labels.map((t, i) => ({ label: t.textContent, colour: swatches[i]?.getAttribute('fill') })),
      grid: [...doc.querySelectorAll('g.grid text')].map((t) => t.textContent),
      axis: [...doc.querySelectorAll('g.axis text')].map((t) => ({
        text: t.textContent,
        x: Number(t.getAttribute('x')),
        anchor: t.getAttribute('text-anchor') ?? 'start',
      })),
      plot: [...doc.querySelectorAll('g.plot rect')].map((r) => ({
        series: r.getAttribute('data-series'),
        fill: r.getAttribute('fill'),
      })),
      footer: [...doc.querySelectorAll('g.footer text')].map((t) => t.textContent),
    };
  }, text);
}

test('the comparison chart, its legend and its export agree; axes read well; small numbers stay honest', { timeout: 180_000 }, async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await waitForData(page);

    // The sample note is on the page.
    const note = (await page.locator('[data-testid="sample-note"]').textContent()).trim();
    assert.match(note, /curated sample of reported events, not a complete count/);

    // The exported timeline: whole-number value lines from 0 in one step
    // of 1, 2 or 5 times a power of ten; date labels inside the picture;
    // the sample note in the footer.
    const timeline = await readSvg(page, (await download(page, '[data-testid="export-timeline-svg"]')).text);
    const values = timeline.grid.map((t) => {
      const m = /^(\d+(?:\.\d)?)([kM]?)$/.exec(t.replace(/,/g, ''));
      assert.ok(m, `a value label reads as a number: ${t}`);
      return Number(m[1]) * { '': 1, k: 1e3, M: 1e6 }[m[2]];
    });
    assert.ok(values.length >= 2 && values.length <= 6, `value lines: ${timeline.grid}`);
    assert.equal(values[0], 0);
    const step = values[1];
    assert.ok(Number.isInteger(step) && /^[125]0*$/.test(String(step)), `a 1-2-5 step: ${step}`);
    values.forEach((v, i) => assert.equal(v, i * step, `line ${i} at ${i} x ${step}: ${timeline.grid}`));
    const dates = timeline.axis.filter((t) => t.text.trim() !== '');
    assert.ok(dates.length >= 2, `date labels: ${JSON.stringify(dates)}`);
    for (const d of dates) {
      assert.equal(d.anchor, 'middle');
      // The engine reserves 0.6 x 12 px a character; the page's font is
      // narrower, so this is the widest the label can be.
      const half = (d.text.length * 7.2) / 2;
      assert.ok(d.x - half >= 0 && d.x + half <= timeline.width, `${d.text} at ${d.x} fits in ${timeline.width}`);
    }
    assert.ok(timeline.footer.some((l) => /curated sample/.test(l)), `the footer says it is a sample: ${timeline.footer}`);

    // The map's legend gives each type the timeline legend's colour.
    const legendOf = (selector) =>
      page.locator(selector).evaluateAll((list) =>
        list.map((e) => ({ label: e.textContent.trim(), colour: e.getAttribute('data-colour') })),
      );
    await page.locator('[data-testid="map-legend-entry"]').first().waitFor({ timeout: 15_000 });
    const onTimeline = Object.fromEntries(
      (await legendOf('[data-testid="timeline-legend-entry"]')).map((e) => [e.label, e.colour]),
    );
    const onMap = await legendOf('[data-testid="map-legend-entry"]');
    assert.ok(onMap.length > 0, 'the map has a legend');
    for (const e of onMap) assert.equal(e.colour, onTimeline[e.label], `${e.label} on the map and the timeline`);

    // A timeline bar has a tooltip: its period and a count per type.
    const canvas = page.locator('[data-testid="timeline"]');
    const box = await canvas.boundingBox();
    let tip = '';
    for (let f = 0.1; f < 0.95 && !/\(/.test(tip); f += 0.02) {
      await page.mouse.move(box.x + box.width * f, box.y + box.height - 30);
      tip = await page.locator('[data-testid="timeline-tip"]').first().textContent({ timeout: 5_000 }).catch(() => '');
    }
    assert.match(tip, /^\d{4}-\d{2}: [\d,]+ events? \(.+ [\d,]+(, .+ [\d,]+)*\)$/, `tooltip: ${tip}`);
    await page.mouse.move(box.x + box.width / 2, box.y - 40);
    await page.locator('[data-testid="timeline-tip"]').waitFor({ state: 'detached', timeout: 5_000 });

    // The comparison as paired bars, with its legend as text.
    await page.click('#tab-compare');
    const entries = page.locator('[data-testid="compare-legend-entry"]');
    await entries.nth(1).waitFor({ timeout: 15_000 });
    const shown = await entries.evaluateAll((list) =>
      list.map((e) => ({ label: e.textContent.trim(), colour: e.getAttribute('data-colour') })),
    );
    assert.equal(shown.length, 2);
    assert.match(shown[0].label, /^A: /);
    assert.match(shown[1].label, /^B: /);
    assert.notEqual(shown[0].colour, shown[1].colour);
    const file = await download(page, '[data-testid="export-compare-svg"]');
    assert.match(file.name, /compare\.svg$/);
    const compare = await readSvg(page, file.text);
    assert.deepEqual(compare.legend, shown, 'the SVG legend is the page\'s');
    assert.ok(compare.plot.length > 0, 'the SVG has bars');
    for (const bar of compare.plot) {
      const entry = shown.find((e) => e.label === bar.series);
      assert.ok(entry, `a bar of ${bar.series}, which the legend lists`);
      assert.equal(bar.fill, entry.colour, `bars of ${bar.series} in its colour`);
    }
    assert.ok(compare.footer.some((l) => /curated sample/.test(l)), 'the comparison\'s footer says it is a sample');

    // No percentage from a base under 10 events, in the table or summary.
    const rows = await page.locator('[data-testid="comparison"] tr').evaluateAll((trs) =>
      trs
        .map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent.trim()))
        .filter((cells) => cells.length === 6 && /^\d/.test(cells[1])),
    );
    assert.ok(rows.length > 0, 'the comparison has rows');
    for (const [key, a, , change] of rows) {
      const base = Number(a.replace(/,/g, ''));
      if (base < 10) assert.doesNotMatch(change, /%/, `${key}: ${a} events in A, change ${change}`);
    }
    const summary = await page.locator('[data-testid="compare-summary"]').textContent();
    const total = rows.find((r) => r[0] === 'All events');
    if (total && Number(total[1].replace(/,/g, '')) < 10) {
      assert.doesNotMatch(summary, /%/, `summary: ${summary}`);
    }
    await screenshot(page, 'legends-compare');
    assertNoPageErrors(app.errors);
  } finally {
    await app.close();
  }
});

test('seasons over the new year: the timeline and the comparison by season', { timeout: 120_000 }, async () => {
  const app = await openApp({ path: '?months=11-2&bin=season' });
  const { page } = app;
  try {
    await waitForData(page);
    assert.equal(await page.locator('[data-testid="timeline-bin"]').inputValue(), 'season');
    const summary = page.locator('[data-testid="timeline-summary"]');
    await page.waitForFunction(
      () => /by season/.test(document.querySelector('[data-testid="timeline-summary"]')?.textContent ?? ''),
      null,
      { timeout: 15_000 },
    );
    assert.match(await summary.textContent(), /from \d{4}\/\d{2} to \d{4}\/\d{2}, by season/);
    const timeline = await readSvg(page, (await download(page, '[data-testid="export-timeline-svg"]')).text);
    const dates = timeline.axis.map((t) => t.text).filter((t) => t.trim() !== '');
    assert.ok(dates.length > 0, 'the seasons are labelled');
    for (const d of dates) assert.match(d, /^\d{4}\/\d{2}$/, `a season label: ${d}`);

    // The comparison by season: the preset starts from the months window
    // (November to February), and each row is a season, labelled the same
    // way.
    await page.click('#tab-compare');
    assert.equal(await page.locator('#c-first').inputValue(), '11');
    assert.equal(await page.locator('#c-last').inputValue(), '2');
    await page.click('form.preset button[type="submit"]');
    await page.selectOption('#c-by', 'season');
    await page.waitForFunction(
      () => [...document.querySelectorAll('[data-testid="comparison"] tbody th')].some((th) => /^\d{4}\/\d{2}$/.test(th.textContent.trim())),
      null,
      { timeout: 15_000 },
    );
    const keys = await page
      .locator('[data-testid="comparison"] tbody th')
      .evaluateAll((ths) => ths.map((th) => th.textContent.trim()));
    for (const k of keys) assert.match(k, /^\d{4}\/\d{2}$/, `a season row: ${k}`);
    await screenshot(page, 'legends-seasons');
    assertNoPageErrors(app.errors);
  } finally {
    await app.close();
  }
});
