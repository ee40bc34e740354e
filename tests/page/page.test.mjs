// The page as a user opens it: the sample is analysed by the real wasm, every highlight is exactly
// its report span, the legend is there, nothing is fetched from anywhere but our own server, and a
// screenshot is taken: to target/ in a test run, so that testing leaves the checkout as it was, and
// to the README's docs/screenshot.png with `make screenshot` (SCREENSHOT names the file).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startEnv, openPage, waitReady, checkHighlights, SAMPLE, ROOT } from './helpers.mjs';

let env;
before(async () => {
  env = await startEnv();
});
after(() => env?.close());

test('the sample is analysed at open and every highlight is its report span', async () => {
  const { page, context, errors, dialogs, requests } = await openPage(env);
  try {
    await waitReady(page, SAMPLE);
    assert.equal(await page.locator('notice-lens textarea').inputValue(), SAMPLE);
    const r = await checkHighlights(page);
    assert.deepEqual(r.mismatches, []);
    assert.deepEqual(r.missing, []);
    assert.ok(r.viewIsText, 'the view shows the whole text');
    // The legend names the three kinds.
    const legend = await page.locator('notice-lens .legend').textContent();
    for (const word of ['重复', '原文', '标题', '分工']) assert.ok(legend.includes(word), word);
    // The sample holds repeats, headings and attributions (docs/report.md, tests/fixtures).
    assert.ok(r.report.sections > 0, 'sections found in the sample (needs the structure analysis)');
    assert.ok(r.report.attributions > 0, 'attributions found in the sample (needs the attribution analysis)');
    assert.ok(r.report.repeats > 0, 'repeats found in the sample (needs the repeat analysis)');
    assert.ok(r.counts.heading > 0 && r.counts.attribution > 0 && r.counts.repeat > 0);
    assert.deepEqual(errors, []);
    assert.deepEqual(dialogs, []);
    assert.ok(requests.length > 0);
  } finally {
    await context.close();
  }
});

test('every request goes to the page’s own server', async () => {
  const { page, context, requests, errors } = await openPage(env);
  try {
    await waitReady(page, SAMPLE);
    // Use the features that could fetch: tabs, dedup view, a re-analysis with new options.
    for (const tab of ['阅读顺序', '分工表', '文本']) await page.locator('notice-lens [role=tab]', { hasText: tab }).click();
    for (const tab of ['文件', '部门', '大纲']) await page.locator('notice-lens [role=tab]', { hasText: tab }).click();
    await page.locator('notice-lens button', { hasText: '去重 Deduplicated' }).click();
    await waitReady(page, SAMPLE);
    const old = await page.evaluateHandle(() => document.querySelector('notice-lens').report);
    await page.locator('notice-lens input[type=number]').first().fill('20');
    await page.locator('notice-lens input[type=number]').first().dispatchEvent('change');
    await page.waitForFunction((o) => {
      const el = document.querySelector('notice-lens');
      return el.report !== o && el.state === 'ready';
    }, old);
    const origin = new URL(env.url).origin;
    const foreign = requests.filter((u) => !u.startsWith(origin + '/') && !u.startsWith('blob:' + origin + '/') && !u.startsWith('data:'));
    assert.deepEqual(foreign, []);
    assert.ok(requests.some((u) => u.endsWith('/pkg/notice_lens_bg.wasm')), 'the wasm came from our server');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('screenshot of the analysed sample', async () => {
  const { page, context } = await openPage(env, { viewport: { width: 1400, height: 1000 } });
  try {
    await waitReady(page, SAMPLE);
    await page.evaluate(() => document.fonts.ready);
    const target = path.resolve(ROOT, process.env.SCREENSHOT ?? 'target/page-screenshot.png');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    await page.screenshot({ path: target, fullPage: false });
    assert.ok(fs.statSync(target).size > 0, `${target} was written`);
    // Assert on text, not pixels: what the picture shows is on the page.
    const stats = await page.locator('notice-lens .stats').textContent();
    assert.match(stats, /重复占比/);
  } finally {
    await context.close();
  }
});

test('embedded in a portal page: no style leaks either way', async () => {
  const { page, context, errors } = await openPage(env, { path: 'embed-example.html' });
  try {
    await waitReady(page, SAMPLE);
    const r = await page.evaluate(() => {
      const el = document.querySelector('notice-lens');
      const sr = el.shadowRoot;
      const inner = sr.querySelector('.legend span');
      const portalLegend = document.querySelector('.portal-side .legend');
      const button = sr.querySelector('button.primary');
      return {
        innerSpanBorder: getComputedStyle(inner).borderTopStyle,
        appFont: getComputedStyle(sr.querySelector('.app')).fontFamily,
        buttonBg: getComputedStyle(button).backgroundColor,
        portalLegendColor: getComputedStyle(portalLegend).color,
        portalLegendDisplay: getComputedStyle(portalLegend).display,
        globals: Object.keys(window).filter((k) => /notice|lens/i.test(k)),
      };
    });
    assert.equal(r.innerSpanBorder, 'none', 'the portal’s span rule does not reach inside');
    assert.doesNotMatch(r.appFont, /^SimSun/);
    assert.notEqual(r.buttonBg, 'rgb(255, 255, 0)');
    assert.equal(r.portalLegendColor, 'rgb(0, 102, 204)', 'the component’s .legend rule does not reach out');
    assert.equal(r.portalLegendDisplay, 'block');
    assert.deepEqual(r.globals, []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
