// A small static file server for specs that need the build somewhere else than the
// harness serves it: under a sub-path, or on a second origin. Files only, no listings.

import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/**
 * Serves `root` at `http://127.0.0.1:<free port><prefix>` (prefix like `/tools/idpool/`).
 * `extra` maps exact paths to `{ type, body }` (e.g. a host page). Returns `{ url, close }`.
 */
export async function serveDir(root, { prefix = '/', extra = {} } = {}) {
  const server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    if (extra[pathname]) {
      response.writeHead(200, { 'content-type': extra[pathname].type });
      response.end(extra[pathname].body);
      return;
    }
    if (!pathname.startsWith(prefix)) {
      response.writeHead(404).end('not under the prefix');
      return;
    }
    let relative = pathname.slice(prefix.length);
    if (relative === '' || relative.endsWith('/')) {
      relative += 'index.html';
    }
    const file = path.join(root, relative);
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    // The browser keeps connections open; closing them lets `close` end at once.
    close: () =>
      new Promise((resolve) => {
        server.close(resolve);
        server.closeAllConnections();
      }),
  };
}
