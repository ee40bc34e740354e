// Pasting: a notice with an emoji and 𠀀 before a heading keeps every highlight exact; markup in the
// text stays text; a refused text shows the Rust error and stays in the box.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEnv, openPage, waitReady, checkHighlights, paste, SAMPLE } from './helpers.mjs';
import { fakeReport } from './fake-report.mjs';

let env;
before(async () => {
  env = await startEnv();
});
after(() => env?.close());

const NOTICE = [
  '关于加强新动能培育工作的通知😀',
  '各有关单位：𠀀😀',
  '一、总体要求',
  '（一）指导思想。加快培育壮大新动能，改造提升传统动能😀，促进经济结构转型升级。（国家发展改革委、人民银行牵头负责）𠀀',
  '（二）基本原则。坚持改革创新，坚持包容审慎监管。加快培育壮大新动能，改造提升传统动能，促进经济结构转型升级。（科技部、工业和信息化部等部门按职责分工负责）😀𠀀',
  '二、主要任务',
  '（三）提高政府服务效率。加快培育壮大新动能，改造提升传统动能，促进经济结构转型升级。（国务院办公厅牵头负责）',
].join('\n');

test('a pasted notice with 😀 and 𠀀 before headings: highlights are exact slices', async () => {
  const { page, context, errors } = await openPage(env);
  try {
    await waitReady(page, SAMPLE);
    await paste(page, NOTICE);
    const r = await checkHighlights(page);
    assert.deepEqual(r.mismatches, []);
    assert.deepEqual(r.missing, []);
    assert.ok(r.viewIsText);
    assert.ok(r.report.sections >= 5, `headings found (${r.report.sections}; needs the structure analysis)`);
    assert.ok(r.report.attributions >= 3, `attributions found (${r.report.attributions}; needs the attribution analysis)`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the page renders astral offsets exactly (known report, emoji + 𠀀 inserted before headings)', async () => {
  // Insert astral characters before three headings and shift a known report: this tests the page's
  // own slicing and splitting whatever the state of the Rust analyses.
  const base = fakeReport(SAMPLE);
  const at = [base.sections[0].start, base.sections[4].start, base.attributions[2].start].sort((a, b) => a - b);
  const ins = ['😀𠀀', '𠀀', '😀'];
  let text = '';
  let prev = 0;
  at.forEach((p, i) => {
    text += SAMPLE.slice(prev, p) + ins[i];
    prev = p;
  });
  text += SAMPLE.slice(prev);
  const shift = (o) => o + at.reduce((n, p, i) => (p <= o ? n + ins[i].length : n), 0);
  const report = structuredClone(base);
  const walk = (x) => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object')
      for (const k of Object.keys(x)) {
        if (['start', 'end', 'heading_end', 'scope_start'].includes(k)) x[k] = shift(x[k]);
        else if (k !== 'document') walk(x[k]);
      }
  };
  walk(report);
  // the copies' text did not change, so dedup.text is the new text minus the shifted spans
  let d = '';
  let p0 = 0;
  for (const r of report.dedup.removed) {
    d += text.slice(p0, r.start);
    p0 = r.end;
  }
  report.dedup.text = d + text.slice(p0);
  report.stats.utf16_len = text.length;

  const { page, context } = await openPage(env);
  try {
    await waitReady(page, SAMPLE);
    await page.evaluate(([t, r]) => document.querySelector('notice-lens').show(t, r), [text, report]);
    await waitReady(page, text);
    const r = await checkHighlights(page);
    assert.deepEqual(r.mismatches, []);
    assert.deepEqual(r.missing, []);
    assert.ok(r.viewIsText);
    assert.ok(r.counts.heading > 20 && r.counts.attribution > 20);
    // The first heading's element starts with the astral characters' neighbour, not half of one.
    const head = await page.locator('notice-lens .view [data-kind=heading][data-id="0"]').first().textContent();
    assert.equal(head, text.slice(report.sections[0].start, report.sections[0].heading_end));
  } finally {
    await context.close();
  }
});

test('markup in pasted text stays text: no element, no script, no dialog', async () => {
  const { page, context, dialogs, errors } = await openPage(env);
  page.on('dialog', () => assert.fail('a dialog opened'));
  try {
    await waitReady(page, SAMPLE);
    const evil = '一、总体要求<img src=x onerror=alert(1)>（一）指导思想<script>alert(2)</script>。<svg onload=alert(3)>（财政部牵头负责）<iframe src="javascript:alert(4)"></iframe>';
    await paste(page, evil);
    const r = await page.evaluate(() => {
      const el = document.querySelector('notice-lens');
      const sr = el.shadowRoot;
      const view = sr.querySelector('.view');
      return {
        text: view.textContent,
        inView: view.querySelectorAll('img, script, svg, iframe').length,
        inShadow: sr.querySelectorAll('img, script:not([src]), svg, iframe').length,
        inDoc: document.querySelectorAll('img, svg, iframe').length + [...document.scripts].filter((s) => !s.src).length,
      };
    });
    assert.ok(r.text.includes('<img src=x onerror=alert(1)>'));
    assert.ok(r.text.includes('<script>alert(2)</script>'));
    assert.equal(r.inView, 0);
    assert.equal(r.inShadow, 0);
    assert.equal(r.inDoc, 0);
    const check = await checkHighlights(page);
    assert.deepEqual(check.mismatches, []);
    // Also through the report panels: the table and outline show the text as text.
    await page.locator('notice-lens [role=tab]', { hasText: '分工表' }).click();
    assert.equal(await page.locator('notice-lens img, notice-lens script').count(), 0);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a refused text shows the Rust error and is never lost', async () => {
  const { page, context } = await openPage(env);
  try {
    await waitReady(page, SAMPLE);
    await page.evaluate(() => document.querySelector('notice-lens').setAttribute('max-bytes', '1000'));
    const big = '加快培育壮大新动能。'.repeat(200);
    await page.locator('notice-lens textarea').fill(big);
    await waitReady(page, big, { state: 'error' });
    const error = await page.locator('notice-lens .error').textContent();
    assert.match(error, /MB/); // the Rust message: "the text is … MB, more than the … MB …"
    assert.match(error, /分析失败/);
    assert.equal(await page.locator('notice-lens textarea').inputValue(), big);
    // Kept in storage too: a reload restores it.
    await page.waitForFunction((t) => localStorage.getItem('notice-lens:text') === t, big);
    await page.reload();
    await page.waitForFunction((t) => document.querySelector('notice-lens')?.text === t, big);
    assert.equal(await page.locator('notice-lens textarea').inputValue(), big);
    await waitReady(page, big);
  } finally {
    await context.close();
  }
});

test('loading the sample over a paste offers the paste back', async () => {
  const { page, context } = await openPage(env);
  try {
    await waitReady(page, SAMPLE);
    const mine = '我的文本：一、总体要求（一）指导思想。加快发展。';
    await paste(page, mine);
    await page.locator('notice-lens button', { hasText: '示例 Sample' }).click();
    await waitReady(page, SAMPLE);
    await page.locator('notice-lens button', { hasText: '恢复我粘贴的文本' }).click();
    await waitReady(page, mine);
    assert.equal(await page.locator('notice-lens textarea').inputValue(), mine);
  } finally {
    await context.close();
  }
});
