// What the sync journeys share: a device (a browser context with the app open), setting up sync
// the way a user does, waiting for a sync to end, and dropping the console errors browsers log
// for requests that fail on purpose.
import { nav, open } from './harness.mjs';

/** Browsers log failed or refused network requests as console errors; only those are expected. */
export function dropNetworkNoise(ctx, pattern) {
  const kept = ctx.errors.filter((e) => !pattern.test(e));
  ctx.errors.splice(0, ctx.errors.length, ...kept);
}

/** A fresh device: its own browser context of `env` (harness `setup()`), with the app open. */
export async function device(env) {
  const ctx = await env.context();
  const page = await ctx.context.newPage();
  await open(page, env.server.url);
  return { ctx, page };
}

/** Fills in the Sync section for the server at `url` (the database `vouch` unless told, with an
 * encryption passphrase if given) and presses the button; the page reloads to allow a new server. */
export async function setUpSync(page, url, password, { database = 'vouch', passphrase } = {}) {
  await nav(page, 'Settings & data');
  const section = page.getByRole('region', { name: 'Sync' });
  await section.getByLabel('Server address').fill(url);
  await section.getByLabel('Database', { exact: true }).fill(database);
  await section.getByLabel('User name').fill('sam');
  await section.getByLabel('Password', { exact: true }).fill(password);
  if (passphrase !== undefined) await section.getByLabel('Encryption passphrase').fill(passphrase);
  const reloaded = page.waitForEvent('load');
  await section.getByRole('button', { name: /Set up sync|Save server settings/ }).click();
  await reloaded;
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

/** Waits until the header says the last sync succeeded. */
export const synced = (page, timeout) =>
  page.getByRole('status', { name: 'Sync status' }).filter({ hasText: 'Last synced' }).waitFor({ timeout });

/** Waits until the header says the last sync failed. */
export const failed = (page) =>
  page.getByRole('status', { name: 'Sync status' }).filter({ hasText: 'Sync failed' }).waitFor();

export async function syncNow(page) {
  await nav(page, 'Settings & data');
  await page.getByRole('button', { name: 'Sync now', exact: true }).click();
}
