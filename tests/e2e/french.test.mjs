// The page in French (`?lang=fr`): no English word of the interface
// remains in the main page, the comparison, the details drawer, the share
// and embed sheets, the import report, the About page, a workbook's report
// (written partly by the Excel reader's worker) and a refused file's
// sentence. The English vocabulary is read
// here from src/locales/en.ftl (minus words French uses too) plus a few
// common English words; what may stay English is what the data writes:
// each cell of the bundled dataset, of the published figures and of the
// synthetic fixture the test opens (taken out of a text before its words
// are checked), and a short list of proper names.

import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { assertNoPageErrors, openApp, parseCsv, repoPath, screenshot, waitForData } from './helpers.mjs';

const FIXTURE = repoPath('tests', 'e2e', 'fixtures', 'synthetic-acled.csv');
const FRENCH_MONTHS = 'janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre';

/** Lower-case words of three letters or more (Latin letters, accents). */
function words(text) {
  return (text.toLowerCase().match(/[a-zà-ÿœæ]{3,}/g) ?? []);
}

/** The text of every message of a .ftl file, without its placeables. */
async function ftlText(name) {
  const text = await readFile(repoPath('src', 'locales', name), 'utf8');
  return text
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .map((line) => line.replace(/^[a-z0-9-]+ =/, '').replace(/\{[^}]*\}/g, ' ').replace(/^\s*\*?\[[a-z0-9]+\]/, ''))
    .join('\n');
}

/** Words that only the English interface uses. */
async function englishOnlyWords() {
  const french = new Set(words(await ftlText('fr.ftl')));
  const english = new Set(words(await ftlText('en.ftl')));
  // Common words a hard-coded English sentence would contain.
  for (const w of ['the', 'and', 'with', 'this', 'that', 'events', 'event', 'show', 'open', 'file', 'filters', 'click',
    'download', 'loading', 'close', 'from', 'none', 'all', 'per', 'data', 'map', 'table', 'compare', 'period']) {
    english.add(w);
  }
  return new Set([...english].filter((w) => !french.has(w)));
}

/**
 * What the data itself may show: each cell of these CSV files (text that is
 * a data value, or part of one, is not the interface's), and a few proper
 * names the interface cites as they are.
 */
async function dataValues(files) {
  const cells = new Set();
  for (const file of files) {
    for (const row of parseCsv(await readFile(file, 'utf8'))) {
      for (const cell of row) if (cell.trim().length >= 3) cells.add(cell.trim());
    }
  }
  const names = new Set(words('EventLens ACLED UCDP GED Georeferenced Event Dataset Uppsala Conflict Data Program '
    + 'Sundberg Melander Armed Location Project acleddata Natural Earth world atlas CTC Sentinel RUSI Jamestown '
    + 'Foundation Jeune Afrique The Africa Report CSV SVG PNG UTF URL Markdown Excel LibreOffice Ctrl'));
  // Longest first, so a value is removed before a shorter one inside it.
  return { cells: [...cells].sort((a, b) => b.length - a.length), names };
}

/**
 * The words of `text` left once the data values in it are taken out. A
 * list of values joined by "; " (an event's side) is taken piece by
 * piece, and a piece cut short to fit its cell is still a value.
 */
function interfaceWords(text, { cells, names }) {
  const isValue = (piece) => {
    const shown = piece.trim().replace(/\u2026$/, '');
    return shown.length >= 3 && cells.some((c) => c.includes(shown));
  };
  let rest = text
    .split('; ')
    .filter((piece) => !isValue(piece))
    .join('; ');
  for (const c of cells) if (rest.includes(c)) rest = rest.split(c).join(' ');
  return words(rest).filter((w) => !names.has(w));
}

/** Text nodes and labelling attributes of the visible page, as one list. */
async function pageTexts(page) {
  return page.evaluate(() => {
    const out = [];
    const visible = (el) => el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    // Text marked as another language (the switch's "English") is not the
    // interface's French.
    const foreign = (el) => el.closest('[lang]') !== document.documentElement;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || ['SCRIPT', 'STYLE', 'CODE'].includes(el.tagName) || foreign(el)) continue;
      if (el.closest('option') ? visible(el.closest('select')) : visible(el)) out.push(n.textContent);
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [label]')) {
      if (foreign(el)) continue;
      for (const a of ['aria-label', 'title', 'placeholder', 'label']) {
        const v = el.getAttribute(a);
        if (v) out.push(v);
      }
    }
    return out;
  });
}

