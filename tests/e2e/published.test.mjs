// Publishing aids on the bundled dataset: the published-figures panel
// lists every figure beside the dataset's count, and a figure's button sets
// its filters (the page's count is then the panel's, and the count worked
// out here from the CSV); each chart's own title, description, notes and
// source line come from the link, show as text on the page, in an embed
// and in the exported SVG, and are edited in a form; "About the data" opens inside the
// page, rendered.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { assertNoPageErrors, openApp, parseCsv, readNumber, repoPath, screenshot, waitForData, waitForNumber } from './helpers.mjs';


/** Clicks a download button and returns the file's text. */
async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), page.click(selector)]);
  return readFile(await file.path(), 'utf8');
}

/**
 * JNIM attacks on civilians in central Mali (Mopti, Segou), June to
 * September 2022, counted from the bundled CSV: figure PF004's definition.
 */
async function jnimCiviliansCentralMali2022() {
  const [head, ...rows] = parseCsv(await readFile(repoPath('public/data/wagner-mali-events.csv'), 'utf8'));
  const col = (name) => head.indexOf(name);
  const actors = ['actor1', 'assoc_actor_1', 'actor2', 'assoc_actor_2'].map(col);
  return rows.filter(
    (r) =>
      r.length === head.length &&
      r[col('event_type')] === 'Violence against civilians' &&
      ['Mopti', 'Segou'].includes(r[col('admin1')]) &&
      r[col('event_date')] >= '2022-06-01' &&
      r[col('event_date')] <= '2022-09-30' &&
      actors.some((i) => r[i].includes('JNIM')),
  ).length;
}

test('the published figures sit beside the data, and a figure opens its view', { timeout: 120_000 }, async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await waitForData(page);
    await page.locator('[data-testid="published-figures"][data-state="ready"]').waitFor({ timeout: 15_000 });
    const figures = await page.locator('[data-testid="figure"]').evaluateAll((items) =>
      items.map((li) => ({ id: li.getAttribute('data-figure-id'), counted: li.getAttribute('data-counted') })),
    );
    const csv = parseCsv(await readFile(repoPath('public/data/published-figures.csv'), 'utf8'));
    const ids = csv.slice(1).filter((r) => r.length > 1).map((r) => r[0]);
    assert.deepEqual(figures.map((f) => f.id), ids, 'every figure of the file, in order');
    // Shares and counts of something other than events are not counted.
    const uncounted = figures.filter((f) => f.counted === null).map((f) => f.id);
    assert.deepEqual(uncounted, ['PF011', 'PF013', 'PF014']);

    const expected = await jnimCiviliansCentralMali2022();
    const pf004 = figures.find((f) => f.id === 'PF004');
    assert.equal(Number(pf004.counted), expected, 'the panel counts what the CSV holds');
    const item = page.locator('[data-testid="figure"][data-figure-id="PF004"]');
    assert.match(await item.textContent(), /Published: 47 events/);
    assert.equal(
      await item.getAttribute('data-sentence'),
      `CTC Sentinel reported 47 events; this dataset counts ${expected} (${47 - expected} fewer).`,
    );

    await page.click('[data-testid="figure-open-PF004"]');
    assert.equal(await waitForNumber(page, '[data-testid="events-count"]', expected), expected);
    await page.waitForFunction(() => location.search.includes('actor=') && location.search.includes('from=2022-06-01'), null, {
      timeout: 10_000,
    });
    const query = new URL(page.url()).searchParams;
    assert.equal(query.get('to'), '2022-09-30');
    // Several values of one filter are one comma-separated list.
    assert.deepEqual(query.getAll('admin1'), ['Mopti,Segou']);
    assert.equal(query.get('type'), 'Violence against civilians');
    await screenshot(page, 'published-figures');
    assertNoPageErrors(app.errors);
  } finally {
    await app.close();
  }
});

