// The page's features, each run twice: on the report the real wasm makes for the sample, and on a
// known report of the sample (tests/page/fake-report.mjs, shown with <notice-lens>.show()), so the
// page is tested whatever the state of the Rust analyses. The wasm runs need those analyses.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startEnv, openPage, waitReady, parseCsv, SAMPLE } from './helpers.mjs';
import { fakeReport } from './fake-report.mjs';

let env;
before(async () => {
  env = await startEnv();
});
after(() => env?.close());

async function open(source, opts = {}) {
  const o = await openPage(env, opts);
  await waitReady(o.page, SAMPLE);
  if (source === 'fixture') {
    await o.page.evaluate(([t, r]) => document.querySelector('notice-lens').show(t, r), [SAMPLE, fakeReport()]);
    await waitReady(o.page, SAMPLE);
  }
  o.report = await o.page.evaluate(() => document.querySelector('notice-lens').report);
  return o;
}

/** Waits until the shadow root's focused element is the first fragment of kind/id, in view. */
async function waitFocusedInView(page, kind, id) {
  await page.waitForFunction(
    ([k, i]) => {
      const sr = document.querySelector('notice-lens').shadowRoot;
      const a = sr.activeElement;
      if (!a || a.dataset.kind !== k || a.dataset.id !== i) return false;
      const v = sr.querySelector('.view').getBoundingClientRect();
      const r = a.getBoundingClientRect();
      return r.bottom > v.top && r.top < v.bottom && r.top >= 0 && r.top < innerHeight;
    },
    [kind, id],
    { polling: 50, timeout: 10_000 },
  );
}

