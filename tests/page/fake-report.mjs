// A report for the sample built from tests/fixtures/guangdong-2017-32.expected.json and plain string
// search, in the shape of docs/report.md. The page tests use it (through <notice-lens>.show()) to test
// the page's own features whatever state the Rust analyses are in; other tests use the real wasm.

import fs from 'node:fs';
import path from 'node:path';
import { ROOT, SAMPLE } from './helpers.mjs';

const expected = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/fixtures/guangdong-2017-32.expected.json'), 'utf8'));

function allIndexes(text, needle) {
  const out = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) out.push(i);
  return out;
}

export function fakeReport(text = SAMPLE) {
  // sections: heading_end after the title, end at the next heading of the same or a higher level
  const hs = expected.headings;
  const sections = hs.map((x, i) => {
    let end = text.length;
    for (let j = i + 1; j < hs.length; j++) if (hs[j].level <= x.level) { end = hs[j].start; break; }
    return {
      level: x.level,
      ordinal: x.ordinal,
      marker: x.marker,
      title: x.title,
      start: x.start,
      heading_end: x.start + x.marker.length + (x.title ?? '').length,
      end,
      parent: null,
      repeat_of: null,
    };
  });
  const stack = [];
  sections.forEach((s, i) => {
    while (stack.length && sections[stack.at(-1)].level >= s.level) stack.pop();
    s.parent = stack.length ? stack.at(-1) : null;
    stack.push(i);
    const prev = sections.findIndex((p, j) => j < i && p.marker === s.marker && p.title === s.title);
    s.repeat_of = prev >= 0 ? prev : null;
  });
  const enclosing = (pos) => {
    let best = null;
    sections.forEach((s, i) => {
      if (s.start <= pos && pos < s.end) best = i;
    });
    return best;
  };
  let lastEnd = 0;
  const attributions = expected.attributions.map((a) => {
    const section = enclosing(a.start);
    const scope = Math.max(lastEnd, section === null ? 0 : sections[section].heading_end);
    lastEnd = a.end;
    return {
      start: a.start,
      end: a.end,
      scope_start: Math.min(scope, a.start),
      section,
      // The sample's scrape copied some notes with their tasks: the first with the same text is the original.
      repeat_of: (() => {
        const first = expected.attributions.findIndex((b) => b.text === a.text);
        return first >= 0 && expected.attributions[first].start < a.start ? first : null;
      })(),
      departments: a.departments.map(([name, role]) => ({
        name,
        canonical: expected.canonical[name] ?? name,
        role,
        kind: 'department',
        ...(name === '质检总局' ? { current: '2018年并入国家市场监督管理总局', current_name: '国家市场监督管理总局' } : {}),
      })),
    };
  });
  // repeats: a few passages the scrape copied, found by plain search
  const passages = [
    text.slice(0, text.indexOf('请认真贯彻执行。') + '请认真贯彻执行。'.length),
    '加快培育壮大新动能、改造提升传统动能是促进经济结构转型和实体经济升级的重要途径，也是推进供给侧结构性改革的重要着力点。',
  ];
  const repeats = [];
  for (const p of passages) {
    const at = allIndexes(text, p);
    if (at.length > 1) repeats.push({ text: p, similarity: 1, occurrences: at.map((s) => ({ start: s, end: s + p.length, similarity: 1 })) });
  }
  // removed: every later occurrence, merged
  const spans = repeats.flatMap((r) => r.occurrences.slice(1)).sort((a, b) => a.start - b.start);
  const removed = [];
  for (const s of spans) {
    const last = removed.at(-1);
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else removed.push({ start: s.start, end: s.end });
  }
  // Originals that lie inside a removed span are not kept either; keep the report simple by
  // leaving such occurrences as they are (the page must cope).
  let dedup = '';
  let at = 0;
  for (const r of removed) {
    dedup += text.slice(at, r.start);
    at = r.end;
  }
  dedup += text.slice(at);
  const repeated = removed.reduce((n, r) => n + r.end - r.start, 0);
  const gap = sections.find((s) => s.marker === '（十）');
  const warnings = gap
    ? [{ kind: 'numbering_gap', message: '（九） is missing between （八） and （十）', start: gap.start, end: gap.start + gap.marker.length }]
    : [];
  const document = { ...expected.document, note: null, attachments: [] };
  document.forwarded = (document.forwarded ?? []).map((f) => ({ date: null, published: null, doc_numbers: [], note: null, attachments: [], forwarded: [], ...f }));
  return {
    version: 1,
    stats: { utf16_len: text.length, chars: [...text].length, repeated_utf16: repeated },
    repeats,
    dedup: { text: dedup, removed },
    document,
    sections,
    attributions,
    warnings,
  };
}
