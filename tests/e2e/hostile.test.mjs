// The hostile corpus in the page, in the release build: every file the
// native tests mark as worth replaying (the list `cargo test --test
// hostile_corpus browser_replay_list -- --nocapture` prints) is opened in
// one page, one after another. Each must end in a dataset on show, a
// sentence naming the file, or the date question - never a dead page, a
// script error or an endless load - and afterwards an ordinary file still
// loads with the counts computed here from it. What each file must say is
// checked natively (tests/hostile_corpus.rs); the files are synthetic.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT, assertNoPageErrors, openApp, parseCsv, repoPath, waitForNumber } from './helpers.mjs';

const EVENTS = '[data-testid="events-count"]';

/** The replay list, from the native corpus (so the two never drift apart). */
function replayList() {
  const out = execFileSync(
    'cargo',
    ['test', '--quiet', '--test', 'hostile_corpus', 'browser_replay_list', '--', '--nocapture'],
    { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
  );
  return out.split('\n').filter((l) => l.startsWith('tests/fixtures/hostile/'));
}

test('every hostile file of the replay list ends in data, a sentence or a question, and the page lives on', { timeout: 600_000 }, async () => {
  const files = replayList();
  assert.ok(files.length >= 10, `the replay list is short: ${files.length}`);
  const app = await openApp();
  const { page } = app;
  try {
    await page.waitForFunction(
      (s) => Number((document.querySelector(s)?.textContent ?? '').replace(/\D/g, '')) > 0,
      EVENTS,
      { timeout: 30_000 },
    );
    for (const file of files) {
      const name = path.basename(file);
      await page.setInputFiles('[data-testid="file-input"]', repoPath(file));
      // The page's answer: the file on show, a sentence naming it, or the
      // question about its dates.
      const outcome = await page.waitForFunction(
        (n) => {
          if (document.querySelector('[data-testid="date-order-dialog"]')) return 'question';
          const alert = document.querySelector('[role="alert"]');
          if (alert?.textContent.includes(n)) return 'sentence';
          const title = document.querySelector('[data-testid="dataset-title"]')?.textContent;
          const state = document.querySelector('.app')?.getAttribute('data-load-state');
          if (title === n && state !== 'loading') return 'loaded';
          return false;
        },
        name,
        { timeout: 60_000 },
      );
      const said = await outcome.jsonValue();
      if (said === 'question') {
        await page.locator('[data-testid="date-order-day-first"]').click();
        await page.waitForFunction(
          (n) => document.querySelector('[data-testid="dataset-title"]')?.textContent === n,
          name,
          { timeout: 30_000 },
        );
      }
      // Something is on show, and the page still answers.
      const shown = await page.locator(EVENTS).textContent();
      assert.match(shown, /\d/, `after ${name} (${said}) the page shows a count`);
      assertNoPageErrors(app.errors);
    }
    // An ordinary file still loads, with the counts of its rows.
    const fixture = repoPath('tests', 'e2e', 'fixtures', 'synthetic-acled.csv');
    const [header, ...rows] = parseCsv(await readFile(fixture, 'utf8'));
    const date = header.indexOf('event_date');
    const events = rows.filter((r) => /^\d{4}-\d{2}-\d{2}$/.test(r[date])).length;
    await page.setInputFiles('[data-testid="file-input"]', fixture);
    assert.equal(await waitForNumber(page, EVENTS, events, { timeout: 30_000 }), events);
    assertNoPageErrors(app.errors);
  } finally {
    await app.close();
  }
});
