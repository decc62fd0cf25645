// Browser benchmark (not a test: it prints figures and asserts nothing about
// speed). It makes a SYNTHETIC ACLED-shaped file with `eventlens-cli
// generate` (never real events), opens the release build in headless
// Chromium, loads the file through the file input and reports:
//   - time from choosing the file to the first chart and to the end of the
//     load, and the load speed in MB/s;
//   - the longest tasks on the main thread during the load (the page is
//     unresponsive while one runs);
//   - input-to-updated-views latency for a series of filter changes (p50/p95).
//
// Usage, after .ci/build:
//   node tests/e2e/bench-load.mjs            # 1,000,000 events
//   EVENTS=200000 node tests/e2e/bench-load.mjs

import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { openApp, repoPath } from './helpers.mjs';

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

  // Filter changes: each is timed from the input event to the first frame
  // after the event count changed.
  const changes = [
    ['#f-event-type', 'Battles'],
    ['#f-event-type', ''],
    ['#f-month-from', '6'],
    ['#f-month-to', '9'],
    ['#f-month-from', ''],
    ['#f-event-type', 'Protests'],
    ['#f-event-type', ''],
  ];
  const latencies = [];
  for (let round = 0; round < 4; round += 1) {
    for (const [selector, value] of changes) {
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
          await new Promise((r) => requestAnimationFrame(() => r()));
          return changed ? performance.now() - t0 : null;
        },
        [selector, value],
      );
      if (ms !== null) latencies.push(ms);
    }
  }
  latencies.sort((a, b) => a - b);
  const pick = (p) => latencies[Math.min(latencies.length - 1, Math.round((latencies.length - 1) * p))];
  if (latencies.length) {
    console.log(
      `filter change -> views updated: p50 ${pick(0.5).toFixed(1)} ms, p95 ${pick(0.95).toFixed(1)} ms, max ${latencies[latencies.length - 1].toFixed(1)} ms over ${latencies.length} changes`,
    );
  } else {
    console.log('filter change -> views updated: no change could be measured (controls not found)');
  }
} finally {
  await app.close();
}
