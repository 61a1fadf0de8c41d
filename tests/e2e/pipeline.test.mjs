// After the ask: outcomes, the urgent referral queue, closing the loop, and the calendar export.
// Asks are seeded by restoring a backup through Settings & data (the ask wizard is built apart);
// everything after that goes through the screens, found by role and label.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { nav, open, setup } from './harness.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const env = setup();

const HOUR = 3600_000;
const id = (n) => `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`;
const day = (ms) => new Date(ms).toISOString().slice(0, 10);
/** The browser's local date, as the app's `today()` sees it. */
const localDay = (ms) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** Sam's search: a goal, three contacts, two waiting asks, and a referral Bram made yesterday. */
function backup(now) {
  const sent = now - 5 * 24 * HOUR;
  const ask = (n, contact) => ({
    i: id(n), ct: id(contact), g: id(30), kd: 'referral', ch: 'email', d: day(sent), o: 'waiting', c: sent, m: sent,
  });
  return {
    app: 'vouch', version: 1, exported_at: now,
    profile: { n: 'Sam Rivera', hl: 'Operations analyst', sk: ['Cut picking errors by 30%', 'SQL and Python'], cv: 'https://example.com/sam-cv.pdf', sg: 'Sam', m: sent },
    contacts: [
      { i: id(1), n: 'Ana Souza', co: 'Maersk', em: 'ana@example.com', k: 3, l: 3, t: 3, c: sent, m: sent },
      { i: id(2), n: 'Bram de Vries', co: 'Maersk', c: sent, m: sent },
      { i: id(3), n: 'Chloé Martin', co: 'DSV', c: sent, m: sent },
    ],
    goals: [{ i: id(30), kd: 'targeted', ro: ['Supply chain planner'], in: 'Logistics', lo: ['Rotterdam'], co: 'Maersk', pi: ['Cut picking errors by 30%'], ar: false, c: sent, m: sent }],
    asks: [
      ask(40, 1),
      ask(41, 3),
      { ...ask(42, 2), o: 'yes', ty: day(now - 26 * HOUR), ad: day(now - 26 * HOUR) },
    ],
    referrals: [{
      i: id(50), n: 'Lena Vos', co: 'Maersk', ro: 'Planning lead', em: 'lena@example.com', by: id(2), a: id(42), g: id(30),
      at: now - 26 * HOUR, ca: true, va: 'people who bring numbers', st: 'new', ty: day(now - 26 * HOUR), c: now - 26 * HOUR, m: now - 26 * HOUR,
    }],
  };
}

/** Restores `data` (Sam's search as of `now` unless given) through Settings & data. */
async function restore(page, now, data = backup(now)) {
  await nav(page, 'Settings & data');
  await page.getByLabel('Restore from a backup').setInputFiles({
    name: 'search.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(data)),
  });
  await page.getByRole('button', { name: 'Replace my data' }).click();
  await page.getByRole('status').getByText(/Restored/).waitFor();
}

async function openContact(page, name) {
  await nav(page, 'Network');
  await page.getByRole('link', { name: new RegExp(name) }).first().click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** Unfolds an iCalendar file and checks the RFC 5545 rules Vouch promises, returning its events. */
function parseIcs(text) {
  assert.ok(text.endsWith('\r\n'), 'the file ends with CRLF');
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) {
    assert.ok(!line.includes('\n') && !line.includes('\r'), 'no bare line breaks');
    assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `folded at 75 octets: ${line}`);
  }
  const lines = [];
  for (const line of physical) {
    if (line.startsWith(' ')) lines[lines.length - 1] += line.slice(1);
    else lines.push(line);
  }
  assert.equal(lines[0], 'BEGIN:VCALENDAR');
  assert.equal(lines.at(-1), 'END:VCALENDAR');
  assert.ok(lines.includes('VERSION:2.0'));
  assert.ok(lines.some((l) => l.startsWith('PRODID:')));
  const events = [];
  let current = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') { events.push(current); current = null; }
    else if (current) {
      const colon = line.indexOf(':');
      current[line.slice(0, colon)] = line.slice(colon + 1);
    }
  }
  for (const e of events) {
    for (const key of ['UID', 'DTSTAMP', 'SUMMARY']) assert.ok(e[key], `${key} in every event`);
    assert.match(e.DTSTAMP, /^\d{8}T\d{6}Z$/, 'DTSTAMP in UTC');
    const start = e.DTSTART ?? e['DTSTART;VALUE=DATE'];
    assert.match(start, /^\d{8}(T\d{6}Z)?$/, 'DTSTART as a date or a UTC time');
    for (const v of [e.SUMMARY, e.DESCRIPTION ?? '']) assert.doesNotMatch(v, /(^|[^\\])[;,]/, 'TEXT escaped');
  }
  return events;
}

