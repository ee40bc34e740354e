// <notice-lens>: the whole page as one custom element, in its own shadow DOM, so it embeds in a
// portal page without leaking styles or global names. Everything runs in the browser: the text is
// analysed by the Rust core compiled to wasm, in a Web Worker (worker.js); nothing is sent anywhere.
//
// Embedding (see www/README.md and www/embed-example.html):
//
//   <script type="module" src="/notice-lens/notice-lens.js"></script>
//   <notice-lens sample="/notice-lens/sample.txt"></notice-lens>
//
// Attributes: sample (URL of a text to load when nothing was pasted before), persist ("local" default,
// "session" or "none": where the paste is kept), storage-key, max-bytes (passed to analyze as max_bytes).
// Properties: value (get/set the text; setting analyses it), report (the last report, read-only),
// text (the text that report is about), state ('idle'|'analysing'|'rendering'|'ready'|'error').
// Methods: analyze() (promise of the report), show(text, report) (show a report made elsewhere).
// Events: 'notice-lens:state' ({ detail: { state } }) on every state change, bubbling and composed.
// Theme with CSS custom properties on the element: --nl-accent, --nl-repeat, --nl-original,
// --nl-heading, --nl-attribution, --nl-task, --nl-font, --nl-text-font (see notice-lens.css).
//
// User text is only ever put in the DOM as text nodes (see dom.js); nothing here parses markup.

import { h, append, fill, yieldToBrowser } from './dom.js';
import {
  collectItems,
  planBlocks,
  segmentsOf,
  dedupMap,
  repeatedShare,
  readingOrder,
  departmentSummary,
  responsibilityRows,
  responsibilityCsv,
  sectionLabel,
} from './lens-model.js';

const MODULE_URL = import.meta.url;
const ROLE_LABEL = { lead: '牵头', shared: '负责', participant: '参与' };
const ROLE_HINT = { lead: 'lead', shared: 'shared', participant: 'participant' };
const KIND_LABEL = {
  repeat: '重复 Repeat',
  original: '原文 Original',
  heading: '标题 Heading',
  attribution: '分工 Attribution',
  task: '任务 Task',
  warning: '提示 Warning',
};
const SAVE_LIMIT = 1_500_000; // characters kept in Web Storage; larger pastes stay in the textarea only
const TABLE_PAGE = 500;

let trustedPolicy = null;
function workerURL() {
  const url = new URL('./worker.js', MODULE_URL).href;
  // Pages that enforce Trusted Types (our server does) need a TrustedScriptURL for new Worker().
  if (globalThis.trustedTypes?.createPolicy) {
    try {
      trustedPolicy ??= globalThis.trustedTypes.createPolicy('notice-lens', {
        createScriptURL: (u) => {
          if (u !== url) throw new TypeError('notice-lens: unexpected worker URL');
          return u;
        },
      });
      return trustedPolicy.createScriptURL(url);
    } catch {
      /* the page allows no such policy; fall back to the plain URL */
    }
  }
  return url;
}

function formatInt(n) {
  return Number(n ?? 0).toLocaleString('zh-CN');
}

function formatSize(chars) {
  if (chars < 10_000) return `${formatInt(chars)} 字`;
  if (chars < 1_000_000) return `${(chars / 1000).toFixed(1)} 千字`;
  return `${(chars / 1_000_000).toFixed(1)} 百万字`;
}

let uid = 0;

export class NoticeLens extends HTMLElement {
  static observedAttributes = ['max-bytes'];