/** Fails with the English words found outside the allow-list. */
async function assertFrench(page, english, allowed, where) {
  const found = new Map();
  for (const text of await pageTexts(page)) {
    for (const w of interfaceWords(text, allowed)) {
      if (english.has(w) && !found.has(w)) found.set(w, text.trim().slice(0, 120));
    }
  }
  assert.deepEqual(Object.fromEntries(found), {}, `English interface words in ${where}`);
}

test('with lang=fr no English word of the interface remains, numbers and dates are French', { timeout: 240_000 }, async () => {
  const english = await englishOnlyWords();
  assert.ok(english.has('fatalities') && english.has('breakdown'), 'the English vocabulary is read from en.ftl');
  const allowed = await dataValues([
    repoPath('public', 'data', 'wagner-mali-events.csv'),
    // The canonical actor names actors are folded under.
    repoPath('src', 'engine', 'data', 'aliases.csv'),
    repoPath('public', 'data', 'published-figures.csv'),
    FIXTURE,
  ]);
  const rows = parseCsv(await readFile(repoPath('public', 'data', 'wagner-mali-events.csv'), 'utf8')).slice(1);
  const app = await openApp({ path: '?lang=fr' });
  const { page, errors } = app;
  try {
    await waitForData(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    assert.equal(await page.locator('[data-lang="fr"]').getAttribute('aria-pressed'), 'true', 'the switch shows French');
    // The headline: the number of events of the CSV, written the French way
    // (groups of three digits split by a narrow no-break space).
    const frenchNumber = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
    assert.equal((await page.locator('[data-testid="events-count"]').textContent()).trim(), frenchNumber(rows.length));
    assert.match(await page.locator('.counts').textContent(), /événements/);
    assert.match(await page.locator('[data-testid="date-span"]').textContent(), /^du \d{4}-\d{2}-\d{2} au \d{4}-\d{2}-\d{2}$/);
    await assertFrench(page, english, allowed, 'the main page');
    // A long date in words, from the published figures.
    await page.locator('[data-testid="published-figures"][data-state="ready"]').waitFor({ timeout: 30_000 });
    assert.match(await page.locator('[data-testid="published-figures"]').textContent(), new RegExp(`\\d{1,2} (${FRENCH_MONTHS}) \\d{4}`));
    await screenshot(page, 'french-main');

    await page.click('#tab-compare');
    await page.locator('[data-testid="comparison"]').waitFor({ timeout: 10_000 });
    await assertFrench(page, english, allowed, 'the comparison');
    await page.click('#tab-table');

    await page.locator('[data-testid="event-table"] tbody tr[data-row="0"]').click();
    await page.locator('[data-testid="details-fields"]').waitFor({ timeout: 10_000 });
    await assertFrench(page, english, allowed, 'the details drawer');
    await page.keyboard.press('Escape');

    await page.click('[data-testid="copy-link"]');
    await page.locator('[data-testid="share-link"]').waitFor();
    assert.match(await page.locator('[data-testid="share-link"]').inputValue(), /lang=fr/, 'the permalink keeps the language');
    await assertFrench(page, english, allowed, 'the link sheet');
    await page.click('[data-testid="open-embed"]');
    await page.locator('#embed-code').waitFor();
    assert.match(await page.locator('#embed-code').inputValue(), /lang=fr/, 'the embed keeps the language');
    await assertFrench(page, english, allowed, 'the embed sheet');

    await page.setInputFiles('[data-testid="file-input"]', FIXTURE);
    const report = page.locator('[data-testid="import-report"]');
    await report.waitFor({ timeout: 30_000 });
    const reportText = await report.textContent();
    // The file's name is the user's, not the interface's.
    allowed.cells = [path.basename(FIXTURE), ...allowed.cells];
    assert.match(reportText, /Lignes écartées/);
    assert.match(reportText, /ligne \d+/, 'problems are placed by line, in French');
    assert.match(reportText, /\d+,\d (ko|Mo)/, 'the size has a decimal comma');
    await assertFrench(page, english, allowed, 'the import report');
    await screenshot(page, 'french-report');

    // Back to English with the switch.
    await page.click('[data-lang="en"]');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.match(await page.locator('.counts').textContent(), /events/);
    assertNoPageErrors(errors);
  } finally {
    await app.close();
  }
});

/** The allow-list of the first test: the data the page may show as written. */
async function bundledValues(extraFiles = []) {
  return dataValues([
    repoPath('public', 'data', 'wagner-mali-events.csv'),
    repoPath('src', 'engine', 'data', 'aliases.csv'),
    repoPath('public', 'data', 'published-figures.csv'),
    FIXTURE,
    ...extraFiles,
  ]);
}

test('with lang=fr the About page is the French one, its sources cited as published, and the link\'s notices are French', { timeout: 120_000 }, async () => {
  const english = await englishOnlyWords();
  const allowed = await bundledValues();
  // The articles' titles are cited in their own language (in straight
  // double quotes in the French file), as are a few names of the citations.
  const french = await readFile(repoPath('public', 'data', 'ABOUT.fr.md'), 'utf8');
  const titles = [...french.replace(/\s*\n\s*/g, ' ').matchAll(/"([^"]+)"/g)].map((m) => m[1]);
  assert.ok(titles.length >= 6, 'the titles of the sources are quoted');
  allowed.cells = [...allowed.cells, ...titles].sort((a, b) => b.length - a.length);
  for (const w of words('Terrorism Monitor Volume Issue Combating Center West Point Junior Fellow Oliver Hegglin policy brief')) {
    allowed.names.add(w);
  }
  // An unknown parameter: the link's notice is French too.
  const app = await openApp({ path: '?lang=fr&zzz=1' });
  const { page, errors } = app;
  try {
    await waitForData(page);
    assert.match(await page.locator('[data-testid="link-notices"]').textContent(), /Paramètre inconnu \u00ab\u00a0zzz\u00a0\u00bb ignoré\./);
    await page.click('[data-testid="about-open"]');
    const about = page.locator('[data-testid="about"][data-state="ready"]');
    await about.waitFor({ timeout: 10_000 });
    const headings = await about.locator('.prose h3, .prose h4').allTextContents();
    // The headings as the French file writes them.
    const expected = [...french.matchAll(/^#{2,3} (.+)$/gm)].map((m) => m[1]);
    assert.deepEqual(headings, expected);
    assert.equal(headings[0], 'Les données fournies');
    assert.ok(headings.includes('Limites'), headings.join(' | '));
    assert.match(await about.locator('a[href$=".md"]').getAttribute('href'), /ABOUT\.fr\.md$/, 'the Markdown link is the French file');
    await assertFrench(page, english, allowed, 'the About page');
    await screenshot(page, 'french-about');
    assertNoPageErrors(errors);
  } finally {
    await app.close();
  }
});

test('with lang=fr a workbook is reported, and an old .xls refused, in French', { timeout: 180_000 }, async () => {
  const english = await englishOnlyWords();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'eventlens-french-'));
  // An Excel 97-2003 workbook starts with the OLE compound file signature;
  // the Excel reader refuses it with a sentence of its own.
  const oldExcel = path.join(dir, 'synthetic-97-2003.xls');
  await writeFile(oldExcel, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
  const allowed = await bundledValues();
  allowed.cells = ['synthetic-97-2003.xls', 'synthetic-acled.xlsx', ...allowed.cells];
  const app = await openApp({ path: '?lang=fr' });
  const { page, errors } = app;
  try {
    await waitForData(page);
    await page.setInputFiles('[data-testid="file-input"]', repoPath('tests', 'e2e', 'fixtures', 'synthetic-acled.xlsx'));
    const report = page.locator('[data-testid="import-report"]');
    await report.waitFor({ timeout: 60_000 });
    assert.match(await report.textContent(), /Lu dans la feuille \u00ab\u00a0[^\u00bb]+\u00a0\u00bb du classeur/);
    await assertFrench(page, english, allowed, 'the report of a workbook');

    await page.setInputFiles('[data-testid="file-input"]', oldExcel);
    const alert = page.locator('[data-testid="error"]');
    await page.waitForFunction(() => (document.querySelector('[data-testid="error"]')?.textContent ?? '').includes('97-2003'), null, {
      timeout: 60_000,
    });
    assert.match(await alert.textContent(), /C\u2019est un classeur Excel 97-2003 \(\.xls\), un ancien format/);
    await assertFrench(page, english, allowed, 'a refused workbook');
    assertNoPageErrors(errors);
  } finally {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  }
});
