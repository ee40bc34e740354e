// Pure functions over a notice-lens report: no DOM, no globals, so node can test them directly.
// Every offset is a UTF-16 code unit, as in the report (docs/report.md): text.slice(start, end).

/** Highlight kinds, outermost first when two items cover the same span. */
export const KINDS = ['original', 'repeat', 'task', 'heading', 'attribution', 'warning'];
const KIND_RANK = Object.fromEntries(KINDS.map((k, i) => [k, i]));

/** The span of one report item, by kind and id ("3" or, for repeats, "2.1" = repeat 2, occurrence 1). */
export function itemSpan(report, kind, id) {
  switch (kind) {
    case 'original':
    case 'repeat': {
      const [r, o] = String(id).split('.').map(Number);
      const occ = report.repeats?.[r]?.occurrences?.[o];
      return occ ? [occ.start, occ.end] : null;
    }
    case 'heading': {
      const s = report.sections?.[id];
      return s ? [s.start, s.heading_end] : null;
    }
    case 'attribution': {
      const a = report.attributions?.[id];
      return a ? [a.start, a.end] : null;
    }
    case 'task': {
      const a = report.attributions?.[id];
      return a ? [a.scope_start, a.start] : null;
    }
    case 'warning': {
      const w = report.warnings?.[id];
      return w ? [w.start, w.end] : null;
    }
    default:
      return null;
  }
}

/** Every highlightable item of a report as { kind, id, start, end }, empty spans left out. */
export function collectItems(report) {
  const items = [];
  const push = (kind, id, start, end) => {
    if (Number.isInteger(start) && Number.isInteger(end) && end > start) items.push({ kind, id: String(id), start, end });
  };
  (report.repeats ?? []).forEach((r, i) =>
    (r.occurrences ?? []).forEach((o, j) => push(j === 0 ? 'original' : 'repeat', `${i}.${j}`, o.start, o.end)),
  );
  (report.sections ?? []).forEach((s, i) => push('heading', i, s.start, s.heading_end));
  (report.attributions ?? []).forEach((a, i) => {
    push('task', i, a.scope_start, a.start);
    push('attribution', i, a.start, a.end);
  });
  (report.warnings ?? []).forEach((w, i) => push('warning', i, w.start, w.end));
  return items;
}

/** Outer before inner: earlier start, then longer, then by kind rank. */
function outerFirst(a, b) {
  return a.start - b.start || b.end - a.end || KIND_RANK[a.kind] - KIND_RANK[b.kind] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function isHigh(code) {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * Splits [0, length) into blocks of about `size` units for lazy rendering: at a line break when one
 * is near, else after 。, else anywhere that does not split a surrogate pair. One block when short.
 */
export function planBlocks(text, size = 20000) {
  const n = text.length;
  if (n <= size * 1.5) return [[0, n]];
  const blocks = [];
  let start = 0;
  while (start < n) {
    let end = Math.min(n, start + size);
    if (end < n) {
      const window = text.slice(end - Math.floor(size / 4), end);
      let cut = window.lastIndexOf('\n');
      if (cut < 0) cut = window.lastIndexOf('。');
      if (cut >= 0) end = end - window.length + cut + 1;
      if (isHigh(text.charCodeAt(end - 1))) end -= 1;
    }
    blocks.push([start, end]);
    start = end;
  }
  return blocks;
}

/**
 * The segments of [from, to): maximal runs covered by the same items, each with its active items
 * outermost first. `skip` (ascending, non-overlapping spans) is left out, as for the dedup view.
 * Returns [{ start, end, active: [item…] }].
 */
export function segmentsOf(items, from, to, skip = []) {
  const points = new Set([from, to]);
  const inRange = [];
  for (const it of items) {
    if (it.end <= from || it.start >= to) continue;
    inRange.push(it);
    points.add(Math.max(from, it.start));
    points.add(Math.min(to, it.end));
  }
  for (const s of skip) {
    if (s.end <= from || s.start >= to) continue;
    points.add(Math.max(from, s.start));
    points.add(Math.min(to, s.end));
  }
  const bounds = [...points].sort((a, b) => a - b);
  inRange.sort(outerFirst);
  const out = [];
  let active = [];
  let next = 0; // next item in inRange to open
  let k = 0; // skip cursor
  for (let b = 0; b + 1 < bounds.length; b++) {
    const a = bounds[b];
    const e = bounds[b + 1];
    active = active.filter((it) => it.end > a);
    let added = false;
    while (next < inRange.length && inRange[next].start <= a) {
      if (inRange[next].end > a) {
        active.push(inRange[next]);
        added = true;
      }
      next++;
    }
    if (added) active.sort(outerFirst);
    while (k < skip.length && skip[k].end <= a) k++;
    if (k < skip.length && skip[k].start <= a) continue;
    out.push({ start: a, end: e, active: active.slice() });
  }
  return out;
}

/** Removed spans as a lookup from original offsets to dedup.text offsets, or null when inconsistent. */
export function dedupMap(text, report) {
  const removed = report.dedup?.removed ?? [];
  const dtext = report.dedup?.text ?? '';
  let cut = 0;
  let last = 0;
  for (const r of removed) {
    if (r.start < last || r.end < r.start || r.end > text.length) return null;
    cut += r.end - r.start;
    last = r.end;
  }
  if (text.length - cut !== dtext.length) return null;
  const starts = removed.map((r) => r.start);
  const before = [];
  let acc = 0;
  for (const r of removed) {
    before.push(acc);
    acc += r.end - r.start;
  }
  // offset p (not inside a removed span) -> p minus the removed units before it
  return (p) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < p) lo = mid + 1;
      else hi = mid;
    }
    // removed[0..lo) start before p; all of them end at or before p when p is kept
    return lo === 0 ? p : p - before[lo - 1] - (removed[lo - 1].end - removed[lo - 1].start);
  };
}

