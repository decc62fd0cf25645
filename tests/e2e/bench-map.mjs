// Browser benchmark of the map (not a test: it prints figures and asserts
// nothing about speed). It loads a SYNTHETIC ACLED-shaped file made with
// `eventlens-cli generate` (never real events) into the release build in
// headless Chromium and times, in the density layer and in the points
// layer:
//   - a pan step (an arrow key on the focused map) to the painted frame;
//   - a filter change (event type, months) to the painted frame;
// each from the input event to the first animation frame after the map's
// redraw (the canvas counts its redraws in `data-frames`), p50/p95/max.
//
// Usage, after .ci/build:
//   node tests/e2e/bench-map.mjs            # 1,000,000 events
//   EVENTS=200000 node tests/e2e/bench-map.mjs

import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { openApp, repoPath } from './helpers.mjs';

const EVENTS = Number(process.env.EVENTS || 1_000_000);
const PANS = Number(process.env.PANS || 40);
const file = repoPath('target', 'bench', `synthetic-${EVENTS}.synthetic.csv`);

if (!existsSync(file)) {
  await mkdir(repoPath('target', 'bench'), { recursive: true });
  console.log(`generating ${EVENTS} synthetic events into ${file}`);
  execFileSync('cargo', ['run', '--release', '--quiet', '--bin', 'eventlens-cli', '--', 'generate', '--events', String(EVENTS), '--out', file], {
    cwd: repoPath(),
    stdio: 'inherit',
  });
}

/** p50, p95 and max of `ms`, as text. */
function summary(ms) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.round((s.length - 1) * p))];
  return `p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${s[s.length - 1].toFixed(1)} ms over ${s.length}`;
}

/**
 * In the page: runs `action` (named by `kind` and `arg`), then waits for
 * the map's next redraw and the animation frame after it (the redraw has
 * been painted); the milliseconds from just before the action. For a
 * filter change the redraw waited for is the first after the event count
 * changed. `null` if nothing changed within 30 s.
 */
function timed(page, kind, arg) {
  return page.evaluate(
    async ([kind, arg]) => {
      const map = document.querySelector('[data-testid="map"]');
      const counter = document.querySelector('[data-testid="events-count"]');
      const nextRedraw = () =>
        new Promise((resolve) => {
          const before = map.dataset.frames;
          const timer = setTimeout(() => {
            observer.disconnect();
            resolve(false);
          }, 30_000);
          const observer = new MutationObserver(() => {
            if (map.dataset.frames !== before) {
              clearTimeout(timer);
              observer.disconnect();
              resolve(true);
            }
          });
          observer.observe(map, { attributes: true, attributeFilter: ['data-frames'] });
        });
      const countChange = () =>
        new Promise((resolve) => {
          const before = counter.textContent;
          const timer = setTimeout(() => {
            observer.disconnect();
            resolve(false);
          }, 30_000);
          const observer = new MutationObserver(() => {
            if (counter.textContent !== before) {
              clearTimeout(timer);
              observer.disconnect();
              resolve(true);
            }
          });
          observer.observe(counter, { subtree: true, childList: true, characterData: true });
        });
      const t0 = performance.now();
      let ok;
      if (kind === 'key') {
        const redrawn = nextRedraw();
        map.dispatchEvent(new KeyboardEvent('keydown', { key: arg, bubbles: true }));
        ok = await redrawn;
      } else {
        const [selector, value] = arg;
        const counted = countChange();
        const input = document.querySelector(selector);
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
        ok = (await counted) && (await nextRedraw());
      }
      await new Promise((r) => requestAnimationFrame(() => r()));
      return ok ? performance.now() - t0 : null;
    },
    [kind, arg],
  );
}

const megabytes = statSync(file).size / 1e6;
const app = await openApp({ viewport: { width: 1280, height: 900 } });
const { page } = app;
try {
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="events-count"]')?.textContent.replace(/\D/g, '') || 0) > 0, null, { timeout: 60_000 });
  await page.setInputFiles('[data-testid="file-input"]', file);
  await page.waitForFunction(
    (events) => Number(document.querySelector('[data-testid="events-count"]')?.textContent.replace(/\D/g, '') || 0) === events,
    EVENTS,
    { timeout: 900_000 },
  );
  const closeButton = page.getByRole('button', { name: 'Close report' });
  if (await closeButton.count()) await closeButton.click();
  await page.locator('[data-testid="map"]').scrollIntoViewIfNeeded();
  const size = await page.locator('[data-testid="map"]').evaluate((el) => `${el.clientWidth}x${el.clientHeight} CSS px at ratio ${devicePixelRatio}`);
  console.log(`EventLens map benchmark, SYNTHETIC data: ${EVENTS.toLocaleString('en')} events, ${megabytes.toFixed(1)} MB; map ${size}`);
  console.log(`layer chosen automatically at the first view: ${await page.locator('[data-testid="map"]').getAttribute('data-map-layer')}`);

  const filters = [
    ['#f-event-type', 'Battles'],
    ['#f-event-type', ''],
    ['#f-month-from', '6'],
    ['#f-month-to', '9'],
    ['#f-month-from', ''],
    ['#f-month-to', ''],
    ['#f-event-type', 'Protests'],
    ['#f-event-type', ''],
  ];
  for (const layer of ['density', 'points']) {
    await page.locator(`button[data-layer="${layer}"]`).click();
    await page.waitForFunction((l) => document.querySelector('[data-testid="map"]')?.dataset.mapLayer === l, layer, { timeout: 60_000 });
    // Back to the view fitted to the data.
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    const changes = [];
    for (let round = 0; round < 2; round += 1) {
      for (const [selector, value] of filters) {
        const ms = await timed(page, 'filter', [selector, value]);
        if (ms !== null) changes.push(ms);
      }
    }
    // Pans: right, then back left, so the view stays over the data.
    const pans = [];
    for (let i = 0; i < PANS; i += 1) {
      const ms = await timed(page, 'key', i % 20 < 10 ? 'ArrowRight' : 'ArrowLeft');
      if (ms !== null) pans.push(ms);
    }
    const zooms = [];
    for (let i = 0; i < 10; i += 1) {
      const ms = await timed(page, 'key', i % 2 ? '-' : '+');
      if (ms !== null) zooms.push(ms);
    }
    console.log(`${layer} layer:`);
    console.log(`  pan step (arrow key) -> painted frame: ${pans.length ? summary(pans) : 'not measured'}`);
    console.log(`  zoom step (+/-) -> painted frame: ${zooms.length ? summary(zooms) : 'not measured'}`);
    console.log(`  filter change -> painted frame: ${changes.length ? summary(changes) : 'not measured'}`);
  }
} finally {
  await app.close();
}
