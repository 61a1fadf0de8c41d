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
      // The ask wizard, step by step, from creating its goal to the review with the coach.
      await nav(page, 'Make the ask');
      await check('ask: goal (new goal form)');
      const form = page.getByRole('form', { name: 'New goal' });
      await form.getByLabel('Targeted', { exact: true }).check();
      await form.getByLabel('Roles').fill('Supply chain planner');
      await form.getByLabel('Company', { exact: true }).fill('Maersk');
      await form.getByRole('button', { name: 'Save goal' }).click();
      await check('ask: goal');
      const steps = ['Who', 'What to ask', 'Make it personal', 'Channel and tone', 'Review and send'];
      for (const step of steps) {
        await page.getByRole('button', { name: 'Next' }).click();
        if (step === 'What to ask') await page.getByText('Recommended for').waitFor();
        await page.getByRole('heading', { name: new RegExp(`Step \\d of 6: ${step}$`) }).waitFor();
        if (step === 'Who') await page.getByLabel(/Ana Souza/).check();
        await check(`ask: ${step}`);
      }
      await nav(page, 'Settings & data');
      await check('settings');
      // Import: the chooser, then a preview with new rows, an update, a possible duplicate, a
      // column to map and a skipped row; then the duplicates review.
      await page.getByRole('link', { name: 'Import contacts' }).click();
      await check('import');
      await page.getByLabel('Files to import').setInputFiles([{
        name: 'people.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('Name,Company,Employer code,Email\nAna Souza,Maersk,A1,\nBea Lund,Contoso,B2,bea@example.org\n,,C3,\n'),
      }]);
      await page.locator('#import-headline').waitFor();
      await page.getByText(/Skipped and notes/).click();
      await check('import preview');
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByRole('heading', { name: /^Imported / }).waitFor();
      await check('import done');
      await nav(page, 'Settings & data');
      await page.getByRole('link', { name: /Review people who are in your network twice/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Possible duplicates' }).waitFor();
      await check('duplicates');
      await nav(page, 'Today');
      await check('today');
      for (const [screen, list] of Object.entries(found)) assert.deepEqual(list, [], `${screen}: ${list.join('; ')}`);
    });
  });
}

/** Presses Tab until the focused element satisfies `test` (given its text and accessible label). */
async function tabTo(page, test, limit = 60) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement;
      const label = a.labels && a.labels[0] ? a.labels[0].textContent : '';
      return { text: a.textContent || '', label, tag: a.tagName, type: a.type || '' };
    });
    if (test(el)) return el;
  }
  throw new Error('never reached the control by Tab');
}

describe('keyboard only', () => {
  it('makes an ask without a mouse', async () => {
    const ctx = await env.context();
    const page = await ctx.context.newPage();
    await open(page, env.server.url);
    // Setting up with the mouse: a contact and a general goal.
    await nav(page, 'Network');
    await page.getByRole('link', { name: 'Add your first contact' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Kim Keys');
    await page.getByRole('button', { name: 'Save contact' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kim Keys' }).waitFor();
    await nav(page, 'Goals');
    await page.getByRole('button', { name: 'Define your first goal' }).click();
    await page.getByRole('form', { name: 'New goal' }).getByLabel('Roles').fill('Data analyst');
    await page.getByRole('button', { name: 'Save goal' }).click();
    // Saving closes the form and, a frame later, puts focus back on the page's "New goal" button;
    // wait for that before moving focus on, or it lands behind the test's back.
    await page.waitForFunction(() => document.activeElement?.textContent === 'New goal');
    await page.getByRole('link', { name: 'Make the ask for Data analyst' }).focus();
    await page.keyboard.press('Enter');
    // From here on, only the keyboard: the person, then Next through every step, then send.
    await page.getByRole('heading', { name: /Step 2 of 6: Who/ }).waitFor();
    await tabTo(page, (el) => el.tag === 'SELECT');
    await page.keyboard.press('ArrowDown');
    const next = (el) => el.tag === 'BUTTON' && el.text === 'Next';
    for (const step of ['What to ask', 'Make it personal', 'Channel and tone', 'Review and send']) {
      await tabTo(page, next);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: new RegExp(`Step \\d of 6: ${step}$`) }).waitFor();
    }
    await tabTo(page, (el) => el.tag === 'BUTTON' && el.text === 'Mark as sent', 120);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Kim Keys' }).waitFor();
  });


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
    for (let i = 0; i < 20 && !(await page.getByLabel('Name', { exact: true }).evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type('Keyboard Kim');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Keyboard Kim' }).waitFor();
  });
});
