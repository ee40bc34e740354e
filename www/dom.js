// A small DOM builder. Strings always become text nodes: nothing in www/ parses markup, so text
// pasted by a user (or read from a report) can never turn into elements.

/**
 * h('button', { class: 'x', type: 'button', on: { click } , dataset: { id: 1 } }, 'label', child…)
 * Attributes are set with setAttribute (values are strings, never markup). `hidden` and boolean
 * attributes take true/false; null/undefined/false leave an attribute out.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'on') {
      for (const [type, fn] of Object.entries(v)) el.addEventListener(type, fn);
    } else if (k === 'dataset') {
      for (const [dk, dv] of Object.entries(v)) el.dataset[dk] = String(dv);
    } else if (k === 'style') {
      throw new Error('h(): set styles with classes, not style attributes (CSP forbids them)');
    } else if (k === 'text') {
      el.textContent = String(v);
    } else {
      el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  append(el, children);
  return el;
}

/** Appends strings (as text nodes), nodes and nested arrays; skips null/undefined/false. */
export function append(parent, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(parent, c);
    else if (c instanceof Node) parent.append(c);
    else parent.append(document.createTextNode(String(c)));
  }
  return parent;
}

/** Replaces an element's children with the given ones (strings as text nodes). */
export function fill(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

/** Yields to the browser so input and painting go on between chunks of work. */
export function yieldToBrowser() {
  if (globalThis.scheduler?.yield) return globalThis.scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
