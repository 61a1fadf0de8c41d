// The first sync at LinkedIn scale, in headless Chromium on the built app against PouchDB Server's
// core on 127.0.0.1 (tests/e2e/couch.mjs): device A restores a 30,000-contact backup and syncs it
// up to an empty database; device B, empty, syncs it all down. Each is timed from the click on
// *Set up sync* to "Last synced" in the header. Run with `make bench`. Prints figures; asserts
// nothing.
import { execFileSync } from 'node:child_process';
import { launch, nav, newContext, open, serve } from '../e2e/harness.mjs';
import { startCouch } from '../e2e/couch.mjs';

const N = Number(process.env.CONTACTS || 30000);
const backup = `/tmp/vouch-bench-${N}.json`;
execFileSync('cargo', ['run', '-q', '--release', '--example', 'sample_backup', '--', String(N), backup], { stdio: 'inherit' });

const server = await serve('/');
const couch = await startCouch({ user: 'sam', password: 'secret' });
const browser = await launch();

async function device() {
  const { context } = await newContext(browser);
  const page = await context.newPage();
  await open(page, server.url);
  return page;
}

/** Sets up sync (the page reloads to allow the server) and waits for the first sync to end. */
async function firstSync(page) {
  await nav(page, 'Settings & data');
  const section = page.getByRole('region', { name: 'Sync' });
  await section.getByLabel('Server address').fill(couch.url);
  await section.getByLabel('Database', { exact: true }).fill('vouch');
  await section.getByLabel('User name').fill('sam');
  await section.getByLabel('Password').fill('secret');
  const start = Date.now();
  await section.getByRole('button', { name: 'Set up sync' }).click();
  await page
    .getByRole('status', { name: 'Sync status' })
    .filter({ hasText: 'Last synced' })
    .waitFor({ timeout: 30 * 60_000 });
  return Date.now() - start;
}

const a = await device();
await nav(a, 'Settings & data');
await a.getByLabel('Restore from a backup').setInputFiles(backup);
await a.getByRole('button', { name: 'Replace my data' }).click({ timeout: 60_000 });
await a.getByText(`Restored ${N} contacts`).waitFor({ timeout: 120_000 });
const up = await firstSync(a);
const info = await couch.get('/vouch');
console.log(`first sync up, ${N} contacts from device A to an empty database: ${up} ms; the server then holds ${info.doc_count} documents`);

// A sync with nothing new on either side, as follows every edit by a few seconds: how long it
// takes (between the app's vouch:sync:* marks) and the longest task it blocks the page for.
await nav(a, 'Settings & data');
const requestsBefore = couch.requests.length;
const again = await a.evaluate(async () => {
  const tasks = [];
  new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
  const ends = () => performance.getEntriesByName('vouch:sync:end').length;
  const before = ends();
  [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Sync now').click();
  while (ends() === before) await new Promise((ok) => setTimeout(ok, 20));
  await new Promise((ok) => setTimeout(ok, 50));
  const start = performance.getEntriesByName('vouch:sync:start').at(-1).startTime;
  const end = performance.getEntriesByName('vouch:sync:end').at(-1).startTime;
  return { ms: end - start, longest: Math.max(0, ...tasks) };
});
console.log(`a second sync of A with nothing new: ${again.ms.toFixed(0)} ms, longest task ${again.longest.toFixed(0)} ms; ${couch.requests.length - requestsBefore} requests`);
if (process.env.STOP_AFTER_SECOND) process.exit(0);

const b = await device();
const down = await firstSync(b);
await nav(b, 'Network');
const shown = (await b.getByRole('status').filter({ hasText: /contacts?$/ }).first().textContent()).trim();
console.log(`first sync down to an empty device B: ${down} ms; B's Network then shows "${shown}"`);

await browser.close();
await couch.close();
await server.close();
