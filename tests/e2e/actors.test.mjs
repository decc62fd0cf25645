// Actor names: counting "X and/or Y" attributions under each actor only when
// asked, and folding raw names into an actor of the user's own in the
// dialog, kept in the link. The file is made here (synthetic events, actor
// names as ACLED writes them); expected counts are computed here from its
// rows, with the folds the built-in table promises written out below.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertNoPageErrors, openApp, waitForData, waitForNumber } from './helpers.mjs';

const EVENTS = '[data-testid="events-count"]';

const JNIM = 'JNIM: Group for Support of Islam and Muslims';
const UNCERTAIN = `${JNIM} and/or Islamic State (Sahel)`;
const HEADER =
  'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp';

// [actor1, actor2, how many events]
const PLAN = [
  [JNIM, 'Military Forces of Mali (2021-)', 4],
  [UNCERTAIN, 'Civilians (Mali)', 3],
  ['Katiba Serma', 'Military Forces of Mali (2021-)', 2],
  ['Islamic State (Sahel)', 'Civilians (Mali)', 5],
  ['Synthetic Brigade North', 'Synthetic Brigade South', 2],
];
// What the built-in table folds these names into.
const TABLE = { [JNIM]: 'JNIM', 'Katiba Serma': 'JNIM', 'Islamic State (Sahel)': 'Islamic State Sahel' };

function makeFile() {
  const lines = [HEADER];
  const events = [];
  let n = 0;
  for (const [a1, a2, count] of PLAN) {
    for (let i = 0; i < count; i += 1) {
      n += 1;
      const day = String(n).padStart(2, '0');
      lines.push(
        `SYN${n},2022-03-${day},2022,1,Political violence,Battles,Armed clash,"${a1}",,2,"${a2}",,1,12,,466,Western Africa,Mali,Mopti,Djenne,,Town ${n},14.${n % 9},-4.${n % 7},1,Synthetic,Other,Synthetic row ${n},${n},,0`,
      );
      events.push({ actors: [a1, a2] });
    }
  }
  return { csv: lines.join('\n'), events };
}


async function setActor(page, name) {
  await page.fill('#f-actor', name);
  await page.press('#f-actor', 'Enter');
}

test('uncertain attributions count under each actor only when ticked; folds made in the dialog apply and stay in the link', { timeout: 120_000 }, async () => {
  const { csv, events } = makeFile();
  const count = (pred) => events.filter(pred).length;
  const canonical = (name) => TABLE[name] ?? name;
  const app = await openApp();
  const { page } = app;
  try {
    await waitForData(page);
    await page.setInputFiles('[data-testid="file-input"]', {
      name: 'synthetic-actors.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await waitForNumber(page, EVENTS, events.length, { timeout: 30_000 });
    const uncertainEvents = count((e) => e.actors.includes(UNCERTAIN));
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid="uncertain-count"]')?.textContent.startsWith(`${n} events`),
      uncertainEvents,
      { timeout: 10_000 },
    );

    // JNIM's own events; then with the uncertain ones.
    await setActor(page, 'JNIM');
    const jnim = count((e) => e.actors.some((a) => canonical(a) === 'JNIM'));
    assert.equal(await waitForNumber(page, EVENTS, jnim), jnim, 'JNIM without uncertain attributions');
    await page.check('[data-testid="filter-uncertain"]');
    const withUncertain = jnim + uncertainEvents;
    assert.equal(await waitForNumber(page, EVENTS, withUncertain), withUncertain, 'JNIM with uncertain attributions');
    await page.waitForFunction(() => location.search.includes('uncertain=1'), null, { timeout: 5_000 });
    assert.match(await page.locator('[data-testid="chips"]').textContent(), /Including uncertain attributions/);

    // Fold the two synthetic brigades into one actor of the user's own.
    await page.uncheck('[data-testid="filter-uncertain"]');
    await page.click('[data-testid="open-aliases"]');
    const dialog = page.locator('[data-testid="aliases-dialog"]');
    await dialog.waitFor({ timeout: 5_000 });
    await page.fill('[data-testid="alias-search"]', 'synthetic brigade');
    const names = page.locator('[data-testid="alias-names"] li');
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="alias-names"] li').length === 2,
      null,
      { timeout: 5_000 },
    );
    for (const name of ['Synthetic Brigade North', 'Synthetic Brigade South']) {
      await names.filter({ hasText: name }).locator('input[type="checkbox"]').check();
    }
    await page.fill('[data-testid="alias-target"]', 'Synthetic brigades');
    await page.click('[data-testid="alias-apply"]');
    await page.locator('[data-testid="alias-mine"] li').nth(1).waitFor({ timeout: 5_000 });
    // The list now says what each name folds into.
    await page.waitForFunction(
      () => [...document.querySelectorAll('[data-testid="alias-names"] li')].every((li) => li.textContent.includes('now Synthetic brigades')),
      null,
      { timeout: 5_000 },
    );
    await page.click('[data-testid="alias-close"]');
    await dialog.waitFor({ state: 'detached', timeout: 5_000 });

    await setActor(page, 'Synthetic brigades');
    const brigades = count((e) => e.actors.some((a) => a.startsWith('Synthetic Brigade')));
    assert.equal(await waitForNumber(page, EVENTS, brigades), brigades, 'the folded actor');
    await page.waitForFunction(
      () => new URLSearchParams(location.search).getAll('alias').includes('Synthetic Brigade North=>Synthetic brigades'),
      null,
      { timeout: 5_000 },
    );
    assertNoPageErrors(app.errors);
  } finally {
    await app.close();
  }
});
