// Navigation: on a 360-px phone a tab bar at the bottom (Today, Network, Make the ask, Referrals,
// More) with the other screens behind More, reachable by keyboard; on a laptop the top bar with
// every screen in it. The current screen is marked with aria-current="page" at both widths.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { open, setup } from './harness.mjs';

const env = setup();

const IN_THE_BAR = ['Today', 'Network', 'Make the ask', 'Referrals'];
const BEHIND_MORE = ['Backers', 'Goals', 'Import contacts', 'Settings & data'];

async function visibleLinks(nav) {
  const names = [];
  for (const link of await nav.getByRole('link').all()) {
    if (await link.isVisible()) names.push((await link.innerText()).trim());
  }
  return names;
}

describe('navigation', () => {
  it('on a phone: a tab bar at the bottom, the rest behind More, by touch and by keyboard', async () => {
    const { context } = await env.context({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await open(page, env.server.url);
    const nav = page.getByRole('navigation', { name: 'Main' });
    const more = nav.getByRole('button', { name: 'More' });

    // The five entries, along the bottom edge of the screen.
    assert.deepEqual(await visibleLinks(nav), IN_THE_BAR);
    await more.waitFor();
    const bar = await nav.boundingBox();
    assert.ok(Math.abs(bar.y + bar.height - 740) <= 1, `the bar sits at the bottom (ends at ${bar.y + bar.height})`);
    assert.ok(bar.height < 100, `the bar is one row (${bar.height}px high)`);
    assert.equal(await nav.getByRole('link', { name: 'Today' }).getAttribute('aria-current'), 'page');
    assert.equal(await more.getAttribute('aria-expanded'), 'false');

    // More lists the rest; a link in it reaches its screen, marks it current and closes the menu.
    await more.click();
    assert.equal(await more.getAttribute('aria-expanded'), 'true');
    assert.deepEqual(await visibleLinks(nav), [...IN_THE_BAR, ...BEHIND_MORE]);
    await nav.getByRole('link', { name: 'Settings & data' }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings & data' }).waitFor();
    assert.equal(await more.getAttribute('aria-expanded'), 'false');
    assert.deepEqual(await visibleLinks(nav), IN_THE_BAR);
    assert.equal(await nav.getByRole('link', { name: 'Today' }).getAttribute('aria-current'), null);
    await more.click();
    assert.equal(await nav.getByRole('link', { name: 'Settings & data' }).getAttribute('aria-current'), 'page');
    // A tap outside the menu closes it.
    await page.getByRole('heading', { level: 1, name: 'Settings & data' }).click();
    assert.equal(await more.getAttribute('aria-expanded'), 'false');

    // The end of a screen scrolls clear of the bar.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const mainBottom = await page.locator('main').evaluate((m) => m.getBoundingClientRect().bottom);
    const barTop = (await nav.boundingBox()).y;
    assert.ok(mainBottom <= barTop + 1, `the screen's end (${mainBottom}) is above the bar (${barTop})`);

    // By keyboard: skip link, brand, then the tabs; Enter opens More, Tab walks into it, Escape
    // closes it and puts focus back on More.
    await open(page, env.server.url);
    const focused = () => page.evaluate(() => document.activeElement.textContent.trim());
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'Skip to content');
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'Vouch');
    for (const name of IN_THE_BAR) {
      await page.keyboard.press('Tab');
      assert.equal(await focused(), name);
    }
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'More');
    await page.keyboard.press('Enter');
    assert.equal(await more.getAttribute('aria-expanded'), 'true');
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'Backers');
    await page.keyboard.press('Escape');
    assert.equal(await more.getAttribute('aria-expanded'), 'false');
    assert.equal(await focused(), 'More');
    // Walking through the open menu and out of it closes it behind you.
    await page.keyboard.press('Enter');
    for (const name of BEHIND_MORE) {
      await page.keyboard.press('Tab');
      assert.equal(await focused(), name);
    }
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Settings & data' }).waitFor();
    assert.equal(await more.getAttribute('aria-expanded'), 'false');
  });

  it('on a laptop: the top bar holds every screen, with no More', async () => {
    const { context } = await env.context({ viewport: { width: 1100, height: 850 } });
    const page = await context.newPage();
    await open(page, env.server.url);
    const nav = page.getByRole('navigation', { name: 'Main' });

    assert.deepEqual(await visibleLinks(nav), ['Today', 'Network', 'Make the ask', 'Referrals', 'Backers', 'Goals', 'Settings & data']);
    assert.equal(await nav.getByRole('button', { name: 'More' }).isVisible(), false);
    const bar = await nav.boundingBox();
    assert.ok(bar.y < 60, `the bar is at the top (y = ${bar.y})`);
    await nav.getByRole('link', { name: 'Goals' }).click();
    await page.getByRole('heading', { level: 1, name: /Goals/ }).waitFor();
    assert.equal(await nav.getByRole('link', { name: 'Goals' }).getAttribute('aria-current'), 'page');
    assert.equal(await nav.getByRole('link', { name: 'Today' }).getAttribute('aria-current'), null);
  });
});
