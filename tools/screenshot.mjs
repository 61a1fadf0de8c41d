// Takes the README's picture of the ask wizard's review step: builds a small network through the
// UI of the built app (dist/), walks the wizard to its last step and saves docs/wizard-review.png.
// Run with `make screenshot` (after a release build). Nothing is asserted: it is a picture.
import { mkdirSync } from 'node:fs';
import { launch, newContext, open, nav, serve } from '../tests/e2e/harness.mjs';

const out = new URL('../docs/wizard-review.png', import.meta.url).pathname;
const server = await serve('/');
const browser = await launch();
try {
  const { context } = await newContext(browser, { viewport: { width: 1180, height: 900 }, colorScheme: 'light' });
  const page = await context.newPage();
  await open(page, server.url);
  await nav(page, 'Settings & data');
  await page.getByLabel('Your name').fill('Sam Rivera');
  await page.getByLabel('Headline').fill('Operations analyst, 6 years in logistics');
  await page.getByLabel('Skills and achievements').fill('Cut picking errors by 30% at a 400-person DC\nSQL and Python forecasting\nRan the 2023 peak season');
  await page.getByLabel('Résumé link').fill('https://example.com/sam-cv.pdf');
  await page.getByLabel('Signature').fill('Sam Rivera');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await nav(page, 'Network');
  await page.getByRole('link', { name: /Add (your first )?contact/ }).first().click();
  for (const [label, value] of Object.entries({
    Name: 'Ana Souza', Company: 'Maersk', Role: 'Planning lead', Email: 'ana@example.com',
    'Shared experiences': 'the 2022 port digitisation project',
  })) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByLabel('How well do they know you?').selectOption({ label: 'Well' });
  await page.getByLabel('How much do they like you?').selectOption({ label: 'Warm' });
  await page.getByLabel('How much do they trust you?').selectOption({ label: 'Solid' });
  await page.getByLabel('They know my work well enough to recommend it').check();
  await page.getByRole('button', { name: 'Save contact' }).click();
  await page.getByRole('heading', { level: 1, name: 'Ana Souza' }).waitFor();
  await page.getByRole('link', { name: 'Make the ask' }).last().click();
  const form = page.getByRole('form', { name: 'New goal' });
  await form.getByLabel('Targeted', { exact: true }).check();
  await form.getByLabel('Roles').fill('Supply chain planner');
  await form.getByLabel('Company', { exact: true }).fill('Maersk');
  await form.getByRole('button', { name: 'Save goal' }).click();
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('What you can offer in return').fill('share the peak-season playbook I wrote');
  for (let i = 0; i < 2; i++) await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('heading', { name: /Review and send/ }).waitFor();
  // The toast from saving the goal would cover the picture; close it, and start at the top.
  const close = page.getByRole('button', { name: /Dismiss|Close/ });
  if (await close.count()) await close.first().click();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  mkdirSync(new URL('../docs/', import.meta.url).pathname, { recursive: true });
  await page.screenshot({ path: out, fullPage: true });
  console.log(`saved ${out}`);
} finally {
  await browser.close();
  await server.close();
}
