// The foundation journeys: profile, contacts, persistence, two tabs, offline, sub-path hosting,
// bad input, a full storage, unreadable data. Every element is found by role and label.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { addContact, nav, open, serve, setup, waitForServiceWorker } from './harness.mjs';

const env = setup();
let server, ctx;

/** A fresh context for the test, with the file's server at hand. */
async function fresh() {
  server = env.server;
  ctx = await env.context();
}


describe('foundation', () => {
  it('keeps a profile and contacts through edits, a delete and a reload', async () => {
    await fresh();
    const page = await ctx.context.newPage();
    await open(page, server.url);
    await page.getByRole('heading', { name: 'Get started' }).waitFor();

    await nav(page, 'Settings & data');
    await page.getByLabel('Your name').fill('Sam Rivera');
    await page.getByLabel('Headline').fill('Operations analyst, 6 years in logistics');
    await page.getByLabel('Skills and achievements').fill('Cut picking errors by 30%\nSQL and Python');
    await page.getByLabel('Résumé link').fill('https://example.com/sam-cv.pdf');
    await page.getByLabel('Signature').fill('Sam');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();

    await nav(page, 'Network');
    await page.getByRole('heading', { name: 'Your network is empty' }).waitFor();
    await addContact(page, { Name: 'Zoë Ólafsson', Company: 'Maersk', Role: 'Ops lead', Email: 'zoe@example.com' });
    await addContact(page, { Name: 'Bram de Vries', Company: 'Picnic' });
    await addContact(page, { Name: 'Carla Chen', Company: 'ASML', Notes: 'Met at the meetup' });

    // Edit one.
    await nav(page, 'Network');
    await page.getByRole('link', { name: /Bram de Vries/ }).click();
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('Role', { exact: true }).fill('Recruiter');
    await page.getByLabel('How we know each other').selectOption({ label: 'Former colleague' });
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Recruiter at Picnic').waitFor();

    // Delete one.
    await nav(page, 'Network');
    await page.getByRole('link', { name: /Carla Chen/ }).click();
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('status').getByText('Deleted Carla Chen.').waitFor();
    await page.getByRole('list', { name: 'Contacts' }).waitFor();
    assert.equal(await page.getByRole('link', { name: /Carla Chen/ }).count(), 0);

    await page.reload();
    await page.getByRole('list', { name: 'Contacts' }).waitFor();
    assert.equal(await page.getByRole('list', { name: 'Contacts' }).getByRole('listitem').count(), 2);
    await page.getByRole('link', { name: /Bram de Vries/ }).click();
    await page.getByText('Recruiter at Picnic').waitFor();
    await page.getByText('Former colleague').waitFor();
    await nav(page, 'Settings & data');
    assert.equal(await page.getByLabel('Your name').inputValue(), 'Sam Rivera');
    assert.equal(await page.getByLabel('Skills and achievements').inputValue(), 'Cut picking errors by 30%\nSQL and Python');
    await nav(page, 'Today');
    await page.getByRole('heading', { name: 'Hello, Sam' }).waitFor();
  });

  it('undoes a delete', async () => {
    await fresh();
    const page = await ctx.context.newPage();
    await open(page, server.url);
    await addContact(page, { Name: 'Ana Souza' });
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('status').getByText('Restored Ana Souza.').waitFor();
    await page.reload();
    await nav(page, 'Network');
    await page.getByRole('link', { name: /Ana Souza/ }).waitFor();
  });

  it('shows a change made in one tab in the other', async () => {
    await fresh();
    const first = await ctx.context.newPage();
    await open(first, server.url);
    const second = await ctx.context.newPage();
    await open(second, server.url);
    await nav(second, 'Network');
    await second.getByRole('heading', { name: 'Your network is empty' }).waitFor();

    await addContact(first, { Name: 'Dmitri Novak', Company: 'Adyen' });
    await second.getByRole('link', { name: /Dmitri Novak/ }).waitFor();

    // Both tabs edit different contacts; neither edit is lost.
    await addContact(second, { Name: 'Elif Yılmaz' });
    await nav(first, 'Network');
    await first.getByRole('link', { name: /Elif Yılmaz/ }).waitFor();
    await first.getByRole('link', { name: /Dmitri Novak/ }).click();
    await first.getByRole('button', { name: 'Edit' }).click();
    await first.getByLabel('Notes').fill('edited in the first tab');
    await nav(second, 'Network');
    await second.getByRole('link', { name: /Elif Yılmaz/ }).click();
    await second.getByRole('button', { name: 'Edit' }).click();
    await second.getByLabel('Notes').fill('edited in the second tab');
    await first.getByRole('button', { name: 'Save changes' }).click();
    await second.getByRole('button', { name: 'Save changes' }).click();

    const third = await ctx.context.newPage();
    await open(third, server.url);
    await nav(third, 'Network');
    await third.getByRole('link', { name: /Dmitri Novak/ }).click();
    await third.getByText('edited in the first tab').waitFor();
    await nav(third, 'Network');
    await third.getByRole('link', { name: /Elif Yılmaz/ }).click();
    await third.getByText('edited in the second tab').waitFor();
  });

  it('loads and works offline after one online visit', async () => {
    await fresh();
    const page = await ctx.context.newPage();
    await open(page, server.url);
    await waitForServiceWorker(page);
    await ctx.context.setOffline(true);
    await page.reload();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await addContact(page, { Name: 'Offline Olu', Company: 'Vopak' });
    await page.goto(server.url + 'network');
    await page.getByRole('link', { name: /Offline Olu/ }).waitFor();
    await ctx.context.setOffline(false);
  });

  it('runs from a sub-path of a static host, deep links included', async () => {
    await fresh();
    const sub = await serve('/apps/vouch/');
    try {
      const page = await ctx.context.newPage();
      await open(page, sub.url);
      await addContact(page, { Name: 'Sub Path' });
      assert.match(page.url(), /\/apps\/vouch\/network\/[0-9a-f-]+$/);
      await waitForServiceWorker(page);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Sub Path' }).waitFor();
      await nav(page, 'Network');
      assert.equal(page.url(), sub.url + 'network');
      // Every screen's address opens it, the later ones too, with or without a trailing slash.
      await page.goto(sub.url + 'import/');
      await page.getByRole('heading', { level: 1, name: 'Import contacts' }).waitFor();
      await page.goto(sub.url + 'duplicates');
      await page.getByRole('heading', { level: 1, name: 'Possible duplicates' }).waitFor();
    } finally {
      await sub.close();
    }
  });

  it('refuses bad input with a message and renders hostile text as text', async () => {
    await fresh();
    const page = await ctx.context.newPage();
    await open(page, server.url);
    await nav(page, 'Network');
    await page.getByRole('link', { name: 'Add your first contact' }).click();
    await page.getByLabel('Name', { exact: true }).fill('x'.repeat(201));
    await page.getByLabel('Profile URL').fill('javascript:alert(1)');
    await page.getByRole('button', { name: 'Save contact' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('Name is too long: 201 characters, at most 200').waitFor();
    await alert.getByText('Profile URL does not look like a web address starting with https://').waitFor();
    await page.getByRole('link', { name: '← Network' }).click();
    await page.getByRole('heading', { name: 'Your network is empty' }).waitFor();

    const hostile = '<img src=x onerror="document.title=\'pwned\'"><b>bold</b>';
    await addContact(page, { Name: hostile });
    assert.notEqual(await page.title(), 'pwned');
    assert.equal(await page.locator('b').count(), 0);
  });

  it('keeps changes and shows a banner when storage is full', async () => {
    await fresh();
    const page = await ctx.context.newPage();
    await open(page, server.url);
    await addContact(page, { Name: 'Before Full' });
    // Fill the origin's storage with someone else's data.
    await page.evaluate(() => {
      let i = 0;
      for (let size = 1 << 20; size >= 1; size >>= 1) {
        const chunk = 'x'.repeat(size);
        for (;;) {
          try { localStorage.setItem('filler-' + i++, chunk); } catch { break; }
        }
      }
    });
    await addContact(page, { Name: 'While Full' });
    const banner = page.getByRole('alert');
    await banner.getByText(/Not saved: the browser's storage for this site is full/).waitFor();
    await nav(page, 'Network');
    await page.getByRole('link', { name: /While Full/ }).waitFor();

    // Space is freed; "Try again" saves what was kept in memory.
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler-')).forEach((k) => localStorage.removeItem(k)));
    await banner.getByRole('button', { name: 'Try again' }).click();
    await banner.waitFor({ state: 'detached' });
    await page.reload();
    await nav(page, 'Network');
    await page.getByRole('link', { name: /While Full/ }).waitFor();
  });

  it('opens a recovery screen for unreadable data and never overwrites it', async () => {
    await fresh();
    const page = await ctx.context.newPage();
    await open(page, server.url);
    await page.evaluate(() => {
      localStorage.setItem('vouch.meta', '{"version":1}');
      localStorage.setItem('vouch.c.00', 'this is not Vouch data');
    });
    await page.reload();
    await page.getByRole('heading', { name: "Vouch can't open your saved data" }).waitFor();
    await page.getByRole('alert').getByText(/vouch\.c\.00/).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the saved data' }).click(),
    ]);
    const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.equal(saved['vouch.c.00'], 'this is not Vouch data');
    assert.equal(await page.evaluate(() => localStorage.getItem('vouch.c.00')), 'this is not Vouch data');

    await page.getByLabel(/I have kept the downloaded file/).check();
    await page.getByRole('button', { name: 'Start over' }).click();
    await page.getByRole('heading', { name: 'Get started' }).waitFor();
  });

  it('downloads a backup and restores it, refusing a malformed file', async () => {
    await fresh();
    const page = await ctx.context.newPage();
    await open(page, server.url);
    await addContact(page, { Name: 'Kept Safe', Company: 'Shell' });
    await nav(page, 'Settings & data');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download a backup' }).click(),
    ]);
    const backupPath = await download.path();
    assert.equal(JSON.parse(readFileSync(backupPath, 'utf8')).contacts[0].n, 'Kept Safe');

    const restore = page.getByLabel('Restore from a backup');
    await restore.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"app": "vouch",\n "contacts": [') });
    await page.getByRole('alert').getByText(/broken\.json: the file is not a Vouch backup: line 2.*Nothing was changed\./).waitFor();

    await nav(page, 'Network');
    await page.getByRole('link', { name: /Kept Safe/ }).click();
    await page.getByRole('button', { name: 'Delete' }).click();
    await nav(page, 'Settings & data');
    await page.getByLabel('Restore from a backup').setInputFiles(backupPath);
    await page.getByRole('button', { name: 'Replace my data' }).click();
    await nav(page, 'Network');
    await page.getByRole('link', { name: /Kept Safe/ }).waitFor();
  });
});

describe('install', () => {
  it('meets the browser’s installability checks (manifest, icons, service worker)', async () => {
    const { context } = await env.context();
    const page = await context.newPage();
    await open(page, env.server.url);
    await waitForServiceWorker(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    // Test contexts are always incognito-like, which Chromium reports on its own; every other
    // check (manifest fields, icons, service worker, start URL) must pass.
    assert.deepEqual(installabilityErrors.filter((e) => e.errorId !== 'in-incognito'), []);
    const manifest = await cdp.send('Page.getAppManifest');
    assert.deepEqual(manifest.errors, []);
    assert.match(manifest.data, /"short_name": "Vouch"/);
  });
});
