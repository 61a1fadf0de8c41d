// Before the wasm arrives, index.html paints the app's frame: the header and navigation as the app
// draws them, and a skeleton of a screen, or on a first visit to Today the app's own welcome. It
// must be silent to assistive technology apart from one "Loading Vouch…", pass axe, and sit exactly
// where the app draws the same things, so nothing moves when the app mounts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { setup } from './harness.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const env = setup();

/** The shown elements matching `selector`, each as its text (spacing collapsed) and where it sits. */
function placed(page, selector) {
  return page.evaluate((selector) =>
    [...document.querySelectorAll(selector)]
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => {
        const r = el.getBoundingClientRect();
        return `${el.textContent.trim().replace(/\s+/g, ' ')} @ ${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}`;
      }),
  selector);
}

/** Where the brand and every shown entry of the navigation are. */
const frame = (page) => placed(page, 'header.top .brand, .main-nav a, .main-nav .more');

/** Today's words, each block with where it sits. */
const today = (page) =>
  placed(page, 'section.today > h1, section.today > .lead, section.today .card > h2, section.today .checklist li, section.today .card > p');

for (const [label, options] of [
  ['laptop, light', { viewport: { width: 1100, height: 850 }, colorScheme: 'light' }],
  ['phone, dark', { viewport: { width: 360, height: 740 }, colorScheme: 'dark' }],
]) {
  describe(`the frame before the app, on a ${label}`, () => {
    it('says only that Vouch is loading, passes axe, and the app mounts exactly over it', async () => {
      const waiting = await env.context(options);
      // The wasm never answers: the page stays on what index.html paints.
      await waiting.context.route(/\.wasm$/, () => {});
      const page = await waiting.context.newPage();
      await page.goto(env.server.url, { waitUntil: 'domcontentloaded' });
      await page.getByRole('status').getByText('Loading Vouch…').waitFor();
      assert.equal(await page.getByRole('link').count(), 0, 'no link to press before the app works');
      assert.equal(await page.getByRole('navigation').count(), 0, 'the skeleton navigation is hidden from assistive technology');
      assert.equal(await page.getByText('Make the ask').isVisible(), true, 'the navigation is painted');
      await page.evaluate(axeSource);
      const result = await page.evaluate(() =>
        // eslint-disable-next-line no-undef
        axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
      );
      assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.help}`), []);
      const before = await frame(page);
      assert.ok(before.length >= 5, `the brand and the tabs are painted: ${before}`);
      const welcome = await today(page);
      assert.ok(welcome.length >= 7, `a first visit sees the welcome, not a skeleton: ${welcome}`);

      const ctx = await env.context(options);
      const app = await ctx.context.newPage();
      await app.goto(env.server.url);
      await app.getByRole('navigation', { name: 'Main' }).waitFor();
      assert.equal(await app.locator('#boot').count(), 0, 'the app replaced the frame');
      assert.deepEqual(await frame(app), before, 'the header and navigation do not move when the app mounts');
      assert.deepEqual(await today(app), welcome, 'the welcome reads and sits as the app draws it');

      // Once anything is stored, the frame can't know what Today will hold: a skeleton, no words.
      await page.evaluate(() => localStorage.setItem('vouch.meta', '{"version":1}'));
      await page.reload({ waitUntil: 'domcontentloaded' });
      await page.getByRole('status').getByText('Loading Vouch…').waitFor();
      assert.deepEqual(await today(page), [], 'no welcome once something is stored');
      assert.ok(await page.locator('.boot-skeleton').isVisible(), 'the skeleton stands in');
    });
  });
}

describe('a first visit, through the network', () => {
  it("asks for the wasm only once the frame's paint is recorded, and that paint stays the page's largest", async () => {
    const { context } = await env.context({ viewport: { width: 412, height: 823 } });
    await context.addInitScript(() => {
      window.__largest = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__largest.push({ at: e.startTime, inFrame: Boolean(e.element?.closest('#boot')) });
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    const page = await context.newPage();
    await page.goto(env.server.url);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    // Two frames after the app's first render: a larger paint of the app's would be reported by now.
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    const { largest, wasm, controlled } = await page.evaluate(() => ({
      largest: window.__largest,
      wasm: performance.getEntriesByType('resource').find((r) => r.name.endsWith('_bg.wasm'))?.startTime,
      controlled: Boolean(navigator.serviceWorker?.controller),
    }));
    assert.equal(controlled, false, 'a first visit: no service worker serves the page yet');
    assert.ok(largest.length >= 1, 'the browser recorded a largest paint');
    assert.deepEqual(largest.map((e) => e.inFrame), largest.map(() => true), `every largest paint is the frame's, none the app's: ${JSON.stringify(largest)}`);
    assert.ok(wasm > largest[0].at, `the wasm was asked for (${wasm} ms) after the frame painted (${largest[0].at} ms)`);
  });
});
