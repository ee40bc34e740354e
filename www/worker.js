// The analysis worker: loads the wasm once and runs analyze() off the page's thread, so a 50 MB
// paste never freezes the tab. The page terminates this worker to cancel a running analysis.
//
// Messages in:  { id, type: 'analyze', text, options } | { id, type: 'defaults' }
// Messages out: { id, type: 'started' } | { id, type: 'result', report, ms } |
//               { id, type: 'defaults', options } | { id, type: 'error', message }

import init, { analyze, defaultOptions } from './pkg/notice_lens.js';

let ready = null;

function load() {
  ready ??= init();
  return ready;
}

self.onmessage = async (event) => {
  const { id, type } = event.data ?? {};
  try {
    await load();
    if (type === 'defaults') {
      self.postMessage({ id, type: 'defaults', options: defaultOptions() });
      return;
    }
    if (type === 'analyze') {
      self.postMessage({ id, type: 'started' });
      const t0 = performance.now();
      const report = analyze(event.data.text, event.data.options ?? undefined);
      self.postMessage({ id, type: 'result', report, ms: performance.now() - t0 });
      return;
    }
    throw new Error(`unknown message ${type}`);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    self.postMessage({ id, type: 'error', message: message || 'analysis failed' });
  }
};
