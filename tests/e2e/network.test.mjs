// Network and nurture: judgements, touchpoints and the cadence clock, backers, warm paths through
// a knows-link, and search that ignores accents. Elements are found by role and label.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { nav, open, setup } from './harness.mjs';

const env = setup();
let server, ctx;

async function fresh() {
  server = env.server;
  ctx = await env.context();
}

function daysAgo(n) {
  const d = new Date();
  d.setDate(d.getDate() - n);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Adds a contact with judgements; `touch` logs one touchpoint `touch.daysAgo` days back. */
async function addContact(page, { name, company, know, like, trust, knowsWork, cadence, touch }) {
  await nav(page, 'Network');
  await page.getByRole('link', { name: /Add (your first )?contact/ }).first().click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  if (company) await page.getByLabel('Company', { exact: true }).fill(company);
  await page.getByLabel('How well do they know you?').selectOption({ label: know });
  await page.getByLabel('How much do they like you?').selectOption({ label: like });
  await page.getByLabel('How much do they trust you?').selectOption({ label: trust });
  if (knowsWork) await page.getByLabel('They know my work well enough to recommend it').check();
  if (cadence) await page.getByLabel('Keep in touch').selectOption({ label: cadence });
  await page.getByRole('button', { name: 'Save contact' }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
  if (touch) {
    const form = page.getByRole('form', { name: `Log a touch with ${name}` });
    await form.getByLabel('What happened').selectOption({ label: touch.kind });
    await form.getByLabel('When').fill(daysAgo(touch.daysAgo));
    await form.getByRole('button', { name: 'Log touch' }).click();
    await page.getByRole('list', { name: 'Timeline' }).getByText(touch.kind).waitFor();
  }
}

async function backerNames(page) {
  await nav(page, 'Backers');
  const list = page.getByRole('list', { name: 'Backers' });
  await list.waitFor();
  return list.getByRole('listitem').allInnerTexts();
}

describe('network and nurture', () => {
  it('a lunch takes a contact off going cold and up the backers; a warm path survives a reload', async () => {
    await fresh();
    const page = await ctx.context.newPage();
    await open(page, server.url);
    await addContact(page, {
      name: 'Ana Souza', company: 'Maersk', know: 'Very well', like: 'Close', trust: 'Complete',
      knowsWork: true, cadence: 'Monthly', touch: { kind: 'Call', daysAgo: 100 },
    });
    await addContact(page, {
      name: 'Bram de Vries', company: 'Adyen', know: 'Well', like: 'Close', trust: 'Complete',
      knowsWork: true, touch: { kind: 'Call', daysAgo: 1 },
    });
    await addContact(page, { name: 'Carla Chen', know: 'Barely', like: 'Friendly', trust: 'Unproven' });

    // Ana is past her monthly check-in; Bram outranks her among backers; Carla, a weak tie, is last.
    await nav(page, 'Today');
    const cold = page.getByRole('list', { name: 'Going cold' });
    await cold.getByText('Ana Souza').waitFor();
    assert.equal(await cold.getByText('Bram de Vries').count(), 0);
    let ranked = await backerNames(page);
    assert.match(ranked[0], /Bram de Vries/);
    assert.match(ranked[1], /Ana Souza/);
    assert.match(ranked.at(-1), /Carla Chen/);

    // Readiness on the contact page says to warm up a weak tie first.
    await nav(page, 'Network');
    await page.getByRole('link', { name: /Carla Chen/ }).click();
    await page.getByRole('region', { name: 'Relationship at a glance' }).getByText('Build the bond first', { exact: true }).waitFor();

    // Lunch with Ana today.
    await nav(page, 'Network');
    await page.getByRole('link', { name: /Ana Souza/ }).click();
    const form = page.getByRole('form', { name: 'Log a touch with Ana Souza' });
    await form.getByLabel('What happened').selectOption({ label: 'Coffee or lunch' });
    await form.getByRole('button', { name: 'Log touch' }).click();
    await page.getByRole('list', { name: 'Timeline' }).getByText('Coffee or lunch').waitFor();

    await nav(page, 'Today');
    await page.getByRole('heading', { name: /Hello|Welcome/ }).waitFor();
    assert.equal(await page.getByRole('list', { name: 'Going cold' }).getByText('Ana Souza').count(), 0);
    ranked = await backerNames(page);
    assert.match(ranked[0], /Ana Souza/);

    // Bram knows a recruiter at Picnic: searching the company shows the path through him.
    await nav(page, 'Network');
    await page.getByRole('link', { name: /Bram de Vries/ }).click();
    const add = page.getByRole('form', { name: 'Add someone they know' });
    await add.getByLabel('Someone else').check();
    await add.getByLabel('Their name').fill('Inès Haddad');
    await add.getByLabel('Their company').fill('Picnic');
    await add.getByLabel('Their role').fill('Recruiter');
    await add.getByLabel('How well do they know them?').selectOption({ label: 'Very well' });
    await add.getByRole('button', { name: 'Add link' }).click();
    await page.getByRole('list', { name: 'Knows' }).getByText('Inès Haddad').waitFor();

    await page.reload();
    await nav(page, 'Network');
    await page.getByLabel('Search contacts').fill('picnic');
    const paths = page.getByRole('list', { name: 'Through someone you know' });
    await paths.getByText('Inès Haddad (Recruiter)').waitFor();
    await paths.getByRole('link', { name: 'Bram de Vries' }).waitFor();
    await paths.getByText('Ask Bram de Vries to introduce you to Inès Haddad').waitFor();

    // Everything is still there after the reload.
    await nav(page, 'Today');
    await nav(page, 'Network');
    await page.getByRole('link', { name: /Ana Souza/ }).click();
    assert.equal(await page.getByRole('list', { name: 'Timeline' }).getByRole('listitem').count(), 2);
  });

  it('finds contacts by name without accents, by tag and with "/"', async () => {
    await fresh();
    const page = await ctx.context.newPage();
    await open(page, server.url);
    await nav(page, 'Network');
    for (const [name, tags] of [['Zoë Ólafsson', 'logistics'], ['Bram Jansen', 'fintech'], ['Ólafur Arnalds', 'music']]) {
      await page.getByRole('link', { name: /Add (your first )?contact/ }).first().click();
      await page.getByLabel('Name', { exact: true }).fill(name);
      await page.getByLabel('Tags').fill(tags);
      await page.getByRole('button', { name: 'Save contact' }).click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      await nav(page, 'Network');
    }
    await page.getByRole('heading', { name: 'Network' }).click();
    await page.keyboard.press('/');
    await page.keyboard.type('zoe olafsson');
    const list = page.getByRole('list', { name: 'Contacts' });
    await page.getByRole('status').getByText('1 of 3 contacts match').waitFor();
    await list.getByText('Zoë Ólafsson').waitFor();
    await page.getByLabel('Search contacts').fill('OLAF');
    await page.getByRole('status').getByText('2 of 3 contacts match').waitFor();
    await page.getByLabel('Search contacts').fill('');
    await page.getByText('Filters').click();
    await page.getByLabel('Tag').selectOption('fintech');
    await page.getByRole('status').getByText('1 of 3 contacts match').waitFor();
    await list.getByText('Bram Jansen').waitFor();
  });
});
