// EventLens offline: after the first visit, the site and its bundled data
// open with no network. `.ci/build` writes this file into dist/ with the
// list of the built files and a version made from their contents, so a new
// deploy installs a new cache and removes the old one.
//
// What is cached: only the site's own files, listed below. Files a user
// opens never pass through here (they are read from the disk), and a
// linked file (`?data=`) on any other address is fetched from the network
// untouched and never stored.
//
// The Excel reader's files are not fetched ahead: like the page, the
// worker only downloads them when a workbook is opened, and they are kept
// from then on.
//
// How: files whose names carry a content hash never change, so they are
// served from the cache; the page itself, the bundled data and the Excel
// reader (names without a hash) are fetched first and fall back to the
// cache when the network fails, so a new deploy is seen as soon as it is
// reachable.

const VERSION = '__EVENTLENS_VERSION__';
const FILES = __EVENTLENS_FILES__;
const CACHE = `eventlens-${VERSION}`;

// The site's files as absolute URLs of this deployment (any sub-path).
const SCOPE = new URL('./', self.location.href);
const SITE = new Set(FILES.map((f) => new URL(f, SCOPE).href));
const PAGE = new URL('./index.html', SCOPE).href;
const HASHED = /-[0-9a-f]{16}(_bg)?\.(wasm|js|css)$/;
const ON_DEMAND = /\/eventlens-workbook[^/]*$/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll([...SITE].filter((f) => !ON_DEMAND.test(f))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('eventlens-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

/** The site file a request is for (the page for any of its addresses), or null. */
function siteFile(request) {
  if (request.method !== 'GET') return null;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin) return null;
  if (request.mode === 'navigate' && (url.pathname === SCOPE.pathname || url.href.split('?')[0] === PAGE)) {
    return PAGE;
  }
  const bare = url.href.split('?')[0].split('#')[0];
  return SITE.has(bare) ? bare : null;
}

async function fromCache(file) {
  const cache = await caches.open(CACHE);
  return cache.match(file);
}

async function networkFirst(request, file) {
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') {
      const cache = await caches.open(CACHE);
      await cache.put(file, response.clone());
    }
    return response;
  } catch (offline) {
    const cached = await fromCache(file);
    if (cached) return cached;
    throw offline;
  }
}

self.addEventListener('fetch', (event) => {
  const file = siteFile(event.request);
  if (!file) return;
  if (HASHED.test(file)) {
    event.respondWith(fromCache(file).then((cached) => cached || fetch(event.request)));
  } else {
    event.respondWith(networkFirst(event.request, file));
  }
});
