// Unit tests of www/lens-model.js: pure functions, run in node without a browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectItems, segmentsOf, planBlocks, dedupMap, readingOrder, responsibilityRows, responsibilityCsv, departmentSummary } from '../../www/lens-model.js';
import { parseCsv, SAMPLE } from './helpers.mjs';
import { fakeReport } from './fake-report.mjs';

test('segments split overlapping items and keep outer items first', () => {
  const items = [
    { kind: 'repeat', id: '0.1', start: 2, end: 10 },
    { kind: 'heading', id: '0', start: 4, end: 12 },
  ];
  const segs = segmentsOf(items, 0, 14);
  assert.deepEqual(
    segs.map((s) => [s.start, s.end, s.active.map((a) => a.kind).join('+')]),
    [[0, 2, ''], [2, 4, 'repeat'], [4, 10, 'repeat+heading'], [10, 12, 'heading'], [12, 14, '']],
  );
});

test('segments leave out skipped spans', () => {
  const segs = segmentsOf([{ kind: 'heading', id: '0', start: 0, end: 6 }], 0, 8, [{ start: 2, end: 4 }]);
  assert.deepEqual(segs.map((s) => [s.start, s.end]), [[0, 2], [4, 6], [6, 8]]);
});

test('blocks never split a surrogate pair and cover the text', () => {
  const text = '𠀀'.repeat(50_000) + '😀a'.repeat(20_000);
  const blocks = planBlocks(text, 1001);
  assert.equal(blocks[0][0], 0);
  assert.equal(blocks.at(-1)[1], text.length);
  for (let i = 0; i < blocks.length; i++) {
    if (i) assert.equal(blocks[i][0], blocks[i - 1][1]);
    const c = text.charCodeAt(blocks[i][1] - 1);
    assert.ok(!(c >= 0xd800 && c <= 0xdbff), `block ${i} ends inside a pair`);
  }
});

test('dedup map agrees with dedup.text', () => {
  const report = fakeReport();
  const map = dedupMap(SAMPLE, report);
  assert.ok(map);
  const items = collectItems(report).filter((i) => i.kind === 'heading');
  for (const it of items) {
    if (report.dedup.removed.some((r) => r.start < it.end && r.end > it.start)) continue;
    assert.equal(report.dedup.text.slice(map(it.start), map(it.end)), SAMPLE.slice(it.start, it.end));
  }
});

test('reading order partitions the deduplicated text, in ordinal-path order', () => {
  const report = fakeReport();
  const entries = readingOrder(SAMPLE, report);
  const total = entries.reduce((n, e) => n + e.text.length, 0);
  assert.equal(total, report.dedup.text.length);
  const paths = entries.filter((e) => e.index !== null).map((e) => e.path);
  for (let i = 1; i < paths.length; i++) {
    const a = paths[i - 1];
    const b = paths[i];
    let cmp = 0;
    for (let k = 0; k < Math.min(a.length, b.length) && !cmp; k++) cmp = a[k] - b[k];
    if (!cmp) cmp = a.length - b.length;
    assert.ok(cmp <= 0, `${a} before ${b}`);
  }
});

test('CSV: BOM, quoted fields, one row per attribution, formula guard', () => {
  const report = fakeReport();
  const rows = responsibilityRows(SAMPLE, report);
  rows[0].task = '=HYPERLINK("x")\n"quoted", comma';
  const csv = responsibilityCsv(rows);
  assert.ok(csv.startsWith('\uFEFF'));
  const parsed = parseCsv(csv.slice(1));
  assert.equal(parsed.length, 1 + report.attributions.filter((a) => a.repeat_of == null).length);
  assert.equal(parsed[0][2], '任务');
  assert.equal(parsed[1][2], '\'=HYPERLINK("x")\n"quoted", comma');
  assert.equal(parsed[2][2], SAMPLE.slice(report.attributions[1].scope_start, report.attributions[1].start));
});

test('departments are counted by canonical name', () => {
  const list = departmentSummary(fakeReport());
  const ndrc = list.find((d) => d.key === '国家发展和改革委员会');
  assert.ok(ndrc);
  assert.ok(ndrc.lead >= 1 && ndrc.shared >= 1);
  assert.deepEqual(ndrc.names, ['国家发展改革委']);
});

test('www/ uses no markup sinks (user text only ever becomes text nodes)', async () => {
  const fs = await import('node:fs');
  const path = await import('node:path');
  const { ROOT } = await import('./helpers.mjs');
  const dir = path.join(ROOT, 'www');
  const sinks = /innerHTML|outerHTML|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser|srcdoc|\beval\(|new Function/;
  for (const f of fs.readdirSync(dir)) {
    if (!/\.(js|mjs|html|css|md)$/.test(f)) continue;
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    assert.doesNotMatch(text, sinks, f);
  }
});
