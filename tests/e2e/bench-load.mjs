// Browser benchmark (not a test: it prints figures and asserts nothing about
// speed). It makes a SYNTHETIC ACLED-shaped file with `eventlens-cli
// generate` (never real events), opens the release build in headless
// Chromium, loads the file through the file input and reports:
//   - time from choosing the file to the first chart and to the end of the
//     load, and the load speed in MB/s;
//   - the longest tasks on the main thread during the load (the page is
//     unresponsive while one runs);
//   - input-to-painted-frame latency for a series of filter changes
//     (p50/p95, overall and per kind: category toggle, months window, date
//     brush step, actor): from the input event to the end of the first frame drawn
//     after the counts changed, style, layout and paint included (the
//     table, below the fold, and the counts inside the filter lists are
//     written in a task just after that frame, and are not in the figure);
//   - in the same run and browser, DuckDB-WASM (npm `@duckdb/duckdb-wasm`,
//     served from node_modules on loopback, no network) reading the same
//     file with `read_csv` into a table, and its four dashboard GROUP BY
//     queries (timeline by month and type, admin1 bars, top actors, map
//     points) after each of the same filter changes; every EventLens figure
//     is also given as a ratio to DuckDB's.
//
// Usage, after .ci/build:
//   node tests/e2e/bench-load.mjs            # 1,000,000 events
//   EVENTS=200000 node tests/e2e/bench-load.mjs

import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp, repoPath, startServer } from './helpers.mjs';

const EVENTS = Number(process.env.EVENTS || 1_000_000);
const file = repoPath('target', 'bench', `synthetic-${EVENTS}.synthetic.csv`);

if (!existsSync(file)) {
  await mkdir(repoPath('target', 'bench'), { recursive: true });
  console.log(`generating ${EVENTS} synthetic events into ${file}`);
  execFileSync('cargo', ['run', '--release', '--quiet', '--bin', 'eventlens-cli', '--', 'generate', '--events', String(EVENTS), '--out', file], {
    cwd: repoPath(),
    stdio: 'inherit',
  });
}
const megabytes = statSync(file).size / 1e6;

// Both readers get the file from memory, not the disk: read it once now
// (the machine may have dropped it from its cache since it was written).
function warmCache() {
  const chunk = Buffer.alloc(16 << 20);
  const fd = openSync(file, 'r');
  try {
    while (readSync(fd, chunk, 0, chunk.length, null) > 0);
  } finally {
    closeSync(fd);
  }
}
warmCache();

