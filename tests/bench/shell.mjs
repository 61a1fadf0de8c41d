// The shell at LinkedIn scale, in headless Chromium on the built app with a 30,000-contact backup
// restored: one edit saved through the real UI (input to the stored shard), search per keystroke
// next to MiniSearch over the same contacts and fields in the same page, and the ask wizard's Who
// and What steps per click. Run with `make bench` (it builds dist/ first). Prints figures; asserts
// nothing.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { launch, newContext, open, serve } from '../e2e/harness.mjs';

const N = Number(process.env.CONTACTS || 30000);
const EDITS = Number(process.env.EDITS || 10);
const backup = `/tmp/vouch-bench-${N}.json`;
execFileSync('cargo', ['run', '-q', '--release', '--example', 'sample_backup', '--', String(N), backup], { stdio: 'inherit' });

const server = await serve('/');
const browser = await launch();
// The CSP allows only the app's own scripts; the benchmark adds MiniSearch to the same page.
const { context } = await newContext(browser, { bypassCSP: true });
const page = await context.newPage();
await open(page, server.url);
const nav = (name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();

await nav('Settings & data');
await page.getByLabel('Restore from a backup').setInputFiles(backup);
await page.getByRole('button', { name: 'Replace my data' }).click({ timeout: 60_000 });
await page.getByText(`Restored ${N} contacts`).waitFor({ timeout: 120_000 });

const stats = (times) => {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], max: sorted.at(-1) };
};
const show = (times) => {
  const { median, max } = stats(times);
  return `median ${median.toFixed(1)} ms, max ${max.toFixed(1)} ms`;
};

// In the page: click an element and time it to the end of the reactive update (a macrotask runs
// after every microtask; `done` is polled until it holds) and to just after the next paint.
// Every write of a `vouch.` key to localStorage during the click is timed too.
await page.addInitScript(() => {
  const frame = () => new Promise((ok) => requestAnimationFrame(() => ok()));
  const macrotask = () => new Promise((ok) => setTimeout(ok, 0));
  const setItem = Storage.prototype.setItem;
  let writes = null;
  Storage.prototype.setItem = function (key, value) {
    setItem.call(this, key, value);
    if (writes && String(key).startsWith('vouch.')) writes.push({ key: String(key), at: performance.now() });
  };
  window.__bench = {
    frame,
    async time(element, done = () => true) {
      writes = [];
      const start = performance.now();
      element.click();
      let update;
      for (let i = 0; i < 600; i++) {
        await macrotask();
        if (done()) break;
        await frame();
      }
      update = performance.now() - start;
      // The next frame's callbacks run just before its paint; a task queued from them runs after it.
      await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
      const paint = performance.now() - start;
      const written = writes.map((w) => ({ key: w.key, at: w.at - start }));
      writes = null;
      return { update, paint, written };
    },
    button(text, within = document) {
      return [...within.querySelectorAll('button')].find((b) => b.textContent.trim() === text && !b.disabled);
    },
  };
});
await page.reload();
await page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 120_000 });

// 1. One edit saved with 30,000 stored: a contact's notes edited and saved, and a touch logged,
// through the contact's page; timed from the click on the submit button to the shard's write.
await nav('Network');
await page.getByRole('status').getByText(`${N} contacts`).waitFor({ timeout: 120_000 });
const first = page.locator('.vlist li a').first();
await first.click();
await page.getByRole('button', { name: 'Edit', exact: true }).waitFor();
const name = (await page.getByRole('heading', { level: 1 }).textContent()).trim();
const edit = { stored: [], paint: [], keys: new Set() };
for (let i = 0; i < EDITS; i++) {
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByLabel('Notes', { exact: true }).fill(`Benchmark edit ${i}`);
  const t = await page.evaluate(() => __bench.time(__bench.button('Save changes'), () => !__bench.button('Save changes')));
  await page.getByRole('heading', { level: 1, name }).waitFor();
  const shard = t.written.find((w) => w.key.startsWith('vouch.c.'));
  edit.stored.push(shard ? shard.at : NaN);
  edit.paint.push(t.paint);
  for (const w of t.written) edit.keys.add(w.key);
}
const touch = { stored: [], paint: [], keys: new Set() };
const form = page.getByRole('form', { name: `Log a touch with ${name}` });
for (let i = 0; i < EDITS; i++) {
  await form.getByLabel('Note (optional)').fill(`Benchmark touch ${i}`);
  const t = await page.evaluate((label) => {
    const f = document.querySelector(`form[aria-label="${label}"]`);
    return __bench.time(__bench.button('Log touch', f));
  }, `Log a touch with ${name}`);
  const shard = t.written.find((w) => w.key.startsWith('vouch.t.'));
  touch.stored.push(shard ? shard.at : NaN);
  touch.paint.push(t.paint);
  for (const w of t.written) touch.keys.add(w.key);
}
const shards = (keys) => [...new Set([...keys].map((k) => k.replace(/\.[0-9a-f]{2}$/, '.*')))].join(', ') + ` (${keys.size} keys)`;
console.log(`save a contact edit with ${N} stored, ${EDITS} edits: click on Save changes to the shard written ${show(edit.stored)}; to just after the next paint ${show(edit.paint)}; written: ${shards(edit.keys)}`);
console.log(`log a touch with ${N} stored, ${EDITS} touches: click on Log touch to the shard written ${show(touch.stored)}; to just after the next paint ${show(touch.paint)}; written: ${shards(touch.keys)}`);

