// Shared set-up for the page tests: our static server on a free port, Debian's Chromium through
// playwright-core (no browser download), and a page that records every request, fails on any dialog
// and collects console errors. Waits are on conditions only, never on timers.

import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/serve.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SAMPLE = fs.readFileSync(path.join(ROOT, 'tests/fixtures/guangdong-2017-32.txt'), 'utf8');

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function wasmBuilt() {
  return fs.existsSync(path.join(ROOT, 'www/pkg/notice_lens_bg.wasm'));
}

export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** Server + browser for one test file. `await env.close()` in after(). */
export async function startEnv() {
  if (!wasmBuilt()) throw new Error('www/pkg is missing: run `make wasm` before the page tests');
  const server = await serve({ port: 0 });
  const browser = await launch();
  return {
    server,
    browser,
    url: server.url,
    async close() {
      await browser.close().catch(() => {});
      await server.close();
    },
  };
}

/**
 * A fresh context and page. Records requests in `requests`, console errors and page errors in
 * `errors`, and dialogs in `dialogs` (each dismissed; tests assert there were none).
 */
export async function openPage(env, { path: p = '', permissions = [], viewport = { width: 1400, height: 1000 }, acceptDownloads = false } = {}) {
  const context = await env.browser.newContext({ viewport, acceptDownloads, locale: 'zh-CN' });
  if (permissions.length) await context.grantPermissions(permissions, { origin: env.url.replace(/\/$/, '') });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  const dialogs = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  await page.goto(env.url + p);
  return { context, page, requests, errors, dialogs };
}

/** Waits until <notice-lens> is 'ready' (or 'error') with `text` analysed (any text when omitted). */
export async function waitReady(page, text, { state = 'ready', timeout = 30_000 } = {}) {
  await page.waitForFunction(
    ([want, st]) => {
      const el = document.querySelector('notice-lens');
      return el && el.state === st && (want === null || el.text === want);
    },
    [text ?? null, state],
    { timeout, polling: 50 },
  );
}

/** Sets the textarea as a user's paste would: fill() fires the input event. */
export async function paste(page, text) {
  await page.locator('notice-lens textarea').fill(text);
  await waitReady(page, text);
}

/**
 * In the page: groups every highlighted element by kind+id, concatenates their text in document
 * order, and compares with text.slice(start, end) of the report item. Returns the mismatches and
 * counts per kind; also checks that the view's text is the whole input.
 */
export async function checkHighlights(page) {
  return page.evaluate(() => {
    const el = document.querySelector('notice-lens');
    const report = el.report;
    const text = el.text;
    const view = el.shadowRoot.querySelector('.view');
    const span = (kind, id) => {
      switch (kind) {
        case 'original':
        case 'repeat': {
          const [r, o] = id.split('.').map(Number);
          const occ = report.repeats[r].occurrences[o];
          if ((o === 0) !== (kind === 'original')) return null;
          return [occ.start, occ.end];
        }
        case 'heading':
          return [report.sections[+id].start, report.sections[+id].heading_end];
        case 'attribution':
          return [report.attributions[+id].start, report.attributions[+id].end];
        case 'task':
          return [report.attributions[+id].scope_start, report.attributions[+id].start];
        case 'warning':
          return [report.warnings[+id].start, report.warnings[+id].end];
        default:
          return null;
      }
    };
    const groups = new Map();
    for (const n of view.querySelectorAll('[data-kind]')) {
      const key = `${n.dataset.kind}|${n.dataset.id}`;
      groups.set(key, (groups.get(key) ?? '') + n.textContent);
    }
    const mismatches = [];
    const counts = {};
    for (const [key, got] of groups) {
      const [kind, id] = key.split('|');
      counts[kind] = (counts[kind] ?? 0) + 1;
      const s = span(kind, id);
      const want = s ? text.slice(s[0], s[1]) : null;
      if (got !== want) mismatches.push({ key, got: got.slice(0, 80), want: want?.slice(0, 80) });
    }
    // Every non-empty report item is shown.
    const missing = [];
    const need = (kind, id, s, e) => e > s && !groups.has(`${kind}|${id}`) && missing.push(`${kind}|${id}`);
    report.repeats.forEach((r, i) => r.occurrences.forEach((o, j) => need(j ? 'repeat' : 'original', `${i}.${j}`, o.start, o.end)));
    report.sections.forEach((s, i) => need('heading', String(i), s.start, s.heading_end));
    report.attributions.forEach((a, i) => need('attribution', String(i), a.start, a.end));
    return {
      mismatches,
      missing,
      counts,
      viewIsText: view.textContent === text,
      mode: view.dataset.mode,
      report: {
        repeats: report.repeats.length,
        sections: report.sections.length,
        attributions: report.attributions.length,
        warnings: report.warnings.length,
      },
    };
  });
}

/** Minimal RFC 4180 parser, for checking exported CSV. */
export function parseCsv(s) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && s[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