const app = await openApp({ viewport: { width: 1280, height: 900 } });
const { page } = app;
try {
  // Long tasks on the main thread, from before the file is chosen.
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="events-count"]')?.textContent.replace(/\D/g, '') || 0) > 0, null, { timeout: 60_000 });

  const started = Date.now();
  await page.setInputFiles('[data-testid="file-input"]', file);
  let sawProgress = false;
  try {
    await page.locator('[data-testid="progress"]').waitFor({ state: 'visible', timeout: 5_000 });
    sawProgress = true;
  } catch {
    // A fast machine may finish before the first look.
  }
  await page.locator('[data-testid="import-report"]').waitFor({ timeout: 600_000 });
  const firstChart = Date.now() - started;
  await page.waitForFunction(
    (events) => Number(document.querySelector('[data-testid="events-count"]')?.textContent.replace(/\D/g, '') || 0) === events,
    EVENTS,
    { timeout: 600_000 },
  );
  const loaded = Date.now() - started;
  const longTasks = await page.evaluate(() => window.__longTasks.slice());
  longTasks.sort((a, b) => b - a);

  console.log(`EventLens browser benchmark, SYNTHETIC data: ${EVENTS.toLocaleString('en')} events, ${megabytes.toFixed(1)} MB`);
  console.log(`progress bar shown during load: ${sawProgress ? 'yes' : 'no'}`);
  console.log(`file chosen -> import report and first chart: ${firstChart} ms`);
  console.log(`file chosen -> counts updated (load complete): ${loaded} ms, ${(megabytes / (loaded / 1000)).toFixed(0)} MB/s`);
  console.log(
    `main-thread long tasks during load: ${longTasks.length}, longest ${longTasks.slice(0, 5).map((d) => d.toFixed(0)).join(', ')} ms; over 100 ms: ${longTasks.filter((d) => d > 100).length}`,
  );
  const closeButton = page.getByRole('button', { name: 'Close report' });
  if (await closeButton.count()) await closeButton.click();

  // Filter changes: each is timed from the input event to the end of the
  // first frame painted after the event count changed. Each has a kind and
  // the WHERE clause DuckDB is given for it. The actor is the first row's.
  const head = Buffer.alloc(4096);
  const headFd = openSync(file, 'r');
  readSync(headFd, head, 0, head.length, 0);
  closeSync(headFd);
  const firstRow = head.toString('utf8').split('\n')[1].split(',');
  const actor = firstRow[7];
  const quoted = actor.replace(/'/g, "''");
  const changes = [
    ['category toggle', '#f-event-type', 'Battles', "event_type = 'Battles'"],
    ['category toggle', '#f-event-type', '', 'TRUE'],
    ['months window', '#f-month-from', '6', 'month(event_date) >= 6'],
    ['months window', '#f-month-to', '9', 'month(event_date) BETWEEN 6 AND 9'],
    ['months window', '#f-month-from', '', 'month(event_date) <= 9'],
    ['months window', '#f-month-to', '', 'TRUE'],
    ['date brush step', '#f-from', '2015-01-01', "event_date >= DATE '2015-01-01'"],
    ['date brush step', '#f-to', '2015-12-31', "event_date BETWEEN DATE '2015-01-01' AND DATE '2015-12-31'"],
    ['date brush step', '#f-to', '2016-01-31', "event_date BETWEEN DATE '2015-01-01' AND DATE '2016-01-31'"],
    ['date brush step', '#f-from', '2015-02-01', "event_date BETWEEN DATE '2015-02-01' AND DATE '2016-01-31'"],
    ['date brush step', '#f-to', '2016-02-29', "event_date BETWEEN DATE '2015-02-01' AND DATE '2016-02-29'"],
    ['date brush step', '#f-from', '2015-03-01', "event_date BETWEEN DATE '2015-03-01' AND DATE '2016-02-29'"],
    ['date brush step', '#f-from', '', "event_date <= DATE '2016-02-29'"],
    ['date brush step', '#f-to', '', 'TRUE'],
    ['actor', '#f-actor', actor, `(actor1 = '${quoted}' OR actor2 = '${quoted}')`],
    ['actor', '#f-actor', '', 'TRUE'],
  ];
  const latencies = new Map();
  const all = [];
  for (let round = 0; round < 3; round += 1) {
    for (const [kind, selector, value] of changes) {
      const ms = await page.evaluate(
        async ([selector, value]) => {
          const counter = document.querySelector('[data-testid="events-count"]');
          const before = counter.textContent;
          const input = document.querySelector(selector);
          if (!input) return null;
          const t0 = performance.now();
          input.value = value;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          input.dispatchEvent(new Event('change', { bubbles: true }));
          const changed = await new Promise((resolve) => {
            if (counter.textContent !== before) return resolve(true);
            const timer = setTimeout(() => { observer.disconnect(); resolve(false); }, 10_000);
            const observer = new MutationObserver(() => {
              if (counter.textContent !== before) {
                clearTimeout(timer);
                observer.disconnect();
                resolve(true);
              }
            });
            observer.observe(counter, { subtree: true, childList: true, characterData: true });
          });
          // To the painted frame: the frame's callbacks (the canvases draw
          // in them), then its style, layout and paint, after which a
          // message posted from the callback is delivered.
          await new Promise((r) => requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => r();
            channel.port2.postMessage(0);
          }));
          return changed ? performance.now() - t0 : null;
        },
        [selector, value],
      );
      if (ms === null) continue;
      if (!latencies.has(kind)) latencies.set(kind, []);
      latencies.get(kind).push(ms);
      all.push(ms);
    }
  }
  const percentile = (list, p) => {
    const sorted = [...list].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.round((sorted.length - 1) * p))];
  };
  const pick = (p) => percentile(all, p);
  if (all.length) {
    console.log(
      `filter change -> frame painted: p50 ${pick(0.5).toFixed(1)} ms, p95 ${pick(0.95).toFixed(1)} ms, max ${Math.max(...all).toFixed(1)} ms over ${all.length} changes`,
    );
    for (const [kind, list] of latencies) {
      console.log(`  ${kind}: p50 ${percentile(list, 0.5).toFixed(1)} ms, p95 ${percentile(list, 0.95).toFixed(1)} ms over ${list.length}`);
    }
  } else {
    console.log('filter change -> frame painted: no change could be measured (controls not found)');
  }

  // DuckDB-WASM on the same file, in a new page of the same browser.
  warmCache();
  const duck = await duckdbBench(page.context(), file, changes);
  console.log(`DuckDB-WASM ${duck.version} (${duck.bundle} bundle), same file, same browser:`);
  console.log(`  read_csv into a table: ${duck.load.toFixed(0)} ms, ${(megabytes / (duck.load / 1000)).toFixed(0)} MB/s (${duck.rows.toLocaleString('en')} rows)`);
  console.log(
    `  four dashboard GROUP BYs per filter change: p50 ${duck.p50.toFixed(1)} ms, p95 ${duck.p95.toFixed(1)} ms over ${duck.runs} changes`,
  );
  for (const [kind, [p50, p95]] of Object.entries(duck.kinds)) {
    console.log(`    ${kind}: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
  }
  console.log('EventLens / DuckDB-WASM (below 1 is faster):');
  console.log(`  load: ${(loaded / duck.load).toFixed(2)} (first chart ${(firstChart / duck.load).toFixed(2)})`);
  if (all.length) {
    console.log(
      `  filter change: p50 ${(pick(0.5) / duck.p50).toFixed(2)}, p95 ${(pick(0.95) / duck.p95).toFixed(2)} (EventLens to the painted frame with the charts, map and totals updated, the table and the filter lists' counts just after it; DuckDB the four queries alone)`,
    );
    for (const [kind, list] of latencies) {
      const [p50, p95] = duck.kinds[kind] ?? [NaN, NaN];
      console.log(`    ${kind}: p50 ${(percentile(list, 0.5) / p50).toFixed(2)}, p95 ${(percentile(list, 0.95) / p95).toFixed(2)}`);
    }
  }
} finally {
  await app.close();
}

