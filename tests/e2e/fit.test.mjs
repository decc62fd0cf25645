// Charts that fit where they are published: an embed sized to the height it
// posts to the page around it (a host page on another origin, written
// here), every panel at phone widths without sideways scrolling, the
// events table's Fatalities column on a desktop screen, PNG exports at
// twice the screen's size, and the map export whole (one title, the full
// footer). Uses the bundled dataset.

import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { ARTIFACTS, assertNoPageErrors, BASE, DIST, launchBrowser, screenshot, startServer, waitForData, watchForErrors } from './helpers.mjs';


/** A small HTTP server on loopback answering every request with `body`. */
async function serveHtml(body) {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}

/** The app served from dist/ and a browser; `close()` ends both. */
async function start() {
  const server = await startServer({ root: DIST, base: BASE });
  const browser = await launchBrowser();
  return {
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

test('an embed on another origin is sized to the height it posts, taken only from its frame', { timeout: 180_000 }, async () => {
  const { server, browser, close } = await start();
  let host;
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = watchForErrors(page);
    await page.goto(server.url, { waitUntil: 'load' });
    await waitForData(page);
    await page.click('[data-testid="open-embed"]');
    await page.selectOption('[data-testid="embed-panel"]', 'breakdown');
    const code = await page.locator('[data-testid="embed-code"]').inputValue();
    const appOrigin = new URL(server.url).origin;
    assert.ok(code.includes(`event.origin !== "${appOrigin}"`), `the host script checks the embed's origin: ${code}`);
    assert.ok(code.includes('event.source !== frame.contentWindow'), 'and that the message comes from its frame');
    const initial = Number(/height:(\d+)px/.exec(code)[1]);

    // The article: the snippet as pasted, then the test's own listener,
    // which runs after the snippet's for each message.
    const article = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article</title></head>
<body style="margin:0"><h1>An article</h1><div id="column" style="width:640px">${code}</div><p>Text after.</p>
<script>
window.heights = [];
window.addEventListener('message', (e) => {
  if (e.data && e.data.eventlens === 'height') window.heights.push(e.data.value);
});
</script></body></html>`;
    host = await serveHtml(article);
    assert.notEqual(new URL(host.url).origin, appOrigin, 'the article is on another origin');
    const hostPage = await context.newPage();
    const hostErrors = watchForErrors(hostPage);
    await hostPage.goto(`${host.url}/article.html`);
    const frame = hostPage.frameLocator('iframe');
    await frame.locator('.bars .bar').first().waitFor({ timeout: 30_000 });
    await frame.locator('[data-testid="embed-dataset"]', { hasText: /edition/ }).waitFor();

    // The frame is sized once its height equals the last height posted and
    // that height is the embed's own.
    const sizedToContent = async (what) => {
      const inner = hostPage.frames().find((f) => f !== hostPage.mainFrame());
      await inner.waitForFunction(
        () => Math.abs(document.querySelector('.embed-root').getBoundingClientRect().height - window.innerHeight) < 1.5,
        null,
        { timeout: 30_000 },
      );
      await hostPage.waitForFunction(
        () => {
          const last = window.heights.at(-1);
          const box = document.querySelector('iframe').getBoundingClientRect();
          return last !== undefined && Math.abs(box.height - Math.ceil(last)) < 0.5;
        },
        null,
        { timeout: 30_000 },
      );
      const frameBox = await hostPage.locator('iframe').boundingBox();
      const rootBox = await frame.locator('.embed-root').boundingBox();
      assert.ok(Math.abs(frameBox.height - rootBox.height) < 1.5, `${what}: the frame (${frameBox.height}) is as tall as the embed (${rootBox.height})`);
      const scroll = await inner.evaluate(() => ({
        height: document.scrollingElement.scrollHeight,
        client: document.scrollingElement.clientHeight,
      }));
      assert.ok(scroll.height <= scroll.client, `${what}: nothing to scroll inside the frame (${scroll.height} > ${scroll.client})`);
      return frameBox.height;
    };
    const wide = await sizedToContent('at 640 px');
    assert.notEqual(wide, initial, 'the frame left the height it was pasted with');
    await screenshot(hostPage, 'fit-embed-host-640');

    // Narrower, the footer wraps and the embed grows: it says so again.
    await hostPage.evaluate(() => {
      document.getElementById('column').style.width = '320px';
    });
    await hostPage.waitForFunction((h) => document.querySelector('iframe').getBoundingClientRect().height !== h, wide, {
      timeout: 30_000,
    });
    const narrow = await sizedToContent('at 320 px');
    assert.ok(narrow > wide, `taller when narrow (${narrow} > ${wide})`);
    await screenshot(hostPage, 'fit-embed-host-320');

    // A message from anything but the frame changes nothing.
    const before = await hostPage.evaluate(() => {
      const height = document.querySelector('iframe').style.height;
      window.postMessage({ eventlens: 'height', value: 77 }, '*');
      return height;
    });
    await hostPage.waitForFunction(() => window.heights.includes(77), null, { timeout: 10_000 });
    assert.equal(await hostPage.evaluate(() => document.querySelector('iframe').style.height), before, 'the host page\'s own message is ignored');
    assertNoPageErrors([...errors, ...hostErrors]);
  } finally {
    await host?.close();
    await close();
  }
});

/**
 * Fails if the page scrolls sideways or any element shown reaches past the
 * viewport's edges.
 */
async function assertFits(page, what) {
  const found = await page.evaluate(() => {
    const root = document.scrollingElement;
    const width = root.clientWidth;
    const wide = [];
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.right > width + 0.5 || box.left < -0.5) {
        const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
        const id = el.getAttribute('data-testid') ?? el.id;
        wide.push(`${el.tagName.toLowerCase()}${cls}${id ? `[${id}]` : ''} ${Math.round(box.left)}..${Math.round(box.right)}`);
      }
    }
    return { scrollWidth: root.scrollWidth, clientWidth: width, wide };
  });
  assert.ok(found.scrollWidth <= found.clientWidth, `${what}: the page scrolls sideways (${found.scrollWidth} > ${found.clientWidth})`);
  assert.deepEqual(found.wide.slice(0, 15), [], `${what}: elements reach past the ${found.clientWidth} px viewport`);
}

/** What each embedded panel shows once it is drawn. */
const EMBEDS = {
  timeline: '.timeline-canvas',
  map: '.map-canvas',
  compare: '[data-testid="comparison"]',
  breakdown: '.bars .bar',
  table: '.event-table tbody tr[data-row]',
  counts: '[data-testid="events-count"]',
};

for (const width of [320, 390]) {
  test(`every panel fits ${width} px without sideways scrolling`, { timeout: 240_000 }, async () => {
    const { server, browser, close } = await start();
    try {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      const errors = watchForErrors(page);
      await page.goto(server.url, { waitUntil: 'load' });
      await waitForData(page);
      await page.locator('.event-table tbody tr[data-row]').first().waitFor();
      await assertFits(page, 'the page with the events table');
      await screenshot(page, `fit-${width}-table`);

      await page.click('.filters-toggle');
      await page.locator('.filters.open').waitFor();
      await assertFits(page, 'the filters, open');

      await page.click('[data-testid="open-embed"]');
      await page.locator('[data-testid="embed-sheet"]').waitFor();
      await assertFits(page, 'the embed sheet');

      await page.click('#tab-compare');
      await page.locator('[data-testid="comparison"] tbody tr').first().waitFor();
      await assertFits(page, 'the comparison');
      await screenshot(page, `fit-${width}-compare`);

      await page.click('#tab-table');
      await page.locator('.event-table tbody tr[data-row]').first().click();
      await page.locator('.details').waitFor();
      await assertFits(page, 'an event\'s details');
      assertNoPageErrors(errors);

      for (const [panel, shown] of Object.entries(EMBEDS)) {
        const embed = await context.newPage();
        const embedErrors = watchForErrors(embed);
        await embed.goto(`${server.url}?embed=1&panel=${panel}`, { waitUntil: 'load' });
        await embed.locator(shown).first().waitFor({ timeout: 30_000 });
        await embed.locator('[data-testid="embed-dataset"]', { hasText: /edition/ }).waitFor();
        if (panel === 'compare') await embed.locator('[data-testid="comparison"] tbody tr').first().waitFor();
        await assertFits(embed, `the ${panel} embed`);
        await screenshot(embed, `fit-${width}-embed-${panel}`);
        assertNoPageErrors(embedErrors);
        await embed.close();
      }
    } finally {
      await close();
    }
  });
}

test('the events table shows its Fatalities column at 1440 px', { timeout: 120_000 }, async () => {
  const { server, browser, close } = await start();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors = watchForErrors(page);
    await page.goto(server.url, { waitUntil: 'load' });
    await waitForData(page);
    const cell = page.locator('.event-table tbody tr[data-row] td[data-col="fatalities"]').first();
    await cell.waitFor();
    const box = await page.locator('[data-testid="event-table"]').boundingBox();
    for (const [what, el] of [
      ['heading', page.locator('.event-table th[data-col="fatalities"]')],
      ['cell', cell],
    ]) {
      assert.ok(await el.isVisible(), `the Fatalities ${what} is shown`);
      const b = await el.boundingBox();
      assert.ok(b.x >= box.x && b.x + b.width <= box.x + box.width + 0.5, `the Fatalities ${what} is inside the table's box without scrolling`);
    }
    assert.match(await cell.textContent(), /^\d[\d,]*$/, 'the cell holds a count');
    const scroll = await page.locator('[data-testid="event-table"]').evaluate((el) => el.scrollWidth - el.clientWidth);
    assert.equal(scroll, 0, 'the table does not scroll sideways');
    await screenshot(page, 'fit-1440');
    assertNoPageErrors(errors);
  } finally {
    await close();
  }
});

