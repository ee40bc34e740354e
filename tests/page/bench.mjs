// In-browser benchmark (`make bench-browser`; not a test): times analyze() from the wasm in Debian's
// Chromium on generated notices of about 10 KB, 100 KB, 1 MB and 10 MB of UTF-8 (the sample repeated
// with variations, as a whole-site scrape looks), and the page's whole path (worker + rendering) with
// the longest main-thread task seen meanwhile, which shows whether the tab would freeze. The texts
// are written to target/bench-texts/, and the native `analyze` is timed on the same files
// (`cargo bench --bench analyze -- --texts DIR`), so that the wasm / native column compares like
// with like.
//
//   node tests/page/bench.mjs [--runs N] [--sizes 10k,100k,1m,10m]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startEnv, openPage, waitReady, SAMPLE, ROOT } from './helpers.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const RUNS = Number(opt('--runs', 5));
const SIZES = opt('--sizes', '10k,100k,1m,10m')
  .split(',')
  .map((s) => ({ name: s.toLowerCase(), label: s.toUpperCase().replace('K', ' KB').replace('M', ' MB'), bytes: Number.parseFloat(s) * (/m$/i.test(s) ? 1e6 : 1e3) }));

/** The sample again and again, each copy varied so that not everything is one repeat, cut to `bytes`. */
function generated(bytes) {
  const enc = new TextEncoder();
  const digits = '〇一二三四五六七八九';
  const parts = [];
  let size = 0;
  for (let k = 0; size < bytes; k++) {
    const tag = String(k).split('').map((d) => digits[d]).join('');
    const varied = SAMPLE.replace(/2017/g, String(2017 + (k % 7))).replace(/新动能/g, k % 3 ? '新动能' : `新动能${tag}`);
    const piece = `第${tag}份\n${varied}\n`;
    parts.push(piece);
    size += enc.encode(piece).length;
  }
  let text = parts.join('');
  const bytesOf = (t) => enc.encode(t).length;
  // Down to the byte size, on a character boundary.
  while (bytesOf(text) > bytes) text = text.slice(0, Math.max(1, Math.floor(text.length * (bytes / bytesOf(text))) - 1));
  if (/[\ud800-\udbff]$/.test(text)) text = text.slice(0, -1);
  return text;
}

const TEXTS = path.join(ROOT, 'target', 'bench-texts');
fs.mkdirSync(TEXTS, { recursive: true });
for (const f of fs.readdirSync(TEXTS)) fs.rmSync(path.join(TEXTS, f));
const texts = SIZES.map(({ name, bytes }) => {
  const text = generated(bytes);
  fs.writeFileSync(path.join(TEXTS, `${name}.txt`), text);
  return text;
});

const env = await startEnv();
try {
  const { page, context } = await openPage(env);
  await waitReady(page, SAMPLE);
  const rows = [];
  for (const [i, { name, label, bytes }] of SIZES.entries()) {
    const runs = bytes >= 5e6 ? Math.min(RUNS, 3) : RUNS;
    const r = await page.evaluate(
      async ([text, runs]) => {
        const enc = new TextEncoder();
        const m = await import(new URL('pkg/notice_lens.js', document.baseURI).href);
        await m.default();
        // One untimed call first: Chromium compiles wasm with its baseline tier and swaps in
        // optimised code later, so the first call would time the compiler, not the analysis.
        let report = m.analyze(text, undefined);
        const times = [];
        for (let i = 0; i < runs; i++) {
          const t0 = performance.now();
          report = m.analyze(text, undefined);
          times.push(performance.now() - t0);
        }
        times.sort((a, b) => a - b);
        // the page's whole path: worker analysis + rendering, watching for long main-thread tasks
        // (first end this task, so the timing loop above is not counted as one)
        await new Promise((r) => setTimeout(r, 0));
        let longest = 0;
        const obs = new PerformanceObserver((list) => {
          for (const e of list.getEntries()) longest = Math.max(longest, e.duration);
        });
        obs.observe({ type: 'longtask' });
        const el = document.querySelector('notice-lens');
        const t1 = performance.now();
        el.value = text;
        await new Promise((resolve) => {
          const check = () => (el.state === 'ready' && el.text === text) || el.state === 'error';
          if (check()) return resolve();
          el.addEventListener('notice-lens:state', function on() {
            if (check()) {
              el.removeEventListener('notice-lens:state', on);
              resolve();
            }
          });
        });
        const page = performance.now() - t1;
        await new Promise((r) => setTimeout(r, 50));
        obs.disconnect();
        return {
          bytes: enc.encode(text).length,
          units: text.length,
          median: times[Math.floor(times.length / 2)],
          min: times[0],
          page,
          longest,
          state: el.state,
          counts: `${report.repeats.length}/${report.sections.length}/${report.attributions.length}`,
        };
      },
      [texts[i], runs],
    );
    rows.push({ name, size: label, ...r, runs });
    console.error(`bench: ${label} done`);
  }
  await context.close();
  // The native analysis of the same files: one line `name bytes best-ms` each.
  console.error('bench: native on the same texts');
  const native = new Map(
    execFileSync('cargo', ['bench', '--quiet', '--bench', 'analyze', '--', '--texts', TEXTS], { cwd: ROOT, encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .map(([name, , ms]) => [name, Number(ms)]),
  );
  const pad = (s, n) => String(s).padStart(n);
  console.log(`\nnotice-lens in Chromium (${(await env.browser.version())}), analyze() median of N runs; page = worker + render, one run\n`);
  console.log(`${'size'.padEnd(8)} ${pad('bytes', 11)} ${pad('runs', 4)} ${pad('median ms', 10)} ${pad('min ms', 9)} ${pad('native ms', 10)} ${pad('wasm/nat', 8)} ${pad('page ms', 9)} ${pad('longest task', 12)}  rep/sec/attr`);
  for (const r of rows) {
    const nat = native.get(r.name);
    console.log(
      `${r.size.padEnd(8)} ${pad(r.bytes.toLocaleString('en'), 11)} ${pad(r.runs, 4)} ${pad(r.median.toFixed(1), 10)} ${pad(r.min.toFixed(1), 9)} ${pad(nat?.toFixed(1) ?? '?', 10)} ${pad(nat ? (r.min / nat).toFixed(2) : '?', 8)} ${pad(r.page.toFixed(0), 9)} ${pad(r.longest ? r.longest.toFixed(0) + ' ms' : '< 50 ms', 12)}  ${r.counts}${r.state === 'ready' ? '' : ' (' + r.state + ')'}`,
    );
  }
} finally {
  await env.close();
}