// 2. Search per keystroke, Vouch next to MiniSearch in the same page over the same contacts and
// fields (network/search.rs: name, company, role, industry, location, notes, tags), prefix search,
// every word required, accents and case folded.
const WORDS = ['olafsson', 'maersk', 'supply chain planner'];
await nav('Network');
await page.getByRole('status').getByText(`${N} contacts`).waitFor({ timeout: 120_000 });
const vouch = await page.evaluate(async (words) => {
  const input = document.getElementById('network-search');
  const update = [];
  const search = [];
  const typed = [];
  const paint = [];
  const hits = {};
  for (const word of words) {
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await __bench.frame();
    for (let i = 1; i <= word.length; i++) {
      performance.clearMarks();
      const start = performance.now();
      input.value = word.slice(0, i);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((ok) => setTimeout(ok, 0));
      update.push(performance.now() - start);
      typed.push(word.slice(0, i));
      // The search itself, between the marks the Network screen leaves around it.
      const [from] = performance.getEntriesByName('vouch:search:start');
      const [to] = performance.getEntriesByName('vouch:search:end');
      search.push(from && to ? to.startTime - from.startTime : NaN);
      await __bench.frame();
      await __bench.frame();
      paint.push(performance.now() - start);
    }
    hits[word] = document.querySelector('p.count[role=status]')?.textContent.trim();
  }
  return { update, search, typed, paint, hits };
}, WORDS);

// The UMD build (a global `MiniSearch`), beside the CommonJS one (the package's exports hide it).
const miniDist = dirname(dirname(createRequire(import.meta.url).resolve('minisearch')));
const miniSource = readFileSync(join(miniDist, 'umd/index.js'), 'utf8');
const MINI_VERSION = JSON.parse(readFileSync(join(miniDist, '../package.json'), 'utf8')).version;
await page.addScriptTag({ content: miniSource });
const contacts = JSON.parse(readFileSync(backup, 'utf8')).contacts.map((c) => ({
  id: c.i, name: c.n || '', company: c.co || '', role: c.ro || '', industry: c.in || '', location: c.lo || '',
  tags: (c.tg || []).join(' '), notes: c.no || '',
}));
const mini = await page.evaluate(({ contacts, words }) => {
  const fold = (term) => term.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const fields = ['name', 'company', 'role', 'industry', 'location', 'tags', 'notes'];
  let start = performance.now();
  const index = new MiniSearch({ fields, processTerm: fold, searchOptions: { prefix: true, combineWith: 'AND' } });
  index.addAll(contacts);
  const build = performance.now() - start;
  const search = [];
  const hits = {};
  for (const word of words) {
    for (let i = 1; i <= word.length; i++) {
      start = performance.now();
      const found = index.search(word.slice(0, i));
      search.push(performance.now() - start);
      hits[word] = found.length;
    }
  }
  return { build, search, hits };
}, { contacts, words: WORDS });
const v = stats(vouch.update);
const vs = stats(vouch.search);
const m = stats(mini.search);
console.log(`search per keystroke at ${N}, ${vouch.update.length} keystrokes of ${WORDS.map((w) => `"${w}"`).join(', ')}:`);
console.log(`  Vouch, search and list update: ${show(vouch.update)}; to the painted result ${show(vouch.paint)} (includes waiting for two frames); shown for the whole words: ${Object.entries(vouch.hits).map(([w, n]) => `${w} ${n}`).join(', ')}`);
console.log(`  MiniSearch ${MINI_VERSION} in the same page (prefix, every word): ${show(mini.search)}; its index built in ${mini.build.toFixed(0)} ms; hits for the whole words: ${Object.entries(mini.hits).map(([w, n]) => `${w} ${n}`).join(', ')}`);
const worst = vouch.update.indexOf(Math.max(...vouch.update));
console.log(`  Vouch's slowest keystroke: "${vouch.typed[worst]}", ${vouch.update[worst].toFixed(1)} ms, of which the search ${vouch.search[worst].toFixed(1)} ms`);
console.log(`  Vouch, the search alone (between its performance marks): ${show(vouch.search)}`);
console.log(`  Vouch search alone / MiniSearch search alone: median ${(vs.median / m.median).toFixed(2)}×, max ${(vs.max / m.max).toFixed(2)}×`);
console.log(`  Vouch (search and list update) / MiniSearch (search alone): median ${(v.median / m.median).toFixed(2)}×, max ${(v.max / m.max).toFixed(2)}×`);