/** "12.3%" of the text that is repeated (stats.repeated_utf16 / stats.utf16_len). */
export function repeatedShare(report) {
  const len = report.stats?.utf16_len ?? 0;
  const rep = report.stats?.repeated_utf16 ?? 0;
  return len > 0 ? rep / len : 0;
}

/** The ordinal path of a section: its ancestors' ordinals and its own, outermost first. */
export function ordinalPath(sections, i) {
  const path = [];
  const seen = new Set();
  for (let j = i; j !== null && j !== undefined && sections[j] && !seen.has(j); j = sections[j].parent) {
    seen.add(j);
    path.unshift(sections[j].ordinal);
  }
  return path;
}

function comparePaths(a, b) {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** Spans of [start, end) not covered by `holes` (ascending or not), ascending. */
function subtract(start, end, holes) {
  const hs = holes.filter((h) => h.end > start && h.start < end).sort((a, b) => a.start - b.start);
  const out = [];
  let at = start;
  for (const h of hs) {
    if (h.start > at) out.push({ start: at, end: Math.min(h.start, end) });
    at = Math.max(at, h.end);
    if (at >= end) break;
  }
  if (at < end) out.push({ start: at, end });
  return out;
}

/**
 * The reading-order view: the deduplicated text section by section, sections sorted by their
 * ordinal path (then by position). Each entry's text is the section's own text (its heading and body
 * without its subsections), minus dedup.removed. Text outside every section comes first (preamble)
 * or last (tail). Returns [{ index|null, label, level, path, text }]; never changes the input.
 */
export function readingOrder(text, report) {
  const sections = report.sections ?? [];
  const removed = report.dedup?.removed ?? [];
  const keptText = (spans) =>
    spans
      .flatMap((s) => subtract(s.start, s.end, removed))
      .map((s) => text.slice(s.start, s.end))
      .join('');
  const children = sections.map(() => []);
  const tops = [];
  sections.forEach((s, i) => {
    if (s.parent !== null && s.parent !== undefined && sections[s.parent]) children[s.parent].push(s);
    else tops.push(s);
  });
  const entries = sections.map((s, i) => {
    const own = subtract(s.start, Math.max(s.end, s.heading_end), children[i].map((c) => ({ start: c.start, end: Math.max(c.end, c.heading_end) })));
    return {
      index: i,
      level: s.level,
      marker: s.marker,
      title: s.title,
      label: `${s.marker}${s.title ?? ''}`,
      path: ordinalPath(sections, i),
      start: s.start,
      text: keptText(own),
    };
  });
  entries.sort((a, b) => comparePaths(a.path, b.path) || a.start - b.start);
  const outside = subtract(0, text.length, tops.map((s) => ({ start: s.start, end: Math.max(s.end, s.heading_end) })));
  const firstTop = tops.length ? Math.min(...tops.map((s) => s.start)) : text.length;
  const pre = outside.filter((s) => s.end <= firstTop);
  const post = outside.filter((s) => s.start >= firstTop);
  const result = [];
  const preText = keptText(pre);
  if (preText) result.push({ index: null, level: 0, label: '正文前 Preamble', path: [], start: 0, text: preText });
  for (const e of entries) if (e.text) result.push(e);
  const postText = keptText(post);
  if (postText) result.push({ index: null, level: 0, label: '其余 Rest', path: [], start: firstTop, text: postText });
  return result;
}

/** Whether an attribution is a task of its own, not one a scrape copied (`repeat_of` set). */
export function isOriginal(a) {
  return a.repeat_of === null || a.repeat_of === undefined;
}

/**
 * Departments across all attributions, keyed by canonical name, with role counts. A note inside a
 * scrape's copy counts once, with its original; its text still highlights with the department.
 */
export function departmentSummary(report) {
  const byKey = new Map();
  (report.attributions ?? []).forEach((a, i) => {
    const counted = isOriginal(a);
    for (const d of a.departments ?? []) {
      const key = d.canonical || d.name;
      let e = byKey.get(key);
      if (!e) {
        e = { key, canonical: key, names: [], kind: d.kind, lead: 0, shared: 0, participant: 0, attributions: [], category: d.category ?? null, current: d.current ?? null, current_name: d.current_name ?? null, history: d.history ?? null };
        byKey.set(key, e);
      }
      if (!e.names.includes(d.name)) e.names.push(d.name);
      if (counted && d.role in e) e[d.role] += 1;
      if (!e.attributions.includes(i)) e.attributions.push(i);
    }
  });
  return [...byKey.values()].sort(
    (a, b) => b.lead - a.lead || b.lead + b.shared + b.participant - (a.lead + a.shared + a.participant) || a.key.localeCompare(b.key, 'zh'),
  );
}

/** The section label an attribution falls under, e.g. "（七）提高创业创新服务效率". */
export function sectionLabel(report, index) {
  const s = index === null || index === undefined ? null : report.sections?.[index];
  return s ? `${s.marker}${s.title ?? ''}` : '';
}

/** One row per task for the responsibility table and CSV: copies a scrape made are counted on their original's row. */
export function responsibilityRows(text, report) {
  const attributions = report.attributions ?? [];
  const copies = new Map();
  for (const a of attributions) {
    if (!isOriginal(a)) copies.set(a.repeat_of, (copies.get(a.repeat_of) ?? 0) + 1);
  }
  return attributions.flatMap((a, i) => {
    if (!isOriginal(a)) return [];
    const names = (role) => (a.departments ?? []).filter((d) => d.role === role).map((d) => d.name);
    return [{
      index: i,
      section: sectionLabel(report, a.section),
      task: text.slice(a.scope_start, a.start),
      note: text.slice(a.start, a.end),
      leads: names('lead'),
      sharers: names('shared'),
      participants: names('participant'),
      start: a.scope_start,
      end: a.end,
      copies: copies.get(i) ?? 0,
    }];
  });
}

/** One CSV field, always quoted; a leading = + - @ gets a ' so spreadsheets do not run it as a formula. */
export function csvField(value) {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

/** The responsibility table as CSV text: BOM, header row, CRLF line ends (what Excel expects). */
export function responsibilityCsv(rows) {
  const header = ['序号', '章节', '任务', '分工原文', '牵头单位', '负责单位', '参与单位', '起', '止', '重复次数'];
  const lines = [header.map(csvField).join(',')];
  for (const r of rows) {
    lines.push(
      [r.index + 1, r.section, r.task, r.note, r.leads.join('、'), r.sharers.join('、'), r.participants.join('、'), r.start, r.end, r.copies]
        .map(csvField)
        .join(','),
    );
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
