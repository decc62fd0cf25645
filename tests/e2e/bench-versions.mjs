// Browser benchmark (not a test: it prints figures and asserts nothing about
// speed) of two versions of a dataset, on SYNTHETIC ACLED-shaped files made
// with `eventlens-cli generate` (never real events). The later version is
// derived from the earlier as `cargo bench --bench versions` derives it:
// every 1,000th event deleted, the fatalities of every 500th one more, and
// N/100 events added. It opens the release build in headless Chromium,
// loads the earlier file, then the later one as "another version", and
// reports:
//   - the time to read the second file and to match the two versions, and
//     the longest slice of the matching (the page yields between slices);
//   - the longest tasks on the main thread from choosing the second file to
//     the panel being ready;
//   - input-to-updated-panel latency for filter changes with both files in;
//   - the tab's memory: the JS heap (with the wasm memory) and the resident
//     memory of the renderer processes.
//
// Usage, after .ci/build:
//   node tests/e2e/bench-versions.mjs            # 1,000,000 + 1,000,000 events
//   EVENTS=200000 node tests/e2e/bench-versions.mjs

import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { once } from 'node:events';
import readline from 'node:readline';
import { openApp, repoPath } from './helpers.mjs';

const EVENTS = Number(process.env.EVENTS || 1_000_000);
const dir = repoPath('target', 'bench');
const earlierFile = `${dir}/synthetic-${EVENTS}.synthetic.csv`;
const addedFile = `${dir}/synthetic-added-${EVENTS / 100}.synthetic.csv`;
const laterFile = `${dir}/synthetic-${EVENTS}-later.synthetic.csv`;

function generate(events, seed, out) {
  console.log(`generating ${events} synthetic events into ${out}`);
  execFileSync('cargo', ['run', '--release', '--quiet', '--bin', 'eventlens-cli', '--', 'generate', '--events', String(events), '--seed', String(seed), '--out', out], {
    cwd: repoPath(),
    stdio: 'inherit',
  });
}

/** The later version, line by line (the generator writes one record a line). */
async function writeLater() {
  const out = createWriteStream(laterFile);
  const write = async (line) => {
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  };
  let i = 0;
  for await (const line of readline.createInterface({ input: createReadStream(earlierFile) })) {
    if (i > 0 && i % 1000 === 0) {
      i += 1;
      continue;
    }
    if (i > 0 && i % 500 === 0) {
      // ...,<fatalities>,<tags>,<timestamp>: one more fatality.
      const fields = line.split(',');
      const f = fields.length - 3;
      fields[f] = String((Number.parseInt(fields[f], 10) || 0) + 1);
      await write(fields.join(','));
    } else {
      await write(line);
    }
    i += 1;
  }
  let first = true;
  for await (const line of readline.createInterface({ input: createReadStream(addedFile) })) {
    if (first) {
      first = false;
      continue;
    }
    await write(`NEW${line.startsWith('SYN') ? line.slice(3) : line}`);
  }
  out.end();
  await once(out, 'finish');
}

await mkdir(dir, { recursive: true });
if (!existsSync(earlierFile)) generate(EVENTS, 1, earlierFile);
if (!existsSync(addedFile)) generate(EVENTS / 100, 2, addedFile);
if (!existsSync(laterFile)) await writeLater();

/**
 * Resident memory (kB) of the renderer processes of the newest browser
 * Playwright started (this script's, when no other runs at the same time).
 */
function rendererMemory() {
  const table = execFileSync('ps', ['-eo', 'pid,ppid,rss,args', '--no-headers'], { encoding: 'utf8' });
  const rows = table.trim().split('\n').map((l) => {
    const [pid, ppid, rss, ...args] = l.trim().split(/\s+/);
    return { pid: Number(pid), ppid: Number(ppid), rss: Number(rss), args: args.join(' ') };
  });
  const browsers = rows.filter((r) => r.args.includes('playwright_chromiumdev_profile') && !r.args.includes('--type='));
  if (!browsers.length) return [];
  const family = new Set([Math.max(...browsers.map((r) => r.pid))]);
  for (let grew = true; grew;) {
    grew = false;
    for (const r of rows) {
      if (family.has(r.ppid) && !family.has(r.pid)) {
        family.add(r.pid);
        grew = true;
      }
    }
  }
  return rows.filter((r) => family.has(r.pid) && r.args.includes('--type=renderer')).map((r) => r.rss);
}

