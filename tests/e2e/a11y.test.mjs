// Accessibility: axe-core run over every view of the release build (the
// main page with the bundled data, the import report, an event's details,
// the comparison and every embed panel), in light and dark mode, with zero
// violations as the bar. The scenes are a list looped over per language
// and colour scheme, so another language is one more entry in LANGUAGES.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import {
  assertNoPageErrors,
  launchBrowser,
  repoPath,
  startServer,
  BASE,
  DIST,
  waitForData,
  watchForErrors,
} from './helpers.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Query parameters of each language the page is checked in ('' = the default). */
const LANGUAGES = ['', 'lang=fr'];
const SCHEMES = ['light', 'dark'];
/** Every panel an embed can show (`src/ui/embed.rs`, `engine::link::Panel`). */
const EMBED_PANELS = {
  timeline: '.timeline-canvas',
  map: '.map-canvas',
  compare: '[data-testid="comparison"] tbody tr',
  breakdown: '.bars .bar',
  table: '.event-table tbody tr[data-row]',
  counts: '[data-testid="events-count"]',
};

/** Joins query parameters into `?a&b`, skipping empty ones. */
const query = (...params) => {
  const list = params.filter(Boolean);
  return list.length ? `?${list.join('&')}` : '';
};

/**
 * The views checked: a name, the query string to open, and what to do on
 * the page before the check (resolving once the view is on show).
 */
function scenes(lang) {
  const main = [
    {
      name: 'main page',
      path: query(lang),
      ready: async (page) => {
        await waitForData(page);
        await page.locator('.event-table tbody tr[data-row]').first().waitFor();
      },
    },
    {
      name: 'details drawer',
      path: query(lang),
      ready: async (page) => {
        await waitForData(page);
        await page.locator('.event-table tbody tr[data-row]').first().click();
        await page.locator('[data-testid="details-fields"]').waitFor();
      },
    },
    {
      name: 'comparison',
      path: query(lang),
      ready: async (page) => {
        await waitForData(page);
        await page.click('#tab-compare');
        await page.locator('[data-testid="comparison"] tbody tr').first().waitFor();
      },
    },
    {
      name: 'import report',
      path: query(lang),
      ready: async (page) => {
        await waitForData(page);
        await page.setInputFiles('[data-testid="file-input"]', repoPath('tests', 'e2e', 'fixtures', 'synthetic-acled.csv'));
        await page.locator('[data-testid="import-report"]').waitFor({ timeout: 30_000 });
        await page.locator('[data-testid="dataset-title"]', { hasText: 'synthetic-acled.csv' }).waitFor();
      },
    },
  ];
  const embeds = Object.entries(EMBED_PANELS).map(([panel, shown]) => ({
    name: `${panel} embed`,
    path: query(lang, 'embed=1', `panel=${panel}`),
    ready: async (page) => {
      await page.locator(shown).first().waitFor({ timeout: 30_000 });
      await page.locator('[data-testid="embed-dataset"]', { hasText: /[eé]dition/ }).waitFor();
    },
  }));
  return [...main, ...embeds];
}

/** Runs axe over the page; resolves to its violations, one line per node. */
async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    // Evaluated rather than added as a <script>: the page's
    // Content-Security-Policy rightly refuses inline scripts.
    await page.evaluate(AXE_SOURCE);
  }
  const violations = await page.evaluate(() =>
    window.axe.run(document, {
      resultTypes: ['violations'],
      // An experimental rule, off by default: visible labels must be
      // part of the accessible names.
      rules: { 'label-content-name-mismatch': { enabled: true } },
    }).then((r) => r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`) }))),
  );
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.help}) at ${n}`));
}

for (const lang of LANGUAGES) {
  for (const scheme of SCHEMES) {
    test(`axe finds no violations in any view${lang ? ` (${lang})` : ''}, ${scheme} mode`, { timeout: 300_000 }, async () => {
      const server = await startServer({ root: DIST, base: BASE });
      const browser = await launchBrowser();
      try {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: scheme });
        const found = [];
        for (const scene of scenes(lang)) {
          const page = await context.newPage();
          const errors = watchForErrors(page);
          await page.emulateMedia({ colorScheme: scheme });
          await page.goto(server.url + scene.path, { waitUntil: 'load' });
          await scene.ready(page);
          const dark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
          assert.equal(dark, scheme === 'dark', `the ${scene.name} is in ${scheme} mode`);
          for (const v of await axeViolations(page)) found.push(`${scene.name}: ${v}`);
          assertNoPageErrors(errors);
          await page.close();
        }
        assert.deepEqual(found, [], `axe violations (${scheme}):\n${found.join('\n')}`);
      } finally {
        await browser.close();
        await server.close();
      }
    });
  }
}