  #root;
  #ui = {};
  #worker = null;
  #job = 0;
  #pending = null;
  #defaults = null;
  #report = null;
  #text = '';
  #state = 'idle';
  #items = [];
  #itemByKey = new Map();
  #blocks = [];
  #index = new Map(); // "kind|id" -> [fragment elements]
  #render = 0; // generation of the current rendering
  #mode = 'original';
  #selectedDept = null;
  #selectedTasks = new Set();
  #debounce = 0;
  #saveTimer = 0;
  #tickTimer = 0;
  #orderStale = true;
  #tableLimit = TABLE_PAGE;
  #started = false;
  #ids = `nl${++uid}`;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
  }

  // ---- public API ---------------------------------------------------------------------------

  /** The last report, or null. A plain object as returned by the wasm (docs/report.md). */
  get report() {
    return this.#report;
  }
  /** The text the last report is about. */
  get text() {
    return this.#text;
  }
  get state() {
    return this.#state;
  }
  get value() {
    return this.#ui.paste?.value ?? '';
  }
  set value(text) {
    this.#build();
    this.#ui.paste.value = String(text ?? '');
    this.#save();
    this.analyze();
  }

  /** Analyses the textarea's text now; resolves to the report (or rejects with the error). */
  analyze() {
    clearTimeout(this.#debounce);
    return this.#analyze(this.#ui.paste.value);
  }

  /**
   * Shows a report made elsewhere (for example by the command line, `notice-lens FILE`) for `text`,
   * without analysing. The report must be about exactly this text (offsets in UTF-16 units).
   */
  async show(text, report) {
    this.#build();
    clearTimeout(this.#debounce);
    if (this.#pending) {
      this.#pending.reject(Object.assign(new Error('superseded'), { superseded: true }));
      this.#pending = null;
      this.#worker?.terminate();
      this.#worker = null;
    }
    this.#ui.paste.value = String(text);
    this.#showError('');
    this.#report = report;
    this.#text = String(text);
    this.#setState('rendering');
    this.#status(`已载入报告 Report loaded · ${formatSize(this.#text.length)}`);
    await this.#renderAll();
    return report;
  }

  connectedCallback() {
    this.#build();
    if (this.#started) return;
    this.#started = true;
    this.#start();
  }

  disconnectedCallback() {
    // Kept alive while attached elsewhere; a removed element stops its worker.
    queueMicrotask(() => {
      if (!this.isConnected) {
        this.#worker?.terminate();
        this.#worker = null;
        this.#started = false;
      }
    });
  }

  attributeChangedCallback() {
    if (this.#report) this.#schedule(0);
  }

  // ---- building the UI ---------------------------------------------------------------------

  #build() {
    if (this.#ui.app) return;
    const id = (s) => `${this.#ids}-${s}`;
    const ui = this.#ui;
    const css = h('link', { rel: 'stylesheet', href: new URL('./notice-lens.css', MODULE_URL).href });
    ui.app = h('div', { class: 'app', hidden: true });
    css.addEventListener('load', () => (ui.app.hidden = false), { once: true });
    css.addEventListener('error', () => (ui.app.hidden = false), { once: true });

    // header
    ui.stats = h('p', { class: 'stats', role: 'status', 'aria-live': 'polite' });
    const header = h(
      'header',
      { class: 'top' },
      h('h2', { class: 'brand' }, '公文透镜 ', h('small', {}, 'notice-lens · 本地分析 runs offline')),
      ui.stats,
    );

    // input
    ui.paste = h('textarea', {
      id: id('paste'),
      class: 'paste',
      rows: 5,
      spellcheck: 'false',
      autocomplete: 'off',
      placeholder: '在此粘贴公文全文… Paste the notice here',
      'aria-describedby': id('status'),
      on: {
        input: () => {
          ui.restore.hidden = true;
          this.#save();
          this.#schedule();
        },
      },
    });
    ui.min = h('input', { type: 'number', id: id('min'), min: 1, max: 10000, step: 1, inputmode: 'numeric' });
    ui.near = h('input', { type: 'checkbox', id: id('near') });
    ui.thr = h('input', { type: 'number', id: id('thr'), min: 0, max: 1, step: 0.05, inputmode: 'decimal' });
    ui.drop = h('input', { type: 'checkbox', id: id('drop') });
    for (const c of [ui.min, ui.near, ui.thr, ui.drop]) c.addEventListener('change', () => this.#schedule(0));
    ui.progress = h('progress', { class: 'progress', hidden: true, 'aria-label': '分析进度 progress' });
    ui.status = h('p', { class: 'status', id: id('status'), role: 'status', 'aria-live': 'polite' });
    ui.error = h('p', { class: 'error', role: 'alert', hidden: true });
    ui.restore = h('button', { type: 'button', hidden: true }, '恢复我粘贴的文本 Restore my text');
    const input = h(
      'section',
      { class: 'input', 'aria-labelledby': id('paste-label') },
      h('label', { for: id('paste'), id: id('paste-label'), class: 'label' }, '粘贴公文 ', h('span', { class: 'hint' }, 'Paste a notice')),
      ui.paste,
      h(
        'div',
        { class: 'controls' },
        h('label', { for: id('min') }, '最短重复 ', h('span', { class: 'hint' }, 'min chars'), ui.min),
        h('label', { for: id('near'), class: 'check' }, ui.near, '近似重复 ', h('span', { class: 'hint' }, 'near duplicates')),
        h('label', { for: id('thr') }, '相似度 ', h('span', { class: 'hint' }, 'threshold'), ui.thr),
        h('label', { for: id('drop'), class: 'check' }, ui.drop, '去重时删去近似重复 ', h('span', { class: 'hint' }, 'drop near copies')),
        h(
          'span',
          { class: 'buttons' },
          h('button', { type: 'button', class: 'primary', on: { click: () => this.analyze().catch(() => {}) } }, '分析 Analyse'),
          h('button', { type: 'button', on: { click: () => this.#loadSample(true) } }, '示例 Sample'),
          h('button', { type: 'button', on: { click: () => this.#clear() } }, '清空 Clear'),
        ),
      ),
      h('div', { class: 'statusline' }, ui.progress, ui.status, ui.restore),
      ui.error,
    );

    // main tabs: text / reading order / table
    ui.legend = h(
      'ul',
      { class: 'legend', 'aria-label': '图例 Legend' },
      h('li', {}, h('span', { class: 'swatch hl-repeat' }, '重复'), ' 后出的重复 copy'),
      h('li', {}, h('span', { class: 'swatch hl-original' }, '原文'), ' 首次出现 original'),
      h('li', {}, h('span', { class: 'swatch hl-heading' }, '标题'), ' 章节标题 heading'),
      h('li', {}, h('span', { class: 'swatch hl-attribution' }, '分工'), ' 分工说明 attribution'),
      h('li', {}, h('span', { class: 'swatch hl-task sel' }, '任务'), ' 所选部门的任务 task'),
    );
    ui.btnOriginal = h('button', { type: 'button', 'aria-pressed': 'true', on: { click: () => this.#setMode('original') } }, '原文 Original');
    ui.btnDedup = h('button', { type: 'button', 'aria-pressed': 'false', on: { click: () => this.#setMode('dedup') } }, '去重 Deduplicated');
    ui.copy = h('button', { type: 'button', class: 'copy', on: { click: () => this.#copyDedup() } }, '复制去重文本 Copy deduplicated');
    ui.copyStatus = h('span', { class: 'copy-status', role: 'status', 'aria-live': 'polite' });
    ui.info = h('div', { class: 'info', role: 'status', 'aria-live': 'polite' }, h('span', { class: 'muted' }, '将指针移到或用 Tab 键选中高亮处查看详情 · Hover or Tab to a highlight for details'));
    ui.view = h('div', {
      class: 'view',
      lang: 'zh-CN',
      role: 'region',
      tabindex: '0',
      'aria-label': '标注文本 Annotated text',
      part: 'view',
    });
    ui.view.addEventListener('mouseover', (e) => this.#hover(e.target));
    ui.view.addEventListener('focusin', (e) => this.#hover(e.target));
    ui.view.addEventListener('click', (e) => this.#activate(e.target, e));
    ui.view.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') this.#activate(e.target, e);
    });
    ui.order = h('div', { class: 'order', lang: 'zh-CN' });
    ui.tableWrap = h('div', { class: 'table-wrap' });
    ui.csv = h('button', { type: 'button', class: 'primary', on: { click: () => this.#exportCsv() } }, '导出 CSV Export CSV');

    const textPanel = h(
      'div',
      {},
      h(
        'div',
        { class: 'toolbar' },
        h('div', { class: 'seg', role: 'group', 'aria-label': '显示 Show' }, ui.btnOriginal, ui.btnDedup),
        ui.copy,
        ui.copyStatus,
      ),
      ui.legend,
      ui.info,
      ui.view,
    );
    const orderPanel = h(
      'div',
      {},
      h('p', { class: 'note' }, '按编号顺序排列的去重文本（只是视图，不改动原文）· The deduplicated text, section by section in numbering order. A view only.'),
      ui.order,
    );
    const tablePanel = h(
      'div',
      {},
      h('div', { class: 'toolbar' }, ui.csv, h('span', { class: 'note' }, 'UTF-8 带 BOM，Excel 可直接打开 · opens in Excel')),
      ui.tableWrap,
    );
    ui.mainTabs = this.#tabs('main', '视图 Views', [
      ['text', '文本 Text', textPanel],
      ['order', '阅读顺序 Reading order', orderPanel, () => this.#renderOrder()],
      ['table', '分工表 Responsibilities', tablePanel],
    ]);

    // side tabs: outline / document / departments
    ui.outline = h('nav', { class: 'outline', 'aria-label': '大纲 Outline' });
    ui.warnings = h('div', { class: 'warnings' });
    ui.doc = h('div', { class: 'doc' });
    ui.depts = h('div', { class: 'depts' });
    ui.sideTabs = this.#tabs('side', '面板 Panels', [
      ['outline', '大纲 Outline', h('div', {}, ui.outline, ui.warnings)],
      ['doc', '文件 Document', ui.doc],
      ['depts', '部门 Departments', ui.depts],
    ]);

    ui.hint = h('span', { id: id('repeat-hint'), class: 'sr-only' }, '重复片段：按回车跳到其他出现处 Repeated passage: Enter jumps to another occurrence');
    append(ui.app, [
      header,
      input,
      h('div', { class: 'layout' }, h('section', { class: 'main', 'aria-label': '分析结果 Results' }, ui.mainTabs.el), h('aside', { class: 'side' }, ui.sideTabs.el)),
      ui.hint,
    ]);
    this.#root.append(css, ui.app);
    this.#renderEmpty();
  }

  #tabs(name, label, specs) {
    const id = (s) => `${this.#ids}-${name}-${s}`;
    const list = h('div', { class: 'tablist', role: 'tablist', 'aria-label': label });
    const panels = [];
    const tabs = [];
    const onShow = {};
    const select = (key, focus = false) => {
      for (const t of tabs) {
        const on = t.dataset.key === key;
        t.setAttribute('aria-selected', String(on));
        t.tabIndex = on ? 0 : -1;
        if (on && focus) t.focus();
      }
      for (const p of panels) p.hidden = p.dataset.key !== key;
      onShow[key]?.();
    };
    specs.forEach(([key, text, content, shown], i) => {
      const tab = h(
        'button',
        {
          type: 'button',
          role: 'tab',
          id: id(`tab-${key}`),
          'aria-controls': id(`panel-${key}`),
          'aria-selected': String(i === 0),
          tabindex: i === 0 ? '0' : '-1',
          dataset: { key },
          on: { click: () => select(key) },
        },
        text,
      );
      tabs.push(tab);
      list.append(tab);
      panels.push(h('div', { role: 'tabpanel', id: id(`panel-${key}`), 'aria-labelledby': tab.id, class: `panel panel-${key}`, hidden: i !== 0, dataset: { key } }, content));
      if (shown) onShow[key] = shown;
    });
    list.addEventListener('keydown', (e) => {
      const i = tabs.indexOf(e.target);
      if (i < 0) return;
      const n = tabs.length;
      const to = { ArrowRight: i + 1, ArrowLeft: i - 1 + n, Home: 0, End: n - 1 }[e.key];
      if (to === undefined) return;
      e.preventDefault();
      select(tabs[to % n].dataset.key, true);
    });
    return { el: h('div', { class: 'tabs' }, list, panels), select, current: () => tabs.find((t) => t.getAttribute('aria-selected') === 'true')?.dataset.key };
  }

  // ---- start-up, storage ---------------------------------------------------------------------

  #storage() {
    const persist = this.getAttribute('persist') ?? 'local';
    try {
      if (persist === 'session') return sessionStorage;
      if (persist === 'local') return localStorage;
    } catch {
      /* storage disabled */
    }
    return null;
  }
  #storageKey() {
    return this.getAttribute('storage-key') || 'notice-lens:text';
  }

  async #start() {
    this.#ensureWorker();
    let saved = '';
    try {
      saved = this.#storage()?.getItem(this.#storageKey()) ?? '';
    } catch {
      /* ignore */
    }
    if (saved) {
      this.#ui.paste.value = saved;
      this.#status('已恢复上次粘贴的文本 Restored your last paste');
      this.analyze().catch(() => {});
    } else {
      await this.#loadSample(false);
    }
  }

  async #loadSample(userAsked) {
    const src = this.getAttribute('sample');
    if (!src) {
      if (userAsked) this.#showError('没有设置示例 No sample configured (sample attribute)');
      return;
    }
    // Never lose a paste: keep what the user had and offer it back.
    const previous = this.#ui.paste.value;
    const keep = userAsked && previous && previous !== this.#sampleText;
    try {
      const res = await fetch(new URL(src, document.baseURI));
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const text = await res.text();
      this.#sampleText = text;
      this.#ui.paste.value = text;
      await this.analyze().catch(() => {});
      if (keep) {
        this.#ui.restore.hidden = false;
        this.#ui.restore.onclick = () => {
          this.#ui.restore.hidden = true;
          this.value = previous;
        };
      }
    } catch (e) {
      this.#showError(`示例载入失败 Could not load the sample: ${e.message}`);
    }
  }
  #sampleText = null;

  #save() {
    clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => {
      const store = this.#storage();
      if (!store) return;
      const text = this.#ui.paste.value;
      try {
        if (!text || text.length > SAVE_LIMIT) store.removeItem(this.#storageKey());
        else store.setItem(this.#storageKey(), text);
      } catch {
        /* quota: the text stays in the textarea */
      }
    }, 300);
  }

  #clear() {
    this.#ui.paste.value = '';
    this.#save();
    this.#ui.paste.focus();
    this.analyze().catch(() => {});
  }

  // ---- analysis ----------------------------------------------------------------------------

  #schedule(delay) {
    clearTimeout(this.#debounce);
    const len = this.#ui.paste.value.length;
    const wait = delay ?? (len > 2_000_000 ? 1200 : len > 200_000 ? 600 : 300);
    this.#debounce = setTimeout(() => this.analyze().catch(() => {}), wait);
  }

  #ensureWorker() {
    if (this.#worker) return this.#worker;
    const worker = new Worker(workerURL(), { type: 'module', name: 'notice-lens' });
    worker.onmessage = (e) => this.#onWorker(e.data);
    worker.onerror = (e) => {
      e.preventDefault?.();
      const p = this.#pending;
      this.#pending = null;
      this.#worker?.terminate();
      this.#worker = null;
      p?.reject(new Error(`分析程序无法启动 The analyser could not start${e.message ? `: ${e.message}` : ''}`));
    };
    this.#worker = worker;
    if (!this.#defaults) worker.postMessage({ id: 0, type: 'defaults' });
    return worker;
  }

  #onWorker(msg) {
    if (msg.type === 'defaults') {
      this.#defaults = msg.options;
      this.#applyDefaults();
      return;
    }
    const p = this.#pending;
    if (!p || msg.id !== p.id) return;
    if (msg.type === 'started') return;
    this.#pending = null;
    if (msg.type === 'result') p.resolve(msg);
    else p.reject(new Error(msg.message));
  }

  #applyDefaults() {
    const d = this.#defaults ?? {};
    const ui = this.#ui;
    if (ui.min.value === '') ui.min.value = d.min_repeat_chars ?? 12;
    if (!ui.near.dataset.set) {
      ui.near.checked = d.near_duplicates ?? true;
      ui.near.dataset.set = '1';
    }
    if (ui.thr.value === '') ui.thr.value = d.near_threshold ?? 0.8;
    if (!ui.drop.dataset.set) {
      ui.drop.checked = d.drop_near_duplicates ?? false;
      ui.drop.dataset.set = '1';
    }
  }

  #options() {
    const ui = this.#ui;
    const o = {};
    const min = Number.parseInt(ui.min.value, 10);
    if (Number.isFinite(min) && min > 0) o.min_repeat_chars = min;
    if (ui.near.dataset.set) o.near_duplicates = ui.near.checked;
    const thr = Number.parseFloat(ui.thr.value);
    if (Number.isFinite(thr)) o.near_threshold = thr;
    if (ui.drop.dataset.set) o.drop_near_duplicates = ui.drop.checked;
    const max = Number.parseInt(this.getAttribute('max-bytes') ?? '', 10);
    if (Number.isFinite(max) && max > 0) o.max_bytes = max;
    return o;
  }

  #setState(state) {
    this.#state = state;
    this.dataset.state = state;
    this.dispatchEvent(new CustomEvent('notice-lens:state', { detail: { state }, bubbles: true, composed: true }));
  }

  #status(text) {
    this.#ui.status.textContent = text;
  }

  #showError(message) {
    this.#ui.error.textContent = message;
    this.#ui.error.hidden = !message;
  }

  async #analyze(text) {
    // A running analysis cannot be interrupted inside wasm: stop its worker and start afresh.
    if (this.#pending) {
      this.#pending.reject(Object.assign(new Error('superseded'), { superseded: true }));
      this.#pending = null;
      this.#worker?.terminate();
      this.#worker = null;
    }
    const worker = this.#ensureWorker();
    const id = ++this.#job;
    this.#render++; // stop any rendering in progress
    this.#showError('');
    this.#setState('analysing');
    const t0 = performance.now();
    const size = formatSize(text.length);
    this.#ui.progress.hidden = false;
    this.#ui.progress.removeAttribute('value');
    const tick = () => this.#status(`分析中 Analysing… ${size} · ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    tick();
    clearInterval(this.#tickTimer);
    this.#tickTimer = setInterval(tick, 250);
    const done = new Promise((resolve, reject) => (this.#pending = { id, resolve, reject }));
    worker.postMessage({ id, type: 'analyze', text, options: this.#options() });
    let msg;
    try {
      msg = await done;
    } catch (e) {
      if (e.superseded) throw e;
      clearInterval(this.#tickTimer);
      this.#ui.progress.hidden = true;
      this.#status('分析失败，您的文本仍在上面的输入框中 Analysis failed; your text is still in the box above');
      this.#showError(`分析失败 Analysis failed: ${e.message}`);
      this.#report = null;
      this.#text = text;
      this.#renderEmpty('未能分析此文本 This text could not be analysed.');
      this.#setState('error');
      throw e;
    }
    clearInterval(this.#tickTimer);
    this.#report = msg.report;
    this.#text = text;
    this.#setState('rendering');
    this.#status(`已分析 Analysed ${size} · ${msg.ms.toFixed(0)} ms`);
    await this.#renderAll();
    return msg.report;
  }

  // ---- rendering ---------------------------------------------------------------------------

  #renderEmpty(message = '') {
    const ui = this.#ui;
    this.#index = new Map();
    this.#blocks = [];
    fill(ui.view, message ? h('p', { class: 'placeholder' }, message) : []);
    ui.view.dataset.mode = this.#mode;
    fill(ui.stats);
    fill(ui.outline);
    fill(ui.warnings);
    fill(ui.doc);
    fill(ui.depts);
    fill(ui.tableWrap);
    fill(ui.order);
  }

  async #renderAll() {
    const gen = ++this.#render;
    const report = this.#report;
    const text = this.#text;
    this.#items = collectItems(report);
    this.#itemByKey = new Map(this.#items.map((it) => [`${it.kind}|${it.id}`, it]));
    this.#selectedDept = null;
    this.#selectedTasks = new Set();
    this.#tableLimit = TABLE_PAGE;
    this.#orderStale = true;
    // One panel per task, so a huge report does not hold the main thread in one long task.
    for (const step of [() => this.#renderStats(), () => this.#renderOutline(gen), () => this.#renderDocument(), () => this.#renderDepartments(), () => this.#renderTable()]) {
      await step();
      await yieldToBrowser();
      if (gen !== this.#render) return;
    }
    if (this.#ui.mainTabs.current() === 'order') this.#renderOrder();
    await this.#renderView(gen);
    if (gen !== this.#render) return;
    this.#ui.progress.hidden = true;
    this.#setState('ready');
  }

  #renderStats() {
    const r = this.#report;
    const share = repeatedShare(r);
    const pct = `${(share * 100).toFixed(1)}%`;
    fill(
      this.#ui.stats,
      h('span', {}, `${formatInt(r.stats?.chars ?? this.#text.length)} 字 chars`),
      ' · ',
      h('span', { class: 'share' }, '重复占比 repeated ', h('strong', { class: 'share-value' }, pct), ' ', h('meter', { min: 0, max: 1, value: share, 'aria-label': '重复占比 repeated share', title: `${formatInt(r.stats?.repeated_utf16)} / ${formatInt(r.stats?.utf16_len)} UTF-16` })),
      ' · ',
      h('span', {}, `${(r.repeats ?? []).length} 处重复 repeats · ${(r.sections ?? []).length} 个标题 headings · ${(r.attributions ?? []).length} 条分工 attributions`),
    );
  }

  async #renderView(gen) {
    const ui = this.#ui;
    const text = this.#text;
    const report = this.#report;
    this.#index = new Map();
    this.#peers = [];
    this.#hovered = null;
    ui.view.dataset.mode = this.#mode;
    ui.view.setAttribute('aria-busy', 'true');
    let map = null;
    if (this.#mode === 'dedup') {
      map = dedupMap(text, report);
      if (!map) {
        // dedup.removed does not describe dedup.text: show the text itself, unhighlighted.
        fill(ui.view, h('div', { class: 'blk' }, report.dedup?.text ?? ''));
        ui.view.removeAttribute('aria-busy');
        return;
      }
    }
    this.#blocks = planBlocks(text).map(([start, end]) => {
      const el = h('div', { class: 'blk', dataset: { start, end } });
      if (end - start > 5000) el.classList.add('lazy');
      return { start, end, el, filled: false, map, items: [], skip: [] };
    });
    // Bucket items and removed spans by block once, so filling a block never scans them all.
    const starts = this.#blocks.map((b) => b.start);
    const blockOf = (p) => {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= p) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    const bucket = (spans, field) => {
      for (const it of spans) {
        if (it.end <= it.start) continue;
        for (let b = blockOf(it.start); b < this.#blocks.length && this.#blocks[b].start < it.end; b++) this.#blocks[b][field].push(it);
      }
    };
    bucket(this.#items, 'items');
    if (this.#mode === 'dedup') bucket(report.dedup?.removed ?? [], 'skip');
    fill(ui.view, this.#blocks.map((b) => b.el));
    // Fill blocks in slices of ~12 ms so the tab stays responsive on huge texts.
    let t = performance.now();
    for (let i = 0; i < this.#blocks.length; i++) {
      if (gen !== this.#render) return;
      this.#fillBlock(i);
      if (performance.now() - t > 12) {
        await yieldToBrowser();
        t = performance.now();
      }
    }
    ui.view.removeAttribute('aria-busy');
  }

  #fillBlock(i) {
    const blk = this.#blocks[i];
    if (!blk || blk.filled) return;
    blk.filled = true;
    const text = this.#text;
    const dtext = this.#report.dedup?.text ?? '';
    const segs = segmentsOf(blk.items, blk.start, blk.end, blk.skip);
    const frag = document.createDocumentFragment();
    const stack = [];
    for (const seg of segs) {
      let k = 0;
      while (k < stack.length && k < seg.active.length && stack[k].item === seg.active[k]) k++;
      stack.length = k;
      let parent = k ? stack[k - 1].el : frag;
      for (let m = k; m < seg.active.length; m++) {
        const el = this.#fragment(seg.active[m]);
        parent.append(el);
        stack.push({ item: seg.active[m], el });
        parent = el;
      }
      const s = blk.map ? dtext.slice(blk.map(seg.start), blk.map(seg.start) + (seg.end - seg.start)) : text.slice(seg.start, seg.end);
      parent.append(document.createTextNode(s));
    }
    blk.el.replaceChildren(frag);
  }

  #fragment(item) {
    const key = `${item.kind}|${item.id}`;
    let list = this.#index.get(key);
    const first = !list;
    if (first) this.#index.set(key, (list = []));
    const el = document.createElement('span');
    el.className = `hl hl-${item.kind}`;
    el.dataset.kind = item.kind;
    el.dataset.id = item.id;
    if (first) {
      el.classList.add('first');
      if (item.kind === 'repeat' || item.kind === 'attribution') {
        el.tabIndex = 0;
        if (item.kind === 'repeat') {
          el.setAttribute('role', 'button');
          el.setAttribute('aria-describedby', this.#ui.hint.id);
        }
      }
    }
    if (item.kind === 'repeat') el.title = '重复 Repeat · 回车或点击跳到原文 Enter/click: go to the original';
    if ((item.kind === 'task' || item.kind === 'attribution') && this.#selectedTasks.has(Number(item.id))) el.classList.add('sel');
    list.push(el);
    return el;
  }

  /** The fragments of one item, filling its block first when rendering has not reached it yet. */
  #fragments(kind, id) {
    const key = `${kind}|${id}`;
    if (!this.#index.has(key)) {
      const it = this.#itemByKey.get(key);
      if (it) {
        this.#blocks.forEach((b, i) => {
          if (b.end > it.start && b.start < it.end) this.#fillBlock(i);
        });
      }
    }
    return this.#index.get(key) ?? [];
  }

  #setMode(mode) {
    if (!this.#report || mode === this.#mode) return Promise.resolve();
    this.#mode = mode;
    this.#ui.btnOriginal.setAttribute('aria-pressed', String(mode === 'original'));
    this.#ui.btnDedup.setAttribute('aria-pressed', String(mode === 'dedup'));
    const gen = ++this.#render;
    this.#setState('rendering');
    return this.#renderView(gen).then(() => {
      if (gen === this.#render) this.#setState('ready');
    });
  }

  // ---- hover / focus / jump ------------------------------------------------------------------

  #kinds(target) {
    const found = {};
    for (let el = target; el && el !== this.#ui.view; el = el.parentElement) {
      const k = el.dataset?.kind;
      if (k && !found[k]) found[k] = el.dataset.id;
    }
    return found;
  }

  #hover(target) {
    if (!(target instanceof Element) || !this.#report) return;
    const k = this.#kinds(target);
    const rep = k.repeat ?? k.original;
    if (rep === this.#hovered?.rep && k.attribution === this.#hovered?.att) return;
    this.#hovered = { rep, att: k.attribution };
    for (const el of this.#peers) el.classList.remove('peer');
    this.#peers = [];
    const parts = [];
    if (rep !== undefined) parts.push(this.#repeatInfo(rep));
    if (k.attribution !== undefined) parts.push(this.#attributionInfo(Number(k.attribution)));
    if (k.heading !== undefined) {
      const s = this.#report.sections[Number(k.heading)];
      parts.push(h('div', { class: 'info-row' }, h('span', { class: 'tag hl-heading' }, '标题'), ` ${'一二三四'[s.level - 1] ?? s.level}级标题 level ${s.level} · ${s.marker}${s.title ?? ''}`, s.repeat_of !== null && s.repeat_of !== undefined ? ' · 重复的标题 repeated heading' : ''));
    }
    if (parts.length) fill(this.#ui.info, parts);
  }
  #hovered = null;
  #peers = [];

  #repeatInfo(id) {
    const [r, o] = id.split('.').map(Number);
    const rep = this.#report.repeats[r];
    const occ = rep.occurrences;
    occ.forEach((_, j) => {
      if (j === o) return;
      for (const el of this.#index.get(`${j === 0 ? 'original' : 'repeat'}|${r}.${j}`) ?? []) {
        el.classList.add('peer');
        this.#peers.push(el);
      }
    });
    const buttons = occ.map((x, j) =>
      h(
        'button',
        {
          type: 'button',
          class: `occ${j === o ? ' here' : ''}`,
          'aria-current': j === o ? 'true' : null,
          dataset: { kind: j === 0 ? 'original' : 'repeat', id: `${r}.${j}` },
          on: { click: () => this.#jump(j === 0 ? 'original' : 'repeat', `${r}.${j}`) },
        },
        j === 0 ? '原文' : `第${j + 1}处`,
        ` @${formatInt(x.start)}`,
        x.similarity !== undefined && x.similarity < 1 ? ` (${Math.round(x.similarity * 100)}%)` : '',
      ),
    );
    return h(
      'div',
      { class: 'info-row occurrences' },
      h('span', { class: `tag hl-${o === 0 ? 'original' : 'repeat'}` }, o === 0 ? '原文' : '重复'),
      ` 此段出现 ${occ.length} 次 occurs ${occ.length}×${rep.similarity < 1 ? `，近似 near (${Math.round(rep.similarity * 100)}%)` : ''} · ${formatInt(occ[0].end - occ[0].start)} 字 · 跳到 go to: `,
      buttons,
    );
  }

  #attributionInfo(i) {
    const a = this.#report.attributions[i];
    const sec = sectionLabel(this.#report, a.section);
    return h('div', { class: 'info-row' }, h('span', { class: 'tag hl-attribution' }, '分工'), sec ? ` ${sec} · ` : ' ', this.#chips(a.departments));
  }

  #chips(departments = []) {
    return h(
      'span',
      { class: 'chips' },
      departments.map((d) => {
        const nameOf = (x) => (typeof x === 'string' ? x : x?.name ?? JSON.stringify(x));
        const lines = [`全称 ${d.canonical || d.name}`, `${ROLE_LABEL[d.role] ?? d.role} ${ROLE_HINT[d.role] ?? ''}`];
        if (d.category) lines.push(`类别 ${d.category}`);
        if (d.current) lines.push(`沿革 now: ${nameOf(d.current)}`);
        if (d.current_name) lines.push(`现由 today: ${d.current_name}`);
        if (Array.isArray(d.history) && d.history.length) lines.push(`沿革 history: ${d.history.map(nameOf).join(' → ')}`);
        return h(
          'span',
          { class: `chip role-${d.role} kind-${d.kind}`, title: lines.join('\n') },
          d.name,
          h('span', { class: 'role' }, ROLE_LABEL[d.role] ?? d.role),
          d.current_name || d.current ? h('span', { class: 'now', title: d.current ? nameOf(d.current) : null }, `→ ${d.current_name ?? nameOf(d.current)}`) : null,
        );
      }),
    );
  }

  #activate(target, event) {
    if (!(target instanceof Element)) return;
    const el = target.closest('[data-kind]');
    if (!el || !this.#ui.view.contains(el)) return;
    const k = this.#kinds(target);
    const rep = k.repeat ?? k.original;
    if (rep === undefined) return;
    // Do not hijack a click that selects text.
    if (event.type === 'click' && String(globalThis.getSelection?.() ?? '').length > 0) return;
    event.preventDefault();
    const [r, o] = rep.split('.').map(Number);
    const n = this.#report.repeats[r].occurrences.length;
    // From a copy go to the original; from the original go to the first copy.
    const to = o === 0 ? 1 % n : 0;
    this.#jump(to === 0 ? 'original' : 'repeat', `${r}.${to}`);
  }

  async #jump(kind, id) {
    this.#ui.mainTabs.select('text');
    let frags = this.#fragments(kind, id);
    if (!frags.length && this.#mode === 'dedup') {
      await this.#setMode('original');
      frags = this.#fragments(kind, id);
    }
    const el = frags[0];
    if (!el) return false;
    if (!el.hasAttribute('tabindex')) el.tabIndex = -1;
    const smooth = !globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    el.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
    el.focus({ preventScroll: true });
    for (const f of frags) {
      f.classList.remove('flash');
      void f.offsetWidth;
      f.classList.add('flash');
    }
    return true;
  }

  // ---- panels --------------------------------------------------------------------------------

  async #renderOutline(gen) {
    const r = this.#report;
    const sections = r.sections ?? [];
    const warnings = r.warnings ?? [];
    const children = sections.map(() => []);
    const tops = [];
    sections.forEach((s, i) => (s.parent !== null && s.parent !== undefined && sections[s.parent] ? children[s.parent].push(i) : tops.push(i)));
    // Warnings that start on a heading, found by binary search (thousands of both in a big scrape).
    const byStart = warnings.slice().sort((a, b) => a.start - b.start);
    const warnOf = (s) => {
      let lo = 0;
      let hi = byStart.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (byStart[mid].start < s.start) lo = mid + 1;
        else hi = mid;
      }
      const out = [];
      const end = Math.max(s.heading_end, s.start + 1);
      for (let k = lo; k < byStart.length && byStart[k].start < end; k++) out.push(byStart[k]);
      return out;
    };
    const item = (i) => {
      const s = sections[i];
      return h(
        'li',
        { class: `lvl${s.level}` },
        h(
          'button',
          { type: 'button', class: 'jump', dataset: { section: i }, on: { click: () => this.#jump('heading', String(i)) } },
          h('span', { class: 'marker' }, s.marker),
          s.title ?? '',
          s.repeat_of !== null && s.repeat_of !== undefined ? h('span', { class: 'badge' }, '重复 dup') : null,
        ),
        warnOf(s).map((w) => h('span', { class: 'warn-badge', title: w.message, role: 'note' }, '⚠ ', w.message)),
      );
    };
    // Built in slices of ~12 ms, in document order, each heading under its parent's list: the
    // outline of a 10 MB scrape (8 000 headings) took 300 ms in one task.
    const tree = h('ul', { class: 'tree' });
    fill(this.#ui.outline, sections.length ? tree : h('p', { class: 'muted' }, '未识别到章节标题 No headings found'));
    const stack = tops.slice().reverse().map((i) => [i, tree]);
    let t = performance.now();
    while (stack.length) {
      const [i, list] = stack.pop();
      const li = item(i);
      list.append(li);
      if (children[i].length) {
        const ul = h('ul', {});
        li.append(ul);
        for (let k = children[i].length - 1; k >= 0; k--) stack.push([children[i][k], ul]);
      }
      if (performance.now() - t > 12) {
        await yieldToBrowser();
        if (gen !== this.#render) return;
        t = performance.now();
      }
    }
    const list = h('ul', { class: 'warning-list' });
    fill(this.#ui.warnings, h('h3', {}, `提示 Warnings (${warnings.length})`), warnings.length ? list : h('p', { class: 'muted' }, '无 None'));
    for (const [i, w] of warnings.entries()) {
      list.append(h('li', { class: `w-${w.kind}` }, h('button', { type: 'button', class: 'jump', on: { click: () => this.#jump('warning', String(i)) } }, '⚠ ', w.message), h('code', { class: 'kind' }, w.kind)));
      if (performance.now() - t > 12) {
        await yieldToBrowser();
        if (gen !== this.#render) return;
        t = performance.now();
      }
    }
  }

  #renderDocument() {
    fill(this.#ui.doc, this.#docCard(this.#report.document ?? {}, 0));
  }

  #docCard(d, depth) {
    const row = (label, value) => [h('dt', {}, label), h('dd', {}, value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length) ? h('span', { class: 'muted' }, '—') : value)];
    const list = (xs, ordered = false) => (xs?.length ? h(ordered ? 'ol' : 'ul', { class: 'plain' }, xs.map((x) => h('li', {}, x))) : null);
    const others = (d.doc_numbers ?? []).filter((n) => n !== d.doc_number);
    return h(
      'article',
      { class: `card depth${depth}`, 'aria-label': d.title ?? '文件 Document' },
      h(depth ? 'h4' : 'h3', { class: 'doc-title' }, d.title ?? '（无标题 untitled）'),
      h(
        'dl',
        {},
        row('发文字号 No.', d.doc_number ? h('span', { class: 'docno' }, d.doc_number) : null),
        row('发文机关 Issuer', d.issuer),
        row('成文日期 Date', d.date),
        depth === 0 || d.published ? row('发布日期 Published', d.published) : null,
        row('主送 To', list(d.addressees)),
        d.note !== undefined || depth === 0 ? row('附注 Note', d.note) : null,
        d.attachments?.length || depth === 0 ? row('附件 Attachments', list(d.attachments, true)) : null,
        others.length ? row('其他文号 Also cited', list(others)) : null,
      ),
      d.forwarded?.length ? h('section', { class: 'forwarded' }, h('h4', {}, `转发/印发的文件 Forwarded (${d.forwarded.length})`), d.forwarded.map((f) => this.#docCard(f, depth + 1))) : null,
    );
  }

  #renderDepartments() {
    const list = departmentSummary(this.#report);
    this.#deptList = list;
    if (!list.length) {
      fill(this.#ui.depts, h('p', { class: 'muted' }, '未识别到分工 No attributions found'));
      return;
    }
    fill(
      this.#ui.depts,
      h('p', { class: 'note' }, '选择部门以在文中标出其任务 · Select a department to mark its tasks'),
      h(
        'ul',
        { class: 'dept-list' },
        list.map((d) =>
          h(
            'li',
            {},
            h(
              'button',
              {
                type: 'button',
                class: `dept kind-${d.kind}`,
                'aria-pressed': 'false',
                title: [d.canonical, d.category, d.current, d.current_name ? `现由 today: ${d.current_name}` : ''].filter(Boolean).join('\n'),
                dataset: { key: d.key },
                on: { click: (e) => this.#selectDept(d.key === this.#selectedDept ? null : d.key, e.currentTarget) },
              },
              h('span', { class: 'dept-name' }, d.names.join(' / ')),
              d.canonical !== d.names[0] ? h('span', { class: 'canonical' }, d.canonical) : null,
              d.current ? h('span', { class: 'canonical now' }, `沿革 ${d.current}`) : null,
              h('span', { class: 'counts' }, h('span', { class: 'c-lead' }, `牵头 lead ${d.lead}`), h('span', { class: 'c-shared' }, `负责 shared ${d.shared}`), d.participant ? h('span', { class: 'c-part' }, `参与 ${d.participant}`) : null),
            ),
          ),
        ),
      ),
    );
  }
  #deptList = [];

  #selectDept(key) {
    this.#selectedDept = key;
    const d = this.#deptList.find((x) => x.key === key);
    this.#selectedTasks = new Set(d ? d.attributions : []);
    for (const b of this.#ui.depts.querySelectorAll('button.dept')) b.setAttribute('aria-pressed', String(b.dataset.key === key));
    for (const el of this.#ui.view.querySelectorAll('.sel')) el.classList.remove('sel');
    for (const i of this.#selectedTasks) {
      for (const el of this.#fragments('task', String(i))) el.classList.add('sel');
      for (const el of this.#fragments('attribution', String(i))) el.classList.add('sel');
    }
    this.#ui.view.classList.toggle('dept-on', !!d);
    if (d) {
      fill(this.#ui.info, h('div', { class: 'info-row' }, h('span', { class: 'tag hl-task sel' }, '任务'), ` ${d.canonical}: ${d.attributions.length} 项任务 tasks (牵头 ${d.lead} · 负责 ${d.shared}) `, h('button', { type: 'button', on: { click: () => this.#selectDept(null) } }, '清除 Clear')));
      const first = [...this.#selectedTasks].sort((a, b) => a - b)[0];
      if (first !== undefined && !this.#jumpTask(first)) this.#jump('attribution', String(first));
    }
  }

  #jumpTask(i) {
    const frags = this.#fragments('task', String(i));
    if (!frags.length) return false;
    this.#ui.mainTabs.select('text');
    frags[0].scrollIntoView({ block: 'center' });
    return true;
  }

  #renderTable() {
    const rows = responsibilityRows(this.#text, this.#report);
    this.#rows = rows;
    this.#ui.csv.disabled = !rows.length;
    if (!rows.length) {
      fill(this.#ui.tableWrap, h('p', { class: 'muted' }, '未识别到分工 No attributions found'));
      return;
    }
    const names = (xs) => (xs.length ? h('span', { class: 'chips' }, xs.map((n) => h('span', { class: 'chip' }, n))) : h('span', { class: 'muted' }, '—'));
    const shown = rows.slice(0, this.#tableLimit);
    fill(
      this.#ui.tableWrap,
      h(
        'table',
        { class: 'resp' },
        h('caption', {}, `分工表 Responsibilities · ${rows.length} 条 rows`),
        h('thead', {}, h('tr', {}, ['#', '章节 Section', '任务 Task', '牵头 Leads', '负责 Sharers'].map((c) => h('th', { scope: 'col' }, c)))),
        h(
          'tbody',
          {},
          shown.map((r) =>
            h(
              'tr',
              { dataset: { attribution: r.index } },
              h(
                'td',
                {},
                h('button', { type: 'button', class: 'jump', title: '在文中查看 Show in text', on: { click: () => this.#jump('attribution', String(r.index)) } }, String(r.index + 1)),
                r.copies ? h('div', { class: 'muted copies', title: '抓取时重复出现，只计一次 Copies the scrape made; counted once' }, `重复×${r.copies}`) : null,
              ),
              h('td', {}, r.section || '—'),
              h('td', { class: 'task' }, h('div', { class: 'clamp' }, r.task)),
              h('td', {}, names(r.leads)),
              h('td', {}, names([...r.sharers, ...r.participants])),
            ),
          ),
        ),
      ),
      rows.length > shown.length ? h('button', { type: 'button', on: { click: () => ((this.#tableLimit = Infinity), this.#renderTable()) } }, `显示全部 Show all ${rows.length}`) : null,
    );
  }
  #rows = [];

  #exportCsv() {
    if (!this.#rows.length) return;
    const blob = new Blob([responsibilityCsv(this.#rows)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const title = (this.#report.document?.doc_number || 'notice').replace(/[\\/:*?"<>|\s]+/g, '_');
    const a = h('a', { href: url, download: `分工表-${title}.csv`, hidden: true });
    this.#root.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  async #renderOrder() {
    if (!this.#report || !this.#orderStale) return;
    this.#orderStale = false;
    const gen = this.#render;
    const entries = readingOrder(this.#text, this.#report);
    const list = h('ol', { class: 'reading' });
    fill(this.#ui.order, list);
    let t = performance.now();
    for (const e of entries) {
      if (gen !== this.#render) {
        this.#orderStale = true;
        return;
      }
      const level = Math.min(Math.max(e.level || 1, 1), 4);
      list.append(
        h(
          'li',
          { class: `ro lvl${e.level}`, dataset: { section: e.index ?? '' } },
          h(`h${level + 2}`, { class: 'ro-title' }, e.index === null ? e.label : [h('span', { class: 'marker' }, e.marker), e.title ?? '']),
          h('p', { class: 'ro-text' }, e.text),
        ),
      );
      if (performance.now() - t > 12) {
        await yieldToBrowser();
        t = performance.now();
      }
    }
  }

  // ---- clipboard -----------------------------------------------------------------------------

  async #copyDedup() {
    const text = this.#report?.dedup?.text;
    if (text === undefined) return;
    try {
      await navigator.clipboard.writeText(text);
      this.#ui.copyStatus.textContent = `已复制 Copied ${formatSize(text.length)}`;
    } catch {
      // Fallback: a selected textarea and the legacy copy command.
      const ta = h('textarea', { class: 'offscreen', readonly: true, 'aria-hidden': 'true' });
      ta.value = text;
      this.#root.append(ta);
      ta.select();
      const ok = document.execCommand?.('copy');
      ta.remove();
      this.#ui.copyStatus.textContent = ok ? `已复制 Copied ${formatSize(text.length)}` : '无法访问剪贴板 Clipboard not available';
    }
  }
}

if (!customElements.get('notice-lens')) customElements.define('notice-lens', NoticeLens);
