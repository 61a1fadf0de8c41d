import { readFileSync } from 'node:fs';
import { launch, newContext, open, serve } from './harness.mjs';
const server = await serve('/');
const browser = await launch();
const zip = new URL('../fixtures/import/Basic_LinkedInDataExport_01-01-2026.zip', import.meta.url).pathname;
for (const [label, opts] of [['wide-light', { viewport: { width: 1100, height: 900 }, colorScheme: 'light' }], ['phone-dark', { viewport: { width: 360, height: 740 }, colorScheme: 'dark' }], ['phone-light', { viewport: { width: 360, height: 740 }, colorScheme: 'light' }], ['wide-dark', { viewport: { width: 1100, height: 900 }, colorScheme: 'dark' }]]) {
  const { context, errors } = await newContext(browser, opts);
  const page = await context.newPage();
  await open(page, server.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Network' }).click();
  await page.screenshot({ path: `/tmp/shots/${label}-1-network-empty.png`, fullPage: true });
  await page.getByRole('link', { name: 'Import contacts' }).first().click();
  await page.screenshot({ path: `/tmp/shots/${label}-2-chooser.png`, fullPage: true });
  await page.getByLabel('Files to import').setInputFiles([...[zip, new URL('../fixtures/import/Recommendations_Received.csv', import.meta.url).pathname, new URL('../fixtures/import/Endorsement_Received_Info.csv', import.meta.url).pathname].map((p) => ({ name: p.split('/').pop(), mimeType: 'application/octet-stream', buffer: readFileSync(p) })), { name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from('Full Name;Employer Org;E-mail\nDana Lee;Northwind;dana@example.org\n') }]);
  await page.locator('#import-headline').waitFor();
  await page.screenshot({ path: `/tmp/shots/${label}-3-preview.png`, fullPage: true });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('heading', { name: /^Imported / }).waitFor();
  await page.screenshot({ path: `/tmp/shots/${label}-4-done.png`, fullPage: true });
  await page.getByRole('link', { name: 'See your backers' }).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `/tmp/shots/${label}-5-backers.png`, fullPage: true });
  const first = page.getByRole('list', { name: 'Backers' }).getByRole('link').first();
  if (await first.count()) { await first.click(); await page.waitForTimeout(300); await page.screenshot({ path: `/tmp/shots/${label}-6-contact.png`, fullPage: true }); }
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings & data' }).click();
  await page.screenshot({ path: `/tmp/shots/${label}-7-settings.png`, fullPage: true });
  await page.getByRole('link', { name: /Review people/ }).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `/tmp/shots/${label}-8-duplicates.png`, fullPage: true });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `/tmp/shots/${label}-9-today.png`, fullPage: true });
  console.log(label, 'errors:', errors);
  await context.close();
}
await browser.close();
await server.close();
