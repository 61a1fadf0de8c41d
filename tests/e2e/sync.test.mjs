// Sync between two devices (two browser contexts) through a real CouchDB-protocol server (PouchDB
// Server's core, started here on 127.0.0.1): set up, add, edit offline on both, merge, delete, a
// wrong password, and that nothing reaches the server before sync is set up. By role and label.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addContact, nav, setup } from './harness.mjs';
import { startCouch } from './couch.mjs';
import { device, dropNetworkNoise, failed, setUpSync, synced, syncNow } from './synchelp.mjs';

const env = setup();
let couch;
before(async () => { couch = await startCouch({ user: 'sam', password: 'secret' }); });
after(async () => { await couch?.close(); });

async function openContact(page, name) {
  await nav(page, 'Network');
  await page.getByRole('link', { name: new RegExp(name) }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

async function editContact(page, name, fields) {
  await openContact(page, name);
  await page.getByRole('button', { name: 'Edit' }).click();
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('button', { name: 'Edit' }).waitFor();
}

/** Polls the server until `check(doc)` holds for the document. */
async function serverHas(docId, check) {
  for (let i = 0; i < 100; i++) {
    const doc = await couch.get(`/vouch/${encodeURIComponent(docId)}`);
    if (check(doc)) return doc;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  assert.fail(`the server never had the expected ${docId}`);
}

describe('sync', () => {
  it('sends nothing to any server until sync is set up', async () => {
    const { ctx, page } = await device(env);
    await addContact(page, { Name: 'Ana Berg' });
    await nav(page, 'Settings & data');
    await page.getByRole('heading', { name: 'Sync', exact: true }).waitFor();
    assert.equal(await page.getByRole('status', { name: 'Sync status' }).count(), 0);
    // The page's CSP lets it reach its own origin only: a request to the server is refused.
    const policy = await page.evaluate(() => document.querySelector('meta[data-vouch-sync]').content);
    assert.equal(policy, "connect-src 'self'");
    const outcome = await page.evaluate((url) => fetch(url).then(() => 'sent', () => 'blocked'), couch.url);
    assert.equal(outcome, 'blocked');
    assert.deepEqual(couch.requests, []);
    dropNetworkNoise(ctx, /Content Security Policy|connect-src/);
  });

  it('says plainly when the password is wrong, and changes nothing', async () => {
    const { ctx, page } = await device(env);
    await addContact(page, { Name: 'Bo Li' });
    await setUpSync(page, couch.url, 'wrong');
    await failed(page);
    await nav(page, 'Settings & data');
    await page.getByRole('alert').filter({ hasText: 'refused the user name or password (401)' }).waitFor();
    assert.equal((await couch.get('/vouch')).error, 'not_found', 'no database was created');
    await nav(page, 'Network');
    assert.equal(await page.getByRole('list', { name: 'Contacts' }).getByRole('listitem').count(), 1);
    // Forget this server: the next load allows no other origin again.
    await nav(page, 'Settings & data');
    await page.getByRole('button', { name: 'Forget this server' }).click();
    await page.reload();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    assert.equal(await page.evaluate(() => document.querySelector('meta[data-vouch-sync]').content), "connect-src 'self'");
    dropNetworkNoise(ctx, /status of 401/);
  });

  it('carries adds, offline edits on both devices and deletes between two devices', async () => {
    const a = await device(env);
    const b = await device(env);
    const id = await addContact(a.page, { Name: 'Ana Berg', Company: 'Maersk' });
    const docId = `c:${id}`;
    await setUpSync(a.page, couch.url, 'secret');
    await synced(a.page);
    await serverHas(docId, (d) => d.n === 'Ana Berg');

    // B gets it on its first sync.
    await setUpSync(b.page, couch.url, 'secret');
    await synced(b.page);
    await openContact(b.page, 'Ana Berg');
    await b.page.getByText('Maersk').first().waitFor();

    // Both offline, each edits a different field of the same contact.
    await a.ctx.context.setOffline(true);
    await b.ctx.context.setOffline(true);
    await editContact(a.page, 'Ana Berg', { Company: 'DSV', Notes: 'Written on the laptop' });
    await editContact(b.page, 'Ana Berg', { Role: 'Head of logistics', Notes: 'Written on the phone' });

    // Back online: A's edit goes up, then B merges it with its own.
    await a.ctx.context.setOffline(false);
    await syncNow(a.page);
    await serverHas(docId, (d) => d.co === 'DSV');
    await b.ctx.context.setOffline(false);
    await syncNow(b.page);
    await serverHas(docId, (d) => d.co === 'DSV' && d.ro === 'Head of logistics');
    await syncNow(a.page);
    for (const { page } of [a, b]) {
      await openContact(page, 'Ana Berg');
      await page.getByText('Head of logistics at DSV').waitFor();
    }
    // Both wrote the notes: the later edit (B's) wins, and B's Sync history says what was merged.
    await a.page.getByText('Written on the phone').waitFor();
    await nav(b.page, 'Settings & data');
    await b.page.getByRole('list', { name: 'Sync history' }).getByText(/merged Contact Ana Berg: both devices changed notes/).waitFor();
    const withConflicts = await couch.get(`/vouch/${encodeURIComponent(docId)}?conflicts=true`);
    assert.equal(withConflicts._conflicts, undefined, 'no conflict is left on the server');

    // A delete on A reaches B.
    await openContact(a.page, 'Ana Berg');
    await a.page.getByRole('button', { name: 'Delete' }).click();
    await a.page.getByRole('status').getByText('Deleted Ana Berg.').waitFor();
    await syncNow(a.page);
    await serverHas(docId, (d) => d.error === 'not_found');
    await syncNow(b.page);
    await nav(b.page, 'Network');
    await b.page.getByRole('heading', { name: 'Your network is empty' }).waitFor();
    // Offline attempts fail, and a first sync meets 404s by design (no database yet, no checkpoint).
    for (const d of [a, b]) dropNetworkNoise(d.ctx, /ERR_INTERNET_DISCONNECTED|Failed to fetch|status of 404/);
  });

  it('merges a backup from another device instead of replacing what is here', async () => {
    const a = await device(env);
    const b = await device(env);
    await addContact(a.page, { Name: 'Ana Berg', Company: 'Maersk' });
    await nav(a.page, 'Settings & data');
    const [download] = await Promise.all([
      a.page.waitForEvent('download'),
      a.page.getByRole('button', { name: 'Download a backup' }).click(),
    ]);
    await addContact(b.page, { Name: 'Bo Li' });
    await nav(b.page, 'Settings & data');
    await b.page.getByLabel('Restore from a backup').setInputFiles(await download.path());
    await b.page.getByRole('button', { name: 'Merge with my data' }).click();
    await b.page.getByRole('status').getByText(/Merged 1 record from/).waitFor();
    await nav(b.page, 'Network');
    await b.page.getByRole('link', { name: /Ana Berg/ }).waitFor();
    await b.page.getByRole('link', { name: /Bo Li/ }).waitFor();
  });
});
