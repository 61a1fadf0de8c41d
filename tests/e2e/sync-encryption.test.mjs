// Sync with end-to-end encryption between devices (browser contexts) through a real
// CouchDB-protocol server: what the server holds, a second device with the same passphrase, and a
// wrong passphrase, which gets a clear message and changes nothing. By role and label.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addContact, nav, setup } from './harness.mjs';
import { startCouch } from './couch.mjs';
import { device, dropNetworkNoise, setUpSync as setUpSyncAt } from './synchelp.mjs';

const env = setup();
let couch;
before(async () => { couch = await startCouch({ user: 'sam', password: 'secret' }); });
after(async () => { await couch?.close(); });

/** Sets up sync with the test server's user and a passphrase; the page reloads to allow it. */
const setUpSync = (page, database, passphrase) => setUpSyncAt(page, couch.url, 'secret', { database, passphrase });

const status = (page, text) => page.getByRole('status', { name: 'Sync status' }).filter({ hasText: text }).waitFor();

async function contactNames(page) {
  await nav(page, 'Network');
  await page.getByRole('list', { name: 'Contacts' }).waitFor();
  return page.getByRole('list', { name: 'Contacts' }).getByRole('listitem').allInnerTexts();
}

describe('sync with end-to-end encryption', () => {
  it('keeps every record unreadable on the server, opens it on a device with the passphrase, and refuses a wrong one', async () => {
    const name = 'Zephyrine Quillfeather';
    const a = await device(env);
    await addContact(a.page, { Name: name, Company: 'Obsidian Larch' });
    await setUpSync(a.page, 'sealed', 'correct horse battery staple');
    await status(a.page, 'Last synced');
    await nav(a.page, 'Settings & data');
    await a.page.getByRole('status', { name: 'Encryption' }).filter({ hasText: 'End-to-end encryption is on' }).waitFor();

    // The server holds the parameters and sealed bodies only: no name, no company.
    const all = await couch.get('/sealed/_all_docs?include_docs=true');
    const raw = JSON.stringify(all);
    assert.ok(all.rows.length >= 2, 'the parameters and the contact');
    for (const plain of ['Zephyrine', 'Quillfeather', 'Obsidian']) assert.ok(!raw.includes(plain), `the server saw ${plain}`);
    const params = all.rows.find((r) => r.id === 'vouch-encryption').doc;
    assert.equal(params.kdf, 'PBKDF2-SHA256');
    assert.equal(params.iterations, 600000);
    for (const { doc } of all.rows.filter((r) => r.id !== 'vouch-encryption')) {
      assert.deepEqual(Object.keys(doc).filter((k) => !k.startsWith('_')).sort(), ['data', 'vouch_enc']);
    }
    // This device kept the key, not the passphrase.
    const stored = await a.page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    assert.ok(!stored.includes('correct horse'), 'the passphrase is not kept');

    // B, with the same passphrase, reads it all.
    const b = await device(env);
    await setUpSync(b.page, 'sealed', 'correct horse battery staple');
    await status(b.page, 'Last synced');
    const onB = await contactNames(b.page);
    assert.equal(onB.length, 1);
    assert.match(onB[0], new RegExp(name));
    await b.page.getByRole('link', { name: new RegExp(name) }).click();
    await b.page.getByText('Obsidian Larch').first().waitFor();

    // C, with a wrong passphrase: a clear message, its own data as it was, nothing written.
    const revisions = async () => (await couch.get('/sealed/_all_docs')).rows.map((r) => `${r.id} ${r.value.rev}`);
    const before = await revisions();
    const c = await device(env);
    await addContact(c.page, { Name: 'Bo Li' });
    const mark = couch.requests.length;
    await setUpSync(c.page, 'sealed', 'wrong horse');
    await status(c.page, 'Sync failed');
    await nav(c.page, 'Settings & data');
    await c.page.getByRole('alert').filter({ hasText: 'this passphrase does not open the data on this server' }).waitFor();
    const names = await contactNames(c.page);
    assert.equal(names.length, 1);
    assert.match(names[0], /Bo Li/);
    assert.deepEqual(await revisions(), before, 'C wrote nothing to the server');
    const byC = couch.requests.slice(mark);
    assert.ok(byC.includes('GET /sealed/vouch-encryption'), 'C read the encryption settings');
    assert.deepEqual(byC.filter((r) => /_changes|_bulk_get|_revs_diff|_bulk_docs/.test(r)), [], 'and no document');

    // A first sync meets 404s by design (no database, no checkpoint, no encryption settings yet).
    for (const d of [a, b, c]) dropNetworkNoise(d.ctx, /status of 404/);
  });

  it('tells a device without a passphrase that the data is encrypted, and one with a passphrase that a database is plain', async () => {
    const a = await device(env);
    await addContact(a.page, { Name: 'Ana Berg' });
    await setUpSync(a.page, 'sealed2', 'pw one');
    await status(a.page, 'Last synced');

    const b = await device(env);
    await addContact(b.page, { Name: 'Bo Li' });
    await setUpSync(b.page, 'sealed2', '');
    await status(b.page, 'Sync failed');
    await nav(b.page, 'Settings & data');
    await b.page.getByRole('alert').filter({ hasText: 'is encrypted end to end: enter its encryption passphrase' }).waitFor();

    // A plain database (B's own, first synced without a passphrase) is not encrypted afterwards.
    const c = await device(env);
    await addContact(c.page, { Name: 'Cy Dahl' });
    await setUpSync(c.page, 'plain', '');
    await status(c.page, 'Last synced');
    await nav(c.page, 'Settings & data');
    const section = c.page.getByRole('region', { name: 'Sync' });
    await section.getByLabel('Encryption passphrase').fill('pw two');
    await section.getByRole('button', { name: 'Save server settings' }).click();
    await c.page.getByRole('alert').filter({ hasText: 'use a new database name' }).waitFor();
    assert.ok(JSON.stringify(await couch.get('/plain/_all_docs?include_docs=true')).includes('Cy Dahl'));
    assert.equal((await couch.get('/plain/vouch-encryption')).error, 'not_found', 'no encryption settings were written');
    for (const d of [a, b, c]) dropNetworkNoise(d.ctx, /status of 404/);
  });
});
