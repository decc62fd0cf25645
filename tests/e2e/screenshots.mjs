// Pictures of the map for the release notes (run by hand after .ci/build,
// not in CI). Writes PNGs into target/screenshots/ (ignored by git):
//   map-bundled.png          the map panel with the bundled dataset
//   map-bundled-export.png   its PNG export (2x, title and footer)
//   map-regions.png          the bundled dataset by region
//   map-density-1m.png       a SYNTHETIC file of 1,000,000 events (made
//                            with `eventlens-cli generate`; the page names
//                            it as synthetic) in the density layer
//   map-density-1m-export.png  its PNG export
//   map-embed.png            an embed of the map panel
// Every wait is on the page: the outlines loaded and a redraw painted.
//
// Usage: node tests/e2e/screenshots.mjs   (EVENTS=200000 for a smaller file)

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openApp, repoPath, waitForData } from './helpers.mjs';

const EVENTS = Number(process.env.EVENTS || 1_000_000);
const OUT = repoPath('target', 'screenshots');
const synthetic = repoPath('target', 'bench', `synthetic-${EVENTS}.synthetic.csv`);

await mkdir(OUT, { recursive: true });
if (!existsSync(synthetic)) {
  await mkdir(path.dirname(synthetic), { recursive: true });
  execFileSync('cargo', ['run', '--release', '--quiet', '--bin', 'eventlens-cli', '--', 'generate', '--events', String(EVENTS), '--out', synthetic], {
    cwd: repoPath(),
    stdio: 'inherit',
  });
}

/** Waits until the map has its outlines, shows `layer`, and a redraw after that has been painted. */
async function mapSettled(page, layer) {
  await page.waitForFunction(
    (l) => {
      const map = document.querySelector('[data-testid="map"]');
      return map?.dataset.outlines === 'true' && map.dataset.mapLayer === l && Number(map.dataset.frames) > 0;
    },
    layer,
    { timeout: 120_000 },
  );
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** The map panel as a PNG. */
async function shoot(page, name) {
  const file = path.join(OUT, name);
  await page.locator('section.panel.map').screenshot({ path: file });
  console.log(`wrote ${file}`);
}

/** The map's PNG export, saved as `name`. */
async function exportPng(page, name) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('[data-testid="export-map-png"]')]);
  const file = path.join(OUT, name);
  await download.saveAs(file);
  console.log(`wrote ${file}`);
}

const viewport = { width: 1280, height: 900 };
{
  const { page, close } = await openApp({ viewport });
  try {
    await waitForData(page);
    await page.locator('[data-testid="map"]').scrollIntoViewIfNeeded();
    await mapSettled(page, 'points');
    await shoot(page, 'map-bundled.png');
    await exportPng(page, 'map-bundled-export.png');
    await page.locator('button[data-layer="regions"]').click();
    await mapSettled(page, 'regions');
    await shoot(page, 'map-regions.png');

    await page.setInputFiles('[data-testid="file-input"]', synthetic);
    await page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid="events-count"]')?.textContent.replace(/\D/g, '') || 0) === n,
      EVENTS,
      { timeout: 900_000 },
    );
    const closeButton = page.getByRole('button', { name: 'Close report' });
    if (await closeButton.count()) await closeButton.click();
    await page.locator('button[data-layer="density"]').click();
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await page.locator('[data-testid="map"]').scrollIntoViewIfNeeded();
    await mapSettled(page, 'density');
    await shoot(page, 'map-density-1m.png');
    await exportPng(page, 'map-density-1m-export.png');
  } finally {
    await close();
  }
}
{
  const { page, close } = await openApp({ viewport: { width: 720, height: 900 }, path: '?embed=1&panel=map' });
  try {
    await mapSettled(page, 'points');
    const file = path.join(OUT, 'map-embed.png');
    await writeFile(file, await page.screenshot({ fullPage: true }));
    console.log(`wrote ${file}`);
  } finally {
    await close();
  }
}