const app = await openApp({ viewport: { width: 1280, height: 900 } });
const { page } = app;
try {
  // The wasm instance, for the size of its memory: reload with a hook on
  // the loader's start event.
  await page.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
  });
  await page.reload({ waitUntil: 'load' });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="events-count"]')?.textContent.replace(/\D/g, '') || 0) > 0, null, { timeout: 60_000 });
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  let t = Date.now();
  await page.setInputFiles('[data-testid="file-input"]', earlierFile);
  await page.waitForFunction(
    (events) => Number(document.querySelector('[data-testid="events-count"]')?.textContent.replace(/\D/g, '') || 0) === events,
    EVENTS,
    { timeout: 600_000 },
  );
  console.log(`EventLens versions browser benchmark, SYNTHETIC data: ${EVENTS.toLocaleString('en')} + about ${EVENTS.toLocaleString('en')} events`);
  console.log(`earlier file loaded in ${Date.now() - t} ms`);
  // The first file's load, for comparison: the second is read the same way.
  const firstTasks = (await page.evaluate(() => window.__longTasks.splice(0))).sort((a, b) => b - a);
  console.log(`main-thread long tasks, first file: ${firstTasks.length}, longest ${firstTasks.slice(0, 3).map((d) => d.toFixed(0)).join(', ')} ms`);
  t = Date.now();
  await page.setInputFiles('[data-testid="second-file-input"]', laterFile);
  await page.waitForFunction(
    () => ['matching', 'ready', 'failed'].includes(document.querySelector('[data-testid="second-file"]')?.dataset.secondState),
    null,
    { timeout: 600_000, polling: 50 },
  );
  const read = Date.now() - t;
  await page.waitForFunction(
    () => ['ready', 'failed'].includes(document.querySelector('[data-testid="second-file"]')?.dataset.secondState),
    null,
    { timeout: 600_000 },
  );
  const total = Date.now() - t;
  const panel = page.locator('[data-testid="second-file"]');
  const state = await panel.getAttribute('data-second-state');
  const matching = Number(await panel.getAttribute('data-matching-ms'));
  const slice = Number(await panel.getAttribute('data-longest-slice-ms'));
  const parts = ['hashing the earlier ids', 'translating names', 'indexing the later places', 'finding the earlier places', 'numbering the later sides', 'finding the earlier sides', 'matching the later ids', 'listing the deleted'];
  const part = parts[Number(await panel.getAttribute('data-longest-slice-part'))] ?? '?';
  const longTasks = (await page.evaluate(() => window.__longTasks.slice())).sort((a, b) => b - a);
  console.log(`second file: ${state}; read in about ${read} ms, matched in ${matching.toFixed(0)} ms (longest slice ${slice.toFixed(0)} ms, ${part}); chosen -> panel ready ${total} ms`);
  if (state === 'ready') {
    const count = async (id) => page.locator(`[data-testid="${id}"]`).getAttribute('data-count');
    console.log(`diff: ${await count('versions-added')} added, ${await count('versions-deleted')} deleted, ${await count('versions-revised')} revised`);
  } else {
    console.log(await page.locator('[data-testid="second-error"]').textContent());
  }
  console.log(
    `main-thread long tasks, second file chosen -> panel ready: ${longTasks.length}, longest ${longTasks.slice(0, 5).map((d) => d.toFixed(0)).join(', ')} ms; over 100 ms: ${longTasks.filter((d) => d > 100).length}`,
  );

  // Filter changes with both files in: from the input event to the frame
  // after the panel's sentence changed.
  const changes = [['#f-event-type', 'Battles'], ['#f-event-type', ''], ['#f-event-type', 'Protests'], ['#f-event-type', '']];
  const latencies = [];
  for (let round = 0; round < 3; round += 1) {
    for (const [selector, value] of changes) {
      const ms = await page.evaluate(async ([selector, value]) => {
        const sentence = () => document.querySelector('[data-testid="versions-summary"]')?.textContent;
        const before = sentence();
        const input = document.querySelector(selector);
        if (!input) return null;
        const t0 = performance.now();
        input.value = value;
        input.dispatchEvent(new Event('change', { bubbles: true }));
        for (;;) {
          await new Promise((r) => requestAnimationFrame(() => r()));
          if (sentence() !== before) return performance.now() - t0;
          if (performance.now() - t0 > 20_000) return null;
        }
      }, [selector, value]);
      if (ms !== null) latencies.push(ms);
    }
  }
  latencies.sort((a, b) => a - b);
  if (latencies.length) {
    const pick = (p) => latencies[Math.min(latencies.length - 1, Math.round((latencies.length - 1) * p))];
    console.log(`filter change -> both views and the versions panel updated: p50 ${pick(0.5).toFixed(0)} ms, max ${latencies[latencies.length - 1].toFixed(0)} ms over ${latencies.length} changes`);
  }

  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  console.log(`JS heap used ${(metrics.JSHeapUsedSize / 1e6).toFixed(0)} MB of ${(metrics.JSHeapTotalSize / 1e6).toFixed(0)} MB`);
  // Array buffers' backing stores (the wasm memory among them) are outside
  // the JS heap proper.
  const heap = await cdp.send('Runtime.getHeapUsage');
  if (heap.backingStorageSize !== undefined) {
    console.log(`array buffers (wasm memory included): ${(heap.backingStorageSize / 1e6).toFixed(0)} MB`);
  }
  const wasm = await page.evaluate(() => window.__wasm?.memory?.buffer?.byteLength ?? null);
  if (wasm) console.log(`wasm memory (both datasets and everything else of the page's Rust side): ${(wasm / 1e6).toFixed(0)} MB`);
  const rss = rendererMemory().sort((a, b) => b - a);
  console.log(`renderer processes' resident memory: ${rss.map((k) => `${(k / 1024).toFixed(0)} MB`).join(', ')} (the largest is the tab)`);
} finally {
  await app.close();
}
