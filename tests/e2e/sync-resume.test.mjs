// Sync when the network lets it down: a first pull cut off halfway resumes from its checkpoint and
// ends complete, and a server that can't be reached, does not allow CORS, or is http:// behind an
// https:// page gets a message the user can act on. After every failure the user's data is as it
// was. By role and label.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createServer, request } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { addContact, nav, open, setup, tempDir } from './harness.mjs';
import { startCouch } from './couch.mjs';
import { device, dropNetworkNoise, failed, setUpSync, synced } from './synchelp.mjs';

const env = setup();
let couch;
before(async () => { couch = await startCouch({ user: 'sam', password: 'secret' }); });
after(async () => { await couch?.close(); });

/** The Network screen's count of contacts, as the user reads it. */
async function contactCount(page) {
  await nav(page, 'Network');
  const count = page.getByRole('status').filter({ hasText: /\d+ contacts?$/ }).first();
  return Number((await count.textContent()).match(/\d+/)[0]);
}

/** Gives `page` `n` contacts the way a user would bring many: a backup, restored. The backup is
 * the app's own download of one contact, copied `n` times under new ids. */
async function restoreContacts(page, n) {
  await addContact(page, { Name: 'Seed Contact', Company: 'Maersk' });
  await nav(page, 'Settings & data');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download a backup' }).click(),
  ]);
  const backup = JSON.parse(await readFile(await download.path(), 'utf8'));
  const [seed] = backup.contacts;
  backup.contacts = Array.from({ length: n }, (_, k) => ({ ...seed, i: randomUUID(), n: `Contact ${k + 1}` }));
  const file = join(tempDir(), 'many.json');
  await writeFile(file, JSON.stringify(backup));
  await page.getByLabel('Restore from a backup').setInputFiles(file);
  await page.getByRole('button', { name: 'Replace my data' }).click();
  await page.getByText(`Restored ${n} contacts`).waitFor();
}

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort() {
  const server = createServer();
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  await new Promise((ok) => server.close(ok));
  return port;
}

/** A server that answers like CouchDB but sends no CORS headers, as CouchDB does by default. */
async function startServerWithoutCors() {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ couchdb: 'Welcome', db_name: 'vouch' }));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }),
  };
}

/** The app over https, with a self-signed certificate made here: a proxy to the harness's server
 * that answers an unknown path with the build's 404.html, as GitHub Pages does (without a service
 * worker, which Chromium won't register under such a certificate, a reload needs that). */
async function serveOverHttps(target) {
  const dir = tempDir();
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  const forward = (path, req, res) => {
    const upstream = request(new URL(path, target), { method: req.method, headers: req.headers }, (answer) => {
      if (answer.statusCode === 404 && path !== '/404.html') {
        answer.resume();
        forward('/404.html', req, res);
        return;
      }
      res.writeHead(answer.statusCode, answer.headers);
      answer.pipe(res);
    });
    upstream.end();
  };
  const tls = { key: await readFile(join(dir, 'key.pem')), cert: await readFile(join(dir, 'cert.pem')) };
  const server = createHttpsServer(tls, (req, res) => forward(req.url, req, res));
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `https://127.0.0.1:${server.address().port}/`, close: () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }) };
}

