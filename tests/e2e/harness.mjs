// Shared end-to-end harness: serves the built app (dist/) from this process on 127.0.0.1, launches
// Debian's Chromium through playwright-core, and records every request that would leave 127.0.0.1
// and every console error, so each test can assert the app stays local and quiet.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { after, afterEach, before } from 'node:test';
import assert from 'node:assert/strict';

// VOUCH_DIST serves another build (an A/B of two builds in the benchmarks).
const DIST = process.env.VOUCH_DIST || new URL('../../dist/', import.meta.url).pathname;
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
};

/**
 * Serves dist/ under `prefix` (e.g. "/" or "/apps/vouch/") like a plain static host with no SPA
 * fallback, but one that serves the build's precompressed `.br`/`.gz` beside a file when the
 * browser accepts them (as nginx `gzip_static` or Netlify do), so every test also proves those
 * copies. `hashedCache` gives content-hashed files a year's caching, as a real host would (the
 * Lighthouse run); the tests keep `no-cache` so a reload always sees the build.
 */
export async function serve(prefix = '/', { dir = DIST, hashedCache = false } = {}) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(prefix)) { res.writeHead(404).end('not found'); return; }
    let file = normalize(join(dir, path.slice(prefix.length)));
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const headers = {
        'content-type': TYPES[extname(file)] || 'application/octet-stream',
        'cache-control': hashedCache && /-[0-9a-f]{8,16}(_bg)?\.\w+$/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
        vary: 'Accept-Encoding',
      };
      const accepts = String(req.headers['accept-encoding'] || '');
      let body;
      for (const [encoding, ext] of [['br', '.br'], ['gzip', '.gz']]) {
        if (!new RegExp(`\\b${encoding}\\b`).test(accepts)) continue;
        body = await readFile(file + ext).catch(() => undefined);
        if (body) { headers['content-encoding'] = encoding; break; }
      }
      body ??= await readFile(file);
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${server.address().port}${prefix}`;
  return { url, close: () => new Promise((ok) => server.close(ok)) };
}

const ARGS = [
  '--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage',
];

export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ARGS });
}

/** A fresh browser context whose outside requests and console errors are collected for asserting. */
export async function newContext(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 850 }, ...options });
  context.setDefaultTimeout(15_000);
  const outside = [];
  const errors = [];
  context.on('request', (req) => {
    const url = new URL(req.url());
    if (!['blob:', 'data:'].includes(url.protocol) && url.hostname !== '127.0.0.1') outside.push(req.url());
  });
  // Anything that is not local never reaches the network: abort it and remember it.
  await context.route((url) => !['127.0.0.1'].includes(url.hostname) && !['blob:', 'data:'].includes(url.protocol), (route) => {
    outside.push(route.request().url());
    return route.abort();
  });
  const watch = (page) => {
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
  };
  context.on('page', watch);
  return { context, outside, errors, watch };
}

/** Opens the app and waits until it has rendered. */
export async function open(page, url) {
  await page.goto(url);
  await page.getByRole('navigation', { name: 'Main' }).or(page.getByRole('heading', { name: /can't open/ })).waitFor();
}

/** Waits until the service worker controls the page, so the app is cached for offline use. */
export async function waitForServiceWorker(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
    }
  });
}

export function tempDir() {
  return mkdtempSync(join(tmpdir(), 'vouch-e2e-'));
}

/**
 * Registers what every journey file shares: one server and one browser per file, and after each
 * test the checks that no request left 127.0.0.1 and no console error appeared. Tests get their
 * browser contexts from `env.context(options)`; each is closed and checked after the test.
 */
export function setup() {
  const env = { contexts: [] };
  before(async () => {
    env.server = await serve('/');
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  afterEach(async () => {
    for (const ctx of env.contexts.splice(0)) {
      await ctx.context.close();
      assert.deepEqual(ctx.outside, [], 'no request may leave 127.0.0.1');
      assert.deepEqual(ctx.errors, [], 'no console errors');
    }
  });
  env.context = async (options) => {
    const ctx = await newContext(env.browser, options);
    env.contexts.push(ctx);
    return ctx;
  };
  return env;
}

/**
 * Follows a link of the main navigation. On a phone the less-used screens sit behind the tab
 * bar's "More", so when the link is not shown the menu is opened first, as a person would.
 */
export async function nav(page, name) {
  const main = page.getByRole('navigation', { name: 'Main' });
  // Right after a load or reload the app may not be there yet (index.html's frame is hidden from
  // assistive technology): wait for it, as a person waits for the page.
  await main.waitFor();
  const link = main.getByRole('link', { name });
  if (!(await link.isVisible())) await main.getByRole('button', { name: 'More' }).click();
  await link.click();
}

/** Adds a contact through the Network screen, filling `fields` by their labels (Name first), and
 * returns its id once its page is open. */
export async function addContact(page, fields) {
  await nav(page, 'Network');
  await page.getByRole('link', { name: /Add (your first )?contact/ }).first().click();
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole('button', { name: 'Save contact' }).click();
  await page.getByRole('heading', { level: 1, name: fields.Name }).waitFor();
  return new URL(page.url()).pathname.split('/').pop();
}