for (const source of ['fixture', 'wasm']) {
  describe(`with the ${source} report`, () => {
    test('repeats: hover shows other occurrences, Enter and click jump, dedup view, copy, share', async () => {
      const { page, context, report } = await open(source, { permissions: ['clipboard-read', 'clipboard-write'] });
      try {
        assert.ok(report.repeats.length > 0, 'the sample has repeats');
        const share = ((report.stats.repeated_utf16 / report.stats.utf16_len) * 100).toFixed(1) + '%';
        assert.equal(await page.locator('notice-lens .share-value').textContent(), share);

        // hover a copy: the info bar lists every occurrence, the others are marked
        const copy = page.locator('notice-lens .view .hl-repeat.first').first();
        const id = await copy.getAttribute('data-id');
        const [r] = id.split('.').map(Number);
        await copy.hover();
        const occ = page.locator('notice-lens .info .occ');
        await occ.first().waitFor();
        assert.equal(await occ.count(), report.repeats[r].occurrences.length);
        assert.ok((await page.locator(`notice-lens .view [data-kind=original][data-id="${r}.0"].peer`).count()) > 0);

        // focus + Enter jumps to the original
        await copy.focus();
        await page.keyboard.press('Enter');
        await waitFocusedInView(page, 'original', `${r}.0`);
        // Enter on the original jumps to the first copy
        await page.keyboard.press('Enter');
        await waitFocusedInView(page, 'repeat', `${r}.1`);
        // a click on a later copy jumps too
        await page.locator('notice-lens .view .hl-repeat.first').last().click();
        const lastId = await page.locator('notice-lens .view .hl-repeat.first').last().getAttribute('data-id');
        await waitFocusedInView(page, 'original', `${lastId.split('.')[0]}.0`);

        // original / deduplicated switch
        await page.locator('notice-lens button', { hasText: '去重 Deduplicated' }).click();
        await page.waitForFunction(() => {
          const el = document.querySelector('notice-lens');
          return el.state === 'ready' && el.shadowRoot.querySelector('.view').dataset.mode === 'dedup';
        });
        const shown = await page.evaluate(() => document.querySelector('notice-lens').shadowRoot.querySelector('.view').textContent);
        assert.equal(shown, report.dedup.text);
        assert.equal(await page.locator('notice-lens .view .hl-repeat').count(), 0);
        await page.locator('notice-lens button', { hasText: '原文 Original' }).click();
        await page.waitForFunction(() => document.querySelector('notice-lens').shadowRoot.querySelector('.view').dataset.mode === 'original');

        // copy the deduplicated text
        await page.locator('notice-lens button', { hasText: '复制去重文本' }).click();
        await page.locator('notice-lens .copy-status', { hasText: '已复制' }).waitFor();
        assert.equal(await page.evaluate(() => navigator.clipboard.readText()), report.dedup.text);
      } finally {
        await context.close();
      }
    });

    test('outline jumps to headings; warnings; document card', async () => {
      const { page, context, report } = await open(source);
      try {
        assert.ok(report.sections.length > 0, 'the sample has sections');
        const buttons = page.locator('notice-lens .outline button.jump');
        assert.equal(await buttons.count(), report.sections.length);
        const found = report.sections.findIndex((s, k) => k > 8 && s.level === 2);
        const i = found >= 0 ? found : 0;
        const s = report.sections[i];
        const b = page.locator(`notice-lens .outline button[data-section="${i}"]`);
        assert.equal(await b.textContent(), s.marker + (s.title ?? '') + (s.repeat_of !== null ? '重复 dup' : ''));
        await b.click();
        await waitFocusedInView(page, 'heading', String(i));

        const wtitle = await page.locator('notice-lens .warnings h3').textContent();
        assert.ok(wtitle.includes(`(${report.warnings.length})`));
        for (const w of report.warnings.slice(0, 20)) {
          assert.ok((await page.locator('notice-lens .warning-list', { hasText: w.message }).count()) > 0, w.message);
        }

        await page.locator('notice-lens [role=tab]', { hasText: '文件' }).click();
        const card = await page.locator('notice-lens .doc').textContent();
        for (const want of ['粤府办〔2017〕32号', '广东省人民政府办公厅', '2017-05-10', '2017-06-01', '各地级以上市人民政府', '国办发〔2017〕4号', '国务院办公厅', '各省、自治区、直辖市人民政府']) {
          assert.ok(card.includes(want), `document card shows ${want}`);
        }
        const nested = await page.locator('notice-lens .doc .forwarded .card').first().textContent();
        assert.ok(nested.includes('国办发〔2017〕4号'), 'the forwarded document is nested');
      } finally {
        await context.close();
      }
    });

    test('departments, responsibility table, CSV export', async () => {
      const { page, context, report } = await open(source, { acceptDownloads: true });
      try {
        assert.ok(report.attributions.length > 0, 'the sample has attributions');
        const slice = (a, b) => SAMPLE.slice(a, b);
        await page.locator('notice-lens [role=tab]', { hasText: '部门' }).click();
        const depts = page.locator('notice-lens .depts button.dept');
        const keys = new Set(report.attributions.flatMap((a) => a.departments.map((d) => d.canonical || d.name)));
        assert.equal(await depts.count(), keys.size);
        // pick 国家发展改革委 if present, else the first
        let pick = depts.filter({ hasText: '国家发展改革委' }).first();
        if (!(await pick.count())) pick = depts.first();
        const key = await pick.getAttribute('data-key');
        await pick.click();
        assert.equal(await pick.getAttribute('aria-pressed'), 'true');
        const want = report.attributions
          .map((a, i) => [a, i])
          .filter(([a]) => a.departments.some((d) => (d.canonical || d.name) === key) && a.scope_start < a.start)
          .map(([, i]) => String(i));
        const got = await page.evaluate(() => [...new Set([...document.querySelector('notice-lens').shadowRoot.querySelectorAll('.view .hl-task.sel')].map((e) => e.dataset.id))]);
        assert.deepEqual(got.sort(), want.sort());
        const counts = await pick.locator('.counts').textContent();
        // A note inside a scrape's copy is the same task as its original: counted once.
        const tasks = report.attributions.filter((a) => a.repeat_of === null);
        assert.ok(tasks.length < report.attributions.length, 'the sample has copied notes');
        const lead = tasks.filter((a) => a.departments.some((d) => (d.canonical || d.name) === key && d.role === 'lead')).length;
        assert.ok(counts.includes(`牵头 lead ${lead}`), counts);

        // the table: one row per task (copies counted on their original), task = text.slice(scope_start, start)
        await page.locator('notice-lens [role=tab]', { hasText: '分工表' }).click();
        const rows = page.locator('notice-lens table.resp tbody tr');
        assert.equal(await rows.count(), Math.min(tasks.length, 500));
        const shownTasks = await page.locator('notice-lens table.resp td.task').allTextContents();
        shownTasks.forEach((t, i) => assert.equal(t, slice(tasks[i].scope_start, tasks[i].start)));

        // CSV
        const [download] = await Promise.all([page.waitForEvent('download'), page.locator('notice-lens button', { hasText: '导出 CSV' }).click()]);
        const file = await download.path();
        const csv = fs.readFileSync(file, 'utf8');
        assert.ok(csv.startsWith('\uFEFF'), 'UTF-8 BOM');
        assert.match(download.suggestedFilename(), /\.csv$/);
        const parsed = parseCsv(csv.slice(1));
        assert.deepEqual(parsed[0].slice(0, 5), ['序号', '章节', '任务', '分工原文', '牵头单位']);
        assert.equal(parsed.length, tasks.length + 1);
        parsed.slice(1).forEach((row, i) => {
          const a = tasks[i];
          const index = report.attributions.indexOf(a);
          assert.equal(row[9], String(report.attributions.filter((c) => c.repeat_of === index).length));
          const task = slice(a.scope_start, a.start);
          assert.equal(row[2], /^[=+\-@\t\r]/.test(task) ? `'${task}` : task);
          assert.equal(row[3], slice(a.start, a.end));
          assert.equal(row[4], a.departments.filter((d) => d.role === 'lead').map((d) => d.name).join('、'));
        });
      } finally {
        await context.close();
      }
    });

    test('reading order: the deduplicated text, section by section in numbering order', async () => {
      const { page, context, report } = await open(source);
      try {
        assert.ok(report.sections.length > 0, 'the sample has sections');
        await page.locator('notice-lens [role=tab]', { hasText: '阅读顺序' }).click();
        await page.locator('notice-lens .reading li').first().waitFor();
        const texts = await page.locator('notice-lens .reading .ro-text').allTextContents();
        assert.equal(texts.join('').length, report.dedup.text.length, 'every kept unit once');
        // sections appear sorted by ordinal path
        const order = await page.evaluate(() => [...document.querySelector('notice-lens').shadowRoot.querySelectorAll('.reading li')].map((li) => li.dataset.section).filter((x) => x !== '').map(Number));
        const pathOf = (i) => {
          const p = [];
          for (let j = i; j !== null && j !== undefined; j = report.sections[j].parent) p.unshift(report.sections[j].ordinal);
          return p;
        };
        for (let k = 1; k < order.length; k++) {
          const a = pathOf(order[k - 1]);
          const b = pathOf(order[k]);
          let c = 0;
          for (let m = 0; m < Math.min(a.length, b.length) && !c; m++) c = a[m] - b[m];
          assert.ok(c < 0 || (c === 0 && a.length <= b.length), `${a} before ${b}`);
        }
        // the user's text is unchanged
        assert.equal(await page.locator('notice-lens textarea').inputValue(), SAMPLE);
      } finally {
        await context.close();
      }
    });
  });
}
