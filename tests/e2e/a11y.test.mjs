// Accessibility: axe-core (WCAG 2 A and AA rules) on every screen, on a laptop in light mode and on
// a 360-px phone in dark mode, plus a keyboard-only pass through adding a contact.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { nav, open, setup } from './harness.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const env = setup();

async function violations(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
  );
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}


for (const [label, options] of [
  ['laptop, light', { viewport: { width: 1100, height: 850 }, colorScheme: 'light' }],
  ['phone, dark', { viewport: { width: 360, height: 740 }, colorScheme: 'dark' }],
]) {
  describe(`accessibility on a ${label}`, () => {
    it('every screen passes axe, empty and with data', async () => {
      const ctx = await env.context(options);
      const page = await ctx.context.newPage();
      await open(page, env.server.url);
      const found = {};
      const check = async (name) => { found[name] = await violations(page); };
      await check('today (empty)');
      await nav(page, 'Network');
      await check('network (empty)');
      await page.getByRole('link', { name: 'Add your first contact' }).click();
      await check('new contact');
      await page.getByLabel('Name', { exact: true }).fill('Ana Souza');
      await page.getByLabel('Company', { exact: true }).fill('Maersk');
      await page.getByLabel('How well do they know you?').selectOption({ label: 'Very well' });
      await page.getByRole('button', { name: 'Save contact' }).click();
      await page.getByRole('heading', { level: 1, name: 'Ana Souza' }).waitFor();
      await check('contact');
      await page.getByRole('button', { name: 'Edit' }).click();
      await check('edit contact');
      await nav(page, 'Network');
      await page.getByLabel('Search contacts').fill('maersk');
      await check('network (search)');
      await nav(page, 'Backers');
      await check('backers');
      await nav(page, 'Goals');
      await check('goals');
      await nav(page, 'Settings & data');
      await check('settings');
      await nav(page, 'Today');
      await check('today');
      for (const [screen, list] of Object.entries(found)) assert.deepEqual(list, [], `${screen}: ${list.join('; ')}`);
    });
  });
}

describe('keyboard only', () => {
  it('adds a contact and finds it without a mouse', async () => {
    const ctx = await env.context();
    const page = await ctx.context.newPage();
    await open(page, env.server.url);
    // Skip link first, then the brand, then the main navigation.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to content');
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement.textContent === 'Network')) break;
    }
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Network' }).waitFor();
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => /Add (your first )?contact/.test(document.activeElement.textContent))) break;
    }
    await page.keyboard.press('Enter');
    await page.getByLabel('Name', { exact: true }).waitFor();
    for (let i = 0; i < 10 && !(await page.getByLabel('Name', { exact: true }).evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type('Keyboard Kim');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Keyboard Kim' }).waitFor();
  });
});