/** The pixel width and height of a PNG, from its IHDR chunk. */
function pngSize(bytes) {
  assert.equal(bytes.subarray(1, 4).toString(), 'PNG', 'a PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Clicks a download button; the file's name and bytes. */
async function download(page, testid) {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), page.click(`[data-testid="${testid}"]`)]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

/** The `width` and `height` of an SVG document. */
function svgSize(text) {
  const svg = /<svg [^>]*>/.exec(text)[0];
  return { width: Number(/ width="([\d.]+)"/.exec(svg)[1]), height: Number(/ height="([\d.]+)"/.exec(svg)[1]) };
}

const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
const words = (s) => s.replace(/\s+/g, ' ').trim();

/** Keeps a chart's exports as test output (export-<chart>.svg and .png). */
async function saveExport(chart, svg, png) {
  await mkdir(ARTIFACTS, { recursive: true });
  await writeFile(path.join(ARTIFACTS, `export-${chart}.svg`), svg.bytes);
  await writeFile(path.join(ARTIFACTS, `export-${chart}.png`), png.bytes);
}

test('PNG exports are twice the size of the chart, and the map export is whole', { timeout: 180_000 }, async () => {
  const { server, browser, close } = await start();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors = watchForErrors(page);
    await page.goto(server.url, { waitUntil: 'load' });
    await waitForData(page);

    for (const chart of ['timeline', 'breakdown']) {
      const svg = await download(page, `export-${chart}-svg`);
      const png = await download(page, `export-${chart}-png`);
      const want = svgSize(svg.bytes.toString('utf8'));
      const got = pngSize(png.bytes);
      assert.deepEqual(got, { width: Math.round(want.width * 2), height: Math.round(want.height * 2) }, `the ${chart} PNG is twice its SVG`);
      assert.ok(png.name.endsWith(`-${chart}-${got.width}x${got.height}.png`), `the name gives the size: ${png.name}`);
      await saveExport(chart, svg, png);
    }

    // The map: one title over it and the whole footer under it.
    await page.locator('[data-testid="map"]').waitFor();
    const mapBox = await page.locator('[data-testid="map"]').boundingBox();
    const svg = (await download(page, 'export-map-svg')).bytes.toString('utf8');
    const size = svgSize(svg);
    assert.ok(Math.abs(size.width - (mapBox.width + 20)) < 1, `the SVG is the map's width and its margins (${size.width}, map ${mapBox.width})`);
    const texts = [...svg.matchAll(/<text class="(title|footer)" x="[\d.]+" y="([\d.]+)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({
      part: m[1],
      y: Number(m[2]),
      text: unescape(m[3]),
    }));
    const title = words(texts.filter((t) => t.part === 'title').map((t) => t.text).join(' '));
    const dataset = words(await page.locator('[data-testid="dataset-title"]').textContent());
    assert.equal(title, `Map of the events \u00b7 ${dataset}`, 'the title, once');
    const footer = words(texts.filter((t) => t.part === 'footer').map((t) => t.text).join(' '));
    assert.ok(!footer.includes('Map of the events'), 'the title is not repeated in the footer');
    const embed = await context.newPage();
    await embed.goto(`${server.url}?embed=1&panel=map`, { waitUntil: 'load' });
    await embed.locator('[data-testid="embed-dataset"]', { hasText: /edition/ }).waitFor({ timeout: 30_000 });
    const expected = [
      await embed.locator('[data-testid="embed-dataset"]').textContent(),
      await embed.locator('[data-testid="embed-footer"] p:first-child span').textContent(),
      await embed.locator('[data-testid="embed-filters"]').textContent(),
    ].map(words);
    await embed.close();
    for (const line of expected) assert.ok(footer.includes(line), `the footer holds "${line}": ${footer}`);
    for (const t of texts) assert.ok(t.y <= size.height - 10, `"${t.text}" is inside the picture (${t.y} of ${size.height})`);

    const png = await download(page, 'export-map-png');
    await mkdir(ARTIFACTS, { recursive: true });
    await writeFile(path.join(ARTIFACTS, 'fit-map-export.png'), png.bytes);
    await writeFile(path.join(ARTIFACTS, 'fit-map-export.svg'), svg);
    const got = pngSize(png.bytes);
    assert.deepEqual(got, { width: Math.round(size.width * 2), height: Math.round(size.height * 2) }, 'the map PNG is twice the SVG frame');
    assert.ok(png.name.endsWith(`-map-${got.width}x${got.height}.png`), png.name);
    // Ink in the footer's last line, none in the bottom and right margins.
    const ink = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const c = canvas.getContext('2d');
      c.drawImage(img, 0, 0);
      const { data, width, height } = c.getImageData(0, 0, canvas.width, canvas.height);
      const same = (i) => data[i] === data[0] && data[i + 1] === data[1] && data[i + 2] === data[2];
      let lowest = -1;
      let rightmost = -1;
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          if (!same((y * width + x) * 4)) {
            lowest = y;
            if (x > rightmost) rightmost = x;
          }
        }
      }
      return { lowest, rightmost, width, height };
    }, png.bytes.toString('base64'));
    // Margins of 10 CSS pixels, 20 in the PNG; the last line's baseline is
    // 14 CSS pixels above the bottom (descenders reach a few below it).
    assert.ok(ink.lowest > ink.height - 2 * 30, `the last footer line is drawn near the bottom (${ink.lowest} of ${ink.height})`);
    assert.ok(ink.lowest < ink.height - 12, `nothing is drawn in the bottom margin (${ink.lowest} of ${ink.height})`);
    assert.ok(ink.rightmost < ink.width - 18, `nothing is drawn in the right margin (${ink.rightmost} of ${ink.width})`);

    // The comparison's chart too, at twice its size.
    await page.click('#tab-compare');
    const compareSvg = await download(page, 'export-compare-svg');
    const comparePng = await download(page, 'export-compare-png');
    const want = svgSize(compareSvg.bytes.toString('utf8'));
    assert.deepEqual(pngSize(comparePng.bytes), { width: Math.round(want.width * 2), height: Math.round(want.height * 2) });
    await saveExport('compare', compareSvg, comparePng);
    assertNoPageErrors(errors);
  } finally {
    await close();
  }
});