// 3. The wizard's Who and What steps: two goals (targeted at companies in the sample), then per
// round: choose a goal, Next to Who, choose a person, Next to What, choose what to ask, and Back
// twice to start again. Each click is timed to just after the next paint.
await nav('Make the ask');
await page.getByRole('heading', { name: /^Step 1 of 6: Goal$/ }).waitFor();
for (const [roles, company] of [['Supply chain planner', 'Maersk'], ['Software engineer', 'Adyen']]) {
  if (await page.getByRole('button', { name: 'Create a new goal' }).isVisible()) await page.getByRole('button', { name: 'Create a new goal' }).click();
  const goal = page.getByRole('form', { name: 'New goal' });
  await goal.getByLabel('Targeted', { exact: true }).check();
  await goal.getByLabel('Roles').fill(roles);
  await goal.getByLabel('Company', { exact: true }).fill(company);
  await goal.getByRole('button', { name: 'Save goal' }).click();
  await page.getByLabel(new RegExp(`${roles} at ${company}`)).waitFor();
}
const wizard = await page.evaluate(async (rounds) => {
  const out = { goal: [], toWho: [], person: [], toWhat: [], what: [], back: [], candidates: 0 };
  const step = () => document.getElementById('step-heading').textContent;
  const at = (name) => () => step().endsWith(`: ${name}`);
  const radios = () => [...document.querySelectorAll('.wizard-step input[type=radio]')];
  const goalRadios = () => [...document.querySelectorAll('.wizard-step fieldset.option-list input[type=radio]')];
  const unpicked = (list) => list.find((r) => !r.checked);
  const push = (list, t) => list.push([t.update, t.paint]);
  for (let round = 0; round < rounds; round++) {
    // Goal: switch to the other goal and back to the first, so both clicks change the pick.
    push(out.goal, await __bench.time(unpicked(goalRadios())));
    push(out.goal, await __bench.time(unpicked(goalRadios())));
    push(out.toWho, await __bench.time(__bench.button('Next'), at('Who')));
    const people = [...document.querySelectorAll('.wizard-step .candidate input[type=radio]')];
    out.candidates = people.length;
    // Two people not picked yet, a different pair each round.
    const person = () => unpicked([...people.slice((2 * round) % people.length), ...people]);
    push(out.person, await __bench.time(person()));
    push(out.person, await __bench.time(person()));
    push(out.toWhat, await __bench.time(__bench.button('Next'), at('What to ask')));
    const kinds = radios();
    const other = unpicked(kinds);
    if (other) push(out.what, await __bench.time(other));
    push(out.back, await __bench.time(__bench.button('Back'), at('Who')));
    push(out.back, await __bench.time(__bench.button('Back'), at('Goal')));
  }
  return out;
}, EDITS);
console.log(`wizard at ${N}, ${EDITS} rounds, each click to the end of its update and to just after the next paint:`);
const click = (times) => `update ${show(times.map((t) => t[0]))}; to just after the next paint ${show(times.map((t) => t[1]))}`;
console.log(`  choose a goal: ${click(wizard.goal)}`);
console.log(`  Next to Who (${wizard.candidates} people listed for the goal): ${click(wizard.toWho)}`);
console.log(`  choose a person: ${click(wizard.person)}`);
console.log(`  Next to What: ${click(wizard.toWhat)}`);
console.log(`  choose what to ask: ${wizard.what.length ? click(wizard.what) : 'only one choice offered'}`);
console.log(`  Back (What to Who, Who to Goal): ${click(wizard.back)}`);

await browser.close();
await server.close();
