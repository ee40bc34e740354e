#!/usr/bin/env node
// A tiny static server for www/, with no dependencies: `node scripts/serve.mjs [--port N] [--root DIR]`.
//
// It listens on 127.0.0.1 only. Port 0 picks a free port; the URL is printed either way.
// Every response carries a Content-Security-Policy that lets the page load its own files and nothing
// else (connect-src 'self'), so the page provably talks to no other host. The wasm needs
// 'wasm-unsafe-eval'; no inline script or inline <style> is allowed, and Trusted Types are required
// (one policy, 'notice-lens', which only ever blesses the worker's own URL),
// so an innerHTML sink would throw even if one slipped past the CI grep.
//
// Tests import it: `const { url, close } = await serve({ port: 0 })`.

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_ROOT = path.resolve(HERE, '..', 'www');

export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types notice-lens',
].join('; ');

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ts': 'text/plain; charset=utf-8',
};

const BASE_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-cache',
};

function send(res, status, message, method) {
  const body = `${status} ${message}\n`;
  res.writeHead(status, {
    ...BASE_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(method === 'HEAD' ? undefined : body);
}

/** Maps a request path to a file under root, or null when it would leave root or names a dotfile. */
export function resolvePath(root, rawUrl) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(rawUrl, 'http://x').pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const parts = pathname.split('/').filter(Boolean);
  if (parts.some((p) => p === '..' || p.startsWith('.'))) return null;
  const file = path.resolve(root, ...parts);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return { file, directory: pathname.endsWith('/') };
}

export function createServer({ root = DEFAULT_ROOT } = {}) {
  const realRoot = fs.realpathSync(root);
  return http.createServer((req, res) => {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return send(res, 405, 'Method Not Allowed', method);
    }
    const target = resolvePath(realRoot, req.url ?? '/');
    if (!target) return send(res, 404, 'Not Found', method);
    let file = target.file;
    fs.stat(file, (err, st) => {
      if (!err && st.isDirectory()) {
        if (!target.directory) {
          // /sub -> /sub/ so relative URLs in its index.html resolve.
          const location = new URL(req.url ?? '/', 'http://x');
          res.writeHead(301, { ...BASE_HEADERS, Location: location.pathname + '/' + location.search });
          return res.end();
        }
        file = path.join(file, 'index.html');
      }
      // Follow symlinks only when they stay inside root.
      fs.realpath(file, (err2, real) => {
        if (err2 || (real !== realRoot && !real.startsWith(realRoot + path.sep))) {
          return send(res, 404, 'Not Found', method);
        }
        fs.stat(real, (err3, st3) => {
          if (err3 || !st3.isFile()) return send(res, 404, 'Not Found', method);
          const type = MIME[path.extname(real).toLowerCase()] ?? 'application/octet-stream';
          res.writeHead(200, { ...BASE_HEADERS, 'Content-Type': type, 'Content-Length': st3.size });
          if (method === 'HEAD') return res.end();
          const stream = fs.createReadStream(real);
          stream.on('error', () => res.destroy());
          stream.pipe(res);
        });
      });
    });
  });
}

/** Starts the server; resolves to { server, port, url, close }. */
export function serve({ port = 8080, host = '127.0.0.1', root = DEFAULT_ROOT } = {}) {
  const server = createServer({ root });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actual = server.address().port;
      resolve({
        server,
        port: actual,
        url: `http://${host}:${actual}/`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections?.();
          }),
      });
    });
  });
}

function parseArgs(argv) {
  const args = { port: 8080, root: DEFAULT_ROOT };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--port' || a.startsWith('--port=')) {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error('--port must be 0..65535');
      args.port = n;
    } else if (a === '--root' || a.startsWith('--root=')) {
      args.root = path.resolve(value());
    } else if (a === '--help' || a === '-h') {
      args.help = true;
    } else {
      throw new Error(`unknown argument ${a}`);
    }
  }
  return args;
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`serve: ${e.message}`);
    process.exit(2);
  }
  if (args.help) {
    console.log('usage: node scripts/serve.mjs [--port N] [--root DIR]   (port 0 picks a free port)');
    process.exit(0);
  }
  if (!fs.existsSync(path.join(args.root, 'pkg', 'notice_lens.js'))) {
    console.error('serve: warning: www/pkg/ is missing; run `make wasm` first');
  }
  serve(args).then(
    ({ url, close }) => {
      console.log(`notice-lens: serving ${path.relative(process.cwd(), args.root) || '.'} at ${url}`);
      const stop = () => close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (e) => {
      console.error(`serve: ${e.message}`);
      process.exit(1);
    },
  );
}