describe('sync when the network fails', () => {
  it('a sync cut off halfway resumes and ends complete', async () => {
    // More contacts than the pull applies at once (5,000: 5 pages of 1,000), so the cut comes
    // after a checkpoint.
    const n = 5600;
    const a = await device(env);
    await restoreContacts(a.page, n);
    await setUpSync(a.page, couch.url, 'secret');
    await synced(a.page, 60_000);

    const b = await device(env);
    await addContact(b.page, { Name: 'Bo Li' });
    // B's connection drops as it asks for the 6th page of changes: past the first checkpoint,
    // inside the second batch.
    const changes = [];
    let cut = false;
    await b.ctx.context.route(`${couch.url}/vouch/_changes*`, async (route) => {
      changes.push(new URL(route.request().url()).searchParams.get('since'));
      if (changes.length === 6 && !cut) {
        cut = true;
        await b.ctx.context.setOffline(true);
        return route.abort('internetdisconnected');
      }
      return route.continue();
    });
    await setUpSync(b.page, couch.url, 'secret');
    await failed(b.page);
    await nav(b.page, 'Settings & data');
    await b.page.getByRole('alert').filter({ hasText: "can't be reached. Check the address and that you are online." }).waitFor();
    // B keeps its own contact and what the first batch brought; nothing is half there.
    const kept = await contactCount(b.page);
    assert.ok(kept > 1 && kept < n + 1, `B has its own contact and part of A's: ${kept}`);
    await b.page.getByRole('link', { name: /Bo Li/ }).waitFor();

    // Back online, B syncs by itself and goes on from its checkpoint, not from the start.
    const before = changes.length;
    await b.ctx.context.setOffline(false);
    await synced(b.page, 60_000);
    const resumedAt = changes[before];
    assert.notEqual(resumedAt, '0', 'the pull resumed from its checkpoint');
    assert.ok(changes.length - before < 6, `fewer pages the second time: ${changes.slice(before)}`);
    assert.equal(await contactCount(b.page), n + 1, 'every contact, none twice');
    await nav(b.page, 'Settings & data');
    await b.page.getByRole('status', { name: 'Last sync' }).filter({ hasText: /received/ }).waitFor();
    const received = Number((await b.page.getByRole('status', { name: 'Last sync' }).textContent()).match(/(\d+) received/)[1]);
    assert.ok(received < n, `only the rest was received: ${received}`);
    // And B's own contact went up: the server holds A's and B's.
    assert.equal((await couch.get('/vouch')).doc_count, n + 1);
    for (const d of [a, b]) dropNetworkNoise(d.ctx, /ERR_INTERNET_DISCONNECTED|Failed to fetch|status of 404/);
  });

  it("says plainly when the server can't be reached or does not allow CORS, and changes nothing", async () => {
    const { ctx, page } = await device(env);
    await addContact(page, { Name: 'Ana Berg', Company: 'Maersk' });

    // Nothing listens on the port.
    const closed = `http://127.0.0.1:${await closedPort()}`;
    await setUpSync(page, closed, 'secret');
    await failed(page);
    await nav(page, 'Settings & data');
    await page.getByRole('alert').filter({ hasText: `the server at ${closed} can't be reached` }).waitFor();
    assert.equal(await contactCount(page), 1);

    // A server that answers but without CORS headers: the message names CouchDB's settings.
    const bare = await startServerWithoutCors();
    try {
      await setUpSync(page, bare.url, 'secret');
      await failed(page);
      await nav(page, 'Settings & data');
      const alert = page.getByRole('alert').filter({ hasText: 'CORS is not enabled' });
      await alert.waitFor();
      const text = await alert.textContent();
      assert.match(text, new RegExp(`the server at ${bare.url} answers`));
      assert.match(text, /\[chttpd\] enable_cors = true; \[cors\] origins = http:\/\/127\.0\.0\.1:\d+, credentials = true/);
    } finally {
      await bare.close();
    }
    assert.equal(await contactCount(page), 1);
    await nav(page, 'Network');
    await page.getByRole('link', { name: /Ana Berg/ }).click();
    await page.getByText('Maersk').first().waitFor();
    dropNetworkNoise(ctx, /ERR_CONNECTION_REFUSED|ERR_FAILED|Failed to fetch|CORS policy|Access-Control-Allow-Origin/);
  });

  it('says plainly when an https page is set up with an http:// server, and sends it nothing', async () => {
    const https = await serveOverHttps(env.server.url);
    const ctx = await env.context({ ignoreHTTPSErrors: true });
    const page = await ctx.context.newPage();
    try {
      await open(page, https.url);
      await addContact(page, { Name: 'Ana Berg' });
      await setUpSync(page, 'http://couch.example.org:5984', 'secret');
      await failed(page);
      await nav(page, 'Settings & data');
      await page.getByRole('alert').filter({ hasText: 'this page is served over https' }).filter({ hasText: "Use the server's https:// address" }).waitFor();
      assert.equal(await contactCount(page), 1);
      // The harness checks after the test that no request went to couch.example.org.
      dropNetworkNoise(ctx, /SSL certificate|ServiceWorker|status of 404/);
    } finally {
      // The page goes first: its requests to a closed server would be console errors.
      await page.close();
      await https.close();
    }
  });
});
