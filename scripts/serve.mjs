// A static file server for dist/ on 127.0.0.1 (no dependencies), with the
// right type for .wasm so browsers compile it while it streams in.
// As a program: node scripts/serve.mjs [DIR] [PORT]
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json', '.png': 'image/png',
};

/**
 * Serves `dir` on 127.0.0.1:`port` (0: any free port); resolves to { url, port, close }.
 * `allowParents`: origins that may embed the app: written into the app's
 * allow-list meta tag and (unless `frameAncestors` is false) sent as CSP frame-ancestors.
 */
export async function serve(dir, { port = 0, headers = {}, allowParents = [], frameAncestors = true } = {}) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = normalize(join(root, path.endsWith('/') ? path + 'index.html' : path));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    try {
      let body = await readFile(file);
      if (file.endsWith('index.html')) {
        const origins = allowParents.join(' ');
        body = Buffer.from(body.toString('utf8').replace(
          '<meta name="wengang-allowed-parents" content="">',
          `<meta name="wengang-allowed-parents" content="${origins}">`));
        if (frameAncestors) res.setHeader('content-security-policy', `frame-ancestors 'self' ${origins}`.trim());
      }
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache', ...headers });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok, fail) => server.once('error', fail).listen(port, '127.0.0.1', ok));
  const actual = server.address().port;
  return { url: `http://127.0.0.1:${actual}/`, port: actual, close: () => new Promise((ok) => server.close(ok)) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // node scripts/serve.mjs [DIR] [PORT] [--allow-parent ORIGIN]...
  const args = process.argv.slice(2);
  const allowParents = [];
  const positional = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--allow-parent') allowParents.push(args[++i]);
    else positional.push(args[i]);
  }
  const [dir = 'dist', port = '8080'] = positional;
  const { url } = await serve(dir, { port: Number(port), allowParents });
  console.log(`serving ${dir} at ${url}${allowParents.length ? ` (may be embedded by ${allowParents.join(', ')})` : ''} (Ctrl-C to stop)`);
}
