// Dates move at midnight: a screen left open past midnight counts from the new day, and a tab that
// was hidden overnight (its timers paused) catches up as soon as it is shown again. The page's
// clock is Playwright's, so midnight comes in a second. Times read in the browser's time zone.
import { describe, it } from 'node:test';
import { nav, open, setup } from './harness.mjs';

const env = setup();

describe('the clock', () => {
  it('moves an open screen on at midnight and when the tab is shown again', async () => {
    const { context } = await env.context();
    const page = await context.newPage();
    // A minute before midnight, in the browser's own time zone.
    await page.clock.install({ time: new Date(2026, 10, 30, 23, 59, 0) });
    await open(page, env.server.url);
    await nav(page, 'Network');
    await page.getByRole('link', { name: /Add (your first )?contact/ }).first().click();
    await page.getByLabel('Name', { exact: true }).fill('Ana Souza');
    await page.getByRole('button', { name: 'Save contact' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ana Souza' }).waitFor();
    const form = page.getByRole('form', { name: 'Log a touch with Ana Souza' });
    await form.getByRole('button', { name: 'Log touch' }).click();
    await page.getByText('Last touch 30 Nov 2026 (today)').waitFor();

    // Midnight passes with the screen open.
    await page.clock.runFor(2 * 60_000);
    await page.getByText('Last touch 30 Nov 2026 (yesterday)').waitFor();

    // Hidden until the morning three days on: no timer ran, showing the tab reads the date.
    await page.clock.setSystemTime(new Date(2026, 11, 3, 9, 0, 0));
    // As browsers fire it: at the document, bubbling.
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
    await page.getByText('Last touch 30 Nov 2026 (3 days ago)').waitFor();
  });

  it('moves the ask wizard on at midnight: its follow-up date counts from the new day', async () => {
    const { context } = await env.context();
    const page = await context.newPage();
    // A minute before midnight on Monday 30 November, in the browser's own time zone.
    await page.clock.install({ time: new Date(2026, 10, 30, 23, 59, 0) });
    await open(page, env.server.url);
    await page.getByRole('button', { name: 'Explore with sample data' }).click();
    await nav(page, 'Make the ask');
    const next = () => page.getByRole('button', { name: 'Next' }).click();
    const step = (name) => page.getByRole('heading', { name: new RegExp(`^Step \\d of 6: ${name}$`) }).waitFor();
    await step('Goal');
    await next();
    await step('Who');
    await page.getByRole('radio', { name: /Tobias Wrenfield/ }).first().check();
    for (const name of ['What to ask', 'Make it personal', 'Channel and tone', 'Review and send']) {
      await next();
      await step(name);
    }
    const days = Number(await page.getByLabel('Follow up after (days)').inputValue());
    const on = (d) => d.toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long' }).replace(',', '');
    await page.getByText(`no reply by ${on(new Date(2026, 10, 30 + days))},`).waitFor();

    // Midnight passes with the review open: the same "in N days" now ends a day later.
    await page.clock.runFor(2 * 60_000);
    await page.getByText(`no reply by ${on(new Date(2026, 11, 1 + days))},`).waitFor();
  });

  it("shows a referral's deadline in the user's own time zone", async () => {
    const { context } = await env.context({ timezoneId: 'Asia/Kolkata' });
    const page = await context.newPage();
    await page.clock.install({ time: Date.UTC(2026, 10, 21, 0, 59) });
    await open(page, env.server.url);
    // The sample referral was made three hours ago, so its 48 hours end at 22 Nov, 21:59 UTC:
    // 03:29 the next morning in India (UTC+5:30).
    await page.getByRole('button', { name: 'Explore with sample data' }).click();
    await page.getByText('contact by 23 Nov, 03:29').first().waitFor();
  });
});