/**
 * Loads `file` into DuckDB-WASM with `read_csv` (through a File, as the
 * page reads it) and times the four GROUP BY queries a dashboard like the
 * page's needs, under the same filter changes the page was given.
 */
async function duckdbBench(context, file, changes) {
  // Served straight from the test's node_modules, with an import map for
  // the packages DuckDB's browser module imports by name.
  const modules = path.join(path.dirname(fileURLToPath(import.meta.url)), 'node_modules');
  const { version } = JSON.parse(readFileSync(path.join(modules, '@duckdb', 'duckdb-wasm', 'package.json'), 'utf8'));
  const server = await startServer({ root: modules, base: '/modules/' });
  const page = await context.newPage();
  try {
    await page.goto(`${server.url}@duckdb/duckdb-wasm/package.json`, { waitUntil: 'load' });
    const imports = {
      'apache-arrow': `${server.url}apache-arrow/Arrow.dom.mjs`,
      flatbuffers: `${server.url}flatbuffers/mjs/flatbuffers.js`,
      tslib: `${server.url}tslib/tslib.es6.mjs`,
    };
    await page.setContent(
      `<!doctype html><meta charset="utf-8"><script type="importmap">${JSON.stringify({ imports })}</script><input type="file" id="file">`,
    );
    await page.setInputFiles('#file', file);
    const base = `${server.url}@duckdb/duckdb-wasm/dist/`;
    return await page.evaluate(async ([base, version, changes]) => {
      const duckdb = await import(`${base}duckdb-browser.mjs`);
      const bundle = await duckdb.selectBundle({
        mvp: { mainModule: `${base}duckdb-mvp.wasm`, mainWorker: `${base}duckdb-browser-mvp.worker.js` },
        eh: { mainModule: `${base}duckdb-eh.wasm`, mainWorker: `${base}duckdb-browser-eh.worker.js` },
      });
      const worker = new Worker(bundle.mainWorker);
      const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
      await db.instantiate(bundle.mainModule);
      const input = document.getElementById('file');
      await db.registerFileHandle('events.csv', input.files[0], duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
      const conn = await db.connect();
      const t0 = performance.now();
      await conn.query("CREATE TABLE events AS SELECT * FROM read_csv('events.csv')");
      const load = performance.now() - t0;
      const rows = Number((await conn.query('SELECT count(*) AS n FROM events')).toArray()[0].n);
      // The page's filter changes, as WHERE clauses.
      const wheres = changes.map((c) => c[3]);
      const kinds = changes.map((c) => c[0]);
      const queries = (w) => [
        `SELECT date_trunc('month', event_date) AS m, event_type, count(*) AS n, sum(fatalities) AS f FROM events WHERE ${w} GROUP BY 1, 2`,
        `SELECT admin1, count(*) AS n, sum(fatalities) AS f FROM events WHERE ${w} GROUP BY 1 ORDER BY n DESC`,
        `SELECT actor1, count(*) AS n, sum(fatalities) AS f FROM events WHERE ${w} GROUP BY 1 ORDER BY n DESC LIMIT 15`,
        `SELECT location, latitude, longitude, count(*) AS n, sum(fatalities) AS f FROM events WHERE ${w} GROUP BY 1, 2, 3`,
      ];
      const times = [];
      const byKind = {};
      for (let round = 0; round < 3; round += 1) {
        for (const [i, w] of wheres.entries()) {
          const t = performance.now();
          for (const q of queries(w)) await conn.query(q);
          const took = performance.now() - t;
          times.push(took);
          (byKind[kinds[i]] ??= []).push(took);
        }
      }
      const percentile = (list, p) => {
        const sorted = [...list].sort((a, b) => a - b);
        return sorted[Math.min(sorted.length - 1, Math.round((sorted.length - 1) * p))];
      };
      const at = (p) => percentile(times, p);
      const kindFigures = Object.fromEntries(Object.entries(byKind).map(([k, l]) => [k, [percentile(l, 0.5), percentile(l, 0.95)]]));
      await conn.close();
      await db.terminate();
      return {
        version,
        bundle: bundle.mainModule.includes('-eh') ? 'eh' : 'mvp',
        load,
        rows,
        p50: at(0.5),
        p95: at(0.95),
        runs: times.length,
        kinds: kindFigures,
      };
    }, [base, version, changes]);
  } finally {
    await page.close();
    await server.close();
  }
}