test("a chart's title, description, notes and source are text on the page and in its SVG", { timeout: 120_000 }, async () => {
  const hostile = '<b>Not bold</b> & <script>x</script>';
  const params = new URLSearchParams({
    'title.timeline': 'JNIM in central Mali',
    'desc.timeline': hostile,
    'notes.timeline': 'A curated sample.\nSecond line',
    'source.timeline': 'CTC Sentinel',
  });
  const app = await openApp({ path: `?${params}` });
  const { page } = app;
  try {
    await waitForData(page);
    const heading = page.locator('[data-testid="timeline-heading"]');
    await heading.waitFor({ timeout: 10_000 });
    assert.equal(await page.locator('[data-testid="timeline-title"]').textContent(), 'JNIM in central Mali');
    assert.equal(await page.locator('[data-testid="timeline-description"]').textContent(), hostile);
    assert.equal(await heading.locator('b, script').count(), 0, 'markup is shown as text');
    const notes = await page.locator('[data-testid="timeline-notes"]').textContent();
    assert.equal(notes, 'A curated sample. Second lineSource: CTC Sentinel');

    const svg = await download(page, '[data-testid="export-timeline-svg"]');
    const parts = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
      if (doc.querySelector('parsererror')) throw new Error('the SVG does not parse');
      const texts = (cls) => [...doc.querySelectorAll(`g.${cls} text`)].map((t) => t.textContent);
      return { title: texts('title'), description: texts('description'), notes: texts('notes'), scripts: doc.querySelectorAll('script, b').length };
    }, svg);
    assert.deepEqual(parts.title, ['JNIM in central Mali']);
    assert.deepEqual(parts.description, [hostile]);
    assert.deepEqual(parts.notes, ['A curated sample. Second line', 'Source: CTC Sentinel']);
    assert.equal(parts.scripts, 0);

    // The form edits another chart's title, which goes into the link.
    await page.locator('.breakdowns details.text-editor summary').click();
    await page.fill('[data-testid="breakdown-edit-title"]', 'Who, where, what');
    await page.locator('[data-testid="breakdown-edit-title"]').press('Tab');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('title.breakdown') === 'Who, where, what', null, {
      timeout: 10_000,
    });
    assert.equal(await page.locator('h3[data-testid="breakdown-title"]').textContent(), 'Who, where, what');
    await screenshot(page, 'chart-texts');
    assertNoPageErrors(app.errors);
  } finally {
    await app.close();
  }
});

test("an embed shows its chart's title and notes as text, without the form", { timeout: 120_000 }, async () => {
  const params = new URLSearchParams({
    embed: '1',
    panel: 'breakdown',
    'title.breakdown': 'Who fought <i>where</i>',
    'notes.breakdown': 'Curated sample.',
  });
  const app = await openApp({ path: `?${params}` });
  const { page } = app;
  try {
    await page.locator('[data-testid="embed"]').waitFor({ timeout: 30_000 });
    const title = page.locator('h3[data-testid="breakdown-title"]');
    await title.waitFor({ timeout: 10_000 });
    assert.equal(await title.textContent(), 'Who fought <i>where</i>');
    assert.equal(await page.locator('[data-testid="breakdown-heading"] i').count(), 0);
    assert.equal(await page.locator('[data-testid="breakdown-notes"]').textContent(), 'Curated sample.');
    assert.equal(await page.locator('details.text-editor').count(), 0, 'no form in an embed');
    assertNoPageErrors(app.errors);
  } finally {
    await app.close();
  }
});

test('About the data opens rendered inside the page', { timeout: 120_000 }, async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await waitForData(page);
    const eventsBefore = await readNumber(page, '[data-testid="events-count"]');
    await page.click('[data-testid="about-open"]');
    const about = page.locator('[data-testid="about"][data-state="ready"]');
    await about.waitFor({ timeout: 10_000 });
    assert.equal(new URL(page.url()).pathname.endsWith('.md'), false, 'the page stays');
    const shape = await about.evaluate((el) => ({
      headings: [...el.querySelectorAll('.prose h3, .prose h4')].map((h) => h.textContent),
      tables: el.querySelectorAll('.prose table').length,
      lists: el.querySelectorAll('.prose ul, .prose ol').length,
      strong: [...el.querySelectorAll('.prose strong')].map((s) => s.textContent),
      text: el.querySelector('.prose').textContent,
    }));
    assert.equal(shape.headings[0], 'The bundled data');
    assert.ok(shape.headings.includes('Limits'), shape.headings.join(' | '));
    assert.equal(shape.tables, 2);
    assert.ok(shape.lists >= 2);
    assert.ok(shape.strong.includes('CC BY 4.0'));
    assert.ok(!shape.text.includes('**') && !shape.text.includes('## ') && !shape.text.includes('| ---'), 'no Markdown marks');
    await screenshot(page, 'about-the-data');
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="about"]').waitFor({ state: 'detached', timeout: 10_000 });
    assert.equal(await readNumber(page, '[data-testid="events-count"]'), eventsBefore);
    assertNoPageErrors(app.errors);
  } finally {
    await app.close();
  }
});
