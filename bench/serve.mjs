// Tiny static file server for the browser benchmarks (127.0.0.1 only).
// `serve(mounts)` maps URL prefixes to directories, e.g. {'/': 'dist', '/bench/': 'bench'}.
// Run alone: node bench/serve.mjs [port]  (serves dist/ at / and bench/ at /bench/)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TYPES } from '../scripts/lib/static-server.mjs';

/** Starts a server; resolves to {port, close()}. Longest matching prefix wins. */
export function serve(mounts, port = 0) {
  const entries = Object.entries(mounts).sort((a, b) => b[0].length - a[0].length);
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      const m = entries.find(([prefix]) => path.startsWith(prefix));
      if (!m) throw new Error('no mount');
      const root = resolve(m[1]);
      let file = normalize(join(root, path.slice(m[0].length)));
      if (!file.startsWith(root)) throw new Error('outside root');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] || 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  return new Promise((ok) =>
    server.listen(port, '127.0.0.1', () =>
      ok({ port: server.address().port, close: () => new Promise((c) => server.close(c)) }),
    ),
  );
}

if (process.argv[1] && process.argv[1].endsWith('serve.mjs')) {
  const here = dirname(fileURLToPath(import.meta.url));
  const s = await serve({ '/': join(here, '..', 'dist'), '/bench/': here }, Number(process.argv[2] || 8099));
  console.log(`serving on http://127.0.0.1:${s.port}/`);
}
