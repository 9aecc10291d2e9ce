// A tiny static file server for dist/ (no dependencies), bound to 127.0.0.1.
// CLI:    node scripts/lib/static-server.mjs <dir> [port]   (port 0 = any free port;
//         a busy port falls through to the next free one; GLOSS_SERVER_LOG=1 logs requests)
// Module: import { startServer } from './static-server.mjs';
//         const { url, hits, close } = await startServer('dist', 0);
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Content types by file extension (also used by bench/serve.mjs). */
export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

function handler(root, hits) {
  return async (req, res) => {
    const key = (req.url || '/').split('?')[0];
    hits.set(key, (hits.get(key) || 0) + 1);
    if (process.env.GLOSS_SERVER_LOG) {
      res.on('finish', () => console.error(`${res.statusCode} ${req.method} ${req.url}`));
    }
    try {
      const url = new URL(req.url || '/', 'http://127.0.0.1');
      let path = normalize(decodeURIComponent(url.pathname));
      if (path.endsWith('/')) path += 'index.html';
      const file = resolve(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      const info = await stat(file).catch(() => null);
      if (!info || !info.isFile()) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      // Hashed assets never change: cache them, so the analysis worker reuses
      // the module the page already downloaded. Everything else revalidates.
      // (trunk's names print the hash without leading zeros: 8 to 16 digits.)
      const hashed = /-[0-9a-f]{8,16}(_bg)?\.[a-z]+$/.test(file);
      const modified = info.mtime.toUTCString();
      if (!hashed && req.headers['if-modified-since'] === modified) {
        res.writeHead(304, { 'last-modified': modified, 'cache-control': 'no-cache' }).end();
        return;
      }
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] || 'application/octet-stream',
        'content-length': body.length,
        'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
        'last-modified': modified,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(err));
    }
  };
}

function listen(server, port) {
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', fail);
      ok(server.address().port);
    });
  });
}

/** Serves `dir` on 127.0.0.1:`port` (0: any free port; busy: the next free one). */
export async function startServer(dir, port = 0) {
  const root = resolve(dir);
  const hits = new Map();
  const server = createServer(handler(root, hits));
  let bound = null;
  for (let p = port, tries = 0; bound === null; p = port === 0 ? 0 : p + 1, tries++) {
    try {
      bound = await listen(server, p);
    } catch (err) {
      if (err.code !== 'EADDRINUSE' || tries > 20) throw err;
    }
  }
  return {
    url: `http://127.0.0.1:${bound}/`,
    port: bound,
    /** Requests served, by path. */
    hits,
    /** Stops serving at once (open keep-alive connections too). */
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        server.closeAllConnections?.();
      }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] || 'dist';
  const port = Number(process.argv[3] ?? 8080);
  const { url } = await startServer(dir, port);
  console.log(`Gloss is being served at ${url}  (Ctrl+C to stop)`);
}
