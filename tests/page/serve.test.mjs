// scripts/serve.mjs: MIME types, the CSP header, no way out of www/, and the CLI's --port 0.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { serve } from '../../scripts/serve.mjs';
import { ROOT, wasmBuilt } from './helpers.mjs';

let srv;
before(async () => {
  srv = await serve({ port: 0 });
});
after(() => srv.close());

// Raw requests: fetch() would normalise ../ away before sending.
function raw(p, method = 'GET') {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: srv.port, path: p, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('serves the page with its types and the CSP', async () => {
  const index = await raw('/');
  assert.equal(index.status, 200);
  assert.match(index.headers['content-type'], /^text\/html/);
  assert.match(index.headers['content-security-policy'], /default-src 'self'/);
  assert.match(index.headers['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
  assert.equal(index.headers['x-content-type-options'], 'nosniff');
  assert.match((await raw('/notice-lens.js')).headers['content-type'], /^text\/javascript/);
  assert.match((await raw('/sample.txt')).headers['content-type'], /^text\/plain; charset=utf-8/);
  if (wasmBuilt()) assert.equal((await raw('/pkg/notice_lens_bg.wasm')).headers['content-type'], 'application/wasm');
});

test('refuses to leave www/', async () => {
  for (const p of ['/../package.json', '/..%2fpackage.json', '/%2e%2e/package.json', '/pkg/../../Makefile', '/.%2e/Cargo.toml', '/%00', '/..\\Makefile', '/%E0%A4%A']) {
    const r = await raw(p);
    assert.ok(r.status === 404 || r.status === 400, `${p} gave ${r.status}`);
    assert.doesNotMatch(r.body, /devDependencies|wasm-pack|\[package\]/, p);
  }
  assert.equal((await raw('/nope.js')).status, 404);
  assert.equal((await raw('/', 'POST')).status, 405);
});

test('the command line prints its URL for --port 0', async () => {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/serve.mjs'), '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (c) => {
        out += c;
        const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
        if (m) resolve(m[0]);
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    const res = await fetch(url + 'index.html');
    assert.equal(res.status, 200);
    assert.match(await res.text(), /<notice-lens/);
  } finally {
    child.kill('SIGTERM');
  }
});