describe('pipeline', () => {
  it('a yes with two referrals → the urgent queue with ages → first contact → thank-you owed → sent', async () => {
    const { context } = await env.context();
    const page = await context.newPage();
    await open(page, env.server.url);
    await restore(page, Date.now());

    // The referral from yesterday is the first thing Today shows: who, how long ago, a ready message.
    await nav(page, 'Today');
    const urgent = page.getByRole('list', { name: 'Contact now' });
    await urgent.waitFor();
    const first = urgent.getByRole('article').first();
    await first.getByRole('heading', { name: 'Lena Vos' }).waitFor();
    await first.getByText(/Referred 2[56] hours ago/).waitFor();
    await first.getByText('Bram de Vries will call ahead', { exact: false }).waitFor();
    await first.getByRole('button', { name: 'Write first message to Lena Vos' }).click();
    const draft = first.getByRole('region', { name: 'First message to Lena Vos' });
    const text = await draft.getByRole('textbox', { name: 'Message', exact: true }).inputValue();
    assert.match(text, /Bram de Vries suggested I/);
    assert.match(text, /people who bring numbers/);

    // Ana says yes with two names.
    await openContact(page, 'Ana Souza');
    await page.getByRole('button', { name: 'Record a yes from Ana Souza' }).click();
    const form = page.getByRole('form', { name: 'Yes from Ana Souza' });
    const p1 = form.getByRole('group', { name: 'Person 1' });
    await p1.getByLabel('Name').fill('Priya Natarajan');
    await p1.getByLabel('Company').fill('Maersk');
    await p1.getByLabel('Email').fill('priya@example.com');
    await p1.getByLabel('What they value').fill('concrete numbers');
    await form.getByRole('group', { name: 'Person 2' }).getByLabel('Name').fill('Tom Berg');
    await form.getByRole('button', { name: 'Save the yes' }).click();
    await page.getByRole('status').getByText('Recorded the yes: 2 referrals to contact now.').waitFor();
    await page.getByText('Referred you to: Priya Natarajan (New), Tom Berg (New)').waitFor();

    // Both are in the urgent queue, oldest first, with their age.
    await nav(page, 'Today');
    await urgent.waitFor();
    const names = await urgent.getByRole('heading').allTextContents();
    assert.deepEqual(names, ['Lena Vos', 'Priya Natarajan', 'Tom Berg']);
    const priya = urgent.getByRole('article', { name: 'Priya Natarajan' });
    await priya.getByText('Referred less than an hour ago').waitFor();
    await urgent.getByRole('article', { name: 'Tom Berg' }).getByText('Referred less than an hour ago').waitFor();

    // First contact with Priya: she leaves the urgent section; the thank-you to Ana is owed.
    await priya.getByRole('button', { name: 'Write first message to Priya Natarajan' }).click();
    assert.match(await priya.getByRole('textbox', { name: 'Message', exact: true }).inputValue(), /Ana Souza suggested I[\s\S]*concrete numbers/);
    await priya.getByRole('button', { name: 'Mark as sent: log first contact' }).click();
    await page.getByRole('status').getByText('Logged your first contact with Priya Natarajan.').waitFor();
    await urgent.getByRole('article', { name: 'Priya Natarajan' }).waitFor({ state: 'detached' });
    assert.deepEqual(await urgent.getByRole('heading').allTextContents(), ['Lena Vos', 'Tom Berg']);

    const owedList = page.getByRole('list', { name: 'Thanks and updates owed' });
    const thanks = owedList.getByRole('listitem').filter({ hasText: 'Ana Souza said yes' });
    await thanks.waitFor();
    await thanks.getByRole('button', { name: 'Write the thank-you to Ana Souza' }).click();
    assert.match(await thanks.getByRole('textbox', { name: 'Message', exact: true }).inputValue(), /referring me to Priya Natarajan and Tom Berg/);
    await thanks.getByRole('button', { name: 'Mark as sent' }).click();
    await page.getByRole('status').getByText('Logged: thank-you to Ana Souza.').waitFor();
    await owedList.waitFor({ state: 'detached' });
    assert.equal(await page.getByRole('heading', { name: 'Thanks and updates owed' }).count(), 0);

    // Sending it added a touchpoint to Ana's timeline; and it all survives a reload.
    await page.reload();
    await openContact(page, 'Ana Souza');
    await page.getByRole('list', { name: 'Timeline' }).getByText('Sent a thank-you').waitFor();
    await nav(page, 'Referrals');
    await page.getByRole('list', { name: 'Contacted' }).getByRole('article', { name: 'Priya Natarajan' }).waitFor();
    assert.equal(await page.getByRole('list', { name: 'New' }).getByRole('article').count(), 2);
  });

  it('a can’t with a reason offers the keep-eyes-open draft and plans the later follow-up', async () => {
    const { context } = await env.context();
    const page = await context.newPage();
    await open(page, env.server.url);
    const now = Date.now();
    await restore(page, now);

    await openContact(page, 'Chloé Martin');
    await page.getByRole('button', { name: "Record a can't from Chloé Martin" }).click();
    const form = page.getByRole('form', { name: "Can't from Chloé Martin" });
    // A follow-up dated before the ask is refused and nothing changes.
    await form.getByLabel('Follow up later on').fill(day(now - 30 * 24 * HOUR));
    await form.getByRole('button', { name: "Save the can't" }).click();
    await form.getByRole('alert').getByText(/The later follow-up must be after the day of the ask/).waitFor();

    await form.getByLabel("Why they can't, in their words").fill('No planner openings until spring; ask the DSV team instead of Maersk.');
    await form.getByLabel('This questions my plan: show it on the goal').check();
    await form.getByLabel('Follow up later on').fill(localDay(now));
    await form.getByRole('button', { name: "Save the can't" }).click();
    await page.getByRole('status').getByText(/Recorded\. Next: ask them to keep their eyes open/).waitFor();

    const steps = page.getByRole('list', { name: "After the can't" });
    await steps.getByText('Ask them to keep their eyes open').waitFor();
    await steps.getByRole('listitem').filter({ hasText: 'keep their eyes open' }).getByRole('button', { name: 'Write it' }).click();
    const eyes = steps.getByRole('region', { name: 'Ask them to keep their eyes open' });
    assert.match(await eyes.getByRole('textbox', { name: 'Message', exact: true }).inputValue(), /keep me in mind|think of me|keep an ear out/i);
    await eyes.getByRole('button', { name: 'Mark as sent' }).click();
    await steps.getByText(/sent \d+ \w+ \d{4}/).waitFor();
    await steps.getByText(/Later follow-up with your progress:/).waitFor();

    // The later follow-up is due today; the advice owes a thank-you; the doubt shows on the goal.
    await nav(page, 'Today');
    const due = page.getByRole('list', { name: 'Follow-ups due' });
    await due.getByText(/Chloé Martin couldn't help in \w+: write again with your progress/).waitFor();
    await page.getByRole('list', { name: 'Thanks and updates owed' }).getByText(/Chloé Martin couldn't help with your referral request but gave advice/).waitFor();
    await nav(page, 'Goals');
    const progress = page.getByRole('region', { name: 'Progress: Supply chain planner at Maersk' });
    await progress.getByText('No planner openings until spring; ask the DSV team instead of Maersk.').waitFor();
    await progress.getByText(/3 asks · 1 yes · 1 can't · 1 waiting/).waitFor();
  });

  it('moves a referral through its stages one step at a time, owes the introducer a how-it-went, and closes it', async () => {
    const { context } = await env.context();
    const page = await context.newPage();
    await open(page, env.server.url);
    const now = Date.now();
    const data = backup(now);
    // Lena, referred 26 hours ago, was contacted 6 hours later.
    Object.assign(data.referrals[0], { st: 'contacted', fc: now - 20 * HOUR, sc: now - 20 * HOUR });
    await restore(page, now, data);

    await nav(page, 'Today');
    assert.equal(await page.getByRole('heading', { name: 'Contact now' }).count(), 0, 'a contacted referral is not urgent');
    await nav(page, 'Referrals');
    const lena = page.getByRole('article', { name: 'Lena Vos' });
    await lena.getByText('Stage: Contacted').waitFor();
    await lena.getByRole('button', { name: 'Move Lena Vos to Meeting set' }).click();
    await lena.getByText('Stage: Meeting set').waitFor();
    await lena.getByText('Notes to prepare').click();
    await lena.getByLabel('Notes on Lena Vos').fill('Prepare the SQL exercise; ask about the S&OP cycle.');
    await lena.getByRole('button', { name: 'Save notes' }).click();
    await page.getByRole('status').getByText('Notes saved.').waitFor();

    // After the meeting, Bram is owed a how-it-went that says what happened.
    await nav(page, 'Today');
    const owedList = page.getByRole('list', { name: 'Thanks and updates owed' });
    const howItWent = owedList.getByRole('listitem').filter({ hasText: 'You got to meet Lena Vos through Bram de Vries' });
    await howItWent.getByRole('button', { name: 'Write the how it went to Bram de Vries' }).click();
    assert.match(await howItWent.getByRole('textbox', { name: 'Message', exact: true }).inputValue(), /Lena Vos[\s\S]*set up a meeting/);
    await howItWent.getByRole('button', { name: 'Mark as sent' }).click();
    await owedList.waitFor({ state: 'detached' });

    // Forward one step at a time, then closed with how it ended; the goal's progress follows.
    await nav(page, 'Referrals');
    assert.equal(await lena.getByRole('button', { name: /Move Lena Vos to (Offer|Closed)/ }).count(), 0, 'no skipping a stage');
    await lena.getByRole('button', { name: 'Move Lena Vos to Interviewing' }).click();
    await lena.getByText('Stage: Interviewing').waitFor();
    await lena.getByLabel('How it ended').selectOption({ label: 'No offer' });
    await lena.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('list', { name: 'Closed' }).getByRole('article', { name: 'Lena Vos' }).getByText('Stage: Closed · No offer').waitFor();
    assert.equal(await page.getByLabel('Notes on Lena Vos').inputValue(), 'Prepare the SQL exercise; ask about the S&OP cycle.');
    await nav(page, 'Goals');
    const progress = page.getByRole('region', { name: 'Progress: Supply chain planner at Maersk' });
    await progress.getByText('Closed 1').waitFor();
    await progress.getByText('6 hours (median of 1)', { exact: true }).waitFor();
  });

  it('moving one referral keeps the other cards as they were: an open draft and notes not yet saved', async () => {
    const { context } = await env.context();
    const page = await context.newPage();
    await open(page, env.server.url);
    const now = Date.now();
    const data = backup(now);
    const lena = data.referrals[0];
    // Priya is new as well; Tom was contacted yesterday.
    data.referrals.push(
      { ...lena, i: id(51), n: 'Priya Natarajan', em: 'priya@example.com', at: now - 20 * HOUR, c: now - 20 * HOUR, m: now - 20 * HOUR },
      { ...lena, i: id(52), n: 'Tom Berg', em: 'tom@example.com', at: now - 30 * HOUR, st: 'contacted', fc: now - 24 * HOUR, sc: now - 24 * HOUR, c: now - 30 * HOUR, m: now - 24 * HOUR },
    );
    await restore(page, now, data);

    await nav(page, 'Referrals');
    const card = (name) => page.getByRole('article', { name });
    // Lena's first message is open and being edited; Tom's notes are typed but not saved.
    await card('Lena Vos').getByRole('button', { name: 'Write first message to Lena Vos' }).click();
    const lenaDraft = card('Lena Vos').getByRole('region', { name: 'First message to Lena Vos' });
    await lenaDraft.getByRole('textbox', { name: 'Message', exact: true }).fill('Hi Lena, Bram told me about your team.');
    await card('Tom Berg').getByText('Notes to prepare').click();
    await card('Tom Berg').getByLabel('Notes on Tom Berg').fill('Ask about the planning test.');

    // Priya moves from New to Contacted: both her old column (Lena's) and her new one (Tom's) change.
    await card('Priya Natarajan').getByRole('button', { name: 'Log first contact with Priya Natarajan' }).click();
    await page.getByRole('status').getByText('Logged your first contact with Priya Natarajan.').waitFor();
    await page.getByRole('list', { name: 'Contacted' }).getByRole('article', { name: 'Priya Natarajan' }).waitFor();

    assert.equal(await lenaDraft.getByRole('textbox', { name: 'Message', exact: true }).inputValue(), 'Hi Lena, Bram told me about your team.');
    assert.equal(await card('Tom Berg').getByLabel('Notes on Tom Berg').inputValue(), 'Ask about the planning test.');
    await page.getByRole('heading', { name: /Contacted/ }).getByText('(2)').waitFor();
  });

  it('exports all upcoming reminders as a valid .ics file', async () => {
    const { context } = await env.context();
    const page = await context.newPage();
    await open(page, env.server.url);
    await restore(page, Date.now());
    await nav(page, 'Today');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Add all upcoming to calendar' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^vouch-upcoming-\d{4}-\d{2}-\d{2}\.ics$/);
    const events = parseIcs(readFileSync(await download.path(), 'utf8'));
    const summaries = events.map((e) => e.SUMMARY);
    assert.ok(summaries.includes('Contact Lena Vos (referred by Bram de Vries)'), summaries.join(' | '));
    const lena = events.find((e) => e.SUMMARY.startsWith('Contact Lena'));
    assert.match(lena.DTSTART, /^\d{8}T\d{6}Z$/, 'the first-contact deadline is a UTC time');
  });

  for (const [label, options] of [
    ['laptop, light', { viewport: { width: 1100, height: 850 }, colorScheme: 'light' }],
    ['phone, dark', { viewport: { width: 360, height: 740 }, colorScheme: 'dark' }],
  ]) {
    it(`the pipeline screens pass axe on a ${label}, and nothing is wider than the screen`, async () => {
      const { context } = await env.context(options);
      const page = await context.newPage();
      await open(page, env.server.url);
      await restore(page, Date.now());
      const found = {};
      const check = async (name) => {
        await page.evaluate(axeSource);
        const result = await page.evaluate(() =>
          // eslint-disable-next-line no-undef
          axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
        found[name] = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `${name}: the page scrolls sideways by ${overflow}px`);
      };
      await nav(page, 'Today');
      await page.getByRole('button', { name: 'Write first message to Lena Vos' }).click();
      await check('today with a referral and its draft');
      await openContact(page, 'Ana Souza');
      await page.getByRole('button', { name: 'Record a yes from Ana Souza' }).click();
      await check('contact with the yes form');
      await page.getByRole('button', { name: "Record a can't from Ana Souza" }).click();
      await check('contact with the can\'t form');
      await nav(page, 'Referrals');
      await check('referrals');
      await nav(page, 'Goals');
      await check('goals with progress');
      for (const [screen, list] of Object.entries(found)) assert.deepEqual(list, [], `${screen}: ${list.join('; ')}`);
    });
  }
});
