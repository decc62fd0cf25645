// A tiny static file server for the release build (`dist/`), mounted under a
// sub-path (default `/eventlens/`) the way a static host such as GitHub Pages
// serves a project site. Node built-ins only, so `.ci/serve` can use it before
// any npm install. Used by the browser tests (helpers.mjs) and by `.ci/serve`.
//
// CLI: node tests/e2e/server.mjs [--root DIR] [--base /eventlens/] [--host 127.0.0.1] [--port 8080]

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '..', '..');
export const DIST = path.join(REPO_ROOT, 'dist');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv; charset=utf-8',
  '.tsv': 'text/tab-separated-values; charset=utf-8',
  '.json': 'application/json',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** The Content-Type for a file name. */
export function mimeType(file) {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Starts serving `root` under `base` on `host`. Port 0 picks a free port.
 * Resolves to `{ url, port, close() }`, where `url` is the app's address
 * (ending in `base`).
 */
export async function startServer({ root = DIST, base = '/eventlens/', host = '127.0.0.1', port = 0 } = {}) {
  if (!base.startsWith('/') || !base.endsWith('/')) {
    throw new Error(`base must start and end with "/", got ${JSON.stringify(base)}`);
  }
  const rootDir = path.resolve(root);
  const server = createServer((req, res) => {
    handle(req, res, rootDir, base).catch((err) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`500 ${err.message}\n`);
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const actualPort = server.address().port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${actualPort}${base}`,
    port: actualPort,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}

async function handle(req, res, rootDir, base) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const url = new URL(req.url, 'http://localhost');
  let pathname;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  // `/` and `/eventlens` lead to the app; everything else outside it is 404.
  if (pathname === '/' || pathname === base.slice(0, -1)) {
    res.writeHead(302, { location: base + url.search }).end();
    return;
  }
  if (!pathname.startsWith(base)) {
    notFound(res);
    return;
  }
  let file = path.resolve(rootDir, '.' + path.posix.normalize('/' + pathname.slice(base.length)));
  if (file !== rootDir && !file.startsWith(rootDir + path.sep)) {
    notFound(res);
    return;
  }
  let info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    if (!pathname.endsWith('/')) {
      res.writeHead(301, { location: pathname + '/' + url.search }).end();
      return;
    }
    file = path.join(file, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info?.isFile()) {
    notFound(res);
    return;
  }
  res.writeHead(200, {
    'content-type': mimeType(file),
    'content-length': info.size,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
}

function notFound(res) {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404 not found\n');
}

// Command line: serve until interrupted.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { values } = parseArgs({
    options: {
      root: { type: 'string', default: DIST },
      base: { type: 'string', default: '/eventlens/' },
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '8080' },
    },
  });
  const server = await startServer({ ...values, port: Number(values.port) }).catch((err) => {
    if (err.code !== 'EADDRINUSE') throw err;
    console.error(`Port ${values.port} on ${values.host} is in use; choose another, e.g. PORT=8081 .ci/serve`);
    process.exit(1);
  });
  console.log(`Serving ${path.relative(process.cwd(), path.resolve(values.root)) || '.'} at ${server.url}`);
  console.log('Press Ctrl+C to stop.');
  const stop = () => server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
