// A text filter on a file too large to keep its text in memory: the page
// searches the notes by reading the file again in slices, shows its
// progress, and then counts the events whose notes match. The file is
// synthetic, written here; the expected counts are computed here too.

import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { assertNoPageErrors, openApp, waitForNumber } from './helpers.mjs';

const EVENTS = '[data-testid="events-count"]';
const FATALITIES = '[data-testid="fatalities-count"]';
const ROWS = 150_000;
/** Rows whose notes hold the word searched for. */
const hasWord = (i) => i % 997 === 3;

test('a text filter on a large file finds the notes that match, slice by slice', { timeout: 300_000 }, async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'eventlens-e2e-'));
  const file = path.join(dir, 'synthetic-large-notes.csv');
  const head =
    'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp\r\n';
  const filler = 'synthetic filler text, '.repeat(14);
  const parts = [head];
  let expected = { events: 0, fatalities: 0 };
  let all = { events: 0, fatalities: 0 };
  for (let i = 0; i < ROWS; i += 1) {
    const notes = hasWord(i) ? `${filler} a Quixotic ""plan"",\r\nthen more` : filler;
    const fatalities = i % 7;
    parts.push(
      `SYN${i},2022-01-${String((i % 28) + 1).padStart(2, '0')},2022,1,Political violence,Battles,Armed clash,Army ${i % 9},,1,Rebels ${i % 4},,2,12,,999,Testland,Freedonia,North Province,,,Place ${i % 50},14.1,-2.2,1,Synthetic,Other,"${notes}",${fatalities},,0\r\n`,
    );
    all = { events: all.events + 1, fatalities: all.fatalities + fatalities };
    if (hasWord(i)) expected = { events: expected.events + 1, fatalities: expected.fatalities + fatalities };
  }
  const text = parts.join('');
  // Above the size from which the page leaves the text on disk (64 MiB).
  assert.ok(Buffer.byteLength(text) > 64 * 1024 * 1024, `the file is only ${Buffer.byteLength(text)} bytes`);
  await writeFile(file, text);

  const app = await openApp();
  const { page } = app;
  try {
    await page.setInputFiles('[data-testid="file-input"]', file);
    assert.equal(await waitForNumber(page, EVENTS, all.events, { timeout: 180_000 }), all.events, 'events in the file');

    // The progress line may come and go between two polls: record what it
    // says whenever it changes.
    await page.evaluate(() => {
      window.__scanSeen = [];
      new MutationObserver(() => {
        const line = document.querySelector('[data-testid="note-scan"]')?.textContent;
        if (line && window.__scanSeen.at(-1) !== line) window.__scanSeen.push(line);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.fill('[data-testid="filter-text"]', 'QUIXOTIC');
    assert.equal(await waitForNumber(page, EVENTS, expected.events, { timeout: 60_000 }), expected.events, 'events whose notes match');
    assert.equal(await waitForNumber(page, FATALITIES, expected.fatalities, { timeout: 5_000 }), expected.fatalities);
    await page.locator('[data-testid="note-scan"]').waitFor({ state: 'detached', timeout: 5_000 });
    const seen = await page.evaluate(() => window.__scanSeen);
    assert.ok(seen.length > 0, 'the progress of the search was shown');
    const percents = seen.map((line) => Number(/Searching the notes of the file: (\d+)%/.exec(line)?.[1]));
    assert.ok(
      percents.every((p, i) => Number.isInteger(p) && p >= (percents[i - 1] ?? 0)),
      `progress only goes up: ${seen.join(' | ')}`,
    );

    await page.fill('[data-testid="filter-text"]', '');
    assert.equal(await waitForNumber(page, EVENTS, all.events, { timeout: 30_000 }), all.events, 'all events again');
    assertNoPageErrors(app.errors);
  } finally {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  }
});
